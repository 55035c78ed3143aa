import QuizCore
import Testing
@testable import QuizCompiler

@Suite struct ScaffoldTests {
    /// What an author writes into the marked `TODO` places, and what the snippet then prints.
    static let fillings: [ChallengeType: (edits: [(String, String)], result: ExecutionResult?)] = [
        .predictOutput: ([("TODO (run `quizc fix` to write the computed output here)", "tensor([1., 2.])")],
                         ExecutionResult(stdout: "tensor([1., 2.])\n", error: nil, variables: ["x": "tensor([1., 2.])"])),
        .multipleChoice: ([("TODO the printed output", "torch.Size([2, 3])"), ("TODO a plausible wrong output", "torch.Size([3, 2])"),
                           ("TODO another wrong output", "torch.Size([6])")],
                          ExecutionResult(stdout: "torch.Size([2, 3])\n", error: nil, variables: [:])),
        .debug: ([("TODO a fragment of the real message", "cannot be multiplied"), ("TODO a plausible wrong message", "bad shapes")],
                 ExecutionResult(stdout: "", error: .init(type: "RuntimeError", message: "mat1 and mat2 shapes cannot be multiplied (2x3 and 4x5)", location: nil), variables: [:])),
        .conceptual: ([("TODO the right answer", "Right"), ("TODO a wrong answer", "Wrong"), ("TODO another wrong answer", "Also wrong"),
                       ("TODO the question.", "Which is right?")], nil),
    ]

    static func check(_ text: String, result: ExecutionResult?) async -> [Diagnostic] {
        let bundle = ContentBundle(siteFile: nil, quizzes: [.init(
            path: "q", quizFile: ContentFile(path: "q/quiz.md", text: Scaffold.quiz(title: "Attention")),
            challengeFiles: [ContentFile(path: "q/01-new.md", text: text)])])
        let executor = RecordedExecutor([:], fallback: result ?? ExecutionResult(stdout: "", error: nil, variables: [:]))
        return await QuizCompiler.compile(bundle, executor: executor).diagnostics
    }

    @Test(arguments: ChallengeType.allCases)
    func filledScaffoldPassesCheck(_ type: ChallengeType) async throws {
        let filling = try #require(Self.fillings[type])
        var text = Scaffold.challenge(type: type, title: "New question")
        for (todo, value) in filling.edits {
            #expect(text.contains(todo))
            text = text.replacing(todo, with: value)
        }
        text = text.replacing("TODO a nudge that does not give the answer away.", with: "Look at the shapes.")
        text = text.replacing("TODO why the answer is right (use `{{ output }}` or `{{ name }}` to quote computed values).",
                              with: "Because of the shapes.")
        text = text.replacing("  # TODO code that raises", with: "").replacing("  # TODO", with: "")
        #expect(!text.contains("TODO"))
        #expect(await Self.check(text, result: filling.result) == [])
    }

    @Test func unfilledScaffoldDoesNotPass() async {
        let text = Scaffold.challenge(type: .multipleChoice, title: "New")
        let diagnostics = await Self.check(text, result: ExecutionResult(stdout: "torch.Size([2, 3])\n", error: nil, variables: [:]))
        #expect(diagnostics.map(\.rule) == ["choice-mismatch", "unknown-placeholder"])
    }

    @Test func namesTheNextFile() {
        #expect(Scaffold.challengeFileName(name: "Why Scale?", existing: ["01-a.md", "07-b.md", "notes.md"]) == "08-why-scale.md")
        #expect(Scaffold.challengeFileName(name: "First", existing: []) == "01-first.md")
    }

    @Test(arguments: [
        ("Why Scale?", "why-scale"), ("Self-Attention Master", "self-attention-master"), ("Café au lait", "caf-au-lait"),
        ("  KV cache (v2)  ", "kv-cache-v2"), ("日本語", ""), ("naïve_Bayes", "nave-bayes"),
    ])
    func slugsAreWhatTheContentRulesAccept(_ name: String, _ slug: String) {
        #expect(Scaffold.slugify(name) == slug)
        #expect(slug.isEmpty || ContentBundle.isSlug(slug))
    }
}
