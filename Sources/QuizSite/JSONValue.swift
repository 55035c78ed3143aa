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

    /// Copies runs of plain bytes at once; escapes `"`, `\`, controls, `<`, `>`, `&` (so a bundle can be inlined in a
    /// `<script>` element without closing it) and U+2028/U+2029. Writes into a scratch buffer of the worst-case size
    /// (six bytes per input byte) and appends it once, so the many short runs between escapes in HTML cost no array
    /// bookkeeping.
    static func writeString(_ value: String, to out: inout [UInt8]) {
        var value = value
        value.withUTF8 { bytes in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count * 6 + 2) { buffer in
                var writer = EscapeWriter(source: bytes, destination: buffer.baseAddress!)
                writer.run()
                out.append(contentsOf: UnsafeBufferPointer(start: buffer.baseAddress!, count: writer.written))
            }
        }
    }

    /// One string's escaping from `source` into a buffer of the worst-case size; plain runs are copied at once.
    private struct EscapeWriter {
        let source: UnsafeBufferPointer<UInt8>
        let destination: UnsafeMutablePointer<UInt8>
        var written = 0
        var runStart = 0

        mutating func run() {
            put(0x22)
            let count = source.count
            var index = 0
            JSONValue.specialBytes.withUnsafeBufferPointer { special in
                while index < count {
                    let byte = source[index]
                    // Most bytes need nothing: one table load.
                    guard special[Int(byte)] else {
                        index += 1
                        continue
                    }
                    var width = 1
                    switch byte {
                    case 0x22: escape(at: index, "\\\"")
                    case 0x5C: escape(at: index, "\\\\")
                    case 0x0A: escape(at: index, "\\n")
                    case 0x0D: escape(at: index, "\\r")
                    case 0x09: escape(at: index, "\\t")
                    case 0x3C: escape(at: index, "\\u003c")
                    case 0x3E: escape(at: index, "\\u003e")
                    case 0x26: escape(at: index, "\\u0026")
                    case 0xE2 where index + 2 < count && source[index + 1] == 0x80 && (source[index + 2] == 0xA8 || source[index + 2] == 0xA9):
                        escape(at: index, source[index + 2] == 0xA8 ? "\\u2028" : "\\u2029")
                        width = 3
                    case 0..<0x20:
                        escape(at: index, "\\u00")
                        put(JSONValue.hexDigit(byte >> 4))
                        put(JSONValue.hexDigit(byte & 0xF))
                    default:
                        index += 1
                        continue
                    }
                    index += width
                    runStart = index
                }
            }
            flush(upTo: count)
            put(0x22)
        }

        private mutating func put(_ byte: UInt8) {
            destination[written] = byte
            written += 1
        }

        private mutating func flush(upTo end: Int) {
            guard end > runStart else { return }
            (destination + written).update(from: source.baseAddress! + runStart, count: end - runStart)
            written += end - runStart
        }

        /// Copies the plain run before `index`, then `text`.
        private mutating func escape(at index: Int, _ text: StaticString) {
            flush(upTo: index)
            (destination + written).update(from: text.utf8Start, count: text.utf8CodeUnitCount)
            written += text.utf8CodeUnitCount
        }
    }

    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? 0x30 + value : 0x57 + value
    }

    /// The bytes `writeString` looks at twice: controls, `"`, `\`, `<`, `>`, `&` and 0xE2 (which starts U+2028/U+2029).
    private static let specialBytes: [Bool] = (0...255).map { byte in
        byte < 0x20 || [0x22, 0x5C, 0x3C, 0x3E, 0x26, 0xE2].contains(byte)
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
