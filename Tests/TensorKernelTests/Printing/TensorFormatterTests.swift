import Testing
@testable import TensorKernel

@Suite struct TensorFormatterTests {
    /// Every case of torch-print-examples.json whose print() calls all print one tensor.
    @Test(arguments: PrintFixtures.tensorExamples)
    func reproducesPrintExample(_ example: PrintFixtures.ExampleCase) {
        let expected = PrintFixtures.examples[example.index].stdout
        let actual = example.prints.map { $0.rendered + "\n" }.joined()
        #expect(actual == expected, "\(PrintFixtures.examples[example.index].code)")
    }

    @Test func examplesCoverEveryPureTensorCase() {
        #expect(PrintFixtures.exampleTensors.count == PrintFixtures.examples.count)
        #expect(PrintFixtures.tensorExamples.count == 116)
    }

    /// 423 random tensors: dtypes, 0-4 dims, empty, specials, magnitudes 1e-30…1e30, options, suffixes.
    @Test(arguments: PrintFixtures.randomCases)
    func reproducesRandomRecording(_ recorded: PrintFixtures.RecordedTensor) {
        #expect(recorded.rendered == recorded.repr)
    }

    @Test(arguments: [
        ([2, 3], "torch.Size([2, 3])"), ([], "torch.Size([])"), ([5], "torch.Size([5])"),
    ])
    func sizeRepr(shape: [Int], expected: String) {
        #expect(TensorFormatter.sizeRepr(shape) == expected)
    }

    @Test func emptyTensorsShowSizeAndDtype() {
        #expect(TensorFormatter.repr(shape: [0], dtype: .int64, values: .integer([])) == "tensor([], dtype=torch.int64)")
        #expect(TensorFormatter.repr(shape: [0, 3], dtype: .float32, values: .floating([])) == "tensor([], size=(0, 3))")
    }

    @Test func suffixWrapsPastLineWidth() {
        let row = [-1.3416, -0.4472, 0.4472, 1.3416].map { Double(Float($0)) }
        let text = TensorFormatter.repr(shape: [2, 4], dtype: .float32, values: .floating(row + row),
                                        suffixes: ["grad_fn=<NativeLayerNormBackward0>"])
        #expect(text == """
            tensor([[-1.3416, -0.4472,  0.4472,  1.3416],
                    [-1.3416, -0.4472,  0.4472,  1.3416]],
                   grad_fn=<NativeLayerNormBackward0>)
            """)
    }
}
