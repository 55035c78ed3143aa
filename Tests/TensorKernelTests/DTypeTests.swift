import Testing
@testable import TensorKernel

@Suite struct DTypeTests {
    @Test(arguments: [(DType.float32, "torch.float32"), (.float64, "torch.float64"), (.int64, "torch.int64"), (.int32, "torch.int32"), (.bool, "torch.bool")])
    func printsLikeTorch(dtype: DType, name: String) {
        #expect(dtype.torchName == name)
    }
}
