import Testing
@testable import TensorKernel

/// max/min/argmax semantics and reduction errors (verified with PyTorch 2.15); numeric reductions are checked
/// bit for bit in `TensorSumTests`.
@Suite struct TensorReductionsTests {
    @Test func maxPropagatesNaNAndReturnsFirstIndex() throws {
        let t = Tensor([Float(1), .nan, 3, 2, 5, 5], shape: [2, 3])
        let (values, indices) = try t.max(dim: 1)
        #expect(values.floats()[0].isNaN && values.floats()[1] == 5)
        #expect(indices.int64s() == [1, 1])
        #expect(try t.max().floats()[0].isNaN)
        #expect(try t.argmax().int64s() == [1])
    }

    @Test func emptyReductionsRaiseTorchErrors() {
        let empty = Tensor(zeros: [0, 3])
        #expect(throws: TensorError.index("amax(): Expected reduction dim 0 to have non-zero size.")) { try empty.amax(dim: [0]) }
        #expect(throws: TensorError.index("max(): Expected reduction dim 0 to have non-zero size.")) { try empty.max(dim: 0) }
        #expect(throws: TensorError.runtime(
            "max(): Expected reduction dim to be specified for input.numel() == 0. Specify the reduction dim with the 'dim' argument.")) {
            try empty.max()
        }
        #expect(throws: TensorError.notImplemented("std and var only support floating point and complex dtypes")) {
            try Tensor([Int64(1), 2]).var_()
        }
        #expect(throws: TensorError.runtime("dim 1 appears multiple times in the list of dims")) { try empty.sum(dim: [1, -1]) }
    }

    @Test func integerAndBoolSumsGiveInt64() throws {
        #expect(try Tensor([true, true, false]).sum().int64s() == [2])
        #expect(try Tensor([Int32(1), 2], shape: [2]).sum().dtype == .int64)
        #expect(try Tensor([Int64(1), 2, 3, 4], shape: [2, 2]).prod(dim: 1).int64s() == [2, 12])
        #expect(try Tensor([Int64(0), 1, 1, 1], shape: [2, 2]).all(dim: 1).bools() == [false, true])
    }
}
