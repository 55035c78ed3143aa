import QuizCore

/// Numbers that hints and explanations claim must agree with what the snippet computed, at the precision
/// written (see `QuotedNumbers` for what counts as a claim).
struct QuotedNumbersMatch: ChallengeRule {
    static let description = RuleDescription(
        id: "number-mismatch",
        summary: "numbers quoted in hints and explanations agree with the computed values",
        triggeringExamples: [
            RuleExample(explained("The output is approximately [[1.718, 2.718]]."), stdout: "tensor([[1.7191, 2.7191]])\n"),
            RuleExample(explained("The first weight is 0.66."), stdout: "tensor([[1.7191, 2.7191]])\n",
                        variables: ["weights": "tensor([[0.6405, 0.3595]])"]),
            RuleExample(explained("Each head gets 64 / 8 = 6 dimensions."), stdout: "tensor([[1.7191, 2.7191]])\n"),
            RuleExample(explained("After the softmax the weight of the first key is near 1."),
                        stdout: "tensor([[1.7191, 2.7191]])\n",
                        variables: ["keys": "tensor([[1., 0., 0.],\n        [0., 1., 0.]])", "weights": "tensor([[0.6405, 0.3595]])"]),
        ],
        nonTriggeringExamples: [
            RuleExample(explained("The output is approximately [[1.719, 2.719]], weights (0.64, 0.36)."),
                        stdout: "tensor([[1.7191, 2.7191]])\n", variables: ["weights": "tensor([[0.6405, 0.3595]])"]),
            RuleExample(explained("Each head gets 64 / 8 = 8 dimensions; the shape stays (4, 10, 64)."),
                        stdout: "torch.Size([4, 10, 64])\n"),
            RuleExample(explained("After the softmax the weight of the first key is about 0.64, near 1 for `keys`."),
                        stdout: "tensor([[1.7191, 2.7191]])\n",
                        variables: ["keys": "tensor([[1., 0., 0.],\n        [0., 1., 0.]])", "weights": "tensor([[0.6405, 0.3595]])"]),
            RuleExample(explained("Scaling by 1/√3 ≈ 0.577 keeps the scores small; the first weight is 0.6405."),
                        stdout: "tensor([[1.7191, 2.7191]])\n", variables: ["weights": "tensor([[0.6405, 0.3595]])"]),
        ]
    )

    static func explained(_ text: String) -> String {
        "---\ntype: predict-output\ndifficulty: beginner\n---\n# Q\n\n```python\nprint(output)\n```\n\n## Explanation\n\n\(text)\n"
    }

    func check(_ challenge: Challenge, _ result: ExecutionResult?) -> [Diagnostic] {
        guard let result, result.error == nil || challenge.type == .debug else { return [] }
        let texts = [challenge.hint, challenge.explanation].compactMap { $0 }
        guard !texts.isEmpty else { return [] }
        var printed: [(name: String, text: String)] = [("output", result.stdout)]
        for name in result.variables.keys.sorted() { printed.append((name, result.variables[name] ?? "")) }
        if let error = result.error { printed.append(("error message", error.message)) }
        let names = printed.map(\.name)
        let claimsPerText = texts.map { text in
            QuotedNumbers.claims(in: text.markdown, skipping: Placeholders.occurrences(in: text, located: false).map(\.range), names: names)
        }
        guard claimsPerText.contains(where: { !$0.isEmpty }) else { return [] }
        // Scanning every printed value is the expensive part; only challenges that quote numbers pay for it.
        let sources = printed.map { (name: $0.name, numbers: NumberScanner.numbers(in: $0.text)) }
        var diagnostics: [Diagnostic] = []
        for (text, claims) in zip(texts, claimsPerText) {
            for claim in claims {
                guard let problem = check(claim, against: sources) else { continue }
                let location = text.location.map { Placeholders.locate(claim.range.lowerBound, in: text.markdown, from: $0) }
                    ?? challenge.location
                diagnostics.append(.error(problem.message, at: location, notes: problem.notes, rule: Self.description.id))
            }
        }
        return diagnostics
    }

    private func check(_ claim: QuotedNumbers.Claim,
                       against sources: [(name: String, numbers: [NumberScanner.Number])]) -> (message: String, notes: [Diagnostic.Note])? {
        let decimals = claim.numbers.map(\.decimals).max() ?? 0
        let precision = "compared at the precision written (\(decimals) decimal\(decimals == 1 ? "" : "s"))"
        switch claim.kind {
        case .arithmetic(let expression, let value):
            guard !QuotedNumbers.agrees(claim.numbers[0], value, computedDecimals: nil) else { return nil }
            return ("`\(claim.text)` is wrong: \(expression) is \(format(value, decimals: decimals + 3))", [.init(precision)])
        case .single:
            var number = claim.numbers[0]
            if let decimals = claim.decimalsOverride { number.decimals = decimals }
            let candidates = sources.filter { claim.subject == nil || $0.name == claim.subject }
            if candidates.contains(where: { $0.numbers.contains { QuotedNumbers.agrees(number, $0) } }) { return nil }
            let nearest = candidates.flatMap { source in source.numbers.map { (source.name, $0) } }
                .min { abs($0.1.value - number.value) < abs($1.1.value - number.value) }
            let precision = "compared at \(number.decimals) decimal\(number.decimals == 1 ? "" : "s")"
            var notes: [Diagnostic.Note] = [.init(precision)]
            if let nearest { notes.insert(.init("nearest computed value: \(nearest.1.text) (in \(nearest.0))"), at: 0) }
            let about = claim.subject.map { " of `\($0)`" } ?? ""
            return ("quoted number \(number.text) matches no computed value\(about)", notes)
        case .list:
            var best: (name: String, window: ArraySlice<NumberScanner.Number>, error: Double)?
            for source in sources where source.numbers.count >= claim.numbers.count {
                for start in 0...(source.numbers.count - claim.numbers.count) {
                    let window = source.numbers[start..<(start + claim.numbers.count)]
                    if zip(claim.numbers, window).allSatisfy(QuotedNumbers.agrees) { return nil }
                    let error = zip(claim.numbers, window).map { abs($0.value - $1.value) }.max() ?? .infinity
                    if best == nil || error < best!.error { best = (source.name, window, error) }
                }
            }
            var notes: [Diagnostic.Note] = []
            if let best {
                notes.append(.init("closest computed values: \(best.window.map(\.text).joined(separator: ", ")) (in \(best.name))"))
            }
            notes.append(.init(precision))
            return ("quoted numbers \(claim.text) do not match the computed values", notes)
        }
    }

    /// The value rounded to `decimals` places, without trailing zeros (`0.5774`, `8`).
    private func format(_ value: Double, decimals: Int) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        let scale = QuotedNumbers.pow10(decimals)
        return String((value * scale).rounded() / scale)
    }
}
