import Testing
@testable import TensorKernel

@Suite struct TensorPrintingTests {
    @Test func reprOfTensorsOfEveryDtype() throws {
        #expect(Tensor([Float(1.5), -2.25, 3]).repr() == "tensor([ 1.5000, -2.2500,  3.0000])")
        #expect(Tensor([1.0, 2.0]).repr() == "tensor([1., 2.], dtype=torch.float64)")
        #expect(Tensor([Int64(1), -20]).repr() == "tensor([  1, -20])")
        #expect(Tensor([Int32(7)]).repr() == "tensor([7], dtype=torch.int32)")
        #expect(Tensor([true, false]).repr() == "tensor([ True, False])")
        #expect(Tensor(scalar: Float(2.5e-05)).repr() == "tensor(2.5000e-05)")
        #expect(Tensor([Float(1), 2], shape: [1, 2]).repr(suffixes: ["requires_grad=True"]) == "tensor([[1., 2.]], requires_grad=True)")
    }

    @Test func printsNonContiguousViewsInLogicalOrder() {
        let base = Tensor([Int64(1), 2, 3, 4, 5, 6], shape: [2, 3])
        let transposed = Tensor(storage: base.storage, shape: [3, 2], strides: [1, 3])
        #expect(transposed.repr() == "tensor([[1, 4],\n        [2, 5],\n        [3, 6]])")
        #expect(transposed.sizeDescription == "torch.Size([3, 2])")
    }

    @Test func pythonReprOfItemsAndLists() {
        #expect(Tensor(scalar: Float(0.1)).scalar(at: []).pythonRepr == "0.10000000149011612")
        let list = Tensor([Float(0.5), -Float.zero, 2]).tolist()
        #expect(list.pythonRepr == "[0.5, -0.0, 2.0]")
        #expect(Tensor([true]).tolist().pythonRepr == "[True]")
        #expect(Tensor([Int64(3)], shape: []).tolist().pythonRepr == "3")
    }
}
