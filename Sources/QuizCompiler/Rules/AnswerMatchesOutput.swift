import QuizCore

/// The `## Answer` must be exactly what the snippet prints (or within `tolerance` for every number).
struct AnswerMatchesOutput: ChallengeRule {
    static let description = RuleDescription(
        id: "answer-mismatch",
        summary: "the stated answer equals the computed stdout",
        triggeringExamples: [
            RuleExample(predictOutput(answer: "tensor([[1.718, 2.718]])"), stdout: "tensor([[1.7191, 2.7191]])\n"),
            RuleExample(predictOutput(answer: "tensor([1.0001])", tolerance: "1e-5"), stdout: "tensor([1.0000])\n"),
        ],
        nonTriggeringExamples: [
            RuleExample(predictOutput(answer: "tensor([[1.7191, 2.7191]])   "), stdout: "tensor([[1.7191, 2.7191]])\n"),
            RuleExample(predictOutput(answer: "tensor([1.0001])", tolerance: "1e-3"), stdout: "tensor([1.0000])\n"),
        ]
    )

    static func predictOutput(answer: String, tolerance: String? = nil) -> String {
        let extra = tolerance.map { "tolerance: \($0)\n" } ?? ""
        return "---\ntype: predict-output\ndifficulty: beginner\n\(extra)---\n# Q\n\n```python\nprint(x)\n```\n\n## Answer\n\n```text\n\(answer)\n```\n"
    }

    func check(_ challenge: Challenge, _ result: ExecutionResult?) -> [Diagnostic] {
        guard challenge.type == .predictOutput, let answer = challenge.answer,
              let result, result.error == nil else { return [] }
        guard !OutputComparison.matches(answer.code, result.stdout, tolerance: challenge.tolerance) else { return [] }
        var notes: [Diagnostic.Note] = [.init(OutputComparison.unifiedDiff(stated: answer.code, computed: result.stdout))]
        if let tolerance = challenge.tolerance { notes.append(.init("numbers were compared with tolerance \(tolerance)")) }
        notes.append(.init("run `quizc fix` to write the computed output into the answer"))
        return [.error("stated answer does not match the computed output",
                       at: SourceLocation(file: challenge.path, line: answer.firstCodeLine), notes: notes,
                       rule: Self.description.id)]
    }
}
