import Foundation
import Testing
@testable import TensorKernel

/// torch 2.15 einsum results and errors, recorded by `Fixtures/record/record_einsum.py`.
struct EinsumFixture: Decodable {
    struct Case: Decodable, CustomTestStringConvertible {
        let equation: String
        let shapes: [[Int]]
        let inputs: [[UInt32]]
        let outShape: [Int]
        let out: [UInt32]
        var testDescription: String { "\(equation) \(shapes)" }

        enum CodingKeys: String, CodingKey {
            case equation, shapes, inputs, out
            case outShape = "out_shape"
        }
    }

    struct ErrorCase: Decodable, CustomTestStringConvertible {
        let id: String
        let equation: String
        let shapes: [[Int]]
        let longOperand: Int?
        let errorType: String
        let message: String
        var testDescription: String { id }

        enum CodingKeys: String, CodingKey {
            case id, equation, shapes, message
            case longOperand = "long_operand"
            case errorType = "error_type"
        }
    }

    let cases: [Case]
    let errors: [ErrorCase]

    static let loaded: EinsumFixture = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/einsum.json")
        do {
            return try JSONDecoder().decode(EinsumFixture.self, from: Data(contentsOf: url))
        } catch {
            fatalError("cannot read \(url.path): \(error)")
        }
    }()
}

@Suite struct EinsumTests {
    /// Products below 400 MACs per batch and small-integer reductions: every bit must match torch.
    @Test(arguments: EinsumFixture.loaded.cases)
    func matchesTorchBitForBit(example: EinsumFixture.Case) throws {
        let operands = zip(example.inputs, example.shapes).map { bits, shape in
            Tensor(bits.map(Float.init(bitPattern:)), shape: shape)
        }
        let result = try Tensor.einsum(example.equation, operands)
        #expect(result.shape == example.outShape)
        #expect(result.floats().map(\.bitPattern) == example.out)
    }

    @Test(arguments: EinsumFixture.loaded.errors)
    func raisesTorchsError(example: EinsumFixture.ErrorCase) {
        let operands = example.shapes.enumerated().map { index, shape in
            Tensor(zeros: shape, dtype: index == example.longOperand ? .int64 : .float32)
        }
        #expect {
            _ = try Tensor.einsum(example.equation, operands)
        } throws: { error in
            guard let error = error as? TensorError else { return false }
            return error.kind.rawValue == example.errorType && error.message == example.message
        }
    }

    /// The shared torch-error-examples.json einsum case.
    @Test func raisesTheSharedExamplesError() throws {
        let example = try #require(TorchErrorExamples.all.first { $0.code.contains("torch.einsum('ij,jk->ik'") })
        #expect(throws: TensorError(.runtimeError, example.message)) {
            try Tensor.einsum("ij,jk->ik", [Tensor(zeros: [2, 3]), Tensor(zeros: [4, 5])])
        }
    }

    /// The attention equations give exactly what `@` gives: both run the same bmm.
    @Test func attentionScoresEqualMatmulWithTranspose() throws {
        let q = Tensor(Problem(m: 54, n: 1, k: 16, seed: 12).aStorage, shape: [2, 3, 9, 16])
        let k = Tensor(Problem(m: 54, n: 1, k: 16, seed: 13).aStorage, shape: [2, 3, 9, 16])
        let viaEinsum = try Tensor.einsum("bhqd,bhkd->bhqk", [q, k])
        let viaMatmul = try q.matmul(k.transpose(-2, -1))
        #expect(viaEinsum.floats().map(\.bitPattern) == viaMatmul.floats().map(\.bitPattern))
    }
}
