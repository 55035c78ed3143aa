import Testing
@testable import TensorKernel

/// `where`, `masked_fill`, `isclose`/`allclose`/`equal` (expected values verified with PyTorch 2.15).
@Suite struct TensorSelectionTests {
    @Test func maskedFillBroadcastsMaskFirst() throws {
        let scores = Tensor([Float](repeating: 1, count: 4), shape: [2, 2])
        let causal = try Tensor.ones([2, 2]).tril().eq(.int(0))
        let filled = try scores.masked_fill(causal, .double(-.infinity))
        #expect(filled.floats() == [1, -.infinity, 1, 1])
        let batched = try Tensor(zeros: [2, 2]).masked_fill(Tensor([true, false], shape: [1, 2]), .int(3))
        #expect(batched.floats() == [3, 0, 3, 0])
        #expect(throws: TensorError.runtime("masked_fill_ only supports boolean masks, but got mask with dtype float")) {
            try scores.masked_fill(Tensor.ones([2, 2]), .int(0))
        }
    }

    @Test func maskedFillInPlaceWritesThroughView() throws {
        let x = Tensor(zeros: [2, 3])
        try x.select(0, 1).masked_fill_(Tensor([true, false, true]), .double(2.5))
        #expect(x.floats() == [0, 0, 0, 2.5, 0, 2.5])
    }

    @Test func wherePromotesBranches() throws {
        let result = try Tensor.where_(Tensor([true, false]), .tensor(Tensor([Int64(1), 2])), .double(0.5))
        #expect(result.dtype == .float32)
        #expect(result.floats() == [1, 0.5])
    }

    @Test func closenessFollowsTorchFormula() throws {
        let a = Tensor([Float(1), 2, .nan]), b = Tensor([Float(1.000001), 2.1, .nan])
        #expect(try a.isclose(b).bools() == [true, false, false])
        #expect(try a.isclose(b, equalNan: true).bools() == [true, false, true])
        #expect(try !a.allclose(b))
        #expect(try a.allclose(b, rtol: 0.1, equalNan: true))
        #expect(!a.equal(a))
        #expect(Tensor([Int64(1), 2]).equal(Tensor([Float(1), 2])))
        #expect(!Tensor([Float(1)]).equal(Tensor([Float(1), 1])))
    }

    @Test func clampHandlesNaNAndInvertedBounds() throws {
        let x = Tensor([Float.nan, 1, 5])
        let clamped = try x.clamp(min: .int(2), max: .int(3)).floats()
        #expect(clamped[0].isNaN && Array(clamped[1...]) == [2, 3])
        #expect(try Tensor([Float(1), 5]).clamp(min: .int(4), max: .int(3)).floats() == [3, 3])
        let y = Tensor([Float(-1), 0.5, 2])
        try y.clamp_(min: .int(0), max: .int(1))
        #expect(y.floats() == [0, 0.5, 1])
    }
}
