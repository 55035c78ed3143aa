import Foundation
import Testing
@testable import TensorKernel

/// JSON fixtures recorded by `Fixtures/record/record_k4.py` (PyTorch 2.15, AVX2 machine); float32 values
/// are stored as their bit patterns.
enum SoftmaxFixtures {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func load<T: Decodable>(_ name: String, as type: T.Type) throws -> T {
        try JSONDecoder().decode(T.self, from: Data(contentsOf: directory.appendingPathComponent(name)))
    }

    static func floats(_ bits: [UInt32]) -> [Float] { bits.map(Float.init(bitPattern:)) }

    /// Indices where `actual` and `expected` differ in bits (NaNs of any payload count as equal).
    static func mismatches(_ actual: [Float], _ expected: [Float]) -> [Int] {
        guard actual.count == expected.count else { return [-1] }
        return actual.indices.filter { i in
            !(actual[i].bitPattern == expected[i].bitPattern || (actual[i].isNaN && expected[i].isNaN))
        }
    }

    /// A softmax-family case: `op` applied along `dim` of `input` (`shape`).
    struct SoftmaxCase: Decodable, CustomTestStringConvertible, Sendable {
        let op: String
        let shape: [Int]
        let dim: Int
        let input: [UInt32]
        let output: [UInt32]
        var testDescription: String { "\(op) \(shape) dim \(dim)" }
    }

    /// A layer-norm case over rows of length `n`, with and without affine parameters.
    struct LayerNormCase: Decodable, CustomTestStringConvertible, Sendable {
        let n: Int
        let rows: Int
        let eps: Double
        let input: [UInt32]
        let weight: [UInt32]
        let bias: [UInt32]
        let output: [UInt32]
        let output_plain: [UInt32]
        let mean: [UInt32]
        let rstd: [UInt32]
        var testDescription: String { "layer_norm n=\(n)" }
    }

    /// An SDPA case; `mask` holds 0/1 for bool masks, float bits otherwise.
    struct AttentionCase: Decodable, CustomTestStringConvertible, Sendable {
        let name: String
        let q: [UInt32]
        let k: [UInt32]
        let v: [UInt32]
        let qshape: [Int]
        let kshape: [Int]
        let vshape: [Int]
        let causal: Bool
        let output: [UInt32]
        let oshape: [Int]
        let scale: Double?
        let maskshape: [Int]?
        let maskdtype: String?
        let mask: [UInt32]?
        var testDescription: String { name }

        var maskTensor: Tensor? {
            guard let mask, let maskshape else { return nil }
            if maskdtype == "bool" { return Tensor(mask.map { $0 != 0 }, shape: maskshape) }
            return Tensor(SoftmaxFixtures.floats(mask), shape: maskshape)
        }
    }

    static let softmaxCases: [SoftmaxCase] = (try? load("softmax_avx2.json", as: [SoftmaxCase].self)) ?? []
    static let layerNormCases: [LayerNormCase] = (try? load("layernorm.json", as: [LayerNormCase].self)) ?? []
    static let attentionCases: [AttentionCase] = (try? load("attention_avx2.json", as: [AttentionCase].self)) ?? []
}
