import QuizCore

/// Choices must make a fair question: two or more, exactly one marked (unless `multiple: true`), none repeated.
struct ChoiceStructure: ChallengeRule {
    static let description = RuleDescription(
        id: "choice-structure",
        summary: "at least two choices, exactly one marked unless `multiple: true`, no duplicates",
        triggeringExamples: [
            RuleExample("---\ntype: conceptual\ndifficulty: beginner\n---\n# Q\n\n## Choices\n\n- [x] only\n"),
            RuleExample("---\ntype: conceptual\ndifficulty: beginner\n---\n# Q\n\n## Choices\n\n- [x] a\n- [x] b\n"),
            RuleExample("---\ntype: conceptual\ndifficulty: beginner\n---\n# Q\n\n## Choices\n\n- [ ] a\n- [ ] b\n"),
            RuleExample("---\ntype: conceptual\ndifficulty: beginner\n---\n# Q\n\n## Choices\n\n- [x] a\n- [ ] b\n- [ ] a\n"),
            RuleExample("---\ntype: conceptual\ndifficulty: beginner\n---\n# Q\n\n## Choices\n\n- [x] a\n- b\n"),
        ],
        nonTriggeringExamples: [
            RuleExample("---\ntype: conceptual\ndifficulty: beginner\n---\n# Q\n\n## Choices\n\n- [x] a\n- [ ] b\n"),
            RuleExample("---\ntype: conceptual\ndifficulty: beginner\nmultiple: true\n---\n# Q\n\n## Choices\n\n- [x] a\n- [x] b\n- [ ] c\n"),
        ]
    )

    func check(_ challenge: Challenge, _ result: ExecutionResult?) -> [Diagnostic] {
        let choices = challenge.choices
        guard !choices.isEmpty else { return [] }
        var diagnostics: [Diagnostic] = []
        let id = Self.description.id
        if choices.count < 2 {
            diagnostics.append(.error("a question needs at least two choices, found \(choices.count)",
                                      at: choices[0].location, rule: id))
        }
        let marked = choices.filter(\.isMarked)
        if marked.isEmpty {
            diagnostics.append(.error("no choice is marked correct; mark the right one with `[x]`",
                                      at: choices[0].location, rule: id))
        } else if marked.count > 1, !challenge.multiple {
            diagnostics.append(.error("\(marked.count) choices are marked correct; mark exactly one, or set `multiple: true`",
                                      at: marked[1].location,
                                      notes: marked.map { .init("marked here", at: $0.location) }, rule: id))
        }
        var seen: [String: Choice] = [:]
        for choice in choices {
            let key = Self.collapsedWhitespace(choice.text.markdown)
            if let first = seen[key] {
                diagnostics.append(.error("duplicate choice `\(key)`", at: choice.location,
                                          notes: [.init("first written here", at: first.location)], rule: id))
            } else {
                seen[key] = choice
            }
        }
        return diagnostics
    }

    /// The words of `text` (split at whitespace characters) joined by single spaces. ASCII text by bytes: its
    /// whitespace characters are tab to carriage return and space, and `\r\n` (one character) splits the same.
    static func collapsedWhitespace(_ text: String) -> String {
        var text = text
        if let collapsed = text.withUTF8({ bytes -> String? in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var pendingSpace = false
            for byte in bytes {
                if byte == 0x20 || (0x09...0x0D).contains(byte) {
                    pendingSpace = !out.isEmpty
                    continue
                }
                if pendingSpace { out.append(0x20) }
                pendingSpace = false
                out.append(byte)
            }
            return String(decoding: out, as: UTF8.self)
        }) {
            return collapsed
        }
        return text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
