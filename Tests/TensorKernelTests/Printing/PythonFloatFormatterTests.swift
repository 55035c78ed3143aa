import Foundation
import Testing
@testable import TensorKernel

@Suite struct PythonFloatFormatterTests {
    @Test(arguments: [
        (0.49625658988952637, "0.49625658988952637"), (Double(Float(0.1)), "0.10000000149011612"),
        (9.999999747378752e-06, "9.999999747378752e-06"), (1.0000000272564224e+16, "1.0000000272564224e+16"),
        (1e-05, "1e-05"), (123456792.0, "123456792.0"), (0.0001, "0.0001"), (100.0, "100.0"),
        (-0.0, "-0.0"), (0.0, "0.0"), (.infinity, "inf"), (-.infinity, "-inf"), (.nan, "nan"),
        (-3.4028234663852886e+38, "-3.4028234663852886e+38"), (1e16, "1e+16"), (9999999999999998.0, "9999999999999998.0"),
        (.leastNonzeroMagnitude, "5e-324"), (1.7976931348623157e+308, "1.7976931348623157e+308"), (0.5, "0.5"), (-2.5, "-2.5"),
        (1e22, "1e+22"), (123.456, "123.456"), (0.001, "0.001"), (1.5e-5, "1.5e-05"),
    ])
    func reprMatchesCPython(value: Double, expected: String) {
        #expect(PythonFloatFormatter.repr(value) == expected)
    }

    static let recorded: [[String]] = {
        let url = PrintFixtures.directory.appendingPathComponent("python_float_repr.json")
        guard let data = try? Data(contentsOf: url), let pairs = try? JSONDecoder().decode([[String]].self, from: data) else {
            fatalError("cannot read python_float_repr.json")
        }
        return pairs
    }()

    /// 609 values (NaNs dropped) recorded from CPython 3.11: random bit patterns, float32-widened values, short decimals.
    @Test func reprMatchesRecordedCPython() throws {
        #expect(Self.recorded.count == 609)
        for pair in Self.recorded {
            let value = Double(bitPattern: try #require(UInt64(pair[0], radix: 16)))
            #expect(PythonFloatFormatter.repr(value) == pair[1])
        }
    }

    @Test(arguments: [
        (0.03125, 4, "0.0312"), (0.96875, 4, "0.9688"), (2.5, 0, "2"), (3.5, 0, "4"), (-0.0, 4, "-0.0000"),
        (.infinity, 2, "inf"), (-.nan, 4, "nan"),
    ])
    func fixedRoundsHalfToEven(value: Double, precision: Int, expected: String) {
        #expect(PythonFloatFormatter.fixed(value, precision: precision) == expected)
    }

    @Test(arguments: [(2.5e-05, 4, "2.5000e-05"), (123456789.0, 4, "1.2346e+08"), (1e300, 2, "1.00e+300"), (-.infinity, 4, "-inf")])
    func scientific(value: Double, precision: Int, expected: String) {
        #expect(PythonFloatFormatter.scientific(value, precision: precision) == expected)
    }
}
