import Testing
@testable import SnippetInterpreter

/// Pooled interpreters (`Interpreter+World.swift`): a session on a reused interpreter must behave exactly as on a
/// fresh one, whatever ran before it. Each test owns a one-interpreter pool, so every session reuses the same one.
@Suite struct InterpreterPoolTests {
    /// Runs `source` in a session from `pool` (nil: a private, fresh interpreter).
    private static func run(_ source: String, pool: InterpreterPool?) -> SnippetOutcome {
        SnippetSession(filename: "pool.py", limits: .default, pool: pool).run(source)
    }

    /// Every writer of shared objects: the writing session sees its change, the next session never does, and the
    /// tainted interpreter is not returned to the pool.
    @Test(arguments: [
        ("import torch.nn as nn\nnn.Linear.extra = 1\nprint(nn.Linear.extra)\n", "import torch.nn as nn\nprint(hasattr(nn.Linear, 'extra'))\n"),
        ("import torch.nn as nn\ndel nn.Module.train\nprint(hasattr(nn.Module, 'train'))\n", "import torch.nn as nn\nprint(hasattr(nn.Module, 'train'))\n"),
        ("import torch\ntorch.answer = 42\nprint(torch.answer)\n", "import torch\nprint('answer' in dir(torch))\n"),
        ("import torch.nn.functional as F\nF.relu.note = 'x'\nprint(F.relu.note)\n", "import torch.nn.functional as F\nprint(hasattr(F.relu, 'note'))\n"),
        ("import torch.nn.functional as F\nF.relu.__name__ = 'patched'\nprint(F.relu.__name__)\n", "import torch.nn.functional as F\nprint(F.relu.__name__)\n"),
        ("import torch.nn as nn\nsetattr(nn.ReLU, 'forward', lambda self, x: 0)\nprint(nn.ReLU()(1))\n", "import torch\nimport torch.nn as nn\nprint(nn.ReLU()(torch.tensor([-1.0, 2.0])))\n"),
        ("import math\nmath.pi = 3\nprint(math.pi)\n", "import math\nprint(math.pi)\n"),
    ] as [(String, String)])
    func aSnippetsPatchIsNeverSeenByTheNextSession(_ patch: String, _ probe: String) {
        let pool = InterpreterPool(capacity: 1)
        #expect(Self.run("print(1)\n", pool: pool).error == nil)
        #expect(pool.idleCount == 1)
        let patched = Self.run(patch, pool: pool)
        #expect(patched.error == nil, "\(patched.error?.traceback ?? "")")
        #expect(pool.idleCount == 0, "a tainted interpreter went back to the pool")
        #expect(Self.run(probe, pool: pool).stdout == Self.run(probe, pool: nil).stdout)
    }

    /// State a session changes without touching shared objects starts afresh: globals, the default generator,
    /// print options, grad mode, `id()` numbering.
    @Test func perSessionStateStartsAfresh() {
        let pool = InterpreterPool(capacity: 1)
        let first = Self.run("""
            import torch
            torch.manual_seed(0)
            torch.set_printoptions(precision=2)
            torch.set_grad_enabled(False)
            leftover = torch.randn(3)
            class Local:
                pass
            print(leftover)
            """, pool: pool)
        #expect(first.stdout == "tensor([ 1.54, -0.29, -2.18])\n")
        #expect(pool.idleCount == 1)
        let probe = """
            import torch
            print(torch.randn(3))
            print(torch.is_grad_enabled())
            print(torch.ones(2, requires_grad=True) * 2)
            try:
                print(leftover)
            except NameError as e:
                print(e)
            """
        let reused = Self.run(probe, pool: pool)
        let fresh = Self.run(probe, pool: nil)
        #expect(reused.stdout == fresh.stdout)
        #expect(reused.error?.lastLine == fresh.error?.lastLine)
        #expect(fresh.stdout.hasSuffix("name 'leftover' is not defined\n"))
        #expect(pool.idleCount == 1)
    }

    /// Errors, limits and the memory budget belong to one session: after a session that failed, ran out of steps
    /// or filled its budget, the next one on the same interpreter starts from nothing.
    @Test func limitsAndBudgetsAreReset() {
        let pool = InterpreterPool(capacity: 1)
        let tight = SnippetLimits(maxSteps: 10_000, maxMemoryBytes: 1 << 20, maxRecursionDepth: 50, maxOutputBytes: 100)
        let looping = SnippetSession(filename: "a.py", limits: tight, pool: pool).run("while True:\n    pass\n")
        #expect(looping.error?.type == "RuntimeError")
        let small = SnippetLimits(maxSteps: 10_000_000, maxMemoryBytes: 1 << 20, maxRecursionDepth: 50, maxOutputBytes: 100)
        let hoarding = SnippetSession(filename: "b.py", limits: small, pool: pool).run("x = []\nwhile True:\n    x.append('y' * 100)\n")
        #expect(hoarding.error?.type == "MemoryError")
        let normal = SnippetSession(filename: "c.py", limits: .default, pool: pool)
            .run("import torch\nx = [0] * 100000\nprint(len(x), torch.zeros(1000, 1000).sum())\n")
        #expect(normal.stdout == "100000 tensor(0.)\n")
        #expect(normal.error == nil)
        let traced = SnippetSession(filename: "d.py", limits: .default, pool: pool).run("def f():\n    raise ValueError('v')\nf()\n")
        #expect(traced.error?.traceback == """
            Traceback (most recent call last):
              File "d.py", line 3, in <module>
                f()
              File "d.py", line 2, in f
                raise ValueError('v')
            ValueError: v

            """)
    }

    /// Every recorded PyTorch corpus snippet, in order and then in reverse, through one reused interpreter: each
    /// prints exactly what PyTorch printed, so nothing one snippet leaves behind changes another's output.
    @Test func theCorpusRunsOnOneReusedInterpreter() throws {
        let pool = InterpreterPool(capacity: 1)
        let names = CorpusTests.cases
        try #require(names.count == 150)
        for name in names + names.reversed() {
            let source = try #require(CorpusTests.read(name, "py"))
            let expected = try #require(CorpusTests.read(name, "out"))
            let outcome = SnippetSession(filename: name + ".py", limits: .default, pool: pool).run(source)
            #expect(outcome.stdout == expected, "\(name) differs on a reused interpreter")
            if let err = CorpusTests.read(name, "err") {
                #expect(outcome.error?.lastLine == err.trimmingCharacters(in: .newlines), "\(name)")
            } else {
                #expect(outcome.error == nil, "\(name): \(outcome.error?.traceback ?? "")")
            }
        }
    }
}
