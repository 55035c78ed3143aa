import QuizCore
import Testing
@testable import QuizCompiler

@Suite struct FixerTests {
    static let predict = """
        ---
        type: predict-output
        difficulty: beginner
        ---

        # Weights

        ```python
        print(w)
        ```

        ## Answer

        ```text
        approximately [[1.718, 2.718]]
        and more
        ```

        ## Hint

        h

        ## Explanation

        e

        """

    static let choice = """
        ---
        type: multiple-choice
        difficulty: beginner
        ---

        # Shape

        ```python
        print(y.shape)
        ```

        ## Choices

        - [x] `torch.Size([4, 8, 10, 8])`
        - [ ] `torch.Size([4, 10, 64])`
        - [ ] `torch.Size([10, 4, 64])`

        ## Hint

        h

        ## Explanation

        e

        """

    static let results: [String: ExecutionResult] = [
        "quiz/01-predict.md": ExecutionResult(stdout: "tensor([[1.7191, 2.7191]])\n", error: nil, variables: [:]),
        "quiz/02-choice.md": ExecutionResult(stdout: "torch.Size([4, 10, 64])\n", error: nil, variables: [:]),
    ]

    static func bundle(_ files: [String: [UInt8]]) -> ContentBundle {
        ContentBundle(siteFile: nil, quizzes: [.init(
            path: "quiz", quizFile: ContentFile(path: "quiz/quiz.md", text: "---\ntitle: Q\n---\n"),
            challengeFiles: files.map { ContentFile(path: $0.key, bytes: $0.value) })])
    }

    static func apply(_ output: Fixer.Output, to files: [String: [UInt8]]) -> [String: [UInt8]] {
        var files = files
        for edit in output.edits { files[edit.path] = edit.newBytes }
        return files
    }

    @Test func rewritesAnswerAndMarksOnlyTheChangedBytes() async throws {
        let files = ["quiz/01-predict.md": Array(Self.predict.utf8), "quiz/02-choice.md": Array(Self.choice.utf8)]
        let executor = RecordedExecutor(Self.results)
        let output = await Fixer.fix(Self.bundle(files), executor: executor)
        #expect(output.diagnostics.isEmpty)
        let fixed = Self.apply(output, to: files)
        let predict = String(decoding: try #require(fixed["quiz/01-predict.md"]), as: UTF8.self)
        #expect(predict == Self.predict.replacing("approximately [[1.718, 2.718]]\nand more\n", with: "tensor([[1.7191, 2.7191]])\n"))
        let choice = String(decoding: try #require(fixed["quiz/02-choice.md"]), as: UTF8.self)
        #expect(choice == Self.choice.replacing("- [x] `torch.Size([4, 8, 10, 8])`\n- [ ]", with: "- [ ] `torch.Size([4, 8, 10, 8])`\n- [x]"))
        let changes = output.edits.flatMap(\.changes).map { "\($0.location): \($0.description)" }.sorted()
        #expect(changes == [
            "quiz/01-predict.md:15:1: wrote the computed output into `## Answer` (2 → 1 lines)",
            "quiz/02-choice.md:14:3: unmarked a choice that differs from the output",
            "quiz/02-choice.md:15:3: marked the choice equal to the output",
        ])
    }

    @Test func fixedContentChecksCleanAndFixingAgainChangesNothing() async throws {
        let files = ["quiz/01-predict.md": Array(Self.predict.utf8), "quiz/02-choice.md": Array(Self.choice.utf8)]
        let executor = RecordedExecutor(Self.results)
        let before = await QuizCompiler.compile(Self.bundle(files), executor: executor)
        #expect(before.diagnostics.map(\.rule).sorted { ($0 ?? "") < ($1 ?? "") }
                == ["answer-mismatch", "choice-mismatch", "distractor-matches-output"])
        let fixed = Self.apply(await Fixer.fix(Self.bundle(files), executor: executor), to: files)
        let after = await QuizCompiler.compile(Self.bundle(fixed), executor: executor)
        #expect(after.diagnostics.isEmpty)
        let again = await Fixer.fix(Self.bundle(fixed), executor: executor)
        #expect(again.edits.isEmpty)
        #expect(again.diagnostics.isEmpty)
    }

    @Test func keepsWindowsLineEndings() async throws {
        let crlf = Self.predict.replacing("\n", with: "\r\n")
        let files = ["quiz/01-predict.md": Array(crlf.utf8)]
        let output = await Fixer.fix(Self.bundle(files), executor: RecordedExecutor(Self.results))
        let fixed = String(decoding: try #require(output.edits.first?.newBytes), as: UTF8.self)
        #expect(fixed == crlf.replacing("approximately [[1.718, 2.718]]\r\nand more\r\n", with: "tensor([[1.7191, 2.7191]])\r\n"))
    }

    @Test func reportsWhenNoChoiceEqualsTheOutput() async throws {
        let files = ["quiz/02-choice.md": Array(Self.choice.utf8)]
        let executor = RecordedExecutor(["quiz/02-choice.md": ExecutionResult(stdout: "torch.Size([1])\n", error: nil, variables: [:])])
        let output = await Fixer.fix(Self.bundle(files), executor: executor)
        #expect(output.edits.isEmpty)
        #expect(output.diagnostics.map(\.message) == ["no choice equals the computed output; fix cannot choose one"])
        #expect(output.diagnostics.first?.location == SourceLocation(file: "quiz/02-choice.md", line: 14, column: 1))
    }
}
