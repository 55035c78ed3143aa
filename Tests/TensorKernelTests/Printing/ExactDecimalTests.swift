import Foundation
import Testing
@testable import TensorKernel

/// `ExactDecimal` (through `CFormat.format`) against `vsnprintf` (`ReferenceCFormat`): every digit of
/// `%.Nf` / `%.Ne` must be the C library's.
@Suite struct ExactDecimalTests {
    @Test(arguments: [
        (0.125, 2, "0.12"), (0.375, 2, "0.38"), (2.5, 0, "2"), (3.5, 0, "4"), (-0.0, 4, "-0.0000"), (0.0, 0, "0"),
        (-0.00001, 4, "-0.0000"), (9.99995, 4, "10.0000"), (0.03125, 4, "0.0312"), (1e17, 0, "100000000000000000"),
        (123456.75, 1, "123456.8"), (Double(Float(0.1)), 17, "0.10000000149011612"),
    ])
    func fixed(value: Double, precision: Int, expected: String) {
        #expect(CFormat.format(value, precision: precision, conversion: "f") == expected)
    }

    @Test(arguments: [
        (0.0, 4, "0.0000e+00"), (-0.0, 2, "-0.00e+00"), (2.5e-05, 4, "2.5000e-05"), (9.99995, 4, "1.0000e+01"),
        (9.99994, 4, "9.9999e+00"), (125.0, 1, "1.2e+02"), (135.0, 1, "1.4e+02"), (1e100, 3, "1.000e+100"),
        (6.5, 0, "6e+00"), (-123456789.0, 4, "-1.2346e+08"), (1e-300, 2, "1.00e-300"),
    ])
    func scientific(value: Double, precision: Int, expected: String) {
        #expect(CFormat.format(value, precision: precision, conversion: "e") == expected)
    }

    /// The integer path serves the magnitudes tensors print at the default precision (else it would
    /// silently fall back to `vsnprintf` and lose the speed, not the digits).
    @Test(arguments: [1e-12, 3.0517578125e-05, 0.1, 1, 1234.5678, 3.4e12, -7e15])
    func integerPathCoversTensorMagnitudes(value: Double) {
        var bytes: [UInt8] = []
        #expect(ExactDecimal.appendScientific(value, precision: 4, to: &bytes))
        if abs(value) < 1e13 { #expect(ExactDecimal.appendFixed(value, precision: 4, to: &bytes)) }
        #expect(!ExactDecimal.appendFixed(1e300, precision: 4, to: &bytes))
    }

    /// Exact ties at every precision: odd multiples of 2^-(p+1) for `f`, and the same scaled by
    /// powers of two for `e`, with their neighbours one ulp away.
    @Test(arguments: 0...17)
    func tiesRoundHalfToEven(precision: Int) {
        var mismatches: [String] = []
        for odd in stride(from: 1, through: 4001, by: 2) {
            let tie = Double(odd) / Double(1 << (precision + 1))
            for base in [tie, -tie, tie.nextUp, tie.nextDown] {
                for scale in [1.0, 0x1p-20, 0x1p10, 0x1p40] {
                    let value = base * scale
                    for conversion: Character in ["f", "e"] {
                        let actual = CFormat.format(value, precision: precision, conversion: conversion)
                        let expected = ReferenceCFormat.format(value, precision: precision, conversion: conversion)
                        if actual != expected { mismatches.append("\(value) %.\(precision)\(conversion): \(actual) != \(expected)") }
                    }
                }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(10))")
    }

    /// Random doubles over every magnitude (log-uniform 1e-320…1e308), float32-widened ones, and
    /// random bit patterns, at every precision 0…20 (past 17 everything goes through C).
    @Test(arguments: 0...20)
    func randomValuesMatchTheCLibrary(precision: Int) {
        var random = SeededRandom(seed: UInt64(precision) &+ 1)
        var mismatches: [String] = []
        for round in 0..<3000 {
            let value: Double
            switch round % 3 {
            case 0:
                let exponent = Double.random(in: -320...308, using: &random)
                value = (random.next() & 1 == 0 ? 1 : -1) * Double.random(in: 1..<10, using: &random) * pow(10, exponent.rounded(.down))
            case 1:
                value = Double(Float(bitPattern: UInt32(truncatingIfNeeded: random.next())))
            default:
                value = Double(bitPattern: random.next())
            }
            guard value.isFinite else { continue }
            for conversion: Character in ["f", "e"] {
                let actual = CFormat.format(value, precision: precision, conversion: conversion)
                let expected = ReferenceCFormat.format(value, precision: precision, conversion: conversion)
                if actual != expected { mismatches.append("\(value.bitPattern) %.\(precision)\(conversion): \(actual) != \(expected)") }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(10))")
    }

    /// Python's spellings of the specials, and the C library's for `CFormat` itself.
    @Test func specials() {
        #expect(PythonFloatFormatter.fixed(-.infinity, precision: 3) == "-inf")
        #expect(PythonFloatFormatter.scientific(-.nan, precision: 3) == "nan")
        #expect(CFormat.format(.infinity, precision: 4, conversion: "e") == ReferenceCFormat.format(.infinity, precision: 4, conversion: "e"))
        #expect(CFormat.format(-.nan, precision: 4, conversion: "f") == ReferenceCFormat.format(-.nan, precision: 4, conversion: "f"))
    }
}
