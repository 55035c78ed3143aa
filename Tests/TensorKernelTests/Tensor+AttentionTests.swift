import Testing
@testable import TensorKernel

@Suite("Tensor+Attention")
struct TensorAttentionTests {
    static func randn(_ shape: [Int], seed: UInt64 = 1) -> Tensor {
        var generator = CPUGenerator(seed: seed)
        return Tensor(generator.normalFloat32(count: shape.reduce(1, *)), shape: shape)
    }

    static func sdpa(
        _ q: Tensor, _ k: Tensor, _ v: Tensor, mask: Tensor? = nil, causal: Bool = false, dropout: Double = 0
    ) throws(TensorError) -> Tensor {
        try Tensor.scaledDotProductAttention(q, k, v, attnMask: mask, dropoutP: dropout, isCausal: causal)
    }

    /// torch-error-examples.json cases 84-90 plus recorded variants.
    @Test("errors carry PyTorch's messages")
    func errors() {
        let q3 = Self.randn([2, 3, 4])
        #expect(throws: TensorError.runtime("Expected size for first two dimensions of batch2 tensor to be: [2, 4] but got: [2, 5].")) {
            let k = Self.randn([2, 3, 5])
            return try Self.sdpa(q3, k, k)
        }
        #expect(throws: TensorError.runtime("The size of tensor a (5) must match the size of tensor b (4) at non-singleton dimension 3")) {
            let k = Self.randn([2, 2, 5, 4])
            return try Self.sdpa(Self.randn([2, 2, 3, 4]), k, k, mask: Tensor([Bool](repeating: true, count: 12), shape: [3, 4]))
        }
        #expect(throws: TensorError.runtime("The size of tensor a (5) must match the size of tensor b (4) at non-singleton dimension 3")) {
            let k = Self.randn([2, 5, 4])
            return try Self.sdpa(q3, k, k, mask: Tensor([Bool](repeating: true, count: 12), shape: [3, 4]))
        }
        #expect(throws: TensorError.runtime("_scaled_dot_product_attention: Explicit attn_mask should not be set when is_causal=True")) {
            let q = Self.randn([2, 2, 3, 4])
            return try Self.sdpa(q, q, q, mask: Tensor([Bool](repeating: true, count: 9), shape: [3, 3]), causal: true)
        }
        #expect(throws: TensorError.runtime("The size of tensor a (2) must match the size of tensor b (3) at non-singleton dimension 0")) {
            let k = Self.randn([3, 2, 3, 4])
            return try Self.sdpa(Self.randn([2, 2, 3, 4]), k, k)
        }
        #expect(throws: TensorError.runtime("Expected query, key, and value to have the same dtype, but got query.dtype: float key.dtype: double and value.dtype: float instead.")) {
            try Self.sdpa(q3, q3.to(.float64), q3)
        }
        #expect(throws: TensorError.runtime("Expected query, key, and value to all be  at least 2 dimensional, but got query.dim: 1 key.dim: 1 and value.dim: 1 instead.")) {
            let q = Self.randn([4])
            return try Self.sdpa(q, q, q)
        }
        #expect(throws: TensorError.runtime("Expected size for first two dimensions of batch2 tensor to be: [4, 3] but got: [4, 4].")) {
            let k = Self.randn([2, 2, 5, 4])
            return try Self.sdpa(Self.randn([2, 2, 4, 3]), k, k)
        }
        #expect(throws: TensorError.runtime("mm: mat1 and mat2 shapes cannot be multiplied (4x3 and 4x5)")) {
            let k = Self.randn([5, 4])
            return try Self.sdpa(Self.randn([4, 3]), k, k)
        }
        #expect(throws: TensorError.runtime("mm: mat1 and mat2 shapes cannot be multiplied (3x5 and 6x4)")) {
            try Self.sdpa(Self.randn([3, 4]), Self.randn([5, 4]), Self.randn([6, 4]))
        }
        #expect(throws: TensorError.runtime("Expected attn_mask dtype to be bool or float or to match query dtype, but got attn_mask.dtype: long int and  query.dtype: float instead.")) {
            let q = Self.randn([2, 3])
            return try Self.sdpa(q, q, q, mask: Tensor([Int64](repeating: 1, count: 4), shape: [2, 2]))
        }
        #expect(throws: TensorError.runtime("dropout probability has to be between 0 and 1, but got 1.5")) {
            let q = Self.randn([2, 3])
            return try Self.sdpa(q, q, q, dropout: 1.5)
        }
        #expect(throws: TensorError.runtime("expected scalar type Float but found Long")) {
            let q = Tensor([Int64](repeating: 1, count: 12), shape: [1, 3, 4])
            return try Self.sdpa(q, q, q)
        }
    }

    @Test("batch and head dims broadcast; value length may differ from key length")
    func broadcasting() throws {
        let out = try Self.sdpa(Self.randn([2, 1, 3, 4]), Self.randn([1, 2, 5, 4], seed: 2), Self.randn([1, 2, 5, 4], seed: 3))
        #expect(out.shape == [2, 2, 3, 4])
        let mixed = try Self.sdpa(Self.randn([5, 2, 3, 4]), Self.randn([5, 4], seed: 2), Self.randn([5, 4], seed: 3))
        #expect(mixed.shape == [5, 2, 3, 4])
        let longerValues = try Self.sdpa(Self.randn([2, 2, 3, 4]), Self.randn([2, 2, 5, 4], seed: 2), Self.randn([2, 2, 6, 4], seed: 3))
        #expect(longerValues.shape == [2, 2, 3, 4])
    }

    /// Corpus 095: a float bias mask with -inf; PyTorch prints [[0.6667, 0.8333], [0.5000, 0.5000]].
    @Test("float mask is added; a fully -inf column is ignored")
    func corpus095() throws {
        let q = Tensor([Float](repeating: 1, count: 8), shape: [1, 2, 4])
        let k = Tensor([Float](repeating: 1, count: 12), shape: [1, 3, 4])
        let v = Tensor([Float(1), 0, 0, 1, 1, 1], shape: [1, 3, 2])
        let bias = Tensor([0, Float(0.6931471805599453), Float(1.0986122886681098), 0, 0, -.infinity], shape: [2, 3])
        let out = try Self.sdpa(q, k, v, mask: bias)
        #expect(out.floats().map { ($0 * 10000).rounded() / 10000 } == [0.6667, 0.8333, 0.5, 0.5])
    }

    @Test("fully masked rows give 0, not NaN, on both paths")
    func fullyMasked() throws {
        let q = Self.randn([1, 2, 4]), k = Self.randn([1, 3, 4], seed: 2), v = Self.randn([1, 3, 4], seed: 3)
        let mask = Tensor([false, false, false, true, true, false], shape: [2, 3])
        let flash = try Self.sdpa(q, k, v, mask: mask)
        #expect(flash.floats().prefix(4).allSatisfy { $0 == 0 })
        let math = try Self.sdpa(try q.squeeze(0), try k.squeeze(0), try v.squeeze(0), mask: mask)
        #expect(math.floats().prefix(4).allSatisfy { $0 == 0 })
        #expect(math.floats().suffix(4).allSatisfy { !$0.isNaN })
    }

    @Test("dropout_p = 1 zeroes the output")
    func fullDropout() throws {
        let q = Self.randn([1, 2, 3])
        let out = try Self.sdpa(q, q, q, dropout: 1)
        #expect(out.floats() == [0, 0, 0, 0, 0, 0])
    }

    /// Large problems take the fast kernel; it agrees with the exact emulation to 1e-6 on N(0, 1) data.
    @Test("large inputs use the fast kernel and agree with the exact one")
    func fastDispatch() throws {
        let q = Self.randn([1, 2, 64, 64]), k = Self.randn([1, 2, 80, 64], seed: 2), v = Self.randn([1, 2, 80, 64], seed: 3)
        #expect(64 * 80 * 64 >= Tensor.attentionFastThreshold)
        let out = try Self.sdpa(q, k, v, causal: true)
        var reference = [Float](repeating: 0, count: out.numel)
        AttentionKernel.flashReference(
            q: q.floats(), k: k.floats(), v: v.floats(), out: &reference,
            shape: .init(batch: 2, heads: 1, queries: 64, keys: 80, headDim: 64, valueDim: 64),
            scale: 0.125, isCausal: true, mask: nil)
        let worst = zip(out.floats(), reference).map { Swift.abs($0 - $1) }.max() ?? .nan
        #expect(worst <= 1e-6)
    }
}
