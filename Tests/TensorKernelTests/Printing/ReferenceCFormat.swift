#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
@testable import TensorKernel

/// `%.Nf` / `%.Ne` straight through `vsnprintf` (the formatting before `ExactDecimal`), with Python's
/// spellings of the specials.
enum ReferenceCFormat {
    static func format(_ value: Double, precision: Int, conversion: Character) -> String {
        let spec = "%.\(precision)\(conversion)"
        var buffer = [CChar](repeating: 0, count: 512)
        let needed = withVaList([value]) { arguments in
            buffer.withUnsafeMutableBufferPointer { vsnprintf($0.baseAddress, $0.count, spec, arguments) }
        }
        if Int(needed) >= buffer.count {
            buffer = [CChar](repeating: 0, count: Int(needed) + 1)
            _ = withVaList([value]) { arguments in
                buffer.withUnsafeMutableBufferPointer { vsnprintf($0.baseAddress, $0.count, spec, arguments) }
            }
        }
        return buffer.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }

    static func fixed(_ value: Double, precision: Int) -> String {
        special(value) ?? format(value, precision: precision, conversion: "f")
    }

    static func scientific(_ value: Double, precision: Int) -> String {
        special(value) ?? format(value, precision: precision, conversion: "e")
    }

    private static func special(_ value: Double) -> String? {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        return nil
    }
}
