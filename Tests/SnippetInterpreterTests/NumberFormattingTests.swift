import Testing
@testable import SnippetInterpreter

/// Expected strings recorded from CPython 3.11 (`repr(v)`, `format(v, spec)`).
@Suite struct NumberFormattingTests {
    @Test(arguments: [
        (0.1, "0.1"), (1.0 / 3.0, "0.3333333333333333"), (1e16, "1e+16"), (1e-4, "0.0001"), (1e-5, "1e-05"),
        (123456789012345678.0, "1.2345678901234568e+17"), (Double.leastNonzeroMagnitude, "5e-324"), (1.7976931348623157e308, "1.7976931348623157e+308"),
        (2.5, "2.5"), (-0.0, "-0.0"), (100.0, "100.0"), (1e22, "1e+22"), (9007199254740993.0, "9007199254740992.0"),
        (0.000123456, "0.000123456"), (Double.infinity, "inf"), (-Double.infinity, "-inf"), (Double.nan, "nan"),
    ])
    func floatRepr(_ value: Double, _ expected: String) {
        #expect(NumberFormatting.floatRepr(value) == expected)
    }

    @Test(arguments: [
        (0.1, ".4f", "0.1000"), (0.25, "%", "25.000000%"), (1e-5, "e", "1.000000e-05"), (123.456, "g", "123.456"),
        (100.0, ".3", "1e+02"), (12.0, ".3", "12.0"), (1234.5, ",.2f", "1,234.50"), (-1234.5, "012,.2f", "-0,001,234.50"),
        (2.675, ".2f", "2.67"), (0.125, ".2f", "0.12"), (3.14159, "+10.3f", "    +3.142"), (1e16, ".20", "10000000000000000.0"),
    ])
    func floatFormat(_ value: Double, _ spec: String, _ expected: String) throws {
        let parsed = try NumberFormatting.parse(spec)
        #expect(NumberFormatting.formatFloat(value, parsed) == expected)
    }

    @Test(arguments: [
        (1234567, ",", "1,234,567"), (1234, "010,", "00,001,234"), (255, "#x", "0xff"), (255, "08b", "11111111"),
        (-42, "+d", "-42"), (42, "^6", "  42  "), (1234567, "_", "1_234_567"), (65535, "_x", "ffff"),
    ])
    func intFormat(_ value: Int, _ spec: String, _ expected: String) throws {
        let parsed = try NumberFormatting.parse(spec)
        #expect(NumberFormatting.formatInt(value, parsed) == expected)
    }
}
