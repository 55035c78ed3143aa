import Testing
@testable import TensorKernel

/// Broadcast shapes and PyTorch's mismatch message (checked from the last dim, counted in result dims).
@Suite struct BroadcastingTests {
    @Test(arguments: [([2, 1, 4], [3, 1], [2, 3, 4]), ([], [5], [5]), ([0], [1], [0]), ([4, 1], [4], [4, 4])])
    func broadcastShape(_ a: [Int], _ b: [Int], _ expected: [Int]) throws {
        #expect(try Broadcasting.shape(a, b) == expected)
    }

    @Test(arguments: [
        ([2, 3], [3, 2], "The size of tensor a (3) must match the size of tensor b (2) at non-singleton dimension 1"),
        ([4, 4], [2, 5, 5], "The size of tensor a (4) must match the size of tensor b (5) at non-singleton dimension 2"),
        ([2, 3, 4], [2, 4], "The size of tensor a (3) must match the size of tensor b (2) at non-singleton dimension 1"),
    ])
    func mismatchMessage(_ a: [Int], _ b: [Int], _ message: String) {
        #expect(throws: TensorError.runtime(message)) { try Broadcasting.shape(a, b) }
    }

    @Test func broadcastViewUsesZeroStrides() {
        let column = Tensor([Float(1), 2, 3], shape: [3, 1])
        let view = column.broadcastView(to: [2, 3, 4])
        #expect(view.strides == [0, 1, 0])
        #expect(view.storage === column.storage)
    }
}
