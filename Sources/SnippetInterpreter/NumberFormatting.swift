#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// CPython's number-to-text rules: `repr(float)`, the format-spec mini language, `%`-formatting.
enum NumberFormatting {
    /// Shortest round-trip digits and decimal exponent: value = 0.DIGITS × 10^decimalPoint.
    static func shortestDigits(_ value: Double) -> (digits: String, decimalPoint: Int) {
        let text = abs(value).description
        var mantissa = Substring(text)
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = text[..<e]
            exponent = Int(text[text.index(after: e)...]) ?? 0
        }
        var intPart = mantissa
        var fracPart: Substring = ""
        if let dot = mantissa.firstIndex(of: ".") {
            intPart = mantissa[..<dot]
            fracPart = mantissa[mantissa.index(after: dot)...]
        }
        var digits = String(intPart) + String(fracPart)
        var decimalPoint = intPart.count + exponent
        while digits.hasPrefix("0") && digits.count > 1 {
            digits.removeFirst()
            decimalPoint -= 1
        }
        while digits.hasSuffix("0") && digits.count > 1 { digits.removeLast() }
        if digits == "0" { decimalPoint = 1 }
        return (digits, decimalPoint)
    }

    /// `repr(float)` / `str(float)` exactly as CPython 3 prints them.
    static func floatRepr(_ value: Double) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        let sign = value.sign == .minus ? "-" : ""
        if value == 0 { return sign + "0.0" }
        let (digits, point) = shortestDigits(value)
        if point > -4 && point <= 16 {
            return sign + fixed(digits, point, minFraction: 1)
        }
        return sign + exponential(digits, point - 1)
    }

    static func fixed(_ digits: String, _ point: Int, minFraction: Int) -> String {
        var result: String
        if point <= 0 {
            result = "0." + String(repeating: "0", count: -point) + digits
        } else if point >= digits.count {
            result = digits + String(repeating: "0", count: point - digits.count)
            if minFraction > 0 { result += "." + String(repeating: "0", count: minFraction) }
        } else {
            result = String(digits.prefix(point)) + "." + String(digits.dropFirst(point))
        }
        return result
    }

    static func exponential(_ digits: String, _ exponent: Int) -> String {
        var result = String(digits.prefix(1))
        if digits.count > 1 { result += "." + String(digits.dropFirst()) }
        let magnitude = abs(exponent)
        return result + (exponent < 0 ? "e-" : "e+") + (magnitude < 10 ? "0" : "") + String(magnitude)
    }

    /// C `printf` of one double (glibc converts exactly, which is what CPython relies on).
    static func printf(_ format: String, _ value: Double) -> String {
        var buffer = [CChar](repeating: 0, count: 512)
        let count = withVaList([value]) { args in
            vsnprintf(&buffer, buffer.count, format, args)
        }
        if count >= buffer.count {
            buffer = [CChar](repeating: 0, count: Int(count) + 1)
            _ = withVaList([value]) { args in vsnprintf(&buffer, buffer.count, format, args) }
        }
        return String(decoding: buffer.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Parsed `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`.
    struct Spec {
        var fill: Character = " "
        var align: Character?
        var sign: Character = "-"
        var alternate = false
        var zeroPad = false
        var width = 0
        var grouping: Character?
        var precision: Int?
        var type: Character?
    }

    enum SpecError: Error { case invalid }

    static func parse(_ spec: String) throws(SpecError) -> Spec {
        var result = Spec()
        var chars = Array(spec)[...]
        if chars.count >= 2, "<>=^".contains(chars[chars.startIndex + 1]) {
            result.fill = chars.removeFirst()
            result.align = chars.removeFirst()
        } else if let first = chars.first, "<>=^".contains(first) {
            result.align = chars.removeFirst()
        }
        if let first = chars.first, "+- ".contains(first) { result.sign = chars.removeFirst() }
        if chars.first == "z" { chars.removeFirst() }
        if chars.first == "#" { result.alternate = true; chars.removeFirst() }
        if chars.first == "0" {
            result.zeroPad = true
            chars.removeFirst()
        }
        var width = ""
        while let c = chars.first, c.isASCII, c.isNumber { width.append(chars.removeFirst()) }
        result.width = Int(width) ?? 0
        if let first = chars.first, first == "," || first == "_" { result.grouping = chars.removeFirst() }
        if chars.first == "." {
            chars.removeFirst()
            var precision = ""
            while let c = chars.first, c.isASCII, c.isNumber { precision.append(chars.removeFirst()) }
            guard !precision.isEmpty else { throw .invalid }
            result.precision = Int(precision)
        }
        if let first = chars.first {
            result.type = first
            chars.removeFirst()
        }
        guard chars.isEmpty else { throw .invalid }
        if result.zeroPad && result.align == nil {
            result.fill = "0"
            result.align = "="
        }
        return result
    }

    static func group(_ digits: String, separator: Character, every: Int = 3) -> String {
        var result = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % every == 0 { result.append(separator) }
            result.append(c)
        }
        return result
    }

    /// Pads `body` (sign and prefix separate) to the spec's width and alignment.
    static func pad(sign: String, body: String, spec: Spec, defaultAlign: Character, groupedZeroFill: Character? = nil) -> String {
        let align = spec.align ?? defaultAlign
        let length = sign.count + body.count
        guard spec.width > length else { return sign + body }
        let padding = spec.width - length
        switch align {
        case "<": return sign + body + String(repeating: spec.fill, count: padding)
        case "^":
            let left = padding / 2
            return String(repeating: spec.fill, count: left) + sign + body + String(repeating: spec.fill, count: padding - left)
        case "=": return sign + String(repeating: spec.fill, count: padding) + body
        default: return String(repeating: spec.fill, count: padding) + sign + body
        }
    }

    static func signPrefix(_ negative: Bool, _ spec: Spec) -> String {
        if negative { return "-" }
        switch spec.sign {
        case "+": return "+"
        case " ": return " "
        default: return ""
        }
    }

    /// Applies `,`/`_` grouping to the integer digits of a formatted number, zero-filling through separators like CPython.
    static func groupNumber(_ number: String, spec: Spec, signLength: Int, every: Int = 3) -> String {
        guard let separator = spec.grouping else { return number }
        let splitIndex = number.firstIndex(where: { !$0.isHexDigit }) ?? number.endIndex
        var integer = String(number[..<splitIndex])
        let rest = String(number[splitIndex...])
        var grouped = group(integer, separator: separator, every: every)
        if spec.fill == "0" && spec.align == "=" {
            while signLength + grouped.count + rest.count < spec.width {
                integer = "0" + integer
                grouped = group(integer, separator: separator, every: every)
            }
        }
        return grouped + rest
    }

    static func formatInt(_ value: Int, _ spec: Spec) -> String? {
        let type = spec.type ?? "d"
        let magnitude = value.magnitude
        var body: String
        var prefix = ""
        switch type {
        case "d", "n": body = String(magnitude)
        case "b": body = String(magnitude, radix: 2); prefix = spec.alternate ? "0b" : ""
        case "o": body = String(magnitude, radix: 8); prefix = spec.alternate ? "0o" : ""
        case "x": body = String(magnitude, radix: 16); prefix = spec.alternate ? "0x" : ""
        case "X": body = String(magnitude, radix: 16, uppercase: true); prefix = spec.alternate ? "0X" : ""
        case "c":
            guard let scalar = Unicode.Scalar(UInt32(truncatingIfNeeded: value)) else { return nil }
            return pad(sign: "", body: String(Character(scalar)), spec: spec, defaultAlign: "<")
        default: return nil
        }
        let sign = signPrefix(value < 0, spec) + prefix
        body = groupNumber(body, spec: spec, signLength: sign.count, every: "bxXo".contains(type) ? 4 : 3)
        return pad(sign: sign, body: body, spec: spec, defaultAlign: ">")
    }

    static func formatFloat(_ value: Double, _ spec: Spec) -> String? {
        let negative = value.sign == .minus && !value.isNaN
        let magnitude = abs(value)
        var body: String
        switch spec.type {
        case nil:
            if let precision = spec.precision {
                body = generalNoType(magnitude, precision: max(precision, 1), alternate: spec.alternate)
            } else {
                body = floatRepr(magnitude)
            }
        case "f", "F":
            body = printf("%\(spec.alternate ? "#" : "").\(spec.precision ?? 6)\(spec.type!)", magnitude)
        case "e", "E":
            body = printf("%\(spec.alternate ? "#" : "").\(spec.precision ?? 6)\(spec.type!)", magnitude)
        case "g", "G":
            body = printf("%\(spec.alternate ? "#" : "").\(spec.precision ?? 6)\(spec.type!)", magnitude)
        case "%":
            body = printf("%\(spec.alternate ? "#" : "").\(spec.precision ?? 6)f", magnitude * 100) + "%"
        case "n":
            body = printf("%.\(spec.precision ?? 6)g", magnitude)
        default:
            return nil
        }
        let sign = signPrefix(negative, spec)
        if magnitude.isFinite { body = groupNumber(body, spec: spec, signLength: sign.count) }
        return pad(sign: sign, body: body, spec: spec, defaultAlign: ">")
    }

    /// Empty presentation type with a precision: like `g`, but keeps at least one fractional digit and
    /// switches to exponent notation when exp >= precision.
    static func generalNoType(_ magnitude: Double, precision: Int, alternate: Bool) -> String {
        if !magnitude.isFinite { return magnitude.isNaN ? "nan" : "inf" }
        let e = printf("%.\(precision - 1)e", magnitude)
        let parts = e.split(separator: "e")
        let exponent = Int(parts[1])!
        var digits = parts[0].replacingOccurrences(".", "")
        if exponent >= -4 && exponent < precision - 1 {
            if !alternate { while digits.hasSuffix("0") && digits.count > exponent + 1 && digits.count > 1 { digits.removeLast() } }
            return fixed(digits, exponent + 1, minFraction: 1)
        }
        if !alternate { while digits.hasSuffix("0") && digits.count > 1 { digits.removeLast() } }
        return exponential(digits, exponent)
    }

    static func formatString(_ value: String, _ spec: Spec) -> String {
        var body = value
        if let precision = spec.precision, body.count > precision { body = String(body.prefix(precision)) }
        return pad(sign: "", body: body, spec: spec, defaultAlign: "<")
    }
}
