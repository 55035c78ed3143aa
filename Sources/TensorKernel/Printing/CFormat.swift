#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// printf-style `%.Nf` / `%.Ne` through the C library: correctly rounded digits (half-to-even on
/// exact ties), the same digits Python's `format` produces for finite values.
enum CFormat {
    static func format(_ value: Double, precision: Int, conversion: Character) -> String {
        var bytes: [UInt8] = []
        append(value, precision: precision, conversion: conversion, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `%.{precision}{conversion}`: `f`/`e` of finite values by `ExactDecimal` (the same digits
    /// without a `va_list`), everything else and whatever it declines by `vsnprintf`.
    static func append(_ value: Double, precision: Int, conversion: Character, to output: inout [UInt8]) {
        switch conversion {
        case "f": if ExactDecimal.appendFixed(value, precision: precision, to: &output) { return }
        case "e": if ExactDecimal.appendScientific(value, precision: precision, to: &output) { return }
        default: break
        }
        appendThroughC(value, precision: precision, conversion: conversion, to: &output)
    }

    /// `vsnprintf` into a stack buffer, or a heap one when the text is longer (e.g. `%.0f` of 1e300).
    static func appendThroughC(_ value: Double, precision: Int, conversion: Character, to output: inout [UInt8]) {
        let spec = "%.\(precision)\(conversion)"
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: 128) { buffer in
            let needed = Int(withVaList([value]) { vsnprintf(buffer.baseAddress, buffer.count, spec, $0) })
            if needed < buffer.count {
                let length = strlen(buffer.baseAddress!)
                output.append(contentsOf: UnsafeRawBufferPointer(start: buffer.baseAddress, count: length))
                return
            }
            var large = [CChar](repeating: 0, count: needed + 1)
            _ = withVaList([value]) { arguments in
                large.withUnsafeMutableBufferPointer { vsnprintf($0.baseAddress, $0.count, spec, arguments) }
            }
            large.withUnsafeBufferPointer { text in
                output.append(contentsOf: UnsafeRawBufferPointer(start: text.baseAddress, count: strlen(text.baseAddress!)))
            }
        }
    }

    /// A double as C++ `ostream << value` writes it in PyTorch's messages (`%g`: `-1`, `1.5`, `1e+20`).
    static func cxx(_ value: Double) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        return format(value, precision: 6, conversion: "g")
    }
}
