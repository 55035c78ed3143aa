import QuizCore
import QuizMarkdown

/// A front-matter key quizc does not know is almost always a typo; suggest the closest known key.
enum UnknownFrontMatterKey {
    static let description = RuleDescription(
        id: "unknown-key",
        summary: "front matter uses only known keys",
        triggeringExamples: [
            RuleExample("---\ntype: conceptual\ndifficulty: beginner\ndificulty: advanced\n---\n# Q\n"),
            RuleExample("---\ntype: conceptual\ndifficulty: beginner\nhints: 2\n---\n# Q\n"),
        ],
        nonTriggeringExamples: [
            RuleExample("---\ntype: conceptual\ndifficulty: beginner\nlabel: Concept\ntags: [a]\n---\n# Q\n"),
        ]
    )

    static func check(_ entries: [YAMLEntry], knownKeys: [String], fileKind: String) -> [Diagnostic] {
        entries.filter { !knownKeys.contains($0.key) }.map { entry in
            var message = "unknown \(fileKind) front-matter key `\(entry.key)`"
            if let suggestion = closestName(to: entry.key, in: knownKeys) {
                message += "; did you mean `\(suggestion)`?"
            }
            return .error(message, at: entry.keyLocation,
                          notes: [.init("known keys: " + knownKeys.joined(separator: ", "))], rule: description.id)
        }
    }
}
