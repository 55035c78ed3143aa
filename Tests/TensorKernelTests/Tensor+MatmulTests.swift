import Testing
@testable import TensorKernel

/// A float32 tensor of the given shape (values do not matter for error cases).
private func r(_ shape: Int...) -> Tensor { Tensor(zeros: shape) }
private func ones(_ shape: Int..., dtype: DType) -> Tensor { Tensor(zeros: shape, dtype: dtype) }
private func scalar(_ value: Float) -> Tensor { Tensor(scalar: value) }

/// The recorder's `ar(*shape)`: `(arange(n) % 7 - 3)` reshaped, small integers so every order is exact.
private func ar(_ shape: Int..., dtype: DType = .float32) -> Tensor {
    let values = (0..<shape.reduce(1, *)).map { Double($0 % 7 - 3) }
    return Tensor(values, shape: shape).to(dtype)
}

private typealias Call = @Sendable () throws -> Tensor

@Suite struct MatmulTests {
    /// Swift equivalents of the recorded error cases, by id.
    private static let errorCalls: [String: Call] = [
        "dot_dtype": { try r(3).dot(ones(3, dtype: .int64)) },
        "dot_2d": { try r(2, 3).dot(r(2, 3)) },
        "dot_0d": { try scalar(1).dot(r(3)) },
        "matmul_1d_dtype": { try r(3).matmul(ones(3, dtype: .int64)) },
        "mv_dtype": { try r(2, 3).matmul(ones(3, dtype: .int64)) },
        "mv_long_float": { try ones(2, 3, dtype: .int64).mv(r(3)) },
        "mv_float_double": { try r(2, 3).mv(ones(3, dtype: .float64)) },
        "mv_1d": { try r(3).mv(r(3)) },
        "mv_2d_vec": { try r(2, 3).mv(r(3, 1)) },
        "mv_size_before_dtype": { try r(2, 3).mv(ones(4, dtype: .int64)) },
        "vm_dtype": { try r(3).matmul(ones(3, 2, dtype: .int64)) },
        "fold_dtype": { try r(2, 3, 4).matmul(ones(4, 2, dtype: .int64)) },
        "fold_mv_dtype": { try r(2, 3, 4).matmul(ones(4, dtype: .int64)) },
        "fold_size_before_dtype": { try r(2, 3, 4).matmul(ones(5, 2, dtype: .int64)) },
        "batched_dtype_long": { try r(2, 3, 4).matmul(ones(2, 4, 2, dtype: .int64)) },
        "batched_dtype_rev": { try ones(2, 3, 4, dtype: .int64).matmul(r(2, 4, 2)) },
        "batched_size_before_dtype": { try r(2, 3, 4).matmul(ones(2, 5, 2, dtype: .float64)) },
        "mm_mat2_1d": { try r(2, 3).mm(r(3)) },
        "mm_0d": { try scalar(1).mm(r(3, 3)) },
        "mm_size_before_dtype": { try r(2, 3).mm(ones(4, 5, dtype: .int64)) },
        "mm_double_float": { try r(2, 3).double().mm(r(3, 4)) },
        "mm_int_long": { try ones(2, 2, dtype: .int32).matmul(ones(2, 2, dtype: .int64)) },
        "bool_mm": { try ones(2, 2, dtype: .bool).matmul(ones(2, 2, dtype: .bool)) },
        "bool_mv": { try ones(2, 2, dtype: .bool).matmul(ones(2, dtype: .bool)) },
        "bool_dot": { try ones(2, dtype: .bool).matmul(ones(2, dtype: .bool)) },
        "bool_bmm": { try ones(2, 2, 2, dtype: .bool).matmul(ones(2, 2, 2, dtype: .bool)) },
        "bmm_4d": { try r(2, 3, 4, 5).bmm(r(2, 3, 5, 4)) },
        "matmul_0d_both": { try scalar(1).matmul(scalar(2)) },
        "matmul_2d_0d": { try r(2, 2).matmul(scalar(2)) },
        "outer_2d": { try r(2, 3).outer(r(3)) },
        "outer_2d_b": { try r(3).outer(r(2, 3)) },
        "outer_0d": { try scalar(1).outer(r(3)) },
        "linear_nobias_dtype": { try Tensor.linear(ones(2, 4, dtype: .int64), r(3, 4)) },
        "linear_bias_dtype": { try Tensor.linear(r(2, 4), r(3, 4), ones(3, dtype: .int64)) },
        "linear_all_long_bias": { try Tensor.linear(ones(2, 4, dtype: .int64), r(3, 4), ones(3, dtype: .int64)) },
        "linear_w_long": { try Tensor.linear(r(2, 4), ones(3, 4, dtype: .int64), r(3)) },
        "linear_dtype_before_size": { try Tensor.linear(ones(2, 5, dtype: .int64), r(3, 4), r(3)) },
        "linear_bias_shape": { try Tensor.linear(r(2, 4), r(3, 4), r(4)) },
        "linear_bias_shape_3d": { try Tensor.linear(r(5, 2, 4), r(3, 4), r(4)) },
        "linear_bias_3d": { try Tensor.linear(r(2, 4), r(3, 4), r(2, 2, 3)) },
        "linear_1d_nobias": { try Tensor.linear(r(5), r(3, 4)) },
        "linear_3d_nobias": { try Tensor.linear(r(2, 7, 5), r(3, 4)) },
        "linear_w1d_bias": { try Tensor.linear(r(2, 4), r(4), r(1)) },
        "linear_w3d": { try Tensor.linear(r(2, 4), r(2, 3, 4)) },
        "linear_0d": { try Tensor.linear(scalar(1), r(3, 4)) },
        "linear_noncontiguous_3d": { try Tensor.linear(r(2, 5, 7).transpose(1, 2), r(3, 4), r(3)) },
    ]

    /// Swift equivalents of the matmul/bmm/linear cases of the shared `torch-error-examples.json`, by code.
    private static let sharedCalls: [String: Call] = [
        "a = torch.randn(2, 3)\nb = torch.randn(4, 5)\nc = a @ b": { try r(2, 3).matmul(r(4, 5)) },
        "a = torch.randn(2, 3)\nc = a @ a": { try r(2, 3).matmul(r(2, 3)) },
        "c = torch.matmul(torch.randn(2, 3), torch.randn(4, 5))": { try r(2, 3).matmul(r(4, 5)) },
        "c = torch.mm(torch.randn(2, 3), torch.randn(4, 5))": { try r(2, 3).mm(r(4, 5)) },
        "c = torch.randn(2, 3, 4) @ torch.randn(2, 5, 6)": { try r(2, 3, 4).matmul(r(2, 5, 6)) },
        "c = torch.matmul(torch.randn(2, 3, 4), torch.randn(5, 6))": { try r(2, 3, 4).matmul(r(5, 6)) },
        "c = torch.matmul(torch.randn(5, 6), torch.randn(2, 3, 4))": { try r(5, 6).matmul(r(2, 3, 4)) },
        "q = torch.randn(2, 4, 5, 8)\nk = torch.randn(2, 4, 5, 8)\ns = q @ k": { try r(2, 4, 5, 8).matmul(r(2, 4, 5, 8)) },
        "q = torch.randn(2, 4, 5, 8)\nk = torch.randn(2, 4, 6, 16)\ns = q @ k.transpose(-2, -1)": {
            try r(2, 4, 5, 8).matmul(r(2, 4, 6, 16).transpose(-2, -1))
        },
        "c = torch.randn(2, 3, 4) @ torch.randn(3, 4, 5)": { try r(2, 3, 4).matmul(r(3, 4, 5)) },
        "c = torch.randn(2, 4, 5, 8) @ torch.randn(2, 3, 8, 5)": { try r(2, 4, 5, 8).matmul(r(2, 3, 8, 5)) },
        "c = torch.randn(3) @ torch.randn(4)": { try r(3).matmul(r(4)) },
        "c = torch.randn(2, 3) @ torch.randn(4)": { try r(2, 3).matmul(r(4)) },
        "c = torch.randn(3) @ torch.randn(4, 5)": { try r(3).matmul(r(4, 5)) },
        "c = torch.randn(2, 3, 4) @ torch.randn(5)": { try r(2, 3, 4).matmul(r(5)) },
        "c = torch.randn(5) @ torch.randn(2, 3, 4)": { try r(5).matmul(r(2, 3, 4)) },
        "c = torch.matmul(torch.tensor(2.0), torch.randn(3))": { try scalar(2).matmul(r(3)) },
        "c = torch.mm(torch.randn(2, 3, 4), torch.randn(4, 5))": { try r(2, 3, 4).mm(r(4, 5)) },
        "c = torch.mm(torch.randn(3), torch.randn(3, 5))": { try r(3).mm(r(3, 5)) },
        "c = torch.bmm(torch.randn(2, 3, 4), torch.randn(2, 5, 6))": { try r(2, 3, 4).bmm(r(2, 5, 6)) },
        "c = torch.bmm(torch.randn(2, 3, 4), torch.randn(3, 4, 6))": { try r(2, 3, 4).bmm(r(3, 4, 6)) },
        "c = torch.bmm(torch.randn(3, 4), torch.randn(4, 6))": { try r(3, 4).bmm(r(4, 6)) },
        "c = torch.bmm(torch.randn(2, 3, 4), torch.randn(4, 6))": { try r(2, 3, 4).bmm(r(4, 6)) },
        "c = torch.randn(2, 3) @ torch.ones(3, 2, dtype=torch.long)": { try r(2, 3).matmul(ones(3, 2, dtype: .int64)) },
        "c = torch.randn(2, 3, 4) @ torch.ones(2, 4, 2, dtype=torch.float64)": {
            try r(2, 3, 4).matmul(ones(2, 4, 2, dtype: .float64))
        },
        "lin = nn.Linear(4, 3)\ny = lin(torch.randn(2, 5))": { try Tensor.linear(r(2, 5), r(3, 4), r(3)) },
        "lin = nn.Linear(4, 3)\ny = lin(torch.randn(2, 7, 5))": { try Tensor.linear(r(2, 7, 5), r(3, 4), r(3)) },
        "lin = nn.Linear(4, 3)\ny = lin(torch.randn(5))": { try Tensor.linear(r(5), r(3, 4), r(3)) },
        "lin = nn.Linear(4, 3)\ny = lin(torch.ones(2, 4, dtype=torch.long))": {
            try Tensor.linear(ones(2, 4, dtype: .int64), r(3, 4), r(3))
        },
        "lin = nn.Linear(4, 3)\ny = lin(torch.ones(2, 4, dtype=torch.float64))": {
            try Tensor.linear(ones(2, 4, dtype: .float64), r(3, 4), r(3))
        },
        "q = torch.randn(2, 5, 8)\nk = torch.randn(2, 5, 8)\ns = q @ k.T": { try r(2, 5, 8).matmul(r(2, 5, 8).T) },
        "x = torch.randn(2, 3)\nW = torch.randn(3, 5)\ny = F.linear(x, W)": { try Tensor.linear(r(2, 3), r(3, 5)) },
        "lin = nn.Linear(8, 8)\ny = lin(torch.randn(2, 4, 3, 6))": { try Tensor.linear(r(2, 4, 3, 6), r(8, 8), r(8)) },
        "q = torch.randn(1, 2, 4, 8)\nk = torch.randn(1, 2, 4, 8)\ns = torch.bmm(q, k.transpose(-2, -1))": {
            try r(1, 2, 4, 8).bmm(r(1, 2, 4, 8).transpose(-2, -1))
        },
    ]

    /// The shared examples' code without the import lines, as keyed in `sharedCalls`.
    private static func body(_ code: String) -> String {
        code.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("import ") }.joined(separator: "\n")
    }

    static let sharedExamples = TorchErrorExamples.all.filter { sharedCalls[body($0.code)] != nil }

    private func expectError(_ call: Call, type: String, message: String) {
        do {
            let result = try call()
            Issue.record("expected \(type): \(message), got a tensor of shape \(result.shape)")
        } catch let error as TensorError {
            #expect(error.kind.rawValue == type)
            #expect(error.message == message)
        } catch {
            Issue.record("expected a TensorError, got \(error)")
        }
    }

    @Test(arguments: MatmulCases.loaded.errors)
    func raisesTorchsRecordedError(example: MatmulCases.ErrorCase) throws {
        let call = try #require(Self.errorCalls[example.id], "no Swift call for \(example.code)")
        expectError(call, type: example.errorType, message: example.message)
    }

    @Test(arguments: sharedExamples)
    func raisesTheSharedExamplesError(example: TorchErrorExamples.Example) throws {
        let call = try #require(Self.sharedCalls[Self.body(example.code)])
        expectError(call, type: example.errorType, message: example.message)
    }

    @Test func coversEverySharedMatmulExample() {
        #expect(Self.sharedExamples.count == Self.sharedCalls.count)
        #expect(Set(MatmulCases.loaded.errors.map(\.id)) == Set(Self.errorCalls.keys))
    }

    /// Swift equivalents of the recorded value cases, by id.
    private static let valueCalls: [String: Call] = [
        "vv": { try ar(3).matmul(ar(3)) },
        "mv": { try ar(2, 3).matmul(ar(3)) },
        "vm": { try ar(3).matmul(ar(3, 4)) },
        "mm": { try ar(2, 3).matmul(ar(3, 4)) },
        "fold_mm": { try ar(2, 3, 4).matmul(ar(4, 5)) },
        "fold_mv": { try ar(2, 3, 4).matmul(ar(4)) },
        "v_batched": { try ar(5).matmul(ar(2, 5, 4)) },
        "batched_v": { try ar(2, 5, 4).matmul(ar(4)) },
        "m_batched": { try ar(3, 5).matmul(ar(2, 5, 4)) },
        "broadcast_batched": { try ar(2, 1, 3, 4).matmul(ar(5, 4, 2)) },
        "transposed_batched": { try ar(2, 4, 3).transpose(1, 2).matmul(ar(2, 4, 5)) },
        "long_mm": { try ar(2, 3, dtype: .int64).matmul(ar(3, 2, dtype: .int64)) },
        "int_bmm": { try ar(2, 2, 3, dtype: .int32).matmul(ar(2, 3, 2, dtype: .int32)) },
        "double_mv": { try ar(2, 3, dtype: .float64).matmul(ar(3, dtype: .float64)) },
        "long_dot": { try ar(4, dtype: .int64).matmul(ar(4, dtype: .int64)) },
        "empty_k": { try ar(2, 0).matmul(ar(0, 3)) },
        "empty_batch": { try ar(0, 2, 3).matmul(ar(0, 3, 4)) },
        "outer": { try ar(3).outer(ar(2)) },
        "outer_mixed": { try ar(3, dtype: .int64).outer(ar(2)) },
        "linear_bias": { try Tensor.linear(ar(2, 4), ar(3, 4), ar(3)) },
        "linear_3d_bias": { try Tensor.linear(ar(2, 2, 4), ar(3, 4), ar(3)) },
        "linear_1d_bias": { try Tensor.linear(ar(4), ar(3, 4), ar(3)) },
        "linear_nobias": { try Tensor.linear(ar(2, 2, 4), ar(3, 4)) },
        "linear_w1d": { try Tensor.linear(ar(2, 4), ar(4)) },
        "linear_bias_2d": { try Tensor.linear(ar(5, 2, 4), ar(3, 4), ar(2, 3)) },
        "linear_bias_0d": { try Tensor.linear(ar(2, 4), ar(3, 4), Tensor(scalar: Float(2))) },
        "linear_noncontiguous_3d": { try Tensor.linear(ar(2, 4, 3).transpose(1, 2), ar(5, 4), ar(5)) },
        "bmm": { try ar(2, 2, 3).bmm(ar(2, 3, 2)) },
    ]

    @Test(arguments: MatmulCases.loaded.values)
    func computesTorchsShapeDTypeAndValues(example: MatmulCases.ValueCase) throws {
        let call = try #require(Self.valueCalls[example.id], "no Swift call for \(example.code)")
        let result = try call()
        #expect(result.shape == example.shape)
        #expect(result.dtype.rawValue == example.dtype)
        #expect(result.doubles() == example.values)
    }

    @Test func coversEveryValueCase() {
        #expect(Set(MatmulCases.loaded.values.map(\.id)) == Set(Self.valueCalls.keys))
    }

    /// Quiz-size batched products (< 400 MACs per batch) reproduce torch's bits through `@`.
    @Test(arguments: MatmulFixture.cases("batched"))
    func batchedMatmulMatchesTorchBitForBit(example: MatmulFixture.Case) throws {
        let a = Tensor(example.aFloats, shape: example.aShape)
        let b = Tensor(example.bFloats, shape: example.bShape)
        let result = try a.matmul(b)
        #expect(result.shape == example.outShape)
        #expect(result.floats().map(\.bitPattern) == example.outFloats.map(\.bitPattern))
    }

    /// Above the threshold `mm` uses the fast kernel: the sequential FMA chain, whatever the thread count.
    @Test func largeProductsUseTheFastKernel() throws {
        let problem = Problem(m: 64, n: 80, k: 70, seed: 9)
        let a = Tensor(problem.aStorage, shape: [64, 70]), b = Tensor(problem.bStorage, shape: [70, 80])
        let result = try a.mm(b)
        #expect(result.floats().map(\.bitPattern) == problem.sequentialFMA().map(\.bitPattern))
        let batched = try a.unsqueeze(0).expand([3, 64, 70]).bmm(b.unsqueeze(0).expand([3, 70, 80]))
        #expect(batched.floats().map(\.bitPattern) == (0..<3).flatMap { _ in problem.sequentialFMA() }.map(\.bitPattern))
    }

    /// Below the threshold `mm` uses the reference kernel (no FMA), torch's best match.
    @Test func smallProductsUseTheReferenceKernel() throws {
        let problem = Problem(m: 20, n: 30, k: 40, seed: 4)
        let result = try Tensor(problem.aStorage, shape: [20, 40]).mm(Tensor(problem.bStorage, shape: [40, 30]))
        #expect(result.floats().map(\.bitPattern) == problem.reference().map(\.bitPattern))
        #expect(problem.reference() != problem.sequentialFMA(), "the shapes must tell the kernels apart")
    }
}
