import Foundation
import Testing

/// Bit-pattern recordings of PyTorch 2.15 random streams (`Fixtures/Random/record_random.py`).
enum RandomFixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/Random")

    /// A recorded array: every word (`bits`), or the first words and an FNV-1a hash of all bytes.
    struct Encoded: Decodable, Sendable {
        var bits: String?
        var head: String?
        var fnv: String?
    }

    struct Stream: Decodable, Sendable, CustomTestStringConvertible {
        var api: String
        var dtype: String
        var seed: UInt64
        var shape: [Int]
        var bits: String?
        var head: String?
        var fnv: String?
        var encoded: Encoded { Encoded(bits: bits, head: head, fnv: fnv) }
        var numel: Int { shape.reduce(1, *) }
        var testDescription: String { "\(api) \(dtype) seed \(seed) shape \(shape)" }
    }

    /// One FNV-1a hash over `api` at sizes 1…100, each drawn from a fresh `seed`.
    struct Sweep: Decodable, Sendable, CustomTestStringConvertible {
        var api: String
        var dtype: String
        var seed: UInt64
        var fnv: String
        var testDescription: String { "\(api) \(dtype) seed \(seed) sizes 1…100" }
    }

    struct Special: Decodable, Sendable {
        var name: String
        var seed: Int64?
        var initial_seed: String?
        var bits: String?
        var head: String?
        var fnv: String?
        var encoded: Encoded { Encoded(bits: bits, head: head, fnv: fnv) }
    }

    struct Parameter: Decodable, Sendable {
        var name: String
        var shape: [Int]
        var bits: String?
        var head: String?
        var fnv: String?
        var encoded: Encoded { Encoded(bits: bits, head: head, fnv: fnv) }
    }

    struct Module: Decodable, Sendable, CustomTestStringConvertible {
        var module: String
        var seed: UInt64
        var parameters: [Parameter]
        var next_rand: String
        var testDescription: String { "\(module) seed \(seed)" }
    }

    struct StreamFile: Decodable { var streams: [Stream]; var sweeps: [Sweep]; var special: [Special] }
    struct ModuleFile: Decodable { var modules: [Module] }

    private static func load<T: Decodable>(_ name: String, as type: T.Type) -> T {
        do {
            let data = try Data(contentsOf: directory.appendingPathComponent(name))
            return try JSONDecoder().decode(T.self, from: data)
        } catch {
            fatalError("cannot read fixture \(name): \(error)")
        }
    }

    static let streamFile = load("random.json", as: StreamFile.self)
    static let streams = streamFile.streams
    static let sweeps = streamFile.sweeps
    static let special = streamFile.special
    static let modules = load("random_modules.json", as: ModuleFile.self).modules

    static func module(_ name: String, seed: UInt64) -> Module? {
        modules.first { $0.module == name && $0.seed == seed }
    }
}

/// Hex words as the recording script writes them.
enum BitWords {
    static func hex(_ values: [Float]) -> [String] { values.map { hex($0.bitPattern, width: 8) } }
    static func hex(_ values: [Double]) -> [String] { values.map { hex($0.bitPattern, width: 16) } }
    static func hex(_ values: [Int64]) -> [String] { values.map { hex(UInt64(bitPattern: $0), width: 16) } }

    static func hex<T: FixedWidthInteger>(_ word: T, width: Int) -> String {
        let digits = String(word, radix: 16)
        return String(repeating: "0", count: width - digits.count) + digits
    }

    /// FNV-1a 64 over the little-endian bytes of the words.
    static func fnv(_ words: [String]) -> String {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for word in words {
            var value = UInt64(word, radix: 16)!
            for _ in 0..<(word.count / 2) {
                hash ^= value & 0xFF
                hash = hash &* 0x0000_0100_0000_01B3
                value >>= 8
            }
        }
        return hex(hash, width: 16)
    }

    /// Checks computed words against a recording, reporting the first differing index.
    static func expectMatches(_ words: [String], _ recorded: RandomFixtures.Encoded, sourceLocation: SourceLocation = #_sourceLocation) {
        let width = words.first?.count ?? 8
        if let bits = recorded.bits {
            let expected = split(bits, width: width)
            #expect(words.count == expected.count, sourceLocation: sourceLocation)
            if let index = words.indices.first(where: { $0 < expected.count && words[$0] != expected[$0] }) {
                Issue.record("first mismatch at \(index): \(words[index]) != \(expected[index])", sourceLocation: sourceLocation)
            }
        } else {
            let head = split(recorded.head ?? "", width: width)
            #expect(Array(words.prefix(head.count)) == head, sourceLocation: sourceLocation)
            #expect(fnv(words) == recorded.fnv, sourceLocation: sourceLocation)
        }
    }

    static func split(_ bits: String, width: Int) -> [String] {
        var result: [String] = []
        var index = bits.startIndex
        while index < bits.endIndex {
            let end = bits.index(index, offsetBy: width)
            result.append(String(bits[index..<end]))
            index = end
        }
        return result
    }
}
