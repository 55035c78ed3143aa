/// Bounds and standard deviations of `torch.nn.init`, in Python's double arithmetic exactly as
/// PyTorch writes it (the float32 cast happens later, inside `uniform_`/`normal_`).
public enum ParameterInit {
    /// `(fan_in, fan_out)` of a weight shaped `[out, in, *receptive]` (`_calculate_fan_in_and_fan_out`).
    public static func fans(shape: [Int]) throws(TensorError) -> (fanIn: Int, fanOut: Int) {
        guard shape.count >= 2 else {
            throw .value("Fan in and fan out can not be computed for tensor with fewer than 2 dimensions")
        }
        let receptive = shape.dropFirst(2).reduce(1, *)
        return (shape[1] * receptive, shape[0] * receptive)
    }

    /// `calculate_gain("leaky_relu", a)`: `sqrt(2.0 / (1 + a**2))`; `a**2` is `pow`, i.e. the rounded square.
    public static func leakyReluGain(negativeSlope a: Double) -> Double {
        (2.0 / (1 + a * a)).squareRoot()
    }

    /// `kaiming_uniform_(w, a=a)` bound (mode fan_in, leaky_relu): `sqrt(3) * gain / sqrt(fan_in)`.
    public static func kaimingUniformBound(fanIn: Int, a: Double) -> Double {
        let std = leakyReluGain(negativeSlope: a) / Double(fanIn).squareRoot()
        return 3.0.squareRoot() * std
    }

    /// `nn.Linear` weight bound: `kaiming_uniform_(W, a=math.sqrt(5))` (note `sqrt(5)**2 != 5`).
    public static func linearWeightBound(fanIn: Int) -> Double {
        kaimingUniformBound(fanIn: fanIn, a: 5.0.squareRoot())
    }

    /// `nn.Linear` bias bound: `1 / sqrt(fan_in)`, or 0 when `fan_in == 0`.
    public static func linearBiasBound(fanIn: Int) -> Double {
        fanIn > 0 ? 1 / Double(fanIn).squareRoot() : 0
    }

    /// `xavier_uniform_` bound: `sqrt(3.0) * (gain * sqrt(2.0 / float(fan_in + fan_out)))`.
    public static func xavierUniformBound(fanIn: Int, fanOut: Int, gain: Double = 1) -> Double {
        3.0.squareRoot() * xavierNormalStd(fanIn: fanIn, fanOut: fanOut, gain: gain)
    }

    /// `xavier_normal_` standard deviation: `gain * sqrt(2.0 / float(fan_in + fan_out))`.
    public static func xavierNormalStd(fanIn: Int, fanOut: Int, gain: Double = 1) -> Double {
        gain * (2.0 / Double(fanIn + fanOut)).squareRoot()
    }
}
