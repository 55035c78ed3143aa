import Testing
@testable import TensorKernel

/// Index assignment and advanced-index errors (messages recorded from PyTorch 2.15; layouts of `x[...]`
/// reads are checked against the fixture in `TensorViewsTests`).
@Suite struct TensorIndexingTests {
    @Test func setIndexWritesThroughViews() throws {
        let y = Tensor(zeros: [2, 3])
        try y.setIndex([.slice(start: nil, stop: nil, step: nil), .int(1)], .int(7))
        try y.setIndex([.list([0, 1]), .list([0, 2])], .tensor(Tensor([Float(1), 2])))
        #expect(y.floats() == [1, 7, 0, 0, 7, 2])
        #expect(throws: TensorError.runtime("shape mismatch: value tensor of shape [3, 3] cannot be broadcast to indexing result of shape [2, 3]")) {
            try y.setIndex([.list([0, 1])], .tensor(Tensor(zeros: [3, 3])))
        }
        #expect(throws: TensorError.runtime("The expanded size of the tensor (3) must match the existing size (4) at non-singleton dimension 0.  Target sizes: [3].  Tensor sizes: [4]")) {
            try y.setIndex([.int(0)], .tensor(Tensor(zeros: [4])))
        }
        #expect(throws: TensorError.index("shape mismatch: indexing tensors could not be broadcast together with shapes [2], [3]")) {
            try y.index([.list([0, 1]), .list([0, 1, 2])])
        }
    }

    @Test func maskAssignmentAndBounds() throws {
        let y = Tensor([Float(1), -2, 3, -4], shape: [2, 2])
        try y.setIndex([.tensor(y.lt(.int(0)))], .int(0))
        #expect(y.floats() == [1, 0, 3, 0])
        #expect(throws: TensorError.index("index -3 is out of bounds for dimension 0 with size 2")) { try y.index([.int(-3)]) }
        #expect(throws: TensorError.index("index 5 is out of bounds for dimension 0 with size 2")) { try y.index([.list([0, 5])]) }
        #expect(throws: TensorError.index("too many indices for tensor of dimension 2")) { try y.index([.int(0), .int(0), .int(0)]) }
        #expect(try y.index([.ellipsis, .newAxis]).shape == [2, 2, 1])
    }
}
