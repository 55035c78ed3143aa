import QuizCore

/// Values of known keys must have the documented shape: `difficulty`, `time`, `attempts`, `type`, `tolerance`, ...
enum InvalidFrontMatterValue {
    static let description = RuleDescription(
        id: "invalid-value",
        summary: "front-matter values have the documented types and ranges",
        triggeringExamples: [
            RuleExample("---\ntype: conceptual\ndifficulty: hard\n---\n# Q\n"),
            RuleExample("---\ntype: conceptual\ndifficulty: beginner\ntime: 2 minutes\n---\n# Q\n"),
            RuleExample("---\ntype: conceptual\ndifficulty: beginner\nattempts: 0\n---\n# Q\n"),
            RuleExample("---\ntype: predict\ndifficulty: beginner\n---\n# Q\n"),
            RuleExample("---\ntype: predict-output\ndifficulty: beginner\ntolerance: -1\n---\n# Q\n"),
            RuleExample("---\ndifficulty: beginner\n---\n# Q\n"),
        ],
        nonTriggeringExamples: [
            RuleExample("---\ntype: conceptual\ndifficulty: expert\ntime: \"1:30\"\nattempts: 3\n---\n# Q\n"),
            RuleExample("---\ntype: predict-output\ndifficulty: beginner\ntime: 90\ntolerance: 1e-4\n---\n# Q\n"),
        ]
    )

    static func diagnostic(key: String, expected: String, found: String, at location: SourceLocation,
                           suggestion: String? = nil) -> Diagnostic {
        var message = "invalid `\(key)`: expected \(expected), found \(found)"
        if let suggestion { message += "; did you mean `\(suggestion)`?" }
        return .error(message, at: location, rule: description.id)
    }
}
