import QuizCore

/// Files that cannot be read as Markdown with front matter: binary, invalid UTF-8, invalid YAML, no title.
enum MalformedFile {
    static let description = RuleDescription(
        id: "malformed-file",
        summary: "content files are UTF-8 Markdown with valid YAML front matter and a `# ` title",
        triggeringExamples: [
            RuleExample(""),
            RuleExample("---\ntype: [conceptual\n---\n# Q\n"),
            RuleExample("---\ntype: conceptual\ndifficulty: beginner\n---\nno title here\n"),
            RuleExample("---\ntype: conceptual\n"),
        ],
        nonTriggeringExamples: [RuleExample("---\ntype: conceptual\ndifficulty: beginner\n---\n# Q\n")]
    )

    /// Re-labels a parse failure from QuizMarkdown so every such problem reports under this rule.
    static func relabel(_ diagnostic: Diagnostic) -> Diagnostic {
        var copy = diagnostic
        copy.rule = description.id
        return copy
    }
}
