/// Finds the numbers in printed text (`-1.7191`, `2.`, `1e-04`, `inf`-free), keeping how precisely each was written.
public enum NumberScanner {
    public struct Number: Sendable, Hashable {
        public var value: Double
        /// Digits after the decimal point, adjusted by the exponent (`1.5e-3` → 4); 0 for integers.
        public var decimals: Int
        public var hasFraction: Bool
        public var text: String
        public var range: Range<String.Index>
    }

    public enum Segment: Sendable, Hashable {
        case text(String)
        case number(Number)
    }

    public static func numbers(in text: String) -> [Number] {
        segments(text).compactMap { if case .number(let number) = $0 { number } else { nil } }
    }

    /// Text split into runs of non-number text and numbers. A `-` directly before digits belongs to the number
    /// unless it follows a letter or digit (so `a-1` keeps its dash in the text).
    public static func segments(_ text: String) -> [Segment] {
        var segments: [Segment] = []
        var pending = ""
        var index = text.startIndex
        var previous: Character?
        while index < text.endIndex {
            if let (number, end) = number(in: text, at: index, previous: previous) {
                if !pending.isEmpty { segments.append(.text(pending)) }
                pending = ""
                segments.append(.number(number))
                previous = text[text.index(before: end)]
                index = end
            } else {
                pending.append(text[index])
                previous = text[index]
                index = text.index(after: index)
            }
        }
        if !pending.isEmpty { segments.append(.text(pending)) }
        return segments
    }

    private static func number(in text: String, at start: String.Index, previous: Character?) -> (Number, String.Index)? {
        if let previous, previous.isLetter || previous.isNumber || previous == "_" || previous == "." { return nil }
        var index = start
        var digits = "", fraction = "", exponent = ""
        var sign = ""
        if text[index] == "-" || text[index] == "−" {
            sign = "-"
            index = text.index(after: index)
        }
        while index < text.endIndex, text[index].isASCII, text[index].isNumber {
            digits.append(text[index])
            index = text.index(after: index)
        }
        guard !digits.isEmpty else { return nil }
        var hasFraction = false
        if index < text.endIndex, text[index] == "." {
            let afterDot = text.index(after: index)
            let nextIsDigit = afterDot < text.endIndex && text[afterDot].isASCII && text[afterDot].isNumber
            let nextIsLetter = afterDot < text.endIndex && text[afterDot].isLetter
            if nextIsDigit || !nextIsLetter {
                hasFraction = true
                index = afterDot
                while index < text.endIndex, text[index].isASCII, text[index].isNumber {
                    fraction.append(text[index])
                    index = text.index(after: index)
                }
                // A sentence-ending period is not a decimal point.
                if fraction.isEmpty, afterDot == text.endIndex || text[afterDot] == " " || text[afterDot] == "\n" {
                    hasFraction = false
                    index = text.index(before: afterDot)
                }
            }
        }
        if index < text.endIndex, text[index] == "e" || text[index] == "E" {
            var probe = text.index(after: index)
            var candidate = ""
            if probe < text.endIndex, text[probe] == "-" || text[probe] == "+" {
                candidate.append(text[probe])
                probe = text.index(after: probe)
            }
            var expDigits = ""
            while probe < text.endIndex, text[probe].isASCII, text[probe].isNumber {
                expDigits.append(text[probe])
                probe = text.index(after: probe)
            }
            if !expDigits.isEmpty, probe == text.endIndex || !text[probe].isLetter {
                exponent = candidate + expDigits
                index = probe
            }
        }
        if index < text.endIndex, text[index].isLetter || text[index] == "_" { return nil }
        let literal = sign + digits + (hasFraction ? "." + fraction : "") + (exponent.isEmpty ? "" : "e" + exponent)
        guard let value = Double(literal) else { return nil }
        let decimals = max(fraction.count - (Int(exponent) ?? 0), 0)
        return (Number(value: value, decimals: decimals, hasFraction: hasFraction || !exponent.isEmpty,
                       text: String(text[start..<index]), range: start..<index), index)
    }
}
