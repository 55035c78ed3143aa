/// `%.Nf` / `%.Ne` of a finite double written straight into a byte buffer, from the exact binary value
/// with 64/128-bit integer arithmetic: the C library's digits (half-to-even on exact ties) without a
/// `va_list`, a heap buffer or a `String` per value. Returns false (writing nothing) outside its range
/// (huge values in `f`, extreme exponents, precision > 17); callers then fall back to `vsnprintf`.
enum ExactDecimal {
    /// Powers of ten 10^0 … 10^19 (10^19 is the largest below 2^64).
    private static let powersOfTen: [UInt64] = [
        1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000, 10_000_000_000,
        100_000_000_000, 1_000_000_000_000, 10_000_000_000_000, 100_000_000_000_000, 1_000_000_000_000_000,
        10_000_000_000_000_000, 100_000_000_000_000_000, 1_000_000_000_000_000_000, 10_000_000_000_000_000_000,
    ]

    /// Largest precision served: `e` needs 10^(precision + 1) in 64 bits with a digit to spare.
    static let maximumPrecision = 17

    /// Appends `format(value, ".{precision}f")` for finite `value`.
    static func appendFixed(_ value: Double, precision: Int, to output: inout [UInt8]) -> Bool {
        guard value.isFinite, precision >= 0, precision <= maximumPrecision else { return false }
        let (significand, exponent) = decompose(value)
        guard let scaled = roundedScaled(significand, exponent, decimalScale: precision) else { return false }
        // At most 20 digits, the point and the sign.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 24) { text in
            var position = text.count
            var rest = scaled
            var written = 0
            while written <= precision || rest > 0 {
                if precision > 0 && written == precision {
                    position -= 1
                    text[position] = UInt8(ascii: ".")
                }
                position -= 1
                text[position] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: rest % 10)
                rest /= 10
                written += 1
            }
            if value.sign == .minus {
                position -= 1
                text[position] = UInt8(ascii: "-")
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: text[position...]))
        }
        return true
    }

    /// Appends `format(value, ".{precision}e")` for finite `value` (exponent sign and at least two digits).
    static func appendScientific(_ value: Double, precision: Int, to output: inout [UInt8]) -> Bool {
        guard value.isFinite, precision >= 0, precision <= maximumPrecision else { return false }
        let (significand, exponent) = decompose(value)
        var decimalExponent = 0
        var digits: UInt64 = 0
        if significand != 0 {
            // floor(log10(2) · binary exponent of the leading bit), then corrected by at most one step.
            let leadingBit = exponent + (63 - significand.leadingZeroBitCount)
            decimalExponent = (leadingBit * 78_913) >> 18
            var settled = false
            for _ in 0..<4 {
                guard let scaled = roundedScaled(significand, exponent, decimalScale: precision - decimalExponent) else {
                    return false
                }
                if scaled >= powersOfTen[precision + 1] {
                    decimalExponent += 1
                } else if scaled < powersOfTen[precision] {
                    decimalExponent -= 1
                } else {
                    digits = scaled
                    settled = true
                    break
                }
            }
            guard settled else { return false }
        }
        // Sign, 18 digits, the point, `e`, the exponent's sign and three digits.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 32) { text in
            var position = text.count
            let magnitude = decimalExponent.magnitude
            if magnitude >= 100 {
                position -= 3
                text[position] = UInt8(ascii: "0") + UInt8(magnitude / 100)
            } else {
                position -= 2
            }
            text[text.count - 2] = UInt8(ascii: "0") + UInt8(magnitude / 10 % 10)
            text[text.count - 1] = UInt8(ascii: "0") + UInt8(magnitude % 10)
            position -= 2
            text[position] = UInt8(ascii: "e")
            text[position + 1] = decimalExponent < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+")
            var rest = digits
            for _ in 0..<precision {
                position -= 1
                text[position] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: rest % 10)
                rest /= 10
            }
            if precision > 0 {
                position -= 1
                text[position] = UInt8(ascii: ".")
            }
            position -= 1
            text[position] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: rest)
            if value.sign == .minus {
                position -= 1
                text[position] = UInt8(ascii: "-")
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: text[position...]))
        }
        return true
    }

    /// |value| = significand · 2^exponent exactly (significand < 2^53; zero gives significand 0).
    private static func decompose(_ value: Double) -> (UInt64, Int) {
        let bits = value.bitPattern
        let fraction = bits & ((1 << 52) - 1)
        let biased = Int((bits >> 52) & 0x7FF)
        return biased == 0 ? (fraction, -1074) : (fraction | (1 << 52), biased - 1075)
    }

    /// round-half-even(significand · 2^exponent · 10^decimalScale), or nil when the result or an
    /// intermediate product would not fit (|decimalScale| > 19, result ≥ 2^64).
    private static func roundedScaled(_ significand: UInt64, _ exponent: Int, decimalScale: Int) -> UInt64? {
        if significand == 0 { return 0 }
        if decimalScale >= 0 {
            guard decimalScale <= 19 else { return nil }
            let (high, low) = significand.multipliedFullWidth(by: powersOfTen[decimalScale])
            if exponent >= 0 {
                guard high == 0, exponent < 64, low.leadingZeroBitCount >= exponent else { return nil }
                return low << exponent
            }
            return shiftRightRounded(high: high, low: low, by: -exponent)
        }
        guard -decimalScale <= 19 else { return nil }
        let divisor = powersOfTen[-decimalScale]
        if exponent >= 0 {
            // significand << exponent as (high, low), then one 128-by-64 division.
            guard exponent < 128, significand.leadingZeroBitCount + 64 >= exponent else { return nil }
            let high = exponent == 0 ? 0 : exponent < 64 ? significand >> (64 - exponent) : significand << (exponent - 64)
            let low = exponent < 64 ? significand << exponent : 0
            guard high < divisor else { return nil }
            let (quotient, remainder) = divisor.dividingFullWidth((high: high, low: low))
            return roundedUp(quotient, remainder: remainder, divisor: divisor)
        }
        let shift = -exponent
        guard divisor.leadingZeroBitCount >= shift else { return nil }
        let scaledDivisor = divisor << shift
        return roundedUp(significand / scaledDivisor, remainder: significand % scaledDivisor, divisor: scaledDivisor)
    }

    /// quotient, plus one when remainder/divisor > 1/2 or = 1/2 with an odd quotient; nil on overflow.
    private static func roundedUp(_ quotient: UInt64, remainder: UInt64, divisor: UInt64) -> UInt64? {
        let complement = divisor - remainder
        guard remainder > complement || (remainder == complement && quotient & 1 == 1) else { return quotient }
        return quotient == .max ? nil : quotient + 1
    }

    /// round-half-even((high:low) / 2^shift) for shift ≥ 1, or nil when it does not fit in 64 bits.
    private static func shiftRightRounded(high: UInt64, low: UInt64, by shift: Int) -> UInt64? {
        // The product is below 2^117, so from 2^118 on it is less than half of the divisor.
        if shift >= 118 { return 0 }
        let quotientHigh: UInt64
        let quotient: UInt64
        let roundBit: Bool
        let sticky: Bool
        if shift < 64 {
            quotientHigh = high >> shift
            quotient = (low >> shift) | (high << (64 - shift))  // shift ≥ 1, so 64 - shift < 64
            roundBit = (low >> (shift - 1)) & 1 == 1
            sticky = shift > 1 && low & ((1 << (shift - 1)) - 1) != 0
        } else if shift == 64 {
            quotientHigh = 0
            quotient = high
            roundBit = low >> 63 == 1
            sticky = low & ((1 << 63) - 1) != 0
        } else {
            let highShift = shift - 64
            quotientHigh = 0
            quotient = high >> highShift
            roundBit = (high >> (highShift - 1)) & 1 == 1
            sticky = low != 0 || (highShift > 1 && high & ((1 << (highShift - 1)) - 1) != 0)
        }
        guard quotientHigh == 0 else { return nil }
        guard roundBit && (sticky || quotient & 1 == 1) else { return quotient }
        return quotient == .max ? nil : quotient + 1
    }
}
