import QuizCore

/// A snippet that raises outside a debug challenge is a bug in the content (a typo, a wrong shape).
struct UnexpectedSnippetError: ChallengeRule {
    static let description = RuleDescription(
        id: "snippet-error",
        summary: "snippets of non-debug challenges run without raising",
        triggeringExamples: [
            RuleExample("---\ntype: predict-output\ndifficulty: beginner\n---\n# Q\n\n```python\nprint(tourch)\n```\n",
                        error: .init(type: "NameError", message: "name 'tourch' is not defined",
                                     location: SourceLocation(file: "quiz/01-example.md", line: 8, column: 7))),
        ],
        nonTriggeringExamples: [
            RuleExample("---\ntype: predict-output\ndifficulty: beginner\n---\n# Q\n\n```python\nprint(1)\n```\n",
                        stdout: "1\n"),
        ]
    )

    func check(_ challenge: Challenge, _ result: ExecutionResult?) -> [Diagnostic] {
        guard challenge.type != .debug, let error = result?.error else { return [] }
        let fallback = challenge.codeBlocks.first { $0.role == .run || $0.role == .setup }?.location ?? challenge.location
        return [.error("snippet raised \(error.line)", at: error.location ?? fallback,
                       notes: [.init("only `type: debug` challenges may raise; fix the snippet or change the type")],
                       rule: Self.description.id)]
    }
}
