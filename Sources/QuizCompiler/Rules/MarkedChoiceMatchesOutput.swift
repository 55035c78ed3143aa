import QuizCore

/// In a question about code, the choice marked correct must be what the snippet prints.
struct MarkedChoiceMatchesOutput: ChallengeRule {
    static let description = RuleDescription(
        id: "choice-mismatch",
        summary: "the marked choice equals the computed stdout",
        triggeringExamples: [
            RuleExample(multipleChoice(marked: 0), stdout: "torch.Size([4, 10, 64])\n"),
        ],
        nonTriggeringExamples: [
            RuleExample(multipleChoice(marked: 1), stdout: "torch.Size([4, 10, 64])\n"),
        ]
    )

    static func multipleChoice(marked: Int) -> String {
        let options = ["torch.Size([4, 10, 8])", "torch.Size([4, 10, 64])", "torch.Size([4, 8, 10, 8])"]
        let list = options.enumerated().map { "- [\($0.offset == marked ? "x" : " ")] `\($0.element)`" }
        return "---\ntype: multiple-choice\ndifficulty: beginner\n---\n# Q\n\n```python\nprint(y.shape)\n```\n\n## Choices\n\n"
            + list.joined(separator: "\n") + "\n"
    }

    func check(_ challenge: Challenge, _ result: ExecutionResult?) -> [Diagnostic] {
        guard challenge.comparesChoicesWithOutput, let result, result.error == nil else { return [] }
        return challenge.choices.filter(\.isMarked).compactMap { choice in
            let stated = choice.comparableText
            guard !OutputComparison.matches(stated, result.stdout, tolerance: challenge.tolerance) else { return nil }
            return .error("marked choice does not match the computed output", at: choice.location,
                          notes: [.init(OutputComparison.unifiedDiff(stated: stated, computed: result.stdout,
                                                                     statedName: "marked choice")),
                                  .init("run `quizc fix` to mark the choice that equals the output")],
                          rule: Self.description.id)
        }
    }
}

extension Challenge {
    /// Multiple-choice questions with code, and predict-output questions offered as choices.
    var comparesChoicesWithOutput: Bool {
        (type == .multipleChoice || type == .predictOutput) && hasVisibleCode && !choices.isEmpty
    }
}

extension Choice {
    /// What is compared with the output: the code block or single code span, else the Markdown text.
    var comparableText: String {
        codeText ?? text.markdown
    }
}
