import Testing
@testable import TensorKernel

@Suite("Tensor+Softmax")
struct TensorSoftmaxTests {
    struct ErrorCase: Sendable, CustomTestStringConvertible {
        let description: String
        let run: @Sendable () throws(TensorError) -> Tensor
        let expected: TensorError
        var testDescription: String { description }
    }

    static let long = Tensor([Int64(1), 2, 3, 4], shape: [2, 2])

    /// Messages recorded from PyTorch 2.15 (torch-error-examples.json cases 39, 40, 106, 125 and more).
    static let errors: [ErrorCase] = [
        ErrorCase(description: "softmax Long last dim", run: { () throws(TensorError) in try long.softmax(1) },
                  expected: .notImplemented("\"softmax_lastdim_kernel_impl\" not implemented for 'Long'")),
        ErrorCase(description: "softmax Long dim 0", run: { () throws(TensorError) in try long.softmax(0) },
                  expected: .notImplemented("\"softmax_kernel_impl\" not implemented for 'Long'")),
        ErrorCase(description: "log_softmax Long last dim", run: { () throws(TensorError) in try long.log_softmax(1) },
                  expected: .notImplemented("\"log_softmax_lastdim_kernel_impl\" not implemented for 'Long'")),
        ErrorCase(description: "log_softmax Long dim 0", run: { () throws(TensorError) in try long.log_softmax(0) },
                  expected: .notImplemented("\"log_softmax_kernel_impl\" not implemented for 'Long'")),
        ErrorCase(description: "softmax 1-D Long", run: { () throws(TensorError) in try Tensor([Int64(1), 2, 3]).softmax(0) },
                  expected: .notImplemented("\"softmax_lastdim_kernel_impl\" not implemented for 'Long'")),
        ErrorCase(description: "softmax Bool", run: { () throws(TensorError) in try long.to(.bool).softmax(1) },
                  expected: .notImplemented("\"softmax_lastdim_kernel_impl\" not implemented for 'Bool'")),
        ErrorCase(description: "softmax dim 2 of 2-D", run: { () throws(TensorError) in try Tensor(zeros: [2, 3]).softmax(2) },
                  expected: .index("Dimension out of range (expected to be in range of [-2, 1], but got 2)")),
        ErrorCase(description: "softmax dim -3 of 2-D", run: { () throws(TensorError) in try Tensor(zeros: [2, 3]).softmax(-3) },
                  expected: .index("Dimension out of range (expected to be in range of [-2, 1], but got -3)")),
        ErrorCase(description: "softmax dim 3 of 3-D", run: { () throws(TensorError) in try Tensor(zeros: [2, 3, 4]).softmax(3) },
                  expected: .index("Dimension out of range (expected to be in range of [-3, 2], but got 3)")),
    ]

    @Test("errors carry PyTorch's type and message", arguments: errors)
    func errorMessages(_ c: ErrorCase) {
        #expect(throws: c.expected) { try c.run() }
    }

    @Test("softmax with dtype converts first; Long input works with dtype=float32")
    func dtypeArgument() throws {
        let y = try Self.long.softmax(1, dtype: .float32)
        // torch.softmax(tensor([[1,2],[3,4]]), 1, dtype=torch.float32)
        #expect(y.floats().map(\.bitPattern) == [0.2689414322376251, 0.7310585975646973, 0.2689414322376251, 0.7310585975646973].map { Float($0).bitPattern })
        #expect(y.dtype == .float32)
    }

    @Test("0-dim softmax is 1")
    func scalarSoftmax() throws {
        let y = try Tensor(scalar: Float(3)).softmax(-1)
        #expect(y.shape == [])
        #expect(y.floats() == [1])
    }

    /// Corpus 058/059/066: literal inputs, exact float32 values recorded from PyTorch.
    @Test("softmax and log_softmax of small literals")
    func literals() throws {
        let x = Tensor([Float(1), 2, 3])
        #expect(try x.softmax(0).floats() == [0.09003057330846786, 0.2447284758090973, 0.6652409434318542].map { Float($0) })
        let s = Tensor([Float(1), 2, 3, 4], shape: [2, 2])
        #expect(try s.softmax(0).floats() == [0.11920291930437088, 0.11920291930437088, 0.8807970285415649, 0.8807970285415649].map { Float($0) })
        #expect(try Tensor([Float(1), 2, 3], shape: [1, 3]).log_softmax(-1).floats() == [-2.4076058864593506, -1.4076058864593506, -0.40760594606399536].map { Float($0) })
    }

    /// Non-contiguous input: softmax over a transposed view equals softmax over its contiguous copy.
    @Test("non-contiguous input")
    func transposedInput() throws {
        let x = Tensor((0..<12).map { Float($0) * 0.37 - 2 }, shape: [3, 4])
        let t = try x.transpose(0, 1)
        #expect(try t.softmax(1).floats() == (try t.contiguous().softmax(1).floats()))
        #expect(try t.softmax(1).shape == [4, 3])
    }

    @Test("logsumexp: shapes, keepdim, several dims, integer input")
    func logsumexp() throws {
        let ints = Tensor([Int64(1), 2, 3, 4], shape: [2, 2])
        let y = try ints.logsumexp(1)
        #expect(y.dtype == .float32)
        // torch.logsumexp(tensor([[1,2],[3,4]]), 1) = [2.3132617473602295, 4.31326150894165]
        #expect(y.floats() == [2.3132617473602295, 4.31326150894165].map { Float($0) })
        let x = Tensor([Float](repeating: 0, count: 6), shape: [2, 3])
        #expect(try x.logsumexp(1, keepdim: true).shape == [2, 1])
        #expect(try x.logsumexp([0, 1]).shape == [])
        #expect(try Tensor(scalar: Float(2)).logsumexp(0).floats() == [2])
        #expect(throws: TensorError.runtime("dim 1 appears multiple times in the list of dims")) {
            try x.logsumexp([1, -1])
        }
        #expect(throws: TensorError.index("Dimension out of range (expected to be in range of [-2, 1], but got 2)")) {
            try x.logsumexp(2)
        }
        let infinite = Tensor([-Float.infinity, -Float.infinity], shape: [1, 2])
        #expect(try infinite.logsumexp(1).floats() == [-.infinity])
    }
}
