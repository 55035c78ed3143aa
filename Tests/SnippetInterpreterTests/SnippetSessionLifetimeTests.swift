import Testing
@testable import SnippetInterpreter

/// A finished session must free everything it created, reference cycles included: `quizc build` runs a session per
/// challenge and `quizc serve` runs for days (FuzzInterpreter's LeakSanitizer run first reported the cycles).
/// A private session (no pool) frees its whole interpreter; a pooled one frees its own values and keeps the world.
@Suite struct SnippetSessionLifetimeTests {
    @Test(arguments: ["x = = 2\n", "print(1)\n", "x = []\nx.append(x)\n", "class A:\n    def f(self):\n        return self\na = A()\nm = a.f\n"])
    func aFinishedPrivateSessionFreesItsInterpreter(_ source: String) {
        weak var interpreter: Interpreter?
        do {
            let session = SnippetSession(filename: "leak.py", limits: .default, pool: nil)
            interpreter = session.interpreter
            _ = session.run(source)
        }
        #expect(interpreter == nil)
    }

    /// The object a global names, looked up while the session is alive.
    private static func global(_ session: SnippetSession, _ name: String) throws -> AnyObject {
        switch try #require(session.interpreter.globals.vars[name]) {
        case .list(let list): return list
        case .dict(let dict): return dict
        case .object(let object): return object
        default:
            Issue.record("\(name) is not a reference")
            throw CancellationError()
        }
    }

    /// Sources whose global `name` sits in a reference cycle, freed whether the session is private or pooled.
    static let cycles: [(String, String)] = [
        ("x = []\nx.append(x)\n", "x"),
        ("d = {}\nd['self'] = d\n", "d"),
        ("s = []\nt = (s, 1)\ns.append(t)\n", "s"),
        ("class A:\n    pass\n", "A"),
        ("class A:\n    def f(self):\n        return self\na = A()\na.m = a.f\n", "a"),
        ("def f():\n    return f\n", "f"),
        ("def outer():\n    def inner():\n        return inner\n    return inner\ng = outer()\n", "g"),
        ("import torch\nlayer = torch.nn.Linear(4, 2)\n", "layer"),
        ("import torch\nimport torch.nn as nn\nmodel = nn.Sequential(nn.Linear(4, 4), nn.ReLU())\ny = model(torch.ones(2, 4))\n", "model"),
        ("try:\n    1 / 0\nexcept ZeroDivisionError as e:\n    err = e\n", "err"),
    ]

    @Test(arguments: cycles + [
        ("class A:\n    @property\n    def p(self):\n        return self\nb = [A()]\nb.append(b)\n", "b"),
        ("import torch\nnn = torch.nn\n", "nn"),
    ] as [(String, String)])
    func aFinishedPrivateSessionFreesValuesInCycles(_ source: String, _ name: String) throws {
        weak var value: AnyObject?
        do {
            let session = SnippetSession(filename: "leak.py", limits: .default, pool: nil)
            let outcome = session.run(source)
            #expect(outcome.error == nil)
            value = try Self.global(session, name)
            #expect(value != nil)
        }
        #expect(value == nil)
    }

    /// The same sources on a pooled interpreter: every value the session made is freed, the interpreter is kept.
    @Test(arguments: cycles + [
        ("import torch\nclass Holder:\n    pass\nh = Holder()\nh.t = torch.ones(2)\nh.me = h\n", "h"),
        ("import torch.nn as nn\nclass Block(nn.Module):\n    def __init__(self):\n        super().__init__()\n        self.inner = nn.Linear(2, 2)\n        self.me = self\nb = Block()\n", "b"),
    ] as [(String, String)])
    func aFinishedPooledSessionFreesItsValuesAndKeepsTheInterpreter(_ source: String, _ name: String) throws {
        let pool = InterpreterPool(capacity: 1)
        weak var value: AnyObject?
        weak var interpreter: Interpreter?
        do {
            let session = SnippetSession(filename: "leak.py", limits: .default, pool: pool)
            let outcome = session.run(source)
            #expect(outcome.error == nil)
            value = try Self.global(session, name)
            interpreter = session.interpreter
            #expect(value != nil)
        }
        #expect(value == nil)
        #expect(interpreter != nil)
        #expect(pool.idleCount == 1)
    }

    @Test func torchClassesAndTensorsAreFreedWithAPrivateSession() throws {
        weak var tensorClass: PyClass?
        weak var linearClass: AnyObject?
        weak var weight: AnyObject?
        do {
            let session = SnippetSession(filename: "leak.py", limits: .default, pool: nil)
            let outcome = session.run("import torch\nlayer = torch.nn.Linear(4, 2)\nw = layer.weight\nprint(w.shape)\n")
            #expect(outcome.stdout == "torch.Size([2, 4])\n")
            tensorClass = session.interpreter.torchState.tensorClass
            linearClass = try #require(session.interpreter.modules["torch.nn"]?.attributes["Linear"].flatMap { value -> PyObject? in
                if case .object(let o) = value { o } else { nil }
            })
            weight = try Self.global(session, "w")
        }
        #expect(tensorClass == nil)
        #expect(linearClass == nil)
        #expect(weight == nil)
    }

    @Test func outcomesAndErrorsOutliveTheSession() throws {
        var outcome: SnippetOutcome?
        do {
            let session = SnippetSession(filename: "leak.py")
            outcome = session.run("x = [1]\nx.append(x)\nprint(x)\nraise ValueError(x)\n")
        }
        let finished = try #require(outcome)
        #expect(finished.stdout == "[1, [...]]\n")
        #expect(finished.error?.lastLine == "ValueError: [1, [...]]")
    }

    @Test func teardownOfDeeplyNestedAndSharedValuesEnds() {
        // A 100,000-deep chain of instances and a tuple DAG with 2^60 paths: the walk is iterative and visits each once.
        let session = SnippetSession(filename: "leak.py", limits: .default, pool: nil)
        let outcome = session.run("""
            class Node:
                pass
            head = None
            for i in range(100000):
                n = Node()
                n.next = head
                head = n
            t = ()
            for i in range(60):
                t = (t, t, [t])
            """)
        #expect(outcome.error == nil)
        weak var head: AnyObject?
        head = try? Self.global(session, "head")
        #expect(head != nil)
        session.interpreter.tearDown()
        #expect(head == nil)
    }
}
