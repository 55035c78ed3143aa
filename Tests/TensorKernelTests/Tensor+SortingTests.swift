import Testing
@testable import TensorKernel

/// sort/topk: stable, NaN largest, indices as PyTorch 2.15 returns them.
@Suite struct TensorSortingTests {
    @Test func sortIsStableWithNaNLast() throws {
        let (values, indices) = try Tensor([Float(2), .nan, 1]).sort()
        #expect(values.floats()[0...1] == [1, 2] && values.floats()[2].isNaN)
        #expect(indices.int64s() == [2, 0, 1])
        #expect(try Tensor([Int64(2), 1, 2, 1]).sort(descending: true).indices.int64s() == [0, 2, 1, 3])
    }

    @Test func sortAlongFirstDim() throws {
        let x = Tensor([Float(3), 1, 2, 4], shape: [2, 2])
        let (values, indices) = try x.sort(dim: 0)
        #expect(values.floats() == [2, 1, 3, 4])
        #expect(indices.int64s() == [1, 0, 0, 1])
    }

    @Test func topkChecksK() throws {
        #expect(try Tensor([Float(3), 1, 2, 5]).topk(2, largest: false).indices.int64s() == [1, 2])
        #expect(throws: TensorError.runtime("selected index k out of range")) { try Tensor([Float(3), 1, 2]).topk(5) }
    }
}
