import Testing
@testable import TensorKernel

/// Unary math details beyond the recorded fixture (`TensorElementwiseTests`): rounding, NaN handling, errors.
@Suite struct TensorMathTests {
    @Test func roundIsHalfToEven() {
        #expect(Tensor([Float(0.5), 1.5, 2.5, -0.5]).round().floats() == [0, 2, 2, -0])
        #expect(Tensor([Float(1.2345)]).round(decimals: 2).floats() == [Float(1.23)])
        #expect(Tensor([Int64(3)]).round().int64s() == [3])
    }

    @Test func signOfNaNIsZero() {
        #expect(Tensor([Float.nan, -0.0, 0, -2]).sign().floats() == [0, 0, 0, -1])
    }

    @Test func intInputsPromoteToFloat32ForFloatMath() {
        #expect(Tensor([Int64(0), 1]).exp().dtype == .float32)
        #expect(Tensor([Int64(-1), 2]).abs().int64s() == [1, 2])
        #expect(Tensor([Int64(-1), 2]).relu().int64s() == [0, 2])
    }

    @Test func boolAndFloatMisuseRaisesTorchErrors() throws {
        #expect(throws: TensorError.notImplemented(
            "Negation, the `-` operator, on a bool tensor is not supported. If you are trying to invert a mask, use the `~` or `logical_not()` operator instead.")) {
            try Tensor([true]).neg()
        }
        #expect(throws: TensorError.notImplemented("\"bitwise_not_cpu\" not implemented for 'Float'")) { try Tensor([Float(1)]).bitwise_not() }
        #expect(throws: TensorError.runtime("approximate argument must be either none or tanh.")) { try Tensor([Float(1)]).gelu(approximate: "erf") }
        let inverted = try Tensor([Int64(1), 2]).bitwise_not()
        #expect(inverted.int64s() == [-2, -3])
        #expect(Tensor([true, false]).logical_not().bools() == [false, true])
    }

    @Test func nanToNumUsesFloatLimits() {
        #expect(Tensor([Float.nan, .infinity, -.infinity]).nan_to_num().floats() == [0, .greatestFiniteMagnitude, -.greatestFiniteMagnitude])
        #expect(Tensor([Float.infinity]).nan_to_num(posinf: 1).floats() == [1])
    }
}
