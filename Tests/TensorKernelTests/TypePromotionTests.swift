import Testing
@testable import TensorKernel

/// `torch.result_type` cases verified with PyTorch 2.15 (dim tensors outrank 0-dim tensors outrank Python scalars).
@Suite struct TypePromotionTests {
    static let f32 = Tensor(zeros: [2]), f64 = Tensor(zeros: [2], dtype: .float64)
    static let i64 = Tensor(zeros: [2], dtype: .int64), i32 = Tensor(zeros: [2], dtype: .int32)
    static let b = Tensor(zeros: [2], dtype: .bool)

    @Test(arguments: [
        (Operand.tensor(i64), Operand.double(2.5), DType.float32),
        (.tensor(f32), .double(0.1), .float32),
        (.tensor(f32), .tensor(f64), .float64),
        (.tensor(i32), .tensor(i64), .int64),
        (.tensor(i32), .int(2), .int32),
        (.tensor(b), .int(2), .int64),
        (.tensor(b), .double(1.5), .float32),
        (.tensor(b), .tensor(b), .bool),
        (.tensor(i64), .tensor(Tensor(zeros: [], dtype: .float64)), .float64),
        (.tensor(f32), .tensor(Tensor(zeros: [], dtype: .float64)), .float32),
        (.tensor(Tensor(zeros: [], dtype: .int64)), .double(1), .float32),
    ])
    func resultType(_ a: Operand, _ b: Operand, _ expected: DType) {
        #expect(TypePromotion.resultType(a, b) == expected)
    }

    @Test func trueDivisionOfIntegersGivesFloat32() throws {
        #expect(try Tensor.binary(.div, .tensor(Self.i64), .int(2)).dtype == .float32)
        #expect(try Tensor.binary(.div, .tensor(Self.b), .tensor(Self.b)).dtype == .float32)
    }

    @Test func inPlaceOpsRejectNarrowingCasts() {
        #expect(throws: TensorError.runtime("result type Float can't be cast to the desired output type Long")) {
            try Self.i64.clone().add_(.double(1.5))
        }
        #expect(throws: TensorError.runtime("output with shape [3] doesn't match the broadcast shape [2, 3]")) {
            try Tensor(zeros: [3]).add_(.tensor(Tensor(zeros: [2, 3])))
        }
    }
}
