import QuizCore

/// Each type needs its parts: a hint and an explanation always, code for code questions, an answer or choices.
struct RequiredSections: ChallengeRule {
    static let description = RuleDescription(
        id: "missing-section",
        summary: "every challenge has a hint, an explanation and what its type needs",
        triggeringExamples: [
            RuleExample("---\ntype: conceptual\ndifficulty: beginner\n---\n# Q\n\n## Choices\n\n- [x] a\n- [ ] b\n\n## Explanation\n\nBecause.\n"),
            RuleExample("---\ntype: conceptual\ndifficulty: beginner\n---\n# Q\n\n## Choices\n\n- [x] a\n- [ ] b\n\n## Hint\n\nThink.\n"),
            RuleExample("---\ntype: predict-output\ndifficulty: beginner\n---\n# Q\n\n## Answer\n\n```text\n1\n```\n\n## Hint\n\nh\n\n## Explanation\n\ne\n"),
            RuleExample("---\ntype: debug\ndifficulty: beginner\n---\n# Q\n\n```python\nx = 1\n```\n\n## Hint\n\nh\n\n## Explanation\n\ne\n"),
        ],
        nonTriggeringExamples: [
            RuleExample("---\ntype: conceptual\ndifficulty: beginner\n---\n# Q\n\n## Choices\n\n- [x] a\n- [ ] b\n\n## Hint\n\nh\n\n## Explanation\n\ne\n"),
        ]
    )

    func check(_ challenge: Challenge, _ result: ExecutionResult?) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        func missing(_ what: String, _ fix: String) {
            diagnostics.append(.error("challenge has no \(what)", at: challenge.location, notes: [.init(fix)],
                                      rule: Self.description.id))
        }
        if challenge.hint?.markdown.isEmpty ?? true { missing("hint", "add a `## Hint` section") }
        if challenge.explanation?.markdown.isEmpty ?? true { missing("explanation", "add a `## Explanation` section") }
        switch challenge.type {
        case .predictOutput:
            if !challenge.hasVisibleCode { missing("code to run", "add a ```python fence to the prompt") }
            if challenge.answer == nil, challenge.choices.isEmpty {
                missing("answer", "add a `## Answer` section with a ```text fence (or `## Choices`)")
            }
        case .debug:
            if !challenge.hasVisibleCode { missing("code to run", "add a ```python fence that raises to the prompt") }
            if challenge.choices.isEmpty { missing("choices", "add a `## Choices` list of `- [x]` / `- [ ]` items") }
        case .multipleChoice, .conceptual:
            if challenge.choices.isEmpty { missing("choices", "add a `## Choices` list of `- [x]` / `- [ ]` items") }
        }
        return diagnostics
    }
}
