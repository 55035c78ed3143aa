#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Layer normalisation with PyTorch's checks and messages; float32 results are ATen's bits (LayerNormKernel).
extension Tensor {
    /// `F.layer_norm(input, normalized_shape, weight, bias, eps)`.
    public func layerNorm(
        _ normalizedShape: [Int], weight: Tensor? = nil, bias: Tensor? = nil, eps: Double = 1e-5
    ) throws(TensorError) -> Tensor {
        try nativeLayerNorm(normalizedShape, weight: weight, bias: bias, eps: eps).output
    }

    /// `torch.native_layer_norm`: the output plus per-row `mean` and `rstd`, shaped
    /// `input.shape[..<axis] + [1] * normalized_shape.count`.
    public func nativeLayerNorm(
        _ normalizedShape: [Int], weight: Tensor? = nil, bias: Tensor? = nil, eps: Double = 1e-5
    ) throws(TensorError) -> (output: Tensor, mean: Tensor, rstd: Tensor) {
        guard !normalizedShape.isEmpty else {
            throw .runtime(
                "Expected normalized_shape to be at least 1-dimensional, i.e., containing at least one element, "
                    + "but got normalized_shape = \(shapeString(normalizedShape))")
        }
        for (name, parameter) in [("weight", weight), ("bias", bias)] {
            if let parameter, parameter.shape != normalizedShape {
                throw .runtime(
                    "Expected \(name) to be of same shape as normalized_shape, but got \(name) of shape "
                        + "\(shapeString(parameter.shape)) and normalized_shape = \(shapeString(normalizedShape))")
            }
        }
        let axis = dim - normalizedShape.count
        guard axis >= 0, Array(shape[axis...]) == normalizedShape else {
            throw .runtime(
                "Given normalized_shape=\(shapeString(normalizedShape)), expected input with shape "
                    + "[*, \(normalizedShape.map(String.init).joined(separator: ", "))], but got input of size"
                    + shapeString(shape))
        }
        guard dtype.isFloatingPoint else {
            throw .notImplemented("\"LayerNormKernelImpl\" not implemented for '\(dtype.scalarTypeName)'")
        }
        for parameter in [weight, bias] {
            if let parameter, parameter.dtype != dtype {
                throw .runtime("mixed dtype (CPU): expect parameter to have scalar type of \(dtype.scalarTypeName)")
            }
        }
        let n = normalizedShape.reduce(1, *)
        let rows = shape[..<axis].reduce(1, *)
        let statsShape = Array(shape[..<axis]) + [Int](repeating: 1, count: normalizedShape.count)
        if dtype == .float64 {
            let (y, mean, rstd) = Self.layerNormDouble(
                toArray(as: Double.self), rows: rows, n: n, weight: weight?.toArray(as: Double.self),
                bias: bias?.toArray(as: Double.self), eps: eps)
            return (Tensor(y, shape: shape), Tensor(mean, shape: statsShape), Tensor(rstd, shape: statsShape))
        }
        let x = toArray(as: Float.self)
        let gamma = weight?.toArray(as: Float.self)
        let beta = bias?.toArray(as: Float.self)
        var y = [Float](repeating: 0, count: x.count)
        var mean = [Float](repeating: 0, count: rows)
        var rstd = [Float](repeating: 0, count: rows)
        x.withUnsafeBufferPointer { px in
            y.withUnsafeMutableBufferPointer { py in
                mean.withUnsafeMutableBufferPointer { pm in
                    rstd.withUnsafeMutableBufferPointer { pr in
                        gamma.withOptionalPointer { pg in
                            beta.withOptionalPointer { pb in
                                guard let input = px.baseAddress, let output = py.baseAddress,
                                      let meanOut = pm.baseAddress, let rstdOut = pr.baseAddress else { return }
                                LayerNormKernel.forward(
                                    input, rows: rows, n: n, weight: pg, bias: pb, eps: eps,
                                    y: output, mean: meanOut, rstd: rstdOut)
                            }
                        }
                    }
                }
            }
        }
        return (Tensor(y, shape: shape), Tensor(mean, shape: statsShape), Tensor(rstd, shape: statsShape))
    }

    /// Float64 layer norm: two-pass mean and biased variance (ATen's double kernel differs in the last bits).
    static func layerNormDouble(
        _ x: [Double], rows: Int, n: Int, weight: [Double]?, bias: [Double]?, eps: Double
    ) -> ([Double], [Double], [Double]) {
        var y = [Double](repeating: 0, count: x.count)
        var means = [Double](repeating: 0, count: rows)
        var rstds = [Double](repeating: 0, count: rows)
        for r in 0..<rows {
            var sum = 0.0
            for j in 0..<n { sum += x[r * n + j] }
            let mean = sum / Double(n)
            var squares = 0.0
            for j in 0..<n { squares += (x[r * n + j] - mean) * (x[r * n + j] - mean) }
            let rstd = 1 / (squares / Double(n) + eps).squareRoot()
            means[r] = mean
            rstds[r] = rstd
            for j in 0..<n {
                y[r * n + j] = (x[r * n + j] - mean) * rstd * (weight?[j] ?? 1) + (bias?[j] ?? 0)
            }
        }
        return (y, means, rstds)
    }
}

extension Optional where Wrapped == [Float] {
    /// Calls `body` with the array's base address, or nil when there is no array.
    fileprivate func withOptionalPointer<R>(_ body: (UnsafePointer<Float>?) -> R) -> R {
        switch self {
        case .none: body(nil)
        case .some(let array): array.withUnsafeBufferPointer { body($0.baseAddress) }
        }
    }
}
