import Foundation
import Testing

@Suite struct FixCommandTests {
    @Test func fixesThenChecksCleanAndIsIdempotent() throws {
        let dir = try scratchCopy()
        defer { try? FileManager.default.removeItem(at: dir) }
        let executor = "--executor=recorded:recorded.json"
        let first = try runQuizc(["fix", "content", executor], cwd: dir)
        #expect(first.status == 0)
        #expect(first.stdout == """
            content/attention/01-sdpa.md:15:1: fixed: wrote the computed output into `## Answer` (1 → 1 lines)
            content/attention/02-shape.md:14:3: fixed: unmarked a choice that differs from the output
            content/attention/02-shape.md:15:3: fixed: marked the choice equal to the output
            3 changes in 2 files; 0 errors, 0 warnings

            """)
        let original = try String(contentsOf: fixturesURL.appendingPathComponent("content/attention/02-shape.md"), encoding: .utf8)
        let fixed = try String(contentsOf: dir.appendingPathComponent("content/attention/02-shape.md"), encoding: .utf8)
        #expect(fixed == original.replacing("- [x] `torch.Size([4, 8, 10, 8])`\n- [ ]", with: "- [ ] `torch.Size([4, 8, 10, 8])`\n- [x]"))

        let check = try runQuizc(["check", "content", executor], cwd: dir)
        #expect(check.status == 0)
        #expect(timeless(check.stdout) == "checked 2 challenges in 1 quiz in T s: 0 errors, 0 warnings\n")

        let second = try runQuizc(["fix", "content", executor], cwd: dir)
        #expect(second.status == 0)
        #expect(second.stdout == "0 changes in 0 files; 0 errors, 0 warnings\n")
    }
}
