import QuizCore
import Testing
@testable import QuizCompiler

/// Records which challenges ran, and answers after a delay that reverses the finishing order.
actor CallLog {
    var ids: [String] = []
    func append(_ id: String) { ids.append(id) }
}

struct SlowExecutor: ChallengeExecutor {
    let log: CallLog

    func execute(_ challenge: Challenge) async -> ExecutionResult {
        await log.append(challenge.id)
        let delay = challenge.id.hasPrefix("01") ? 50 : 1
        try? await Task.sleep(for: .milliseconds(delay))
        return ExecutionResult(stdout: "\(challenge.id)\n", error: nil, variables: ["name": "<\(challenge.id)>"])
    }
}

@Suite struct QuizCompilerTests {
    static func file(_ id: String, code: Bool) -> ContentFile {
        let fence = code ? "```python\nprint(1)\n```\n\n" : ""
        let text = "---\ntype: conceptual\ndifficulty: beginner\n---\n\n# \(id)\n\n\(fence)## Choices\n\n- [x] a\n- [ ] b\n\n## Hint\n\nSee {{ output }}.\n\n## Explanation\n\nName {{ name }}.\n"
        return ContentFile(path: "q/\(id).md", text: text)
    }

    @Test func runsOnlyChallengesWithCodeAndKeepsFileOrder() async throws {
        let bundle = ContentBundle(siteFile: nil, quizzes: [.init(
            path: "q", quizFile: ContentFile(path: "q/quiz.md", text: "---\ntitle: Q\n---\n"),
            challengeFiles: [Self.file("03-c", code: true), Self.file("01-a", code: true), Self.file("02-b", code: false)])])
        let log = CallLog()
        let output = await QuizCompiler.compile(bundle, executor: SlowExecutor(log: log))
        let challenges = try #require(output.site.quizzes.first?.challenges)
        #expect(challenges.map(\.challenge.id) == ["01-a", "02-b", "03-c"])
        #expect(challenges.map(\.result?.stdout) == ["01-a\n", nil, "03-c\n"])
        #expect(await log.ids.sorted() == ["01-a", "03-c"])
        #expect(challenges[0].hintHTML == "<p>See <code>01-a</code>.</p>\n")
        #expect(challenges[0].explanationHTML == "<p>Name <code>&lt;01-a&gt;</code>.</p>\n")
        #expect(output.diagnostics.map(\.message) == [
            "`{{ output }}` has no snippet to take its value from",
            "`{{ name }}` has no snippet to take its value from",
        ])
    }

    /// Tracks how many executions overlap, and finishes them in a scrambled order.
    actor Overlap {
        var running = 0
        var peak = 0
        func enter() { running += 1; peak = max(peak, running) }
        func leave() { running -= 1 }
    }

    struct ScramblingExecutor: ChallengeExecutor {
        let overlap: Overlap

        func execute(_ challenge: Challenge) async -> ExecutionResult {
            await overlap.enter()
            let number = Int(challenge.id.prefix(2)) ?? 0
            try? await Task.sleep(for: .milliseconds((number * 7) % 5))
            await overlap.leave()
            return ExecutionResult(stdout: "\(challenge.id)\n", error: nil, variables: ["name": challenge.id])
        }
    }

    @Test(arguments: [1, 2, 3, 16])
    func everyWidthGivesTheSameOutputAndRespectsItsBound(width: Int) async throws {
        let files = (1...12).map { Self.file(String(format: "%02d-c", $0), code: $0 % 4 != 0) }
        let bundle = ContentBundle(siteFile: nil, quizzes: [.init(
            path: "q", quizFile: ContentFile(path: "q/quiz.md", text: "---\ntitle: Q\n---\n"), challengeFiles: files)])
        let reference = await QuizCompiler.compile(bundle, executor: ScramblingExecutor(overlap: Overlap()))
        let overlap = Overlap()
        let output = await QuizCompiler.compile(bundle, executor: ScramblingExecutor(overlap: overlap), width: width)
        #expect(output.site == reference.site)
        #expect(output.diagnostics == reference.diagnostics)
        #expect(output.site.quizzes[0].challenges.compactMap(\.result?.stdout).count == 9)
        #expect(await overlap.peak <= width)
        #expect(await overlap.peak >= 1)
    }
}
