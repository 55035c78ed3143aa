import QuizCore
import QuizMarkdown

/// Finds the places where prose claims a computed number, and decides whether a computed number agrees.
///
/// A claim is either
/// - a bracketed list of two or more numbers with at least one decimal point (`[[1.718, 2.718]]`,
///   `(0.6405, 0.3595)`), which must appear, in order, among the numbers of the stdout, of one variable's
///   printed value, or of the error message; or
/// - one number right after a claim word (`is`, `=`, `≈`, `approximately`, `near`, `prints`, ...). If the
///   clause names a variable first (`the weight of the first key is near 1` names `weights`), the number must
///   agree with one of that variable's numbers; otherwise, if it has a decimal point, with any computed number;
/// - arithmetic, `64 / 8 = 8` or `1/√3 ≈ 0.577`, which is checked by evaluating the left side.
/// Numbers agree when they are equal at the precision written: |claimed − computed| ≤ ½·10^−d (d = decimals
/// written) plus half a unit of the computed value's own printed precision. A whole number after an
/// approximate word in a clause that names a variable (`the weight ... is near 1`) is read at one decimal
/// (within 0.05); other whole numbers (shapes, counts, dims, `is 64`) are never claims.
enum QuotedNumbers {
    struct Claim: Equatable {
        enum Kind: Equatable {
            case list
            case single
            case arithmetic(expression: String, value: Double)
        }

        var kind: Kind
        var numbers: [NumberScanner.Number]
        var text: String
        var range: Range<String.Index>
        /// The variable (or `output`) the clause names before the number, which the claim is about.
        var subject: String?
        /// Decimals to compare at when not the written ones (`near 1` → 1).
        var decimalsOverride: Int?
    }

    static let approximateWords: Set<String> = [
        "near", "nearly", "almost", "approximately", "approx", "approx.", "about", "around", "roughly", "≈", "~", "≃",
    ]

    static let claimWords: Set<String> = [
        "is", "are", "was", "were", "be", "equals", "equal", "=", "≈", "~", "≃", "approximately", "approx",
        "approx.", "about", "around", "roughly", "nearly", "gives", "give", "prints", "print", "printed", "outputs",
        "output", "yields", "returns", "becomes", "to", ":",
    ]

    static func claims(in markdown: String, skipping excluded: [Range<String.Index>], names: [String] = []) -> [Claim] {
        let numbers = NumberScanner.numbers(in: markdown).filter { number in
            !excluded.contains { $0.contains(number.range.lowerBound) }
        }
        var claims: [Claim] = []
        var index = 0
        while index < numbers.count {
            // Extend a run while only commas, spaces and brackets separate the numbers.
            var end = index
            while end + 1 < numbers.count {
                let between = markdown[numbers[end].range.upperBound..<numbers[end + 1].range.lowerBound]
                guard between.contains(","), between.allSatisfy({ ", \t[]()".contains($0) }) else { break }
                end += 1
            }
            let run = Array(numbers[index...end])
            let before = markdown[..<run[0].range.lowerBound].reversed().drop { $0 == " " }.first
            if run.count >= 2, before == "[" || before == "(" {
                if run.contains(where: \.hasFraction) {
                    var lower = run[0].range.lowerBound
                    while lower > markdown.startIndex, "[( ".contains(markdown[markdown.index(before: lower)]) {
                        lower = markdown.index(before: lower)
                    }
                    while markdown[lower] == " " { lower = markdown.index(after: lower) }
                    let upper = closingEnd(in: markdown, after: run[run.count - 1].range.upperBound)
                    claims.append(Claim(kind: .list, numbers: run, text: String(markdown[lower..<upper]), range: lower..<upper))
                }
                index = end + 1
                continue
            }
            for number in run {
                if let claim = singleClaim(number, in: markdown, names: names) { claims.append(claim) }
            }
            index = end + 1
        }
        return claims
    }

    private static func closingEnd(in text: String, after index: String.Index) -> String.Index {
        var end = index
        while end < text.endIndex, "]) ".contains(text[end]) { end = text.index(after: end) }
        while end > index, text[text.index(before: end)] == " " { end = text.index(before: end) }
        return end
    }

    private static func singleClaim(_ number: NumberScanner.Number, in markdown: String, names: [String]) -> Claim? {
        let lineStart = markdown[..<number.range.lowerBound].lastIndex(of: "\n").map { markdown.index(after: $0) }
            ?? markdown.startIndex
        let before = String(markdown[lineStart..<number.range.lowerBound])
        let tokens = before.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard let last = tokens.last?.trimmingCharacters(in: "`*_(").lowercased() else { return nil }
        if last == "=" || last == "≈" || last == "≃" || last == "~" {
            if let sign = before.lastIndex(of: Character(last)),
               let (expression, value) = Arithmetic.trailingExpression(String(before[..<sign])) {
                return Claim(kind: .arithmetic(expression: expression, value: value), numbers: [number],
                             text: "\(expression) \(last) \(number.text)", range: number.range)
            }
        }
        let closeTo = last == "to" && tokens.dropLast().last?.lowercased() == "close"
        guard claimWords.contains(last) || last.hasSuffix(":") || approximateWords.contains(last) || closeTo else { return nil }
        let subject = self.subject(before: number.range.lowerBound, in: markdown, names: names)
        let approximate = approximateWords.contains(last) || closeTo
        guard number.hasFraction || (subject != nil && approximate) else { return nil }
        return Claim(kind: .single, numbers: [number], text: number.text, range: number.range, subject: subject,
                     decimalsOverride: approximate && !number.hasFraction ? 1 : nil)
    }

    /// The first name mentioned in the clause that ends at `index` (clauses end at `, ; : ! ?`, `. ` and blank lines).
    static func subject(before index: String.Index, in markdown: String, names: [String]) -> String? {
        let text = markdown[..<index]
        var start = text.startIndex
        var cursor = text.startIndex
        while cursor < text.endIndex {
            let next = text.index(after: cursor)
            let character = text[cursor]
            let followedBySpace = next == text.endIndex || text[next] == " " || text[next] == "\n"
            if ",;:!?".contains(character) || (character == "." && followedBySpace)
                || (character == "\n" && next < text.endIndex && text[next] == "\n") {
                start = next
            }
            cursor = next
        }
        let words = text[start...].split { !($0.isLetter || $0.isNumber || $0 == "_") }.map { $0.lowercased() }
        for word in words {
            for name in names where name.count >= 3 {
                let lowered = name.lowercased()
                if word == lowered || word + "s" == lowered || word == lowered + "s" { return name }
            }
        }
        return nil
    }

    /// True when `claimed`, written with its own precision, agrees with `computed` as printed.
    static func agrees(_ claimed: NumberScanner.Number, _ computed: NumberScanner.Number) -> Bool {
        agrees(claimed, computed.value, computedDecimals: computed.decimals)
    }

    static func agrees(_ claimed: NumberScanner.Number, _ value: Double, computedDecimals: Int?) -> Bool {
        var slack = 0.5 * pow10(-claimed.decimals)
        if let computedDecimals { slack += 0.5 * pow10(-computedDecimals) }
        return abs(claimed.value - value) <= slack * (1 + 1e-9) + 1e-12
    }

    static func pow10(_ exponent: Int) -> Double {
        var result = 1.0
        for _ in 0..<abs(exponent) { result *= 10 }
        return exponent < 0 ? 1 / result : result
    }
}

/// Evaluates the arithmetic just before an `=` in prose: numbers, `+ - * / × ÷ ^`, `√`, parentheses.
enum Arithmetic {
    /// The longest arithmetic expression ending `text` that contains an operator, and its value.
    static func trailingExpression(_ text: String) -> (String, Double)? {
        let allowed = "0123456789. +-*/×÷√^()"
        let tail = String(text.reversed().prefix { allowed.contains($0) }.reversed()).trimmingCharacters(in: " ")
        guard tail.contains(where: { "+-*/×÷√^".contains($0) }), tail.first.map({ $0.isNumber || $0 == "√" || $0 == "(" }) == true
        else { return nil }
        var parser = Parser(Array(tail.filter { $0 != " " }))
        guard let value = parser.expression(), parser.index == parser.characters.count, value.isFinite else { return nil }
        return (tail, value)
    }

    struct Parser {
        let characters: [Character]
        var index = 0

        init(_ characters: [Character]) {
            self.characters = characters
        }

        mutating func expression() -> Double? {
            guard var value = term() else { return nil }
            while index < characters.count, characters[index] == "+" || characters[index] == "-" {
                let op = characters[index]
                index += 1
                guard let rhs = term() else { return nil }
                value = op == "+" ? value + rhs : value - rhs
            }
            return value
        }

        mutating func term() -> Double? {
            guard var value = power() else { return nil }
            while index < characters.count, "*/×÷".contains(characters[index]) {
                let op = characters[index]
                index += 1
                guard let rhs = power() else { return nil }
                value = (op == "*" || op == "×") ? value * rhs : value / rhs
            }
            return value
        }

        mutating func power() -> Double? {
            guard let base = factor() else { return nil }
            if index < characters.count, characters[index] == "^" {
                index += 1
                guard let exponent = power(), exponent == exponent.rounded(), abs(exponent) < 64 else { return nil }
                var result = 1.0
                for _ in 0..<Int(abs(exponent)) { result *= base }
                return exponent < 0 ? 1 / result : result
            }
            return base
        }

        mutating func factor() -> Double? {
            guard index < characters.count else { return nil }
            switch characters[index] {
            case "√":
                index += 1
                return factor().map { $0.squareRoot() }
            case "(":
                index += 1
                let value = expression()
                guard index < characters.count, characters[index] == ")" else { return nil }
                index += 1
                return value
            case "-":
                index += 1
                return factor().map { -$0 }
            default:
                var literal = ""
                while index < characters.count, characters[index].isNumber || characters[index] == "." {
                    literal.append(characters[index])
                    index += 1
                }
                return Double(literal)
            }
        }
    }
}
