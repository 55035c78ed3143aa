import Foundation
import Testing

@Suite struct CheckCommandTests {
    static let executor = "--executor=recorded:recorded.json"

    @Test func reportsEveryProblemSortedWithExitOne() throws {
        let dir = try scratchCopy()
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = try runQuizc(["check", "content", Self.executor], cwd: dir)
        #expect(result.status == 1)
        #expect(result.stderr == "")
        #expect(timeless(result.stdout) == """
            content/attention/01-sdpa.md:15:1: error: stated answer does not match the computed output
                --- stated answer
                +++ computed output
                @@ -1,1 +1,1 @@
                -approximately [[1.718, 2.718]]
                +tensor([[1.7191, 2.7191]])
                run `quizc fix` to write the computed output into the answer
            content/attention/02-shape.md:14:1: error: marked choice does not match the computed output
                --- marked choice
                +++ computed output
                @@ -1,1 +1,1 @@
                -torch.Size([4, 8, 10, 8])
                +torch.Size([4, 10, 64])
                run `quizc fix` to mark the choice that equals the output
            content/attention/02-shape.md:15:1: error: unmarked choice equals the computed output
                computed output: torch.Size([4, 10, 64])
                mark it `[x]` (run `quizc fix`) or change it to a wrong output
            checked 2 challenges in 1 quiz in T s: 3 errors, 0 warnings

            """)
    }

    @Test func acceptsASingleChallengeFileAndGitHubFormat() throws {
        let dir = try scratchCopy()
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = try runQuizc(["check", "content/attention/02-shape.md", "--format", "github", Self.executor], cwd: dir)
        #expect(result.status == 1)
        #expect(result.stdout == """
            ::error file=content/attention/02-shape.md,line=14,col=1,title=choice-mismatch::marked choice does not match the computed output%0A--- marked choice%0A+++ computed output%0A@@ -1,1 +1,1 @@%0A-torch.Size([4, 8, 10, 8])%0A+torch.Size([4, 10, 64])%0Arun `quizc fix` to mark the choice that equals the output
            ::error file=content/attention/02-shape.md,line=15,col=1,title=distractor-matches-output::unmarked choice equals the computed output%0Acomputed output: torch.Size([4, 10, 64])%0Amark it `[x]` (run `quizc fix`) or change it to a wrong output

            """)
    }

    @Test func jsonFormatListsRuleAndLocation() throws {
        let dir = try scratchCopy()
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = try runQuizc(["check", "content/attention", "--format", "json", Self.executor], cwd: dir)
        #expect(result.status == 1)
        let array = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(array.map { $0["rule"] as? String } == ["answer-mismatch", "choice-mismatch", "distractor-matches-output"])
        #expect(array.map { ($0["location"] as? [String: Any])?["line"] as? Int } == [15, 14, 15])
    }

    @Test func badFilesGetLocatedErrorsNotCrashes() throws {
        let dir = try scratchCopy()
        defer { try? FileManager.default.removeItem(at: dir) }
        let quiz = dir.appendingPathComponent("content/attention")
        try Data().write(to: quiz.appendingPathComponent("03-empty.md"))
        try Data([0x23, 0x20, 0xC3, 0x28]).write(to: quiz.appendingPathComponent("04-latin1.md"))
        try Data([0x00, 0x01]).write(to: quiz.appendingPathComponent("05-binary.md"))
        let result = try runQuizc(["check", "content/attention/03-empty.md", "content/attention/04-latin1.md",
                                   "content/attention/05-binary.md", Self.executor], cwd: dir)
        #expect(result.status == 1)
        #expect(timeless(result.stdout) == """
            content/attention/03-empty.md:1:1: error: file is empty
            content/attention/04-latin1.md:1:3: error: file is not valid UTF-8
            content/attention/05-binary.md:1:1: error: file is binary, not Markdown text
            checked 3 challenges in 1 quiz in T s: 3 errors, 0 warnings

            """)
    }

    @Test func missingPathIsAnIOErrorWithExitTwo() throws {
        let result = try runQuizc(["check", "/nonexistent/quizc-content"])
        #expect(result.status == 2)
        #expect(result.stderr == "error: /nonexistent/quizc-content: no such file or folder\n")
    }
}

@Suite struct UsageTests {
    @Test func usageErrorsExitWithTwo() throws {
        let result = try runQuizc(["check", "--format", "yaml"])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("Error: The value 'yaml' is invalid for '--format <format>'"))
    }
}
