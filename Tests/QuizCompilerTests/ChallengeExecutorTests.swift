import QuizCore
import Testing
@testable import QuizCompiler

@Suite struct ChallengeExecutorTests {
    static func challenge(id: String, path: String) -> Challenge {
        Challenge(id: id, path: path, type: .conceptual, label: nil, difficulty: .beginner, timeSeconds: 60, attempts: 1,
                  tolerance: nil, multiple: false, tags: [], title: "T", prompt: RichText(markdown: "", html: ""),
                  codeBlocks: [], choices: [], answer: nil, hint: nil, explanation: nil,
                  location: SourceLocation(file: path, line: 1))
    }

    @Test func recordedExecutorLooksUpPathThenIDThenFallsBack() async {
        let byPath = ExecutionResult(stdout: "path\n", error: nil, variables: [:])
        let byID = ExecutionResult(stdout: "id\n", error: nil, variables: [:])
        let fallback = ExecutionResult(stdout: "fallback\n", error: nil, variables: [:])
        let executor = RecordedExecutor(["q/01-a.md": byPath, "02-b": byID], fallback: fallback)
        #expect(await executor.execute(Self.challenge(id: "01-a", path: "q/01-a.md")) == byPath)
        #expect(await executor.execute(Self.challenge(id: "02-b", path: "other/02-b.md")) == byID)
        #expect(await executor.execute(Self.challenge(id: "03-c", path: "q/03-c.md")) == fallback)
    }
}
