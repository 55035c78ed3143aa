import Testing
@testable import TensorKernel

@Suite("Tensor+Normalization")
struct TensorNormalizationTests {
    static let x = Tensor((0..<10).map { Float($0) * 0.5 - 1 }, shape: [2, 5])

    @Test("layer_norm errors carry PyTorch's messages")
    func errors() {
        #expect(throws: TensorError.runtime("Given normalized_shape=[4], expected input with shape [*, 4], but got input of size[2, 5]")) {
            try Self.x.layerNorm([4])
        }
        #expect(throws: TensorError.runtime("Given normalized_shape=[3, 5], expected input with shape [*, 3, 5], but got input of size[2, 5]")) {
            try Self.x.layerNorm([3, 5])
        }
        #expect(throws: TensorError.runtime("Expected weight to be of same shape as normalized_shape, but got weight of shape [4] and normalized_shape = [5]")) {
            try Self.x.layerNorm([5], weight: Tensor([Float](repeating: 1, count: 4)))
        }
        #expect(throws: TensorError.runtime("Expected bias to be of same shape as normalized_shape, but got bias of shape [3] and normalized_shape = [5]")) {
            try Self.x.layerNorm([5], weight: Tensor([Float](repeating: 1, count: 5)), bias: Tensor([Float](repeating: 1, count: 3)))
        }
        #expect(throws: TensorError.runtime("Expected normalized_shape to be at least 1-dimensional, i.e., containing at least one element, but got normalized_shape = []")) {
            try Self.x.layerNorm([])
        }
        #expect(throws: TensorError.notImplemented("\"LayerNormKernelImpl\" not implemented for 'Long'")) {
            try Tensor([Int64(1), 2, 3, 4], shape: [2, 2]).layerNorm([2])
        }
        #expect(throws: TensorError.runtime("mixed dtype (CPU): expect parameter to have scalar type of Float")) {
            try Self.x.layerNorm([5], weight: Tensor([Double](repeating: 1, count: 5)))
        }
    }

    /// Corpus 115: `nn.LayerNorm(4)` on [[1, 2, 3, 4], [2, 2, 2, 2]]; bits recorded from PyTorch.
    @Test("corpus 115 values and statistics shapes")
    func corpus115() throws {
        let input = Tensor([Float(1), 2, 3, 4, 2, 2, 2, 2], shape: [2, 4])
        let (y, mean, rstd) = try input.nativeLayerNorm([4])
        #expect(y.floats() == [-1.3416354656219482, -0.4472118318080902, 0.4472118318080902, 1.3416354656219482, 0, 0, 0, 0].map { Float($0) })
        #expect(mean.shape == [2, 1])
        #expect(rstd.shape == [2, 1])
        #expect(mean.floats() == [2.5, 2])
        let (_, mean3, _) = try Tensor(zeros: [2, 3, 4]).nativeLayerNorm([3, 4])
        #expect(mean3.shape == [2, 1, 1])
    }

    @Test("multi-dim normalized shape equals flattening the normalized dims")
    func multiDim() throws {
        let input = Tensor((0..<24).map { Float(($0 * 7) % 11) * 0.3 }, shape: [2, 3, 4])
        let y = try input.layerNorm([3, 4])
        let flat = try input.reshape([2, 12]).layerNorm([12])
        #expect(y.floats() == flat.floats())
        #expect(y.shape == [2, 3, 4])
    }
}
