#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Softmax-family kernels that emulate ATen's float32 CPU kernels (`SoftMaxKernel.cpp`) bit for bit.
///
/// `laneWidth` is ATen's `Vectorized<float>::size()`: 16 on AVX-512 machines (where the reference
/// recordings were made), 8 on AVX2. It decides the summation order of the last-dim kernels and which
/// columns of a non-last-dim softmax take the vector path.
public enum SoftmaxKernel {
    /// The lane width of the machine that recorded the reference outputs (AVX-512).
    public static let referenceLaneWidth = 16

    /// `_vec_softmax_lastdim`. x: (rows, n) contiguous -> y: (rows, n).
    /// Per row: NaN-propagating max, SLEEF exp of `x - max`, lane sum, multiply by `1 / sum`.
    public static func softmaxLastDim(
        _ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>, rows: Int, n: Int,
        laneWidth: Int = referenceLaneWidth
    ) {
        guard n > 0 else { return }
        for r in 0..<rows {
            let xr = x + r * n
            let yr = y + r * n
            let m = rowMax(xr, n, laneWidth)
            SleefMath.expRow(xr, yr, count: n, shift: m)
            let s = laneSum(UnsafePointer(yr), n, laneWidth)
            let reciprocal = 1 / s
            for i in 0..<n { yr[i] *= reciprocal }
        }
    }

    /// `_vec_log_softmax_lastdim`. x: (rows, n) contiguous -> y: (rows, n).
    /// Per row: max, lane sum of SLEEF exp, SLEEF log of the sum, `(x - max) - log(sum)`.
    public static func logSoftmaxLastDim(
        _ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>, rows: Int, n: Int,
        laneWidth: Int = referenceLaneWidth
    ) {
        guard n > 0 else { return }
        var exps = [Float](repeating: 0, count: n)
        for r in 0..<rows {
            let xr = x + r * n
            let yr = y + r * n
            let m = rowMax(xr, n, laneWidth)
            let logSum = exps.withUnsafeMutableBufferPointer { e -> Float in
                SleefMath.expRow(xr, e.baseAddress!, count: n, shift: m)
                return SleefMath.logf(laneSum(UnsafePointer(e.baseAddress!), n, laneWidth))
            }
            for i in 0..<n { yr[i] = (xr[i] - m) - logSum }
        }
    }

    /// `_vec_softmax` for a non-last dim. x: (outer, n, inner) contiguous -> y, normalised along n.
    /// Columns in full blocks of `laneWidth` use SLEEF exp; the rest use libm `expf`; the sum runs in
    /// order along n and the result is a true division. Emulates the single-thread work split.
    public static func softmaxInnerDim(
        _ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>, outer: Int, n: Int, inner: Int,
        laneWidth: Int = referenceLaneWidth
    ) {
        guard n > 0, inner > 0 else { return }
        let total = outer * inner
        var idx = 0
        while idx < total {
            let o = idx / inner
            let i = idx % inner
            let base = o * n * inner + i
            if i + laneWidth <= inner && idx + laneWidth <= total {
                for lane in 0..<laneWidth {
                    var m = x[base + lane]
                    for d in 1..<Swift.max(n, 1) { m = vectorMaximum(m, x[base + d * inner + lane]) }
                    var sum: Float = 0
                    for d in 0..<n {
                        let e = SleefMath.expf(x[base + d * inner + lane] - m)
                        y[base + d * inner + lane] = e
                        sum = sum + e
                    }
                    for d in 0..<n { y[base + d * inner + lane] = y[base + d * inner + lane] / sum }
                }
                idx += laneWidth
            } else {
                let tail = idx + laneWidth > total ? total - idx : inner - i
                for t in 0..<tail {
                    let o2 = (idx + t) / inner
                    let i2 = (idx + t) % inner
                    let b = o2 * n * inner + i2
                    var m = x[b]
                    // `std::max(m, v)`: keeps m unless m < v.
                    for d in 1..<Swift.max(n, 1) where m < x[b + d * inner] { m = x[b + d * inner] }
                    var sum: Float = 0
                    for d in 0..<n {
                        let e = SleefMath.libmExpf(x[b + d * inner] - m)
                        y[b + d * inner] = e
                        sum += e
                    }
                    for d in 0..<n { y[b + d * inner] = y[b + d * inner] / sum }
                }
                idx += tail
            }
        }
    }

    /// `_vec_logsoftmax` for a non-last dim. x: (outer, n, inner) contiguous -> y.
    /// Inner columns are processed in chunks; full lane blocks use SLEEF exp, tails libm `expf`;
    /// every column's log uses SLEEF log; output is `(x - max) - log(sum)`.
    public static func logSoftmaxInnerDim(
        _ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>, outer: Int, n: Int, inner: Int,
        laneWidth: Int = referenceLaneWidth
    ) {
        guard n > 0, inner > 0 else { return }
        var chunk = Swift.max(128 * 1024 / n / 4, laneWidth)
        chunk = chunk / laneWidth * laneWidth
        let chunks = (inner + chunk - 1) / chunk
        var maxes = [Float](repeating: 0, count: chunk)
        var sums = [Float](repeating: 0, count: chunk)
        for task in 0..<(outer * chunks) {
            let o = task / chunks
            let begin = (task % chunks) * chunk
            let size = Swift.min(chunk, inner - begin)
            let vectorEnd = size - size % laneWidth
            for c in 0..<size {
                maxes[c] = -.infinity
                sums[c] = 0
            }
            for d in 0..<n {
                let row = x + o * n * inner + d * inner + begin
                for c in 0..<size where row[c] > maxes[c] { maxes[c] = row[c] }
            }
            for d in 0..<n {
                let row = x + o * n * inner + d * inner + begin
                for c in 0..<size {
                    let arg = row[c] - maxes[c]
                    sums[c] += c < vectorEnd ? SleefMath.expf(arg) : SleefMath.libmExpf(arg)
                }
            }
            for c in 0..<size { sums[c] = SleefMath.logf(sums[c]) }
            for d in 0..<n {
                let offset = o * n * inner + d * inner + begin
                for c in 0..<size { y[offset + c] = (x[offset + c] - maxes[c]) - sums[c] }
            }
        }
    }

    /// `logsumexp` along n. x: (outer, n, inner) contiguous -> y: (outer, inner).
    /// ATen: `log(sum(exp(x - m))) + m` with infinite maxima replaced by 0. Its `exp` (MKL VML) and
    /// cascade sum are not emulated: libm `expf`, an in-order sum and libm `logf` stand in (within ~2 ulp).
    public static func logsumexp(
        _ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>, outer: Int, n: Int, inner: Int
    ) {
        for o in 0..<outer {
            for i in 0..<inner {
                let b = o * n * inner + i
                var m = -Float.infinity
                for d in 0..<n { m = vectorMaximum(m, x[b + d * inner]) }
                if m.isInfinite { m = 0 }
                var sum: Float = 0
                for d in 0..<n { sum += SleefMath.libmExpf(x[b + d * inner] - m) }
                y[o * inner + i] = libmLogf(sum) + m
            }
        }
    }

    /// Maximum of a row with ATen's NaN-propagating `vec::maximum`.
    @inline(__always)
    static func rowMax(_ x: UnsafePointer<Float>, _ n: Int, _ w: Int) -> Float {
        var m = x[0]
        for i in 1..<Swift.max(n, 1) { m = vectorMaximum(m, x[i]) }
        return m
    }

    /// `vec::maximum`: IEEE maximum that propagates NaN.
    @inline(__always)
    static func vectorMaximum(_ a: Float, _ b: Float) -> Float {
        if a.isNaN || b.isNaN { return .nan }
        return a > b ? a : b
    }

    /// ATen's `vec::reduce_all` with `+`: in-order for n < W; otherwise W lane accumulators (a trailing
    /// partial block added into the first lanes) reduced by the butterfly `acc[i] + acc[i ^ s]`.
    /// W is 8 or 16.
    public static func laneSum(_ e: UnsafePointer<Float>, _ n: Int, _ w: Int) -> Float {
        precondition(w == 8 || w == 16, "lane width must be 8 or 16")
        if n < w {
            var s = e[0]
            for i in 1..<Swift.max(n, 1) { s = s + e[i] }
            return s
        }
        // Whole-vector adds in the hot loop (lane indexing there would spill to memory).
        typealias V = SIMD8<Float>
        var low = UnsafeRawPointer(e).loadUnaligned(as: V.self)
        var high = w == 16 ? UnsafeRawPointer(e + 8).loadUnaligned(as: V.self) : V()
        var d = w
        while d + w <= n {
            low += UnsafeRawPointer(e + d).loadUnaligned(as: V.self)
            if w == 16 { high += UnsafeRawPointer(e + d + 8).loadUnaligned(as: V.self) }
            d += w
        }
        var acc = SIMD16(lowHalf: low, highHalf: high)
        for l in 0..<(n - d) { acc[l] = acc[l] + e[d + l] }
        return butterfly(acc, w)
    }

    /// `vec_reduce_all` of a full vector of `w` lanes: `acc[i] + acc[i ^ s]` for s = w/2, ..., 1; lane 0.
    /// For 16 and 8 lanes as whole-vector adds of halves (the same sums: lane i < s of a step is
    /// `acc[i] + acc[i + s]`, and only those lanes reach lane 0); writing single lanes of a vector spilled it to the
    /// stack and stalled on every reload, a third of a small `scaled_dot_product_attention`.
    @inline(__always)
    static func butterfly(_ lanes: SIMD16<Float>, _ w: Int) -> Float {
        if w == 16 || w == 8 {
            let eight = w == 16 ? lanes.lowHalf + lanes.highHalf : lanes.lowHalf
            let four = eight.lowHalf + eight.highHalf
            let two = four.lowHalf + four.highHalf
            return two[0] + two[1]
        }
        var acc = lanes
        var s = w / 2
        while s >= 1 {
            let old = acc
            for i in 0..<w { acc[i] = old[i] + old[i ^ s] }
            s /= 2
        }
        return acc[0]
    }
}

@inline(__always)
func libmLogf(_ x: Float) -> Float {
    #if canImport(Glibc)
    Glibc.logf(x)
    #elseif canImport(Darwin)
    Darwin.logf(x)
    #else
    Float(log(Double(x)))
    #endif
}
