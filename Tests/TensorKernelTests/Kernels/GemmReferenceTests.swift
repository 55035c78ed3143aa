import Testing
@testable import TensorKernel

@Suite struct GemmReferenceTests {
    /// Batched products below 400 MACs per batch run torch's naive loop: every bit must match.
    @Test(arguments: MatmulFixture.cases("batched"))
    func matchesTorchBitForBitBelow400MACs(example: MatmulFixture.Case) {
        let (m, k, n) = (example.aShape[example.aShape.count - 2], example.aShape.last!, example.bShape.last!)
        let batches = example.outFloats.count / (m * n)
        let a = example.aFloats, b = example.bFloats
        var c = [Float](repeating: .nan, count: batches * m * n)
        for batch in 0..<batches {
            gemmReference(
                m: m, n: n, k: k, a: a, offset: batch * m * k, b: b, offsetB: batch * k * n,
                into: &c, offsetC: batch * m * n)
        }
        #expect(c.map(\.bitPattern) == example.outFloats.map(\.bitPattern))
    }

    /// MKL sums in another order (and with FMA), so only the classic dot-product error bound holds:
    /// each result is within γ_k·Σ|a||b| of the exact value (Higham §3.1), hence within 2γ_k·Σ|a||b| of ours.
    @Test(arguments: MatmulFixture.cases("mkl"))
    func staysWithinTheDotProductErrorBoundOfMKL(example: MatmulFixture.Case) {
        let (m, k, n) = (example.aShape[example.aShape.count - 2], example.aShape.last!, example.bShape.last!)
        let batches = example.outFloats.count / (m * n)
        let a = example.aFloats, b = example.bFloats, torchOut = example.outFloats
        var c = [Float](repeating: .nan, count: batches * m * n)
        var worst = 0.0
        var exactCount = 0
        for batch in 0..<batches {
            gemmReference(
                m: m, n: n, k: k, a: a, offset: batch * m * k, b: b, offsetB: batch * k * n,
                into: &c, offsetC: batch * m * n)
            for i in 0..<m {
                for j in 0..<n {
                    var magnitude = 0.0
                    for p in 0..<k {
                        magnitude += Double(abs(a[batch * m * k + i * k + p] * b[batch * k * n + p * n + j]))
                    }
                    let gamma = Double(k) * 0x1p-24 / (1 - Double(k) * 0x1p-24)
                    let index = batch * m * n + i * n + j
                    let difference = abs(Double(c[index]) - Double(torchOut[index]))
                    worst = max(worst, difference / (2 * gamma * magnitude))
                    if c[index] == torchOut[index] { exactCount += 1 }
                }
            }
        }
        #expect(worst <= 1)
        // Sanity: the orders differ, yet most results still agree exactly (§5.3 measured 30–100%).
        #expect(exactCount > 0)
    }

    @Test func float64FollowsTheSameLoopWithinTheDoubleErrorBound() throws {
        let example = try #require(MatmulFixture.cases("float64").first)
        let (m, k, n) = (example.aShape[0], example.aShape[1], example.bShape[1])
        var c = [Double](repeating: .nan, count: m * n)
        gemmReference(
            m: m, n: n, k: k, a: example.aDoubles, aRowStride: k, aColStride: 1,
            b: example.bDoubles, bRowStride: n, bColStride: 1, c: &c, ldc: n)
        for (ours, theirs) in zip(c, example.outDoubles) {
            #expect(abs(ours - theirs) <= 1e-15 * max(1, abs(theirs)))
        }
    }

    /// torch: `tensor([[2**62, 3], [1, 2]]) @ tensor([[4, 1], [5, 7]])` wraps to `[[15, 4611686018427387925], [14, 15]]`.
    @Test func int64ProductsWrapLikeTorch() {
        let a: [Int64] = [1 << 62, 3, 1, 2]
        let b: [Int64] = [4, 1, 5, 7]
        var c = [Int64](repeating: 0, count: 4)
        gemmReference(m: 2, n: 2, k: 2, a: a, aRowStride: 2, aColStride: 1, b: b, bRowStride: 2, bColStride: 1, c: &c, ldc: 2)
        #expect(c == [15, 4_611_686_018_427_387_925, 14, 15])
    }

    /// The strides let callers pass transposed views without copying: aᵀ read through (1, lda).
    @Test func readsTransposedOperandsThroughStrides() {
        let a: [Float] = [1, 2, 3, 4, 5, 6]  // (2, 3); we multiply aᵀ (3, 2) by a (2, 3)
        var c = [Float](repeating: 0, count: 9)
        gemmReference(m: 3, n: 3, k: 2, a: a, aRowStride: 1, aColStride: 3, b: a, bRowStride: 3, bColStride: 1, c: &c, ldc: 3)
        #expect(c == [17, 22, 27, 22, 29, 36, 27, 36, 45])
    }

    /// No FMA: with x = 1 + 2^-23, -(1 + 2^-22) + x·x is 0 when x·x is rounded first; FMA would keep 2^-46.
    @Test func roundsTheProductBeforeAdding() {
        let x: Float = 1 + 0x1p-23
        let a: [Float] = [1, x]
        let b: [Float] = [-(1 + 0x1p-22), x]
        var c: [Float] = [.nan]
        gemmReference(m: 1, n: 1, k: 2, a: a, aRowStride: 2, aColStride: 1, b: b, bRowStride: 1, bColStride: 1, c: &c, ldc: 1)
        #expect(c == [0])
        #expect(Float(-(1 + 0x1p-22)).addingProduct(x, x) == 0x1p-46, "an FMA loop would fail this test")
    }
}

/// Contiguous row-major batch slices, for fixture cases.
func gemmReference(
    m: Int, n: Int, k: Int, a: [Float], offset: Int, b: [Float], offsetB: Int, into c: inout [Float], offsetC: Int
) {
    a.withUnsafeBufferPointer { pa in
        b.withUnsafeBufferPointer { pb in
            c.withUnsafeMutableBufferPointer { pc in
                gemmReference(
                    m: m, n: n, k: k, a: pa.baseAddress! + offset, aRowStride: k, aColStride: 1,
                    b: pb.baseAddress! + offsetB, bRowStride: n, bColStride: 1,
                    c: pc.baseAddress! + offsetC, ldc: n)
            }
        }
    }
}
