import Foundation
@testable import TensorKernel

/// Loads JSON fixtures recorded from PyTorch 2.15 (scripts in `Fixtures/record/`).
enum KernelFixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func load<T: Decodable>(_ name: String, as type: T.Type) throws -> T {
        try JSONDecoder().decode(T.self, from: Data(contentsOf: directory.appendingPathComponent(name)))
    }

    /// A tensor from recorded bit patterns (signed int32 bits for float32, int64 bits for float64).
    static func tensor(bits: [Int64], dtype: String, shape: [Int]) -> Tensor {
        if dtype == "float64" { return Tensor(bits.map { Double(bitPattern: UInt64(bitPattern: $0)) }, shape: shape) }
        return Tensor(bits.map { Float(bitPattern: UInt32(bitPattern: Int32($0))) }, shape: shape)
    }

    /// The tensor's elements as the bit patterns the fixtures store.
    static func bits(_ tensor: Tensor) -> [Int64] {
        if tensor.dtype == .float64 { return tensor.doubles().map { Int64(bitPattern: $0.bitPattern) } }
        return tensor.floats().map { Int64(Int32(bitPattern: $0.bitPattern)) }
    }
}
