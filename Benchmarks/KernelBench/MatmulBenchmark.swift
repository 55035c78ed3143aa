import TensorKernel

/// Float32 square matmul C = A·B, n = 64…2048; prints `matmul n threads GFLOP/s`.
func runMatmulBenchmark(threads: Int) {
    for n in requestedSizes ?? [64, 128, 256, 512, 1024, 2048] {
        var generator = SplitMix64(seed: UInt64(n))
        let a = (0..<n * n).map { _ in generator.nextUnitFloat() }
        let b = (0..<n * n).map { _ in generator.nextUnitFloat() }
        var c = [Float](repeating: 0, count: n * n)
        let flops = 2.0 * Double(n) * Double(n) * Double(n)
        let repeats = max(5, min(50, Int(2e9 / flops)))
        let seconds = a.withUnsafeBufferPointer { pa in
            b.withUnsafeBufferPointer { pb in
                c.withUnsafeMutableBufferPointer { pc in
                    bestSeconds(repeats: repeats) {
                        gemmFast(
                            m: n, n: n, k: n, a: pa.baseAddress!, aRowStride: n, aColStride: 1,
                            b: pb.baseAddress!, bRowStride: n, bColStride: 1,
                            c: pc.baseAddress!, ldc: n, threads: threads)
                    }
                }
            }
        }
        print("matmul \(n) \(threads) \(formatted(flops / seconds / 1e9))")
    }
}

/// Two decimals without Foundation.
func formatted(_ value: Double) -> String {
    let hundredths = Int((value * 100).rounded())
    let fraction = hundredths % 100
    return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
}

/// Small deterministic generator for benchmark inputs.
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in [-1, 1).
    mutating func nextUnitFloat() -> Float { Float(next() >> 40) / Float(1 << 23) - 1 }
}
