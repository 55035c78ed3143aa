import QuizCore

/// `{{ name }}` must name a top-level snippet variable, or `output`.
struct UnknownPlaceholder: ChallengeRule {
    static let description = RuleDescription(
        id: "unknown-placeholder",
        summary: "every `{{ name }}` names a snippet variable or `output`",
        triggeringExamples: [
            RuleExample(withExplanation("The weights are {{ weight }}."), stdout: "1\n", variables: ["weights": "tensor([1.])"]),
            RuleExample("---\ntype: conceptual\ndifficulty: beginner\n---\n# Q\n\n## Hint\n\nSee {{ output }}.\n"),
        ],
        nonTriggeringExamples: [
            RuleExample(withExplanation("The weights are {{ weights }}, so {{ output }}."), stdout: "1\n",
                        variables: ["weights": "tensor([1.])"]),
            RuleExample(withExplanation("The weights are {{ weights }}."),
                        error: .init(type: "NameError", message: "name 'tourch' is not defined", location: nil)),
        ]
    )

    static func withExplanation(_ text: String) -> String {
        "---\ntype: predict-output\ndifficulty: beginner\n---\n# Q\n\n```python\nprint(1)\n```\n\n## Explanation\n\n\(text)\n"
    }

    func check(_ challenge: Challenge, _ result: ExecutionResult?) -> [Diagnostic] {
        // A snippet that raised by mistake is reported once (snippet-error), not once per missing variable.
        if result?.error != nil, challenge.type != .debug { return [] }
        let texts = [challenge.hint, challenge.explanation].compactMap { $0 }
        // Located only when reported: locating counts the lines before each placeholder.
        return texts.flatMap { text in
            Placeholders.occurrences(in: text, located: false).map { (text, $0) }
        }.compactMap { text, occurrence in
            guard Placeholders.value(of: occurrence.name, in: result) == nil else { return nil }
            let location = text.location.map { Placeholders.locate(occurrence.range.lowerBound, in: text.markdown, from: $0) }
                ?? challenge.location
            guard let result else {
                return .error("`{{ \(occurrence.name) }}` has no snippet to take its value from", at: location,
                              notes: [.init("placeholders need a ```python fence in the prompt")], rule: Self.description.id)
            }
            var message = "unknown variable `{{ \(occurrence.name) }}`"
            let names = ["output"] + result.globals.sorted().filter { $0 != "output" }
            if let suggestion = closestName(to: occurrence.name, in: names) { message += "; did you mean `\(suggestion)`?" }
            return .error(message, at: location, notes: [.init("known names: " + names.joined(separator: ", "))],
                          rule: Self.description.id)
        }
    }
}
