import QuizCore
import QuizMarkdown

/// An unclosed fence silently swallows the rest of the file into code, so sections vanish.
enum UnclosedFence {
    static let description = RuleDescription(
        id: "unclosed-fence",
        summary: "every ``` fence is closed",
        triggeringExamples: [
            RuleExample("---\ntype: predict-output\ndifficulty: beginner\n---\n# Q\n\n```python\nprint(1)\n\n## Answer\n"),
            RuleExample("---\ntype: predict-output\ndifficulty: beginner\n---\n# Q\n\n```python\nprint(1)\n\n## Answer\n\n```text\n1\n```\n"),
        ],
        nonTriggeringExamples: [
            RuleExample("---\ntype: predict-output\ndifficulty: beginner\n---\n# Q\n\n```python\nprint(1)\n```\n"),
        ]
    )

    static func check(_ fence: CodeFence) -> Diagnostic? {
        guard fence.isFenced else { return nil }
        if let inner = fence.innerOpeningLine {
            return .error("code fence is not closed before line \(inner), which opens another fence", at: fence.location,
                          notes: [.init("add a closing ``` line after the code")], rule: description.id)
        }
        guard fence.closingLine == nil else { return nil }
        return .error("code fence is never closed; everything after it is treated as code", at: fence.location,
                      notes: [.init("add a closing ``` line after the code")], rule: description.id)
    }
}
