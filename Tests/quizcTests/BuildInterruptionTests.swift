import Foundation
import Testing

/// `quizc build` killed with SIGKILL at several points leaves `output/` exactly as the previous build wrote it.
@Suite(.serialized) struct BuildInterruptionTests {
    /// A content folder big enough that a build takes a while: `quizzes` × `challenges` small snippets.
    static func generateContent(at content: URL, quizzes: Int, challenges: Int, answerOffset: Int) throws {
        let manager = FileManager.default
        try manager.createDirectory(at: content, withIntermediateDirectories: true)
        try Data("title: Interrupted\n".utf8).write(to: content.appendingPathComponent("site.yml"))
        for q in 0..<quizzes {
            let folder = content.appendingPathComponent(String(format: "quiz-%03d", q))
            try manager.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data("---\ntitle: Quiz \(q)\n---\n\nGenerated.\n".utf8).write(to: folder.appendingPathComponent("quiz.md"))
            for c in 0..<challenges {
                let n = 2000 + c + answerOffset
                let text = """
                    ---
                    type: predict-output
                    difficulty: beginner
                    ---

                    # Sum \(q)-\(c)

                    What does this print?

                    ```python
                    total = 0
                    for i in range(\(n)):
                        total += i
                    print(total)
                    ```

                    ## Answer

                    ```text
                    \(n * (n - 1) / 2)
                    ```

                    ## Hint

                    Gauss.

                    ## Explanation

                    The total is {{ total }}.

                    """
                try Data(text.utf8).write(to: folder.appendingPathComponent(String(format: "%02d-sum.md", c)))
            }
        }
    }

    @Test func sigkillAtAnyPointKeepsThePreviousOutput() async throws {
        let project = FileManager.default.temporaryDirectory.appendingPathComponent("quizc-kill-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: project) }
        let content = project.appendingPathComponent("content")
        try Self.generateContent(at: content, quizzes: 20, challenges: 20, answerOffset: 0)
        let clock = ContinuousClock()
        var first: ProcessResult?
        let firstDuration = try clock.measure { first = try runQuizc(["build"], cwd: project) }
        #expect(first?.status == 0)
        let output = project.appendingPathComponent("output")
        let previous = try BuildTests.snapshot(output)
        #expect(previous.count == 20 * 2 + 6)

        try FileManager.default.removeItem(at: content)
        try Self.generateContent(at: content, quizzes: 20, challenges: 20, answerOffset: 1)
        var second: ProcessResult?
        // Kill delays are fractions of the shorter build: a busy machine makes either one slow.
        let duration = min(firstDuration, try clock.measure { second = try runQuizc(["build", "--no-cache", "--output", "next"], cwd: project) })
        #expect(second?.status == 0)
        let next = try BuildTests.snapshot(project.appendingPathComponent("next"))
        #expect(next != previous)

        let pristine = project.appendingPathComponent("pristine")
        try FileManager.default.copyItem(at: output, to: pristine)
        var killed = 0
        // Many early fractions: the timed builds share the machine with parallel tests, so later builds are often faster.
        for fraction in [0.01, 0.02, 0.03, 0.05, 0.07, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.98] {
            try FileManager.default.removeItem(at: output)
            try FileManager.default.copyItem(at: pristine, to: output)
            let process = Process()
            process.executableURL = quizcBinary()
            process.arguments = ["build", "--no-cache"]  // as long as the timed builds: nothing cached, nothing reused
            process.currentDirectoryURL = project
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            try await Task.sleep(for: duration * fraction)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let after = try BuildTests.snapshot(output)
            if process.terminationReason == .uncaughtSignal {
                killed += 1
                // Only a kill after the atomic exchange may show the new build; never a mix, never nothing.
                #expect(after == previous || after == next, "killed at \(fraction) of a build")
            } else {
                #expect(after == next)
            }
        }
        #expect(killed >= 5)
    }
}
