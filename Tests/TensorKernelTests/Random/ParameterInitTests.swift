import Testing
@testable import TensorKernel

/// Module construction replayed with the init helpers, in PyTorch's draw order, against recorded
/// parameter bits (plus one `rand(1)` after construction, which proves the total draw count).
@Suite struct ParameterInitTests {
    @Test func linearBoundUsesPythonDoubleArithmetic() {
        // math.sqrt(5)**2 == 5.000000000000001, so the gain is not exactly sqrt(1/3).
        #expect(5.0.squareRoot() * 5.0.squareRoot() == 5.000000000000001)
        // Python: math.sqrt(3.0) * (math.sqrt(2.0 / (1 + math.sqrt(5)**2)) / math.sqrt(3)) == 0.5773502691896257
        #expect(ParameterInit.linearWeightBound(fanIn: 3) == 0.5773502691896257)
        #expect(ParameterInit.linearWeightBound(fanIn: 8) == 0.3535533905932737)
        #expect(ParameterInit.leakyReluGain(negativeSlope: 5.0.squareRoot()) == (2.0 / 6.000000000000001).squareRoot())
        #expect(ParameterInit.linearBiasBound(fanIn: 0) == 0)
    }

    @Test func fansNeedTwoDimensions() throws {
        #expect(throws: TensorError.value("Fan in and fan out can not be computed for tensor with fewer than 2 dimensions")) {
            try ParameterInit.fans(shape: [3])
        }
        #expect(try ParameterInit.fans(shape: [4, 3, 2, 5]) == (fanIn: 30, fanOut: 40))
    }

    static let cases = RandomFixtures.modules

    @Test(arguments: cases)
    func replaysModuleInit(_ recorded: RandomFixtures.Module) throws {
        var g = CPUGenerator(seed: recorded.seed)
        let parameters = try Self.construct(recorded.module, generator: &g)
        #expect(parameters.map(\.0) == recorded.parameters.map(\.name))
        for (name, tensor) in parameters {
            guard let expected = recorded.parameters.first(where: { $0.name == name }) else { continue }
            #expect(tensor.shape == expected.shape, "\(name)")
            BitWords.expectMatches(BitWords.hex(tensor.floats()), expected.encoded)
        }
        #expect(BitWords.hex(g.uniformFloat32(count: 1)) == [recorded.next_rand])
    }

    /// Named parameters in `named_parameters()` order, drawn in `__init__` order.
    static func construct(_ module: String, generator g: inout CPUGenerator) throws -> [(String, Tensor)] {
        switch module {
        case "Linear(3,2)": return try linear(3, 2, bias: true, &g)
        case "Linear(8,8)": return try linear(8, 8, bias: true, &g)
        case "Linear(8,8,bias=False)": return try linear(8, 8, bias: false, &g)
        case "Linear(20,3)": return try linear(20, 3, bias: true, &g)
        case "MultiheadAttention(8,2)": return try attention(8, &g)
        case "MultiheadAttention(16,4)": return try attention(16, &g)
        case "MultiheadAttention(8,2,kdim=5,vdim=3)": return try attention(8, kdim: 5, vdim: 3, &g)
        case "MultiheadAttention(8,2,add_bias_kv=True)": return try attention(8, addBiasKV: true, &g)
        case "MultiheadAttention(32,8,add_bias_kv=True)": return try attention(32, addBiasKV: true, &g)
        case "Embedding(5,3)": return [("weight", try Tensor.randn([5, 3], generator: &g))]
        case "Embedding(10,4)": return [("weight", try Tensor.randn([10, 4], generator: &g))]
        case "TransformerEncoderLayer(8,2,16)":
            let attention = try attention(8, &g).map { ("self_attn." + $0.0, $0.1) }
            let linear1 = try linear(8, 16, bias: true, &g).map { ("linear1." + $0.0, $0.1) }
            let linear2 = try linear(16, 8, bias: true, &g).map { ("linear2." + $0.0, $0.1) }
            let norms = try ["norm1", "norm2"].flatMap { name in
                [(name + ".weight", try Tensor.ones([8])), (name + ".bias", try Tensor.zeros([8]))]
            }
            return attention + linear1 + linear2 + norms
        default:
            Issue.record("no construction for \(module)")
            return []
        }
    }

    static func linear(_ inFeatures: Int, _ outFeatures: Int, bias: Bool, _ g: inout CPUGenerator) throws -> [(String, Tensor)] {
        let weight = try Tensor.empty([outFeatures, inFeatures])
        let biasTensor = bias ? try Tensor.empty([outFeatures]) : nil
        try Tensor.initLinear_(weight: weight, bias: biasTensor, generator: &g)
        return [("weight", weight)] + (biasTensor.map { [("bias", $0)] } ?? [])
    }

    /// `nn.MultiheadAttention(E, H)`: out_proj's own Linear init first, then `_reset_parameters`.
    static func attention(_ e: Int, kdim: Int? = nil, vdim: Int? = nil, addBiasKV: Bool = false, _ g: inout CPUGenerator) throws -> [(String, Tensor)] {
        let outProj = try linear(e, e, bias: true, &g)
        var parameters: [(String, Tensor)] = []
        if kdim == nil && vdim == nil {
            parameters.append(("in_proj_weight", try Tensor.empty([3 * e, e]).xavierUniform_(generator: &g)))
        } else {
            parameters.append(("q_proj_weight", try Tensor.empty([e, e]).xavierUniform_(generator: &g)))
            parameters.append(("k_proj_weight", try Tensor.empty([e, kdim ?? e]).xavierUniform_(generator: &g)))
            parameters.append(("v_proj_weight", try Tensor.empty([e, vdim ?? e]).xavierUniform_(generator: &g)))
        }
        parameters.append(("in_proj_bias", try Tensor.zeros([3 * e])))
        if addBiasKV {
            parameters.append(("bias_k", try Tensor.empty([1, 1, e]).xavierNormal_(generator: &g)))
            parameters.append(("bias_v", try Tensor.empty([1, 1, e]).xavierNormal_(generator: &g)))
        }
        parameters.append(("out_proj.weight", outProj[0].1))
        parameters.append(("out_proj.bias", try Tensor.zeros([e])))
        return parameters
    }
}
