import Testing
@testable import SnippetInterpreter

@Suite struct SnippetSessionTests {
    @Test func chunksShareOneNamespaceAndReportFileLines() throws {
        let session = SnippetSession(filename: "challenge.md")
        let first = session.run("import math\nx = 2\nprint(x * 21)\n", firstLine: 10)
        #expect(first.stdout == "42\n")
        #expect(first.error == nil)
        let second = session.run("y = x + 1\nprint(y)\nz = y / 0\n", firstLine: 20)
        #expect(second.stdout == "3\n")
        let error = try #require(second.error)
        #expect(error.type == "ZeroDivisionError")
        #expect(error.message == "division by zero")
        #expect(error.line == 22)
        #expect(error.lastLine == "ZeroDivisionError: division by zero")
        #expect(error.traceback == """
            Traceback (most recent call last):
              File "challenge.md", line 22, in <module>
                z = y / 0
            ZeroDivisionError: division by zero

            """)
        #expect(session.globalNames == ["math", "x", "y"])
        #expect(session.displayString(of: "y") == "3")
        #expect(session.displayString(of: "nope") == nil)
    }

    @Test func stringRepetitionMatchesPython() {
        let source = """
            print('ab' * 3, repr('x' * 0), repr('x' * -2), repr('' * 5), 'é✓' * 2, len('xyz' * 100001))
            s = 'q' * 7
            print(s, 3 * 'no', len(s * 1000), (s * 1000)[-3:])

            """
        let outcome = Snippet.run(source)
        #expect(outcome.error == nil)
        #expect(outcome.stdout == "ababab '' '' '' é✓é✓ 300003\nqqqqqqq nonono 7000 qqq\n")
    }

    @Test func displayStringUsesStr() {
        let session = SnippetSession()
        _ = session.run("s = 'text'\nl = [0.1, 'a']\nf = 1e-5\n")
        #expect(session.displayString(of: "s") == "text")
        #expect(session.displayString(of: "l") == "[0.1, 'a']")
        #expect(session.displayString(of: "f") == "1e-05")
    }

    @Test func emptyMessageShowsTypeOnly() throws {
        let error = try #require(Snippet.run("assert 1 == 2\n").error)
        #expect(error.lastLine == "AssertionError")
        #expect(error.message == "")
    }

    @Test func syntaxErrorsHaveCPythonPositions() throws {
        let error = try #require(Snippet.run("x = 1\ny = = 2\n", filename: "s.py").error)
        #expect(error.type == "SyntaxError")
        #expect(error.message == "invalid syntax")
        #expect(error.line == 2)
        #expect(error.column == 5)
        #expect(error.traceback == "  File \"s.py\", line 2\n    y = = 2\n        ^\nSyntaxError: invalid syntax\n")
        let shifted = try #require(SnippetSession().run("\n\nprint('a'\n", firstLine: 40).error)
        #expect(shifted.lastLine == "SyntaxError: '(' was never closed")
        #expect(shifted.line == 42)
        let indent = try #require(Snippet.run("def f():\nreturn 1\n").error)
        #expect(indent.lastLine == "IndentationError: expected an indented block after function definition on line 1")
    }

    @Test func outputBeforeAnErrorIsKept() {
        let outcome = Snippet.run("print('a')\nprint('b')\n[][0]\nprint('c')\n")
        #expect(outcome.stdout == "a\nb\n")
        #expect(outcome.error?.lastLine == "IndexError: list index out of range")
    }
}

@Suite struct SnippetLimitsTests {
    let small = SnippetLimits(maxSteps: 10_000, maxMemoryBytes: 1 << 20, maxRecursionDepth: 50, maxOutputBytes: 100)

    @Test func stepLimitStopsInfiniteLoopsAndCannotBeCaught() throws {
        let source = "try:\n    while True:\n        pass\nexcept Exception:\n    print('caught')\nexcept BaseException:\n    print('caught base')\n"
        let outcome = Snippet.run(source, limits: small)
        #expect(outcome.stdout == "")
        #expect(outcome.error?.lastLine == "RuntimeError: snippet exceeded the step limit of 10000 steps")
    }

    @Test func defaultStepLimitEndsAnInfiniteLoop() {
        let outcome = Snippet.run("n = 0\nwhile True:\n    n += 1\n")
        #expect(outcome.error?.lastLine == "RuntimeError: snippet exceeded the step limit of 10000000 steps")
    }

    @Test func recursionLimitRaisesCatchableRecursionError() {
        let source = "def f(n):\n    return f(n + 1)\ntry:\n    f(0)\nexcept RecursionError as e:\n    print('caught', e)\n"
        #expect(Snippet.run(source, limits: small).stdout == "caught maximum recursion depth exceeded\n")
    }

    @Test func deepRecursionAtTheDefaultLimitDoesNotOverflowTheNativeStack() throws {
        let outcome = Snippet.run("def f(n):\n    return [f(n + 1)]\nf(0)\n")
        let error = try #require(outcome.error)
        #expect(error.lastLine == "RecursionError: maximum recursion depth exceeded")
        #expect(error.traceback.contains("  [Previous line repeated 996 more times]\n"))
    }

    @Test(arguments: ["s = 'a' * 10**10\n", "l = [0] * 10**9\n", "t = (1, 2) * 10**9\n", "s = 'ab' * 2**62\n"])
    func memoryBudgetRejectsHugeAllocationsAtOnce(_ source: String) {
        let outcome = Snippet.run("try:\n    " + source + "except MemoryError:\n    print('caught')\n", limits: small)
        #expect(outcome.stdout == "")
        #expect(outcome.error?.lastLine == "MemoryError: snippet exceeded the memory limit of 1048576 bytes")
    }

    @Test func outputCapStopsRunawayPrinting() {
        let outcome = Snippet.run("for i in range(1000):\n    print('0123456789')\n", limits: small)
        #expect(outcome.stdout == String(repeating: "0123456789\n", count: 9))
        #expect(outcome.error?.lastLine == "RuntimeError: snippet exceeded the output limit of 100 bytes")
    }

    @Test func integerOverflowIsAnErrorNotAWrap() {
        #expect(Snippet.run("print(2 ** 64)\n").error?.lastLine == "OverflowError: integer overflow (quiz snippets support 64-bit integers)")
        #expect(Snippet.run("x = 9223372036854775807\nx += 1\n").error?.lastLine == "OverflowError: integer overflow (quiz snippets support 64-bit integers)")
        #expect(Snippet.run("print(2 ** 63 - 1 if False else 2 ** 62 * 2 - 1 + 2 ** 62 * 2)\n").error?.type == "OverflowError")
    }
}

@Suite struct SandboxTests {
    @Test(arguments: ["os", "sys", "subprocess", "socket", "importlib", "builtins"])
    func importsOutsideTheAllowListAreRefused(_ module: String) {
        let outcome = Snippet.run("import \(module)\n")
        #expect(outcome.error?.lastLine == "ModuleNotFoundError: No module named '\(module)' (only torch, torch.nn, torch.nn.functional and math are available in quiz snippets)")
        #expect(Snippet.run("from \(module) import path\n").error?.type == "ModuleNotFoundError")
    }

    @Test(arguments: ["open", "eval", "exec", "compile", "__import__", "globals", "locals", "vars", "input", "breakpoint", "exit", "quit"])
    func dangerousBuiltinsAreNotDefined(_ name: String) {
        let outcome = Snippet.run("\(name)('x')\n")
        #expect(outcome.error?.lastLine == "NameError: name '\(name)' is not defined (\(name)() is not available in quiz snippets)")
    }

    @Test(arguments: ["().__class__.__bases__[0].__subclasses__()", "print.__self__", "(lambda: 0).__globals__", "[].__reduce__()", "getattr(1, '__subclasshook__')"])
    func dunderEscapesAreRefused(_ expression: String) throws {
        let error = try #require(Snippet.run("x = \(expression)\n").error)
        #expect(error.type == "AttributeError")
        #expect(error.message.hasPrefix("access to '__"))
        #expect(error.message.hasSuffix("' is not allowed in quiz snippets"))
    }

    @Test func safeDundersStillWork() {
        let outcome = Snippet.run("class A:\n    pass\nprint(A().__class__.__name__, type(1).__name__, A.__init__ is object.__init__)\n")
        #expect(outcome.stdout == "A int True\n")
    }

    @Test func printToAFileIsRefused() {
        #expect(Snippet.run("print('x', file=None)\n").stdout == "x\n")
        #expect(Snippet.run("print('x', file=1)\n").error?.lastLine == "TypeError: print(file=...) is not available in quiz snippets")
    }
}

@Suite struct NativeStackSafetyTests {
    @Test func deeplyNestedListsAreBuiltComparedAndFreedSafely() {
        let source = "x = []\nfor i in range(300000):\n    x = [x]\nprint(x == x)\ntry:\n    print(x)\nexcept RecursionError as e:\n    print(e)\nx = None\nprint('freed')\n"
        let outcome = Snippet.run(source)
        #expect(outcome.error == nil)
        #expect(outcome.stdout == "True\nmaximum recursion depth exceeded while getting the repr of an object\nfreed\n")
    }

    @Test func parenthesesNestingIsBoundedLikeCPython() {
        let source = "x = " + String(repeating: "(", count: 250) + "1" + String(repeating: ")", count: 250) + "\n"
        #expect(Snippet.run(source).error?.lastLine == "SyntaxError: too many nested parentheses")
    }
}
