/// Finds the numbers in printed text (`-1.7191`, `2.`, `1e-04`, `inf`-free), keeping how precisely each was written.
///
/// The scanner walks UTF-8 bytes (a course's outputs and variable reprs are megabytes of mostly ASCII) and decodes a
/// scalar only where the text is not ASCII; a combining mark never changes what the previous character was, so the
/// rules below hold per user-perceived character.
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
        var numbers: [Number] = []
        scan(text) { number, _ in numbers.append(number) }
        return numbers
    }

    /// Text split into runs of non-number text and numbers. A `-` directly before digits belongs to the number
    /// unless it follows a letter or digit (so `a-1` keeps its dash in the text).
    public static func segments(_ text: String) -> [Segment] {
        var segments: [Segment] = []
        var textStart = text.startIndex
        scan(text) { number, start in
            if textStart < start { segments.append(.text(String(text[textStart..<start]))) }
            segments.append(.number(number))
            textStart = number.range.upperBound
        }
        if textStart < text.endIndex { segments.append(.text(String(text[textStart...]))) }
        return segments
    }

    /// Calls `found` with every number and where it starts, left to right.
    private static func scan(_ text: String, _ found: (Number, String.Index) -> Void) {
        let utf8 = text.utf8
        var index = utf8.startIndex
        // Whether the character before `index` is a letter, a digit, `_` or `.` (no number may start after one).
        var blocked = false
        while index < utf8.endIndex {
            let byte = utf8[index]
            if !blocked, byte == UInt8(ascii: "-") || isDigit(byte) || byte == 0xE2,
               let (number, end) = number(in: text, at: index) {
                found(number, index)
                blocked = true  // a number ends in a digit or a `.`
                index = end
                continue
            }
            if byte < 0x80 {
                blocked = isASCIILetterOrDigit(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
                index = utf8.index(after: index)
            } else {
                let scalar = text.unicodeScalars[index]
                let properties = scalar.properties
                if !properties.isGraphemeExtend {
                    blocked = properties.isAlphabetic || properties.numericType != nil
                }
                index = text.unicodeScalars.index(after: index)
            }
        }
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }

    private static func isASCIILetterOrDigit(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte | 0x20) &- UInt8(ascii: "a") < 26
    }

    /// True when the character at `index` is a letter (ASCII or not).
    private static func isLetter(_ text: String, at index: String.Index) -> Bool {
        let byte = text.utf8[index]
        if byte < 0x80 { return (byte | 0x20) &- UInt8(ascii: "a") < 26 }
        return text.unicodeScalars[index].properties.isAlphabetic
    }

    private static func number(in text: String, at start: String.Index) -> (Number, String.Index)? {
        let utf8 = text.utf8
        let end = utf8.endIndex
        var index = start
        var negative = false
        if utf8[index] == UInt8(ascii: "-") {
            negative = true
            index = utf8.index(after: index)
        } else if utf8[index] == 0xE2 {  // `−` (U+2212) is E2 88 92
            guard utf8.distance(from: index, to: end) >= 3,
                  utf8[utf8.index(index, offsetBy: 1)] == 0x88, utf8[utf8.index(index, offsetBy: 2)] == 0x92 else { return nil }
            negative = true
            index = utf8.index(index, offsetBy: 3)
        }
        func digitRun(from position: String.Index) -> String.Index {
            var position = position
            while position < end, isDigit(utf8[position]) { position = utf8.index(after: position) }
            return position
        }
        let digitsStart = index
        index = digitRun(from: index)
        guard index > digitsStart else { return nil }
        let digits = digitsStart..<index
        var fraction = index..<index
        var hasFraction = false
        if index < end, utf8[index] == UInt8(ascii: ".") {
            let afterDot = utf8.index(after: index)
            let nextIsDigit = afterDot < end && isDigit(utf8[afterDot])
            let nextIsLetter = afterDot < end && isLetter(text, at: afterDot)
            if nextIsDigit || !nextIsLetter {
                hasFraction = true
                let fractionEnd = digitRun(from: afterDot)
                fraction = afterDot..<fractionEnd
                index = fractionEnd
                // A sentence-ending period is not a decimal point.
                if fraction.isEmpty, afterDot == end || utf8[afterDot] == UInt8(ascii: " ") || utf8[afterDot] == UInt8(ascii: "\n") {
                    hasFraction = false
                    index = utf8.index(before: afterDot)
                }
            }
        }
        var exponent = 0
        var hasExponent = false
        var exponentText = ""
        if index < end, utf8[index] | 0x20 == UInt8(ascii: "e") {
            var probe = utf8.index(after: index)
            var exponentSign = ""
            if probe < end, utf8[probe] == UInt8(ascii: "-") || utf8[probe] == UInt8(ascii: "+") {
                exponentSign = utf8[probe] == UInt8(ascii: "-") ? "-" : "+"
                probe = utf8.index(after: probe)
            }
            let exponentDigits = probe
            probe = digitRun(from: probe)
            if probe > exponentDigits, probe == end || !isLetter(text, at: probe) {
                exponentText = exponentSign + String(text[exponentDigits..<probe])
                exponent = Int(exponentText) ?? 0
                hasExponent = true
                index = probe
            }
        }
        if index < end, utf8[index] == UInt8(ascii: "_") || isLetter(text, at: index) { return nil }
        var literal = negative ? "-" : ""
        literal += text[digits]
        if hasFraction { literal += "." + text[fraction] }
        if hasExponent { literal += "e" + exponentText }
        guard let value = Double(literal) else { return nil }
        let fractionDigits = utf8.distance(from: fraction.lowerBound, to: fraction.upperBound)
        let decimals = max(fractionDigits - exponent, 0)
        return (Number(value: value, decimals: decimals, hasFraction: hasFraction || hasExponent,
                       text: String(text[start..<index]), range: start..<index), index)
    }
}
