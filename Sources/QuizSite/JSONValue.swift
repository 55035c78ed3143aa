/// A JSON document that serialises deterministically: object keys sorted by UTF-8 bytes, fixed indentation,
/// so two builds of the same content produce byte-identical bundles.
public indirect enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// Pretty-printed with two-space indentation and a final newline.
    public func serialized() -> String {
        String(decoding: serializedBytes(), as: UTF8.self)
    }

    /// `serialized()` as UTF-8 bytes, written straight into one buffer.
    public func serializedBytes() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(4096)
        write(to: &out, indent: 0)
        out.append(0x0A)
        return out
    }

    func write(to out: inout [UInt8], indent: Int) {
        switch self {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let value): out.append(contentsOf: (value ? "true" : "false").utf8)
        case .int(let value): JSONValue.writeInt(value, to: &out)
        case .double(let value): out.append(contentsOf: (value.isFinite ? "\(value)" : "null").utf8)
        case .string(let value): JSONValue.writeString(value, to: &out)
        case .array(let items):
            if items.isEmpty { out.append(contentsOf: "[]".utf8); return }
            out.append(contentsOf: "[\n".utf8)
            for (index, item) in items.enumerated() {
                JSONValue.writeSpaces(indent + 2, to: &out)
                item.write(to: &out, indent: indent + 2)
                if index != items.count - 1 { out.append(0x2C) }
                out.append(0x0A)
            }
            JSONValue.writeSpaces(indent, to: &out)
            out.append(0x5D)
        case .object(let members):
            if members.isEmpty { out.append(contentsOf: "{}".utf8); return }
            out.append(contentsOf: "{\n".utf8)
            let sorted = members.sorted { JSONValue.precedes($0.key, $1.key) }
            for (index, member) in sorted.enumerated() {
                JSONValue.writeSpaces(indent + 2, to: &out)
                JSONValue.writeString(member.key, to: &out)
                out.append(contentsOf: ": ".utf8)
                member.value.write(to: &out, indent: indent + 2)
                if index != sorted.count - 1 { out.append(0x2C) }
                out.append(0x0A)
            }
            JSONValue.writeSpaces(indent, to: &out)
            out.append(0x7D)
        }
    }

    private static func writeSpaces(_ count: Int, to out: inout [UInt8]) {
        out.append(contentsOf: repeatElement(0x20, count: count))
    }

    private static func writeInt(_ value: Int, to out: inout [UInt8]) {
        if value >= 0 && value < 10 { out.append(0x30 + UInt8(value)); return }
        out.append(contentsOf: String(value).utf8)
    }

    /// Escapes `"`, `\`, controls, `<`, `>`, `&` (so a bundle can be inlined in a `<script>` element without closing it)
    /// and U+2028/U+2029. Each byte's escape comes from a table and is stored as one 8-byte word into a scratch buffer
    /// of the worst-case size (HTML has a special byte every few bytes, too often for copying runs between them).
    static func writeString(_ value: String, to out: inout [UInt8]) {
        var value = value
        value.withUTF8 { bytes in
            // Six bytes per input byte at worst, two quotes, and room for the last 8-byte store.
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count * 6 + 10) { buffer in
                let written = escapes.withUnsafeBufferPointer { table in
                    escape(bytes, into: UnsafeMutableRawPointer(buffer.baseAddress!), table: table)
                }
                out.append(contentsOf: UnsafeBufferPointer(start: buffer.baseAddress!, count: written))
            }
        }
    }

    /// Writes `"…"` with `source` escaped at `destination` (room for `6 * count + 10` bytes); returns the bytes written.
    private static func escape(_ source: UnsafeBufferPointer<UInt8>, into destination: UnsafeMutableRawPointer,
                               table: UnsafeBufferPointer<UInt64>) -> Int {
        destination.storeBytes(of: 0x22, as: UInt8.self)
        var written = 1
        var index = 0
        let count = source.count
        while index < count {
            let entry = table[Int(source[index])]
            if entry == 0 {
                // 0xE2: U+2028 and U+2029 are escaped, anything else it starts is copied.
                if index + 2 < count, source[index + 1] == 0x80, source[index + 2] == 0xA8 || source[index + 2] == 0xA9 {
                    let text: StaticString = source[index + 2] == 0xA8 ? "\\u2028" : "\\u2029"
                    (destination + written).copyMemory(from: text.utf8Start, byteCount: text.utf8CodeUnitCount)
                    written += text.utf8CodeUnitCount
                    index += 3
                    continue
                }
                destination.storeBytes(of: 0xE2, toByteOffset: written, as: UInt8.self)
                written += 1
                index += 1
                continue
            }
            destination.storeBytes(of: entry.littleEndian, toByteOffset: written, as: UInt64.self)
            written += Int(truncatingIfNeeded: entry >> 56)
            index += 1
        }
        destination.storeBytes(of: 0x22, toByteOffset: written, as: UInt8.self)
        return written + 1
    }

    /// Per byte: what `writeString` writes for it (up to six bytes, the first in the lowest byte) with that length in
    /// the top byte; 0 for 0xE2, which may start U+2028/U+2029.
    private static let escapes: [UInt64] = (0...255).map { (byte: Int) -> UInt64 in
        func packed(_ text: String) -> UInt64 {
            var word = UInt64(text.utf8.count) << 56
            for (index, unit) in text.utf8.enumerated() { word |= UInt64(unit) << UInt64(8 * index) }
            return word
        }
        switch byte {
        case 0x22: return packed("\\\"")
        case 0x5C: return packed("\\\\")
        case 0x0A: return packed("\\n")
        case 0x0D: return packed("\\r")
        case 0x09: return packed("\\t")
        case 0x3C: return packed("\\u003c")
        case 0x3E: return packed("\\u003e")
        case 0x26: return packed("\\u0026")
        case 0xE2: return 0
        case 0..<0x20:
            return packed("\\u00" + String(decoding: [hexDigit(UInt8(byte >> 4)), hexDigit(UInt8(byte & 0xF))], as: UTF8.self))
        default: return UInt64(byte) | 1 << 56
        }
    }

    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? 0x30 + value : 0x57 + value
    }

    /// Byte-wise order of the UTF-8 of two keys.
    static func precedes(_ a: String, _ b: String) -> Bool {
        var a = a, b = b
        return a.withUTF8 { x in
            b.withUTF8 { y in
                for index in 0..<min(x.count, y.count) where x[index] != y[index] { return x[index] < y[index] }
                return x.count < y.count
            }
        }
    }
}

extension JSONValue {
    static func string(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }
}
