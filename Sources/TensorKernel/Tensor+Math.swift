/// Unary elementwise math. Float functions on integer or bool tensors compute in float32, as PyTorch does.
public enum UnaryOp: String, Sendable, CaseIterable {
    case exp, log, log1p, expm1, sqrt, rsqrt, sin, cos, tan, tanh, sigmoid, gelu, silu, erf, reciprocal
    /// GELU with `approximate='tanh'`.
    case geluTanh = "gelu_tanh"
}

extension Tensor {
    /// A float unary op: integer and bool inputs are first converted to float32.
    public func unary(_ op: UnaryOp) -> Tensor {
        switch dtype {
        case .float64: Tensor.floatUnary(op, self, Double.self)
        case .float32: Tensor.floatUnary(op, self, Float.self)
        default: Tensor.floatUnary(op, to(.float32), Float.self)
        }
    }

    @inline(__always)
    private static func floatUnary<T: FloatElement>(_ op: UnaryOp, _ x: Tensor, _ type: T.Type) -> Tensor {
        switch op {
        case .exp: Strided.map(x) { (v: T) in T.exp(v) }
        case .log: Strided.map(x) { (v: T) in T.log(v) }
        case .log1p: Strided.map(x) { (v: T) in T.log1p(v) }
        case .expm1: Strided.map(x) { (v: T) in T.expm1(v) }
        case .sqrt: Strided.map(x) { (v: T) in v.squareRoot() }
        case .rsqrt: Strided.map(x) { (v: T) in 1 / v.squareRoot() }
        case .sin: Strided.map(x) { (v: T) in T.sin(v) }
        case .cos: Strided.map(x) { (v: T) in T.cos(v) }
        case .tan: Strided.map(x) { (v: T) in T.tan(v) }
        case .tanh: Strided.map(x) { (v: T) in T.tanh(v) }
        case .erf: Strided.map(x) { (v: T) in T.erf(v) }
        case .reciprocal: Strided.map(x) { (v: T) in 1 / v }
        case .sigmoid: Strided.map(x) { (v: T) in 1 / (1 + T.exp(-v)) }
        case .silu: Strided.map(x) { (v: T) in v / (1 + T.exp(-v)) }
        case .gelu:
            Strided.map(x) { (v: T) -> T in
                let sqrtHalf = T(0.70710678118654752440)
                return v * T(0.5) * (1 + T.erf(v * sqrtHalf))
            }
        case .geluTanh:
            Strided.map(x) { (v: T) -> T in
                let beta = T(0.79788456080286535588), kappa = T(0.044715)
                let inner = beta * (v + kappa * v * v * v)
                return T(0.5) * v * (1 + T.tanh(inner))
            }
        }
    }

    /// ATen's `Vectorized<float>::erf()`: `sign(x) * (1 - r(t) * t * exp(-x*x))`, `t = 1 / (1 + p|x|)`, all FMA.
    static func vectorizedErf(_ x: Float) -> Float {
        let p: Float = 0.3275911, p1: Float = 0.254829592, p2: Float = -0.284496736
        let p3: Float = 1.421413741, p4: Float = -1.453152027, p5: Float = 1.061405429
        let negative = x.sign == .minus
        let a = Swift.abs(x)
        let t = 1 / Float(1).addingProduct(p, a)
        var r = p4.addingProduct(p5, t)
        r = p3.addingProduct(r, t)
        r = p2.addingProduct(r, t)
        r = p1.addingProduct(r, t)
        let e = -SleefMath.expf(-(x * x))
        let y = Float(1).addingProduct(e * t, r)
        return negative ? -y : y
    }

    public func exp() -> Tensor { unary(.exp) }
    public func log() -> Tensor { unary(.log) }
    public func log1p() -> Tensor { unary(.log1p) }
    public func sqrt() -> Tensor { unary(.sqrt) }
    public func rsqrt() -> Tensor { unary(.rsqrt) }
    public func sin() -> Tensor { unary(.sin) }
    public func cos() -> Tensor { unary(.cos) }
    public func tanh() -> Tensor { unary(.tanh) }
    /// `x.sigmoid()`: float32 follows ATen's kernel (full blocks of `2 * laneWidth` use SLEEF exp, the tail libm).
    public func sigmoid(laneWidth: Int = CascadeSum.referenceLaneWidth) -> Tensor {
        guard dtype == .float32 || !dtype.isFloatingPoint else { return unary(.sigmoid) }
        return Tensor.vectorizedFloat(to(.float32), laneWidth) { x, vector in
            1 / (1 + (vector ? SleefMath.expf(-x) : Float.exp(-x)))
        }
    }

    /// `F.silu(x)`: `x / (1 + exp(-x))`, float32 with ATen's SLEEF/libm split like `sigmoid`.
    public func silu(laneWidth: Int = CascadeSum.referenceLaneWidth) -> Tensor {
        guard dtype == .float32 || !dtype.isFloatingPoint else { return unary(.silu) }
        return Tensor.vectorizedFloat(to(.float32), laneWidth) { x, vector in
            x / (1 + (vector ? SleefMath.expf(-x) : Float.exp(-x)))
        }
    }

    /// Applies `f(x, isVectorLane)` to a float32 tensor in row-major order; elements in full blocks of
    /// `2 * laneWidth` are the ones ATen's `cpu_kernel_vec` computes with `Vectorized` ops.
    static func vectorizedFloat(_ x: Tensor, _ laneWidth: Int, _ f: (Float, Bool) -> Float) -> Tensor {
        let values = x.floats()
        let vectorEnd = values.count - values.count % (2 * laneWidth)
        var out = [Float](repeating: 0, count: values.count)
        for i in 0..<values.count { out[i] = f(values[i], i < vectorEnd) }
        return Tensor(out, shape: x.shape)
    }

    /// `F.gelu(x, approximate=...)`: `"none"` (erf form) or `"tanh"`.
    ///
    /// For float32 the erf form follows ATen's kernel: elements in full blocks of `2 * laneWidth` use
    /// `Vectorized<float>::erf()` (Abramowitz–Stegun 7.1.26 with SLEEF exp), the tail libm `erff`; this
    /// still differs from PyTorch 2.15 by up to 2 ulp on some inputs.
    public func gelu(approximate: String = "none", laneWidth: Int = CascadeSum.referenceLaneWidth) throws(TensorError) -> Tensor {
        switch approximate {
        case "none":
            guard dtype == .float32 else { return unary(.gelu) }
            let values = floats()
            let vectorEnd = values.count - values.count % (2 * laneWidth)
            let half: Float = 0.5, alpha = Float(0.70710678118654752440)
            var out = [Float](repeating: 0, count: values.count)
            for i in 0..<values.count {
                let x = values[i]
                let e = i < vectorEnd ? Tensor.vectorizedErf(x * alpha) : Float.erf(x * alpha)
                out[i] = x * half * (1 + e)
            }
            return Tensor(out, shape: shape)
        case "tanh": return unary(.geluTanh)
        default: throw .runtime("approximate argument must be either none or tanh.")
        }
    }

    /// `-x`; bool tensors are rejected with PyTorch's hint.
    public func neg() throws(TensorError) -> Tensor {
        switch dtype {
        case .float32: return Strided.map(self) { (v: Float) in -v }
        case .float64: return Strided.map(self) { (v: Double) in -v }
        case .int64: return Strided.map(self) { (v: Int64) in 0 &- v }
        case .int32: return Strided.map(self) { (v: Int32) in 0 &- v }
        case .bool:
            throw .notImplemented(
                "Negation, the `-` operator, on a bool tensor is not supported. If you are trying to invert a mask, use the `~` or `logical_not()` operator instead.")
        }
    }

    /// `x.abs()`, keeping the dtype.
    public func abs() -> Tensor {
        switch dtype {
        case .float32: Strided.map(self) { (v: Float) in Swift.abs(v) }
        case .float64: Strided.map(self) { (v: Double) in Swift.abs(v) }
        case .int64: Strided.map(self) { (v: Int64) in v < 0 ? 0 &- v : v }
        case .int32: Strided.map(self) { (v: Int32) in v < 0 ? 0 &- v : v }
        case .bool: clone()
        }
    }

    /// `x.sign()`: -1, 0 or 1 in the input dtype; NaN gives 0 as in PyTorch.
    public func sign() -> Tensor {
        switch dtype {
        case .float32: Strided.map(self) { (v: Float) -> Float in v > 0 ? 1 : (v < 0 ? -1 : 0) }
        case .float64: Strided.map(self) { (v: Double) -> Double in v > 0 ? 1 : (v < 0 ? -1 : 0) }
        case .int64: Strided.map(self) { (v: Int64) -> Int64 in v > 0 ? 1 : (v < 0 ? -1 : 0) }
        case .int32: Strided.map(self) { (v: Int32) -> Int32 in v > 0 ? 1 : (v < 0 ? -1 : 0) }
        case .bool: clone()
        }
    }

    /// `x.relu()`: `Swift.max(x, 0)` with NaN passed through.
    public func relu() -> Tensor {
        switch dtype {
        case .float32: Strided.map(self) { (v: Float) -> Float in v.isNaN ? v : Swift.max(v, 0) }
        case .float64: Strided.map(self) { (v: Double) -> Double in v.isNaN ? v : Swift.max(v, 0) }
        case .int64: Strided.map(self) { (v: Int64) in Swift.max(v, 0) }
        case .int32: Strided.map(self) { (v: Int32) in Swift.max(v, 0) }
        case .bool: clone()
        }
    }

    private func floatRounding(_ rule: FloatingPointRoundingRule) -> Tensor {
        switch dtype {
        case .float32: Strided.map(self) { (v: Float) in v.rounded(rule) }
        case .float64: Strided.map(self) { (v: Double) in v.rounded(rule) }
        default: clone()
        }
    }

    public func floor() -> Tensor { floatRounding(.down) }
    public func ceil() -> Tensor { floatRounding(.up) }
    public func trunc() -> Tensor { floatRounding(.towardZero) }

    /// `x.round(decimals=d)`: half to even; with decimals, ATen's `nearbyint(x * 10^d) / 10^d` in the element type.
    public func round(decimals: Int = 0) -> Tensor {
        if decimals == 0 { return floatRounding(.toNearestOrEven) }
        switch dtype {
        case .float32: return Tensor.roundDecimals(self, Float.self, decimals)
        case .float64: return Tensor.roundDecimals(self, Double.self, decimals)
        default: return clone()
        }
    }

    private static func roundDecimals<T: FloatElement>(_ x: Tensor, _ type: T.Type, _ decimals: Int) -> Tensor {
        let negative = decimals < 0
        let tenPow = T(Double.pow(10, Double(Swift.abs(decimals))))
        return Strided.map(x) { (v: T) in
            negative ? T.nearbyint(v / tenPow) * tenPow : T.nearbyint(v * tenPow) / tenPow
        }
    }

    /// `x.clamp(min, max)`: NaN stays NaN; when `min > max` every element becomes `max`.
    public func clamp(min lower: Operand? = nil, max upper: Operand? = nil) throws(TensorError) -> Tensor {
        guard lower != nil || upper != nil else {
            throw .runtime("torch.clamp: At least one of 'min' or 'max' must not be None")
        }
        var operands: [Operand] = [.tensor(self)]
        if let lower { operands.append(lower) }
        if let upper { operands.append(upper) }
        let dtype = TypePromotion.resultType(operands)
        var result = to(dtype)
        if let lower {
            let clamped = try Tensor.binary(.maximum, .tensor(result), .tensor(lower.tensor(as: dtype)))
            result = try Tensor.where_(result.isnan(), .tensor(result), .tensor(clamped))
        }
        if let upper {
            let clamped = try Tensor.binary(.minimum, .tensor(result), .tensor(upper.tensor(as: dtype)))
            result = try Tensor.where_(result.isnan(), .tensor(result), .tensor(clamped))
        }
        return result
    }

    /// `x.clamp_(min, max)` through the view.
    @discardableResult
    public func clamp_(min lower: Operand? = nil, max upper: Operand? = nil) throws(TensorError) -> Tensor {
        let result = try clamp(min: lower, max: upper)
        guard canCast(result.dtype, to: dtype) else {
            throw .runtime(
                "result type \(result.dtype.scalarTypeName) can't be cast to the desired output type \(dtype.scalarTypeName)")
        }
        return try copy_(result)
    }

    public func isnan() -> Tensor {
        switch dtype {
        case .float32: Strided.map(self) { (v: Float) in v.isNaN }
        case .float64: Strided.map(self) { (v: Double) in v.isNaN }
        default: Tensor(zeros: shape, dtype: .bool)
        }
    }

    public func isinf() -> Tensor {
        switch dtype {
        case .float32: Strided.map(self) { (v: Float) in v.isInfinite }
        case .float64: Strided.map(self) { (v: Double) in v.isInfinite }
        default: Tensor(zeros: shape, dtype: .bool)
        }
    }

    public func isfinite() -> Tensor {
        switch dtype {
        case .float32: Strided.map(self) { (v: Float) in v.isFinite }
        case .float64: Strided.map(self) { (v: Double) in v.isFinite }
        default: Strided.map(to(.bool)) { (_: Bool) in true }
        }
    }

    /// `x.nan_to_num(nan, posinf, neginf)`; infinities default to the dtype's largest finite values.
    public func nan_to_num(nan: Double = 0, posinf: Double? = nil, neginf: Double? = nil) -> Tensor {
        switch dtype {
        case .float32:
            let n = Float(nan), p = posinf.map { Float($0) } ?? .greatestFiniteMagnitude
            let m = neginf.map { Float($0) } ?? -.greatestFiniteMagnitude
            return Strided.map(self) { (v: Float) in v.isNaN ? n : (v == .infinity ? p : (v == -.infinity ? m : v)) }
        case .float64:
            let p = posinf ?? .greatestFiniteMagnitude, m = neginf ?? -.greatestFiniteMagnitude
            return Strided.map(self) { (v: Double) in v.isNaN ? nan : (v == .infinity ? p : (v == -.infinity ? m : v)) }
        default: return clone()
        }
    }

    /// `x.logical_not()` → bool.
    public func logical_not() -> Tensor { Strided.map(to(.bool)) { (v: Bool) in !v } }

    /// `~x` / `x.bitwise_not()` on bool or integer tensors.
    public func bitwise_not() throws(TensorError) -> Tensor {
        switch dtype {
        case .bool: return Strided.map(self) { (v: Bool) in !v }
        case .int64: return Strided.map(self) { (v: Int64) in ~v }
        case .int32: return Strided.map(self) { (v: Int32) in ~v }
        case .float32, .float64:
            throw .notImplemented("\"bitwise_not_cpu\" not implemented for '\(dtype.scalarTypeName)'")
        }
    }

    public func logical_and(_ other: Tensor) throws(TensorError) -> Tensor { try Tensor.binary(.logicalAnd, .tensor(self), .tensor(other)) }
    public func logical_or(_ other: Tensor) throws(TensorError) -> Tensor { try Tensor.binary(.logicalOr, .tensor(self), .tensor(other)) }
    public func logical_xor(_ other: Tensor) throws(TensorError) -> Tensor { try Tensor.binary(.logicalXor, .tensor(self), .tensor(other)) }
}
