import QuizCore

/// A quiz without challenges cannot be passed; it is usually a misplaced folder.
enum EmptyQuiz {
    static let description = RuleDescription(
        id: "empty-quiz",
        summary: "every quiz has at least one challenge",
        triggeringExamples: [RuleExample(files: ["quiz.md": "---\ntitle: Empty\n---\n"])],
        nonTriggeringExamples: [RuleExample("---\ntype: conceptual\ndifficulty: beginner\n---\n# Q\n")]
    )

    static func check(_ quiz: Quiz) -> Diagnostic? {
        guard quiz.challenges.isEmpty else { return nil }
        return .error("quiz `\(quiz.slug)` has no challenges", at: quiz.location,
                      notes: [.init("add challenge files (e.g. `01-first.md`) next to quiz.md")], rule: description.id)
    }
}
