import QuizCore

/// A wrong choice that equals the real output would mark a correct learner wrong.
struct DistractorDiffersFromOutput: ChallengeRule {
    static let description = RuleDescription(
        id: "distractor-matches-output",
        summary: "no unmarked choice equals the computed stdout",
        triggeringExamples: [
            RuleExample(MarkedChoiceMatchesOutput.multipleChoice(marked: 0), stdout: "torch.Size([4, 10, 64])\n"),
        ],
        nonTriggeringExamples: [
            RuleExample(MarkedChoiceMatchesOutput.multipleChoice(marked: 1), stdout: "torch.Size([4, 10, 64])\n"),
            RuleExample(MarkedChoiceMatchesOutput.multipleChoice(marked: 0), stdout: "torch.Size([4, 10, 8])\n"),
        ]
    )

    func check(_ challenge: Challenge, _ result: ExecutionResult?) -> [Diagnostic] {
        guard challenge.comparesChoicesWithOutput, let result, result.error == nil else { return [] }
        return challenge.choices.filter { !$0.isMarked }.compactMap { choice in
            guard OutputComparison.matches(choice.comparableText, result.stdout, tolerance: challenge.tolerance) else { return nil }
            return .error("unmarked choice equals the computed output", at: choice.location,
                          notes: [.init("computed output: \(OutputComparison.normalized(result.stdout).joined(separator: "\n"))"),
                                  .init("mark it `[x]` (run `quizc fix`) or change it to a wrong output")],
                          rule: Self.description.id)
        }
    }
}
