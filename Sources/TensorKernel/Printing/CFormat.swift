#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// printf-style `%.Nf` / `%.Ne` through the C library: correctly rounded digits (half-to-even on
/// exact ties), the same digits Python's `format` produces for finite values.
enum CFormat {
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

    /// A double as C++ `ostream << value` writes it in PyTorch's messages (`%g`: `-1`, `1.5`, `1e+20`).
    static func cxx(_ value: Double) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        return format(value, precision: 6, conversion: "g")
    }
}
