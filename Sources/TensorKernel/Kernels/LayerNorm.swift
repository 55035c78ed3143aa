#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// LayerNorm emulating ATen's CPU float32 kernel (`layer_norm_kernel.cpp` + `RowwiseMoments`, Welford over
/// 8 lanes in chunks of 16 vectors, merged by a binary-counter cascade).
/// Bit-exact with PyTorch for N <= 128 (one chunk); see `LayerNormKernel.rowMoments` for larger N.
public enum LayerNormKernel {
    static let lanes = 8
    static let chunkVectors = 16

    /// x: (rows, n) contiguous, weight/bias: (n) or nil -> y: (rows, n), mean: (rows), rstd: (rows).
    /// `y = fma((x - mean) * rstd, gamma, beta)`, `rstd = 1 / sqrtf(var + Float(eps))` (biased variance).
    public static func forward(
        _ x: UnsafePointer<Float>, rows: Int, n: Int,
        weight: UnsafePointer<Float>?, bias: UnsafePointer<Float>?, eps: Double,
        y: UnsafeMutablePointer<Float>, mean: UnsafeMutablePointer<Float>, rstd: UnsafeMutablePointer<Float>
    ) {
        let epsilon = Float(eps)
        for r in 0..<rows {
            let xr = x + r * n
            let yr = y + r * n
            let (m, variance) = rowMoments(xr, n)
            let s = 1 / sqrtf(variance + epsilon)
            mean[r] = m
            rstd[r] = s
            for j in 0..<n {
                let gamma = weight?[j] ?? 1
                let beta = bias?[j] ?? 0
                yr[j] = beta.addingProduct((xr[j] - m) * s, gamma)
            }
        }
    }

    /// `RowwiseMoments(X, N)`: (mean, biased variance) of one row, in ATen's exact operation order.
    /// Per-lane Welford updates are fused (`fma`), as is the final fold of the 8 lanes. Rows of N >= 136
    /// have several 16-vector chunks; their merge (`addMoments`) keeps the mean exact, but rstd matched
    /// PyTorch for only ~99% of rows in measurements (N = 200...2048, 100 rows each).
    static func rowMoments(_ x: UnsafePointer<Float>, _ n: Int) -> (Float, Float) {
        let vectors = n / lanes
        let chunkCount = (vectors + chunkVectors - 1) / chunkVectors
        var depth = 0
        while (1 << depth) < chunkCount { depth += 1 }
        let slots = Swift.max(depth, 1)
        var m0 = [Int](repeating: 0, count: slots)
        var m1 = [[Float]](repeating: [Float](repeating: 0, count: lanes), count: slots)
        var m2 = m1
        for i in 0..<chunkCount {
            let start = i * chunkVectors * lanes
            let count = Swift.min(chunkVectors, vectors - i * chunkVectors)
            var c1 = [Float](repeating: 0, count: lanes)
            var c2 = [Float](repeating: 0, count: lanes)
            for j in 0..<count {
                let c = Float(1) / Float(j + 1)
                for l in 0..<lanes {
                    let v = x[start + j * lanes + l]
                    let delta = v - c1[l]
                    c1[l] = c1[l].addingProduct(delta, c)
                    c2[l] = c2[l].addingProduct(delta, v - c1[l])
                }
            }
            addMoments(count, c1, c2, &m0[0], &m1[0], &m2[0])
            var mask = i + 1
            var j = 1
            while j < depth && mask & 1 == 0 {
                addMoments(m0[j - 1], m1[j - 1], m2[j - 1], &m0[j], &m1[j], &m2[j])
                m0[j - 1] = 0
                m1[j - 1] = [Float](repeating: 0, count: lanes)
                m2[j - 1] = [Float](repeating: 0, count: lanes)
                mask >>= 1
                j += 1
            }
        }
        for i in stride(from: 1, to: depth, by: 1) {
            addMoments(m0[i], m1[i], m2[i], &m0[0], &m1[0], &m2[0])
        }
        var count = 0
        var mean: Float = 0
        var m2s: Float = 0
        for i in (vectors * lanes)..<n {
            let v = x[i]
            let delta = v - mean
            count += 1
            mean = mean + delta / Float(count)
            m2s = m2s + delta * (v - mean)
        }
        for l in 0..<lanes {
            let total = count + vectors
            let c = total == 0 ? 0 : Float(vectors) / Float(total)
            let delta = m1[0][l] - mean
            mean = mean.addingProduct(c, delta)
            m2s = m2s + m2[0][l].addingProduct((delta * delta) * c, Float(count))
            count = total
        }
        return (mean, m2s / Float(n))
    }

    /// `AddMomentsVec`, lane-wise and unfused: the best of eight fusion/association variants measured
    /// against PyTorch (the fused ones lose exactness of the mean).
    static func addMoments(
        _ addCount: Int, _ add1: [Float], _ add2: [Float],
        _ count: inout Int, _ m1: inout [Float], _ m2: inout [Float]
    ) {
        let total = count + addCount
        let c = total == 0 ? 0 : Float(addCount) / Float(total)
        for l in 0..<lanes {
            let delta = add1[l] - m1[l]
            m1[l] = m1[l] + c * delta
            m2[l] = (m2[l] + add2[l]) + ((delta * delta) * c) * Float(count)
        }
        count = total
    }
}
