import QuizCore

/// Challenge ids name the challenge in URLs and saved progress, so they must be unique within a quiz.
enum DuplicateChallengeID {
    static let description = RuleDescription(
        id: "duplicate-id",
        summary: "challenge ids are unique within a quiz",
        triggeringExamples: [
            RuleExample(files: [
                "01-a.md": "---\nid: softmax\ntype: conceptual\ndifficulty: beginner\n---\n# A\n",
                "02-b.md": "---\nid: softmax\ntype: conceptual\ndifficulty: beginner\n---\n# B\n",
            ]),
        ],
        nonTriggeringExamples: [
            RuleExample(files: [
                "01-a.md": "---\nid: softmax\ntype: conceptual\ndifficulty: beginner\n---\n# A\n",
                "02-b.md": "---\ntype: conceptual\ndifficulty: beginner\n---\n# B\n",
            ]),
        ]
    )

    static func check(_ challenges: [Challenge], idLocations: [String: SourceLocation]) -> [Diagnostic] {
        var first: [String: Challenge] = [:]
        var diagnostics: [Diagnostic] = []
        for challenge in challenges {
            if let earlier = first[challenge.id] {
                diagnostics.append(.error("duplicate challenge id `\(challenge.id)`",
                                          at: idLocations[challenge.path] ?? challenge.location,
                                          notes: [.init("first used here", at: idLocations[earlier.path] ?? earlier.location)],
                                          rule: description.id))
            } else {
                first[challenge.id] = challenge
            }
        }
        return diagnostics
    }
}
