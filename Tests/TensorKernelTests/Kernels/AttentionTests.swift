import Testing
@testable import TensorKernel

@Suite("AttentionKernel")
struct AttentionTests {
    /// Cases whose products PyTorch's BLAS computes in the sequential order (tiny inner sizes) and the
    /// 2-D math path: our flash/math emulation is bit-exact there.
    static let exactCases: Set<String> = [
        "plain11334", "causal11334", "scale11334", "bool11334", "float11334",
        "plain11273", "causal11273", "scale11273", "bool11273", "float11273",
        "plain213332", "causal213332", "scale213332", "bool213332", "float213332",
        "plain11115", "causal11115", "scale11115", "bool11115", "float11115",
        "twoD", "twoDcausal", "twoDmask",
    ]

    @Test("fixtures load")
    func fixturesLoad() {
        #expect(SoftmaxFixtures.attentionCases.count == 45)
    }

    /// Through the Tensor API with lane width 8 (the recording machine). Elsewhere MKL's gemm sums in a
    /// different order than the sequential loop: results stay within 3e-7 of PyTorch for these O(1) inputs.
    @Test("SDPA matches AVX2 recordings", arguments: SoftmaxFixtures.attentionCases)
    func matchesRecordings(_ c: SoftmaxFixtures.AttentionCase) throws {
        let q = Tensor(SoftmaxFixtures.floats(c.q), shape: c.qshape)
        let k = Tensor(SoftmaxFixtures.floats(c.k), shape: c.kshape)
        let v = Tensor(SoftmaxFixtures.floats(c.v), shape: c.vshape)
        let out = try Tensor.scaledDotProductAttention(
            q, k, v, attnMask: c.maskTensor, isCausal: c.causal, scale: c.scale, laneWidth: 8)
        #expect(out.shape == c.oshape)
        let expected = SoftmaxFixtures.floats(c.output)
        if Self.exactCases.contains(c.name) {
            #expect(SoftmaxFixtures.mismatches(out.floats(), expected) == [])
        } else {
            let worst = zip(out.floats(), expected).map { Swift.abs($0 - $1) }.max() ?? 0
            #expect(worst <= 3e-7)
        }
    }

    struct FastCase: Sendable, CustomTestStringConvertible {
        let batch: Int, heads: Int, queries: Int, keys: Int, dim: Int
        let causal: Bool, masked: Bool
        var testDescription: String { "\(batch)x\(heads)x\(queries)x\(keys)x\(dim)\(causal ? " causal" : "")\(masked ? " mask" : "")" }
    }

    static let fastCases = [
        FastCase(batch: 1, heads: 2, queries: 37, keys: 45, dim: 16, causal: false, masked: false),
        FastCase(batch: 1, heads: 2, queries: 37, keys: 45, dim: 16, causal: true, masked: false),
        FastCase(batch: 2, heads: 1, queries: 100, keys: 700, dim: 64, causal: false, masked: false),
        FastCase(batch: 1, heads: 3, queries: 25, keys: 130, dim: 8, causal: false, masked: true),
        FastCase(batch: 1, heads: 1, queries: 7, keys: 3, dim: 5, causal: true, masked: false),
    ]

    /// The fast kernel reorders sums (FMA, 8-lane exp sums, online rescaling per 128 keys) and uses
    /// exp_u20 for every exponential: on inputs in [-2, 2] it stays within 1e-6 of the exact path.
    @Test("fast kernel agrees with the flash emulation", arguments: fastCases)
    func fastMatchesReference(_ c: FastCase) {
        let shape = AttentionKernel.Shape(
            batch: c.batch, heads: c.heads, queries: c.queries, keys: c.keys, headDim: c.dim, valueDim: c.dim)
        var generator = CPUGenerator()
        generator.manualSeed(UInt64(c.keys))
        let q = generator.uniformFloat32(count: c.batch * c.heads * c.queries * c.dim, from: -2, to: 2)
        let k = generator.uniformFloat32(count: c.batch * c.heads * c.keys * c.dim, from: -2, to: 2)
        let v = generator.uniformFloat32(count: c.batch * c.heads * c.keys * c.dim, from: -2, to: 2)
        // Per-row mask with a fully masked first row (-> 0) and a random additive bias elsewhere.
        var maskValues = generator.uniformFloat32(count: c.queries * c.keys, from: -1, to: 1)
        for j in 0..<c.keys { maskValues[j] = -.infinity }
        var reference = [Float](repeating: .nan, count: c.batch * c.heads * c.queries * c.dim)
        var fast = reference, fastTwoThreads = reference, generic = reference
        let scale = 1 / Float(c.dim).squareRoot()
        maskValues.withUnsafeBufferPointer { pm in
            let mask = c.masked
                ? AttentionKernel.Mask(values: pm.baseAddress!, batchStride: 0, headStride: 0, rowStride: c.keys, columnStride: 1)
                : nil
            AttentionKernel.flashReference(q: q, k: k, v: v, out: &reference, shape: shape, scale: scale, isCausal: c.causal, mask: mask)
            AttentionKernel.fast(q: q, k: k, v: v, out: &fast, shape: shape, scale: scale, isCausal: c.causal, mask: mask, threads: 1)
            AttentionKernel.fast(q: q, k: k, v: v, out: &fastTwoThreads, shape: shape, scale: scale, isCausal: c.causal, mask: mask, threads: 2)
            AttentionKernel.fast(
                q: q, k: k, v: v, out: &generic, shape: shape, scale: scale, isCausal: c.causal, mask: mask, threads: 1,
                path: .generic)
        }
        let worst = zip(fast, reference).map { Swift.abs($0 - $1) }.max() ?? .nan
        #expect(worst <= 1e-6)
        #expect(fast.map(\.bitPattern) == fastTwoThreads.map(\.bitPattern), "thread count changed the result")
        #expect(fast.map(\.bitPattern) == generic.map(\.bitPattern), "AVX2 and portable paths differ")
        if c.masked {
            #expect(fast.prefix(c.dim).allSatisfy { $0 == 0 }, "fully masked row must be 0")
            #expect(reference.prefix(c.dim).allSatisfy { $0 == 0 })
        }
    }
}
