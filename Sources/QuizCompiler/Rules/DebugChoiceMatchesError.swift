import QuizCore

/// A debug snippet must raise; the marked choice must name the raised type (and contain any quoted fragment),
/// and every other choice must be false for what happened.
struct DebugChoiceMatchesError: ChallengeRule {
    static let description = RuleDescription(
        id: "debug-mismatch",
        summary: "the marked choice of a debug challenge is the only one true for the raised error",
        triggeringExamples: [
            RuleExample(debug(marked: 0), error: nil),
            RuleExample(debug(marked: 1), error: raised),
            RuleExample(debug(marked: 0), error: .init(type: "RuntimeError", message: "shape mismatch", location: nil)),
            RuleExample(debug(marked: 2), error: raised),
            RuleExample(debug(marked: 0, extra: "- [ ] `RuntimeError` about sizes"), error: raised),
        ],
        nonTriggeringExamples: [
            RuleExample(debug(marked: 0), error: raised),
            RuleExample(debug(marked: 2), error: nil),
        ]
    )

    static let raised = ExecutionResult.RaisedError(
        type: "RuntimeError", message: "Expected size for first two dimensions of batch2 tensor to be: [2, 16] but got: [2, 5].",
        location: nil)

    static func debug(marked: Int, extra: String? = nil) -> String {
        var options = ["`RuntimeError` mentioning `batch2 tensor`", "`ValueError`: shapes do not align", "No error"]
        if let extra { options.append(String(extra.dropFirst(6))) }
        let list = options.enumerated().map { "- [\($0.offset == marked ? "x" : " ")] \($0.element)" }
        return "---\ntype: debug\ndifficulty: beginner\n---\n# Q\n\n```python\ntorch.matmul(q, k)\n```\n\n## Choices\n\n"
            + list.joined(separator: "\n") + "\n"
    }

    /// What a choice claims about the run.
    enum Claim: Equatable {
        case noError
        case raises(type: String, fragments: [String])
        case unknown

        func isTrue(for error: ExecutionResult.RaisedError?) -> Bool? {
            switch self {
            case .noError: return error == nil
            case .raises(let type, let fragments):
                guard let error else { return false }
                return error.type == type && fragments.allSatisfy { error.message.contains($0) }
            case .unknown: return nil
            }
        }
    }

    static func claim(of choice: Choice) -> Claim {
        let text = choice.text.markdown
        let lowered = text.lowercased()
        let words = text.split { !($0.isLetter || $0.isNumber || $0 == "_" || $0 == ".") }.map(String.init)
        if let type = words.map({ $0.split(separator: ".").last.map(String.init) ?? $0 }).first(where: isExceptionName) {
            let fragments = choice.codeSpans.filter { !isExceptionName($0) && !isExceptionName(String($0.split(separator: ".").last ?? "")) }
            return .raises(type: type, fragments: fragments)
        }
        let noErrorPhrases = ["no error", "no exception", "runs without", "does not raise", "doesn't raise",
                              "runs fine", "runs successfully", "nothing is raised", "no errors"]
        if noErrorPhrases.contains(where: lowered.contains) { return .noError }
        return .unknown
    }

    static func isExceptionName(_ word: String) -> Bool {
        guard let first = word.first, first.isUppercase else { return false }
        return ["Error", "Exception", "Warning", "Interrupt"].contains { word.hasSuffix($0) && word.count > $0.count }
            || ["StopIteration", "KeyboardInterrupt", "SystemExit"].contains(word)
    }

    func check(_ challenge: Challenge, _ result: ExecutionResult?) -> [Diagnostic] {
        guard challenge.type == .debug, let result, !challenge.choices.isEmpty else { return [] }
        let id = Self.description.id
        let error = result.error
        let happened = error.map { "the snippet raises `\($0.line)`" } ?? "the snippet raises nothing"
        let snippetLocation = challenge.codeBlocks.first { $0.role == .run }?.location ?? challenge.location
        var diagnostics: [Diagnostic] = []
        for choice in challenge.choices where choice.isMarked {
            let claim = Self.claim(of: choice)
            switch (claim, error) {
            case (.unknown, _):
                diagnostics.append(.error("marked choice names no exception type and does not say \"no error\"",
                                          at: choice.location, notes: [.init(happened)], rule: id))
            case (.raises, nil):
                diagnostics.append(.error("debug snippet does not raise, but the marked choice says it does",
                                          at: snippetLocation, notes: [.init("marked choice", at: choice.location)], rule: id))
            case (.noError, let error?):
                diagnostics.append(.error("marked choice says there is no error, but \(happened)",
                                          at: choice.location, notes: [.init("raised here", at: error.location)], rule: id))
            case (.raises(let type, let fragments), let error?):
                if type != error.type {
                    diagnostics.append(.error("marked choice names `\(type)`, but \(happened)", at: choice.location, rule: id))
                } else if let missing = fragments.first(where: { !error.message.contains($0) }) {
                    diagnostics.append(.error("the error message does not contain the quoted fragment `\(missing)`",
                                              at: choice.location, notes: [.init("message: \(error.message)")], rule: id))
                }
            case (.noError, nil):
                break
            }
        }
        for choice in challenge.choices where !choice.isMarked {
            if Self.claim(of: choice).isTrue(for: error) == true {
                diagnostics.append(.error("unmarked choice is also true: \(happened)", at: choice.location,
                                          notes: [.init("make the distractor wrong for what happened, or mark it")],
                                          rule: id))
            }
        }
        return diagnostics
    }
}
