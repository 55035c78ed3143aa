import Testing
@testable import SnippetInterpreter

/// What makes a session cheap to start stays invisible: operators lex as the old table did, the shared
/// prelude AST is the same object in every session, and nothing one session does leaks into another.
@Suite struct InterpreterStartupTests {
    /// The operator table the byte switch replaced, matched longest first: the reference for `operatorLength`.
    static let referenceOperators: [[UInt8]] = [
        "**=", "//=", ">>=", "<<=", "...", "->", ":=",
        "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "@=", "==", "!=", "<=", ">=", "**", "//", "<<", ">>",
        "+", "-", "*", "/", "%", "&", "|", "^", "~", "@", "<", ">", "(", ")", "[", "]", "{", "}", ",", ":",
        ".", ";", "=",
    ].sorted { $0.count > $1.count }.map { Array($0.utf8) }

    static func referenceLength(_ bytes: [UInt8]) -> Int {
        referenceOperators.first { bytes.starts(with: $0) }?.count ?? 0
    }

    @Test func operatorLengthMatchesTheLongestMatchTable() {
        // Every printable ASCII byte in the first two places, and the bytes that can extend an operator third.
        let alphabet: [UInt8] = Array(0x20...0x7E) + [0x00, 0x0A]
        let third: [UInt8] = Array("=.>*/<a 0".utf8) + [0x00]
        var mismatches: [String] = []
        for c0 in alphabet {
            for c1 in alphabet {
                for c2 in third {
                    // A 0 byte is what the lexer's `peek` returns past the end of the source.
                    let expected = Self.referenceLength(Array([c0, c1, c2].prefix { $0 != 0 }))
                    if PythonLexer.operatorLength(c0, c1, c2) != expected { mismatches.append("\(c0) \(c1) \(c2)") }
                }
            }
        }
        #expect(mismatches.isEmpty, "bytes lexed differently: \(mismatches.prefix(10))")
    }

    @Test func operatorsAndBracketErrorsLexAsBefore() throws {
        let tokens = try PythonLexer("a **= b //= c >>= d <<= e ... -> := != @= ~x\n").tokenize()
        #expect(tokens.filter { $0.kind == .op }.map(\.text) == ["**=", "//=", ">>=", "<<=", "...", "->", ":=", "!=", "@=", "~"])
        #expect(throws: PythonLexError(type: "SyntaxError", message: "closing parenthesis ']' does not match opening parenthesis '('", line: 1, column: 5)) {
            try PythonLexer("f(1, ]").tokenize()
        }
        #expect(throws: PythonLexError(type: "SyntaxError", message: "closing parenthesis '}' does not match opening parenthesis '[' on line 1", line: 2, column: 0)) {
            try PythonLexer("x = [1,\n}").tokenize()
        }
        #expect(throws: PythonLexError(type: "SyntaxError", message: "'{' was never closed", line: 1, column: 4)) {
            try PythonLexer("d = {1: 2").tokenize()
        }
        #expect(throws: PythonLexError(type: "SyntaxError", message: "unmatched ')'", line: 1, column: 1)) {
            try PythonLexer("x)").tokenize()
        }
        #expect(throws: PythonLexError(type: "SyntaxError", message: "invalid syntax", line: 1, column: 2)) {
            try PythonLexer("a !b").tokenize()
        }
    }

    /// `Module.__init__` of `torch.nn` in a fresh session: its code object comes from the shared prelude AST.
    static func moduleInitCode() throws -> FunctionCode {
        let session = SnippetSession()
        #expect(session.run("import torch.nn as nn").error == nil)
        let nn = try #require(session.interpreter.modules["torch.nn"])
        guard case .object(let moduleObject) = nn.attributes["Module"] ?? .none, let module = moduleObject as? PyClass,
              case .object(let initObject) = module.dict["__init__"] ?? .none, let function = initObject as? PyFunction else {
            Issue.record("torch.nn.Module.__init__ is not a Python function")
            throw CancellationError()
        }
        return function.code
    }

    @Test func sessionsShareOneParsedPrelude() throws {
        guard case .success = NNPrelude.parsedNN.body, case .success = NNPrelude.parsedFunctional.body,
              case .success = NNPrelude.parsedInitializers.body else {
            Issue.record("a torch.nn prelude does not parse")
            return
        }
        #expect(try Self.moduleInitCode() === Self.moduleInitCode())
    }

    @Test func monkeypatchingTorchDoesNotLeakIntoTheNextSession() {
        let patch = """
        import torch
        import torch.nn as nn
        torch.add = None
        torch.brand_new = 1
        nn.Linear = None
        nn.functional.relu = None
        print(torch.add, nn.Linear, torch.brand_new)
        """
        #expect(Snippet.run(patch).stdout == "None None 1\n")
        let fresh = """
        import torch
        import torch.nn as nn
        import torch.nn.functional as F
        print(torch.add(torch.ones(1), 1), nn.Linear.__name__, F.relu(torch.tensor([-1.0])))
        try:
            torch.brand_new
        except NotImplementedError as e:
            print(e)
        """
        let outcome = Snippet.run(fresh)
        #expect(outcome.error == nil)
        #expect(outcome.stdout == "tensor([2.]) Linear tensor([0.])\ntorch.brand_new is not supported in quiz snippets\n")
    }

    @Test func concurrentSessionsPrintTheSameAsOne() async {
        let source = """
        import torch
        import torch.nn as nn
        torch.manual_seed(0)
        layer = nn.Linear(3, 2)
        print(layer)
        print(layer(torch.ones(1, 3)).shape)
        """
        let expected = Snippet.run(source)
        #expect(expected.error == nil)
        let outputs = await withTaskGroup(of: String.self) { group in
            for _ in 0..<8 { group.addTask { Snippet.run(source).stdout } }
            return await group.reduce(into: [String]()) { $0.append($1) }
        }
        #expect(outputs == Array(repeating: expected.stdout, count: 8))
    }

    @Test func nativeDefaultsAndKeywordsBindAfterSharing() {
        let source = """
        import torch
        x = torch.tensor([[1.0, 2.0], [3.0, 4.0]])
        print(x.sum(), x.sum(dim=0), x.sum(1, keepdim=True).shape)
        print(round(2.675, 2), round(2.5), int('ff', base=16))
        """
        let outcome = Snippet.run(source)
        #expect(outcome.error == nil)
        #expect(outcome.stdout == "tensor(10.) tensor([4., 6.]) torch.Size([2, 1])\n2.67 2 255\n")
    }
}
