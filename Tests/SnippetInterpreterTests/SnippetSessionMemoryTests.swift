import Testing
@testable import SnippetInterpreter

/// The memory limit bounds what a session holds in total: containers and tensors charge the session's budget as
/// they grow and release it when they shrink or die, so a loop that keeps replacing a big value never hits the limit.
@Suite struct SnippetSessionMemoryTests {
    static let limits = SnippetLimits(maxSteps: 1_000_000, maxMemoryBytes: 64 << 20, maxRecursionDepth: 1000, maxOutputBytes: 1 << 20)
    static let memory = "MemoryError: snippet exceeded the memory limit of 67108864 bytes"

    /// Bytes the session holds after running `source` (on top of a fresh session's).
    private static func held(after source: String, in session: SnippetSession) throws -> Int {
        let outcome = session.run(source)
        #expect(outcome.error == nil)
        return session.interpreter.memory.used
    }

    @Test(arguments: [
        "x = [0] * 10 ** 6\nx = None\n",
        "x = ['x' * 10 ** 6 for _ in range(10)]\ndel x\n",
        "d = {i: str(i) * 1000 for i in range(1000)}\nd.clear()\nd = None\n",
        "s = {str(i) * 1000 for i in range(1000)}\ns = None\n",
        "x = []\nfor i in range(1000):\n    x.append(str(i) * 1000)\nwhile x:\n    x.pop()\nx = None\n",
        "x = [None] * 10\nfor i in range(10):\n    x[i] = 'y' * 10 ** 5\nx = 0\n",
        "d = {}\nfor i in range(100):\n    d['k' * 100 + str(i)] = 'v' * 10 ** 4\nfor k in list(d):\n    del d[k]\nd = None\n",
        "import torch\nt = torch.ones(1000, 1000)\nt = None\n",
    ])
    func releasedValuesReturnTheirBytes(_ source: String) throws {
        let session = SnippetSession(filename: "memory.py", limits: Self.limits)
        let baseline = try Self.held(after: "import torch\nx = d = s = t = None\n", in: session)
        let after = try Self.held(after: source, in: session)
        #expect(after == baseline)
    }

    @Test func heldValuesAreChargedWithTheirStrings() throws {
        let session = SnippetSession(filename: "memory.py", limits: Self.limits)
        let baseline = try Self.held(after: "x = None\n", in: session)
        let list = try Self.held(after: "x = ['x' * 10 ** 6 for _ in range(10)]\n", in: session)
        #expect(list - baseline >= 10_000_000)
        #expect(list - baseline < 10_001_000)
        let dict = try Self.held(after: "x = {i: 'x' * 10 ** 6 for i in range(10)}\n", in: session)
        #expect(dict - baseline >= 10_000_000)
        #expect(dict - baseline < 10_002_000)
    }

    @Test func replacingABigValueInALoopStaysUnderTheLimit() {
        // 16 MB lists and 10 MB strings, 260 MB in all; at most two of each are alive at once.
        let outcome = Snippet.run("for i in range(10):\n    x = [i] * 10 ** 6\n    y = str(i) * 10 ** 7\nprint(len(x))\n",
                                  limits: Self.limits)
        #expect(outcome.error == nil)
        #expect(outcome.stdout == "1000000\n")
    }

    /// A refused allocation leaves the session's values in place: a later chunk sees them, cannot grow past the
    /// limit, and can free them to make room.
    @Test func aSessionAtTheLimitKeepsItsValuesAndCanFreeThem() {
        let session = SnippetSession(filename: "memory.py", limits: Self.limits)
        let first = session.run("x = []\nfor i in range(100):\n    x.append('x' * 10 ** 6)\n")
        #expect(first.error?.lastLine == Self.memory)
        #expect(first.error?.line == 3)
        let second = session.run("print(60 < len(x) < 68)\n")
        #expect(second.stdout == "True\n")
        #expect(second.error == nil)
        #expect(session.run("x.append('y' * 10 ** 6)\n").error?.lastLine == Self.memory)
        let fourth = session.run("x.clear()\nx.append('y' * 10 ** 6)\nprint(len(x))\n")
        #expect(fourth.stdout == "1\n")
        #expect(fourth.error == nil)
    }

    @Test func theLimitCannotBeCaught() {
        let outcome = Snippet.run("try:\n    x = [[0] * 10 ** 5 for _ in range(100)]\nexcept MemoryError:\n    print('caught')\n",
                                  limits: Self.limits)
        #expect(outcome.stdout == "")
        #expect(outcome.error?.lastLine == Self.memory)
    }
}
