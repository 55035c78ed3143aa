import Foundation
import Testing

/// `quizc run`: stdout as Python prints it, CPython-style tracebacks on stderr with exit 1, resource options.
@Suite struct RunCommandTests {
    @Test func runsAFileAndPrintsLikePython() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("quizc-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("snippet.py")
        try "import torch\nx = torch.tensor([1.5, -2.25])\nprint(x, x.shape)\n".write(to: file, atomically: true, encoding: .utf8)
        let result = try runQuizc(["run", file.path])
        #expect(result.status == 0)
        #expect(result.stdout == "tensor([ 1.5000, -2.2500]) torch.Size([2])\n")
        #expect(result.stderr == "")
    }

    @Test func readsStandardInputAndKeepsOutputBeforeAnError() throws {
        let result = try runQuizc(["run", "-"], stdin: "print('before')\nimport torch\ntorch.ones(2, 3) @ torch.ones(2, 3)\n")
        #expect(result.status == 1)
        #expect(result.stdout == "before\n")
        #expect(result.stderr == """
            Traceback (most recent call last):
              File "<stdin>", line 3, in <module>
                torch.ones(2, 3) @ torch.ones(2, 3)
            RuntimeError: mm: mat1 and mat2 shapes cannot be multiplied (2x3 and 2x3)

            """)
    }

    @Test func stepLimitOption() throws {
        let result = try runQuizc(["run", "-", "--max-steps", "1000"], stdin: "while True:\n    pass\n")
        #expect(result.status == 1)
        #expect(result.stderr.hasSuffix("RuntimeError: snippet exceeded the step limit of 1000 steps\n"))
    }

    @Test func memoryLimitOption() throws {
        let result = try runQuizc(["run", "-", "--max-memory-mb", "1"], stdin: "import torch\nx = torch.zeros(1024, 1024)\n")
        #expect(result.status == 1)
        #expect(result.stderr.hasSuffix("MemoryError: snippet exceeded the memory limit of 1048576 bytes\n"))
    }

    @Test func rejectsNonPositiveLimits() throws {
        let result = try runQuizc(["run", "-", "--max-output-kb", "0"], stdin: "")
        #expect(result.status == 2)
        #expect(result.stderr.contains("--max-output-kb must be positive"))
    }

    @Test func missingFileIsAUsageError() throws {
        let result = try runQuizc(["run", "/nonexistent/snippet.py"])
        #expect(result.status == 2)
        #expect(result.stderr == "error: cannot read /nonexistent/snippet.py\n")
    }
}
