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

    static func runnable(_ id: String, code: String) -> Challenge {
        var challenge = Self.challenge(id: id, path: "q/\(id).md")
        challenge.codeBlocks = [CodeBlock(info: "python", language: "python", role: .run, code: code,
                                          location: SourceLocation(file: challenge.path, line: 7), firstCodeLine: 8)]
        return challenge
    }

    /// One hand-off to the interpreter for the whole batch, but every challenge still gets a namespace of its own.
    @Test func theInterpreterRunsABatchAsItRunsEachChallengeAlone() async throws {
        let batch = [Self.runnable("01-a", code: "x = 41\nprint(x + 1)\n"), Self.runnable("02-b", code: "print(x)\n"),
                     Self.runnable("03-c", code: "import torch\nprint(torch.ones(2))\n")]
        let executor = InterpreterExecutor()
        let results = await executor.execute(batch: batch)
        var alone: [ExecutionResult] = []
        for challenge in batch { alone.append(await executor.execute(challenge)) }
        #expect(results == alone)
        #expect(results.map(\.stdout) == ["42\n", "", "tensor([1., 1.])\n"])
        let error = try #require(results[1].error)
        #expect("\(error.type): \(error.message)" == "NameError: name 'x' is not defined")
        #expect(error.location == SourceLocation(file: "q/02-b.md", line: 8, column: 1))
    }

    /// The default batch is one `execute` after another, in order.
    @Test func aRecordedExecutorAnswersABatchInOrder() async {
        let executor = RecordedExecutor(["01-a": ExecutionResult(stdout: "a\n", error: nil, variables: [:])],
                                        fallback: ExecutionResult(stdout: "?\n", error: nil, variables: [:]))
        let results = await executor.execute(batch: [Self.challenge(id: "02-b", path: "q/02-b.md"),
                                                     Self.challenge(id: "01-a", path: "q/01-a.md")])
        #expect(results.map(\.stdout) == ["?\n", "a\n"])
    }
}
