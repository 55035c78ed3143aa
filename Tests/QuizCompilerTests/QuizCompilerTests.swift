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
    static func file(_ id: String, code: Bool, folder: String = "q") -> ContentFile {
        let fence = code ? "```python\nprint(1)\n```\n\n" : ""
        let text = "---\ntype: conceptual\ndifficulty: beginner\n---\n\n# \(id)\n\n\(fence)## Choices\n\n- [x] a\n- [ ] b\n\n## Hint\n\nSee {{ output }}.\n\n## Explanation\n\nName {{ name }}.\n"
        return ContentFile(path: "\(folder)/\(id).md", text: text)
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

    @Test func batchesCoverEveryChallengeInOrder() {
        let course = QuizCompiler.batches(of: 1000, width: 2)
        #expect(course.first == 0..<16)
        #expect(course.last == 999..<1000)
        #expect(course.count == 74)
        #expect(zip(course, course.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound })
        // Full batches while at least two per lane remain, then smaller ones down to a single challenge.
        #expect(zip(course, course.dropFirst()).allSatisfy { $0.count >= $1.count })
        #expect(course.prefix(while: { $0.count == 16 }).last == 928..<944)
        #expect(QuizCompiler.batches(of: 27, width: 2) == (0..<27).map { $0..<$0 + 1 })
        #expect(QuizCompiler.batches(of: 100, width: 1).map(\.count) == [12, 12, 12, 12, 12, 12, 12, 8, 4, 2, 1, 1])
        #expect(QuizCompiler.batches(of: 3, width: nil) == [0..<1, 1..<2, 2..<3])
        #expect(QuizCompiler.batches(of: 0, width: 4) == [])
    }

    /// Holds the slow quiz's challenge until the fast quiz has been handed over (or 10 s have passed).
    actor Handover {
        var events: [String] = []
        var quizzes: [CompiledQuiz] = []
        var waiting: CheckedContinuation<Void, Never>?
        func hand(_ quiz: CompiledQuiz) {
            quizzes.append(quiz)
            record("quiz \(quiz.quiz.slug)")
        }
        func record(_ event: String) {
            events.append(event)
            if event == "quiz b-fast", let waiting {
                self.waiting = nil
                waiting.resume()
            }
        }
        func waitForFastQuiz() async {
            if events.contains("quiz b-fast") { return }
            await withCheckedContinuation { continuation in
                waiting = continuation
                Task {
                    try? await Task.sleep(for: .seconds(10))
                    self.timeOut()
                }
            }
        }
        func timeOut() {
            guard let waiting else { return }
            events.append("timed out")
            self.waiting = nil
            waiting.resume()
        }
    }

    struct HandoverExecutor: ChallengeExecutor {
        let handover: Handover
        func execute(_ challenge: Challenge) async -> ExecutionResult {
            if challenge.path.hasPrefix("a-slow/") { await handover.waitForFastQuiz() }
            await handover.record("ran \(challenge.path)")
            return ExecutionResult(stdout: "\(challenge.id)\n", error: nil, variables: ["name": challenge.id])
        }
    }

    /// A finished quiz is handed over while another is still running, exactly once, as `Output` holds it.
    @Test func eachQuizIsHandedOverOnceAsSoonAsItsChallengesAreDone() async throws {
        func folder(_ name: String, _ ids: [String]) -> ContentBundle.QuizFolder {
            .init(path: name, quizFile: ContentFile(path: "\(name)/quiz.md", text: "---\ntitle: \(name)\n---\n"),
                  challengeFiles: ids.map { Self.file($0, code: true, folder: name) })
        }
        let bundle = ContentBundle(siteFile: nil, quizzes: [folder("a-slow", ["01-a"]), folder("b-fast", ["01-a", "02-b"])])
        let handover = Handover()
        let output = await QuizCompiler.compile(bundle, executor: HandoverExecutor(handover: handover), width: 2) { site, quiz in
            #expect(site.quizzes.map(\.slug) == ["a-slow", "b-fast"])
            await handover.hand(quiz)
        }
        let events = await handover.events
        #expect(events.firstIndex(of: "quiz b-fast")! < events.firstIndex(of: "ran a-slow/01-a.md")!)
        #expect(!events.contains("timed out"))
        #expect(events.filter { $0.hasPrefix("quiz") }.sorted() == ["quiz a-slow", "quiz b-fast"])
        #expect(await handover.quizzes.sorted { $0.quiz.slug < $1.quiz.slug } == output.site.quizzes.sorted { $0.quiz.slug < $1.quiz.slug })
    }
}
