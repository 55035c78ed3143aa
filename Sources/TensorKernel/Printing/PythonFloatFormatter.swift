/// Python's formatting of `float` values: `repr`/`str` (shortest round-trip) and the `f`/`e` specs.
public enum PythonFloatFormatter {
    /// `repr(x)` (equal to `str(x)` in Python 3): shortest round-trip digits, scientific when the
    /// first digit's exponent is below -4 or at least 16 (`1e-05`, `1e+16`), else positional with `.0`.
    public static func repr(_ value: Double) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        let (negative, digits, exponent) = shortestDigits(value)
        let sign = negative ? "-" : ""
        if exponent < -4 || exponent >= 16 {
            var mantissa = String(digits.first!)
            if digits.count > 1 { mantissa += "." + digits.dropFirst() }
            let magnitude = String(abs(exponent))
            let paddedExponent = (magnitude.count < 2 ? "0" : "") + magnitude
            return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + paddedExponent
        }
        let pointPosition = exponent + 1
        if pointPosition <= 0 {
            return sign + "0." + String(repeating: "0", count: -pointPosition) + digits
        }
        if pointPosition >= digits.count {
            return sign + digits + String(repeating: "0", count: pointPosition - digits.count) + ".0"
        }
        let split = digits.index(digits.startIndex, offsetBy: pointPosition)
        return sign + digits[..<split] + "." + digits[split...]
    }

    /// `str(x)`: the same as `repr` in Python 3.
    public static func str(_ value: Double) -> String { repr(value) }

    /// `format(x, ".{precision}f")` (`inf`, `-inf`, `nan` for specials, as Python writes them).
    public static func fixed(_ value: Double, precision: Int) -> String {
        var bytes: [UInt8] = []
        appendFixed(value, precision: precision, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `format(x, ".{precision}e")`: at least two exponent digits, e.g. `1.0000e-05`.
    public static func scientific(_ value: Double, precision: Int) -> String {
        var bytes: [UInt8] = []
        appendScientific(value, precision: precision, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `fixed` appended as UTF-8 to `output` (the tensor formatter's no-allocation path).
    static func appendFixed(_ value: Double, precision: Int, to output: inout [UInt8]) {
        if appendSpecial(value, to: &output) || ExactDecimal.appendFixed(value, precision: precision, to: &output) { return }
        CFormat.appendThroughC(value, precision: precision, conversion: "f", to: &output)
    }

    /// `scientific` appended as UTF-8 to `output`.
    static func appendScientific(_ value: Double, precision: Int, to output: inout [UInt8]) {
        if appendSpecial(value, to: &output) || ExactDecimal.appendScientific(value, precision: precision, to: &output) { return }
        CFormat.appendThroughC(value, precision: precision, conversion: "e", to: &output)
    }

    private static func appendSpecial(_ value: Double, to output: inout [UInt8]) -> Bool {
        if value.isNaN {
            output.append(contentsOf: "nan".utf8)
        } else if value.isInfinite {
            output.append(contentsOf: (value < 0 ? "-inf" : "inf").utf8)
        } else {
            return false
        }
        return true
    }

    /// Sign, shortest round-trip significant digits (no trailing zeros) and the decimal exponent of
    /// the first digit, read off Swift's `description` (which prints the same shortest digits).
    private static func shortestDigits(_ value: Double) -> (Bool, String, Int) {
        if value == 0 { return (value.sign == .minus, "0", 0) }
        var text = Substring(value.description)
        let negative = text.first == "-"
        if negative { text = text.dropFirst() }
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            exponent = Int(text[text.index(after: e)...])!
            text = text[..<e]
        }
        let integerPart = text.split(separator: ".", omittingEmptySubsequences: false).first ?? ""
        let allDigits = text.filter { $0 != "." }
        let leadingZeros = allDigits.prefix { $0 == "0" }.count
        var digits = String(allDigits.dropFirst(leadingZeros))
        while digits.count > 1 && digits.last == "0" { digits.removeLast() }
        exponent += integerPart.count - 1 - leadingZeros
        return (negative, digits, exponent)
    }
}
