import TensorKernel

/// Fused attention GFLOP/s (4·B·H·L·S·E flops) at the quiz-independent sizes of BENCHMARKS.md;
/// prints `attention B H L S E threads GFLOP/s`.
func runAttentionBenchmark(threads: Int) {
    for (batch, heads, length, dim) in [(1, 8, 512, 64), (1, 16, 2048, 64)] {
        let shape = AttentionKernel.Shape(
            batch: batch, heads: heads, queries: length, keys: length, headDim: dim, valueDim: dim)
        let count = batch * heads * length * dim
        var generator = SplitMix64(seed: UInt64(length))
        let q = (0..<count).map { _ in generator.nextUnitFloat() }
        let k = (0..<count).map { _ in generator.nextUnitFloat() }
        let v = (0..<count).map { _ in generator.nextUnitFloat() }
        var out = [Float](repeating: 0, count: count)
        let flops = 4.0 * Double(batch * heads) * Double(length) * Double(length) * Double(dim)
        let scale = 1 / Float(dim).squareRoot()
        let seconds = q.withUnsafeBufferPointer { pq in
            k.withUnsafeBufferPointer { pk in
                v.withUnsafeBufferPointer { pv in
                    out.withUnsafeMutableBufferPointer { po in
                        bestSeconds(repeats: max(3, min(20, Int(4e9 / flops)))) {
                            AttentionKernel.fast(
                                q: pq.baseAddress!, k: pk.baseAddress!, v: pv.baseAddress!, out: po.baseAddress!,
                                shape: shape, scale: scale, isCausal: false, mask: nil, threads: threads)
                        }
                    }
                }
            }
        }
        print("attention \(batch) \(heads) \(length) \(length) \(dim) \(threads) \(formatted(flops / seconds / 1e9))")
    }
}

/// Last-dim softmax throughput (exact ATen emulation) in million rows/s of 512 floats; prints
/// `softmax rows n threads Mrows/s GB/s`.
func runSoftmaxBenchmark(threads: Int) {
    let (rows, n) = (4096, 512)
    var generator = SplitMix64(seed: 7)
    let x = (0..<rows * n).map { _ in generator.nextUnitFloat() * 4 }
    var y = [Float](repeating: 0, count: rows * n)
    let seconds = x.withUnsafeBufferPointer { px in
        y.withUnsafeMutableBufferPointer { py in
            bestSeconds(repeats: 5) {
                SoftmaxKernel.softmaxLastDim(px.baseAddress!, py.baseAddress!, rows: rows, n: n)
            }
        }
    }
    let bytes = Double(rows * n * 8)
    print("softmax \(rows) \(n) 1 \(formatted(Double(rows) / seconds / 1e6)) \(formatted(bytes / seconds / 1e9))")
}
