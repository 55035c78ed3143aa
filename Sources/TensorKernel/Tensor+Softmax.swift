#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `softmax`, `log_softmax` and `logsumexp` with PyTorch's semantics and errors. Float32 results are
/// ATen's bits (SoftmaxKernel); `laneWidth` 16 reproduces the AVX-512 reference machine, 8 an AVX2 one.
extension Tensor {
    /// `torch.softmax(x, dim, dtype=None)`: float32/float64 only; `dtype` converts the input first.
    public func softmax(
        _ dim: Int, dtype: DType? = nil, laneWidth: Int = SoftmaxKernel.referenceLaneWidth
    ) throws(TensorError) -> Tensor {
        try softmaxFamily(dim, dtype: dtype, log: false, laneWidth: laneWidth)
    }

    /// `torch.log_softmax(x, dim, dtype=None)`.
    public func log_softmax(
        _ dim: Int, dtype: DType? = nil, laneWidth: Int = SoftmaxKernel.referenceLaneWidth
    ) throws(TensorError) -> Tensor {
        try softmaxFamily(dim, dtype: dtype, log: true, laneWidth: laneWidth)
    }

    /// `torch.logsumexp(x, dim, keepdim=False)` over one or more dims; integer and bool inputs give float32.
    public func logsumexp(_ dims: [Int], keepdim: Bool = false) throws(TensorError) -> Tensor {
        var reduced: [Int] = []
        for d in dims {
            let n = try normalizeDim(d, rank: dim)
            guard !reduced.contains(n) else { throw .runtime("dim \(n) appears multiple times in the list of dims") }
            reduced.append(n)
        }
        let source = dtype.isFloatingPoint ? self : to(.float32)
        let rank = Swift.max(dim, 1)
        let flat = dim == 0 ? try source.reshape([1]) : source
        let kept = (0..<rank).filter { !reduced.contains($0) }
        let permuted = try flat.permute(kept + reduced.sorted()).contiguous()
        let outerShape = kept.map { flat.shape[$0] }
        let outer = outerShape.reduce(1, *)
        let n = reduced.map { flat.shape[$0] }.reduce(1, *)
        var resultShape = outerShape
        if keepdim { resultShape = (0..<rank).map { reduced.contains($0) ? 1 : flat.shape[$0] } }
        if dim == 0 { resultShape = [] }
        if source.dtype == .float64 {
            let x = permuted.toArray(as: Double.self)
            var y = [Double](repeating: 0, count: outer)
            for o in 0..<outer {
                var m = -Double.infinity
                for i in 0..<n where x[o * n + i] > m || x[o * n + i].isNaN { m = x[o * n + i] }
                if m.isInfinite { m = 0 }
                var s = 0.0
                for i in 0..<n { s += softmaxExp(x[o * n + i] - m) }
                y[o] = softmaxLog(s) + m
            }
            return Tensor(y, shape: resultShape)
        }
        let x = permuted.toArray(as: Float.self)
        var y = [Float](repeating: 0, count: outer)
        x.withUnsafeBufferPointer { px in
            y.withUnsafeMutableBufferPointer { py in
                guard let input = px.baseAddress, let output = py.baseAddress else { return }
                SoftmaxKernel.logsumexp(input, output, outer: outer, n: n, inner: 1)
            }
        }
        return Tensor(y, shape: resultShape)
    }

    /// `torch.logsumexp(x, dim, keepdim=False)` over one dim.
    public func logsumexp(_ dim: Int, keepdim: Bool = false) throws(TensorError) -> Tensor {
        try logsumexp([dim], keepdim: keepdim)
    }

    private func softmaxFamily(_ dim: Int, dtype target: DType?, log: Bool, laneWidth: Int) throws(TensorError) -> Tensor {
        let d = try normalizeDim(dim, rank: self.dim)
        let source = target.map { to($0) } ?? self
        let lastDim = d == Swift.max(source.dim, 1) - 1
        guard source.dtype.isFloatingPoint else {
            let kernel = switch (log, lastDim) {
            case (false, true): "softmax_lastdim_kernel_impl"
            case (false, false): "softmax_kernel_impl"
            case (true, true): "log_softmax_lastdim_kernel_impl"
            case (true, false): "log_softmax_kernel_impl"
            }
            throw .notImplemented("\"\(kernel)\" not implemented for '\(source.dtype.scalarTypeName)'")
        }
        let shape = source.shape.isEmpty ? [1] : source.shape
        let outer = shape[..<d].reduce(1, *)
        let n = shape[d]
        let inner = shape[(d + 1)...].reduce(1, *)
        if source.dtype == .float64 {
            let x = source.toArray(as: Double.self)
            let y = Self.softmaxDouble(x, outer: outer, n: n, inner: inner, log: log)
            return Tensor(y, shape: source.shape)
        }
        let x = source.toArray(as: Float.self)
        var y = [Float](repeating: 0, count: x.count)
        x.withUnsafeBufferPointer { px in
            y.withUnsafeMutableBufferPointer { py in
                guard let input = px.baseAddress, let output = py.baseAddress else { return }
                switch (log, inner == 1) {
                case (false, true):
                    SoftmaxKernel.softmaxLastDim(input, output, rows: outer, n: n, laneWidth: laneWidth)
                case (true, true):
                    SoftmaxKernel.logSoftmaxLastDim(input, output, rows: outer, n: n, laneWidth: laneWidth)
                case (false, false):
                    SoftmaxKernel.softmaxInnerDim(input, output, outer: outer, n: n, inner: inner, laneWidth: laneWidth)
                case (true, false):
                    SoftmaxKernel.logSoftmaxInnerDim(input, output, outer: outer, n: n, inner: inner, laneWidth: laneWidth)
                }
            }
        }
        return Tensor(y, shape: source.shape)
    }

    /// Float64 softmax: max, libm `exp`, in-order sum, divide (ATen's double kernels vectorise differently;
    /// results agree to about 1 ulp).
    static func softmaxDouble(_ x: [Double], outer: Int, n: Int, inner: Int, log: Bool) -> [Double] {
        var y = [Double](repeating: 0, count: x.count)
        for o in 0..<outer {
            for i in 0..<inner {
                let base = o * n * inner + i
                var m = -Double.infinity
                for j in 0..<n where x[base + j * inner] > m || x[base + j * inner].isNaN { m = x[base + j * inner] }
                var s = 0.0
                for j in 0..<n { s += softmaxExp(x[base + j * inner] - m) }
                for j in 0..<n {
                    let v = x[base + j * inner] - m
                    y[base + j * inner] = log ? v - softmaxLog(s) : softmaxExp(v) / s
                }
            }
        }
        return y
    }
}

@inline(__always)
private func softmaxExp(_ x: Double) -> Double {
    #if canImport(Glibc)
    Glibc.exp(x)
    #else
    Darwin.exp(x)
    #endif
}

@inline(__always)
private func softmaxLog(_ x: Double) -> Double {
    #if canImport(Glibc)
    Glibc.log(x)
    #else
    Darwin.log(x)
    #endif
}
