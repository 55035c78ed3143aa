import Testing
@testable import TensorKernel

@Suite struct TensorRandomTests {
    @Test func randnMatchesDocumentedVector() throws {
        var g = CPUGenerator(seed: 0)
        let x = try Tensor.randn([3], generator: &g)
        #expect(x.floats().map(\.bitPattern) == [0x3FC5_3F5C, 0xBE96_3C50, 0xC00B_7149])
        #expect(x.repr() == "tensor([ 1.5410, -0.2934, -2.1788])")
    }

    @Test func tensorFillsMatchArrayFills() throws {
        var a = CPUGenerator(seed: 42)
        var b = CPUGenerator(seed: 42)
        #expect(try Tensor.randn([2, 5, 16], generator: &a).floats() == b.normalFloat32(count: 160))
        #expect(try Tensor.rand([7], dtype: .float64, generator: &a).doubles() == b.uniformFloat64(count: 7))
        #expect(try Tensor.randint(-5, 1000, [3, 4], generator: &a).int64s() == b.randint(count: 12, low: -5, high: 1000))
        #expect(try Tensor.randperm(9, generator: &a).int64s() == b.randperm(9))
        #expect(a == b)
    }

    @Test func randintAndRandpermAcceptFloatDtypes() throws {
        var g = CPUGenerator(seed: 0)
        #expect(try Tensor.randint(0, 10, [3], dtype: .float32, generator: &g).repr() == "tensor([4., 9., 3.])")
        g.manualSeed(UInt64(0))
        #expect(try Tensor.randperm(4, dtype: .float32, generator: &g).repr() == "tensor([0., 1., 3., 2.])")
    }

    @Test func transposedNormalFillsStorageOrder() throws {
        var g = CPUGenerator(seed: 0)
        var reference = CPUGenerator(seed: 0)
        let base = try Tensor.empty([20, 10])
        let view = Tensor(storage: base.storage, shape: [10, 20], strides: [1, 10])
        try view.normal_(generator: &g)
        #expect(base.floats() == reference.normalFloat32(count: 200, contiguous: false))
    }

    /// Contiguous tensors take a fill as one block; a view with an offset must get exactly its own elements.
    @Test func contiguousFillsWriteOnlyTheirElements() throws {
        var g = CPUGenerator(seed: 3)
        var reference = CPUGenerator(seed: 3)
        let base = try Tensor.zeros([3, 4], dtype: .float64)
        let middle = Tensor(storage: base.storage, shape: [2, 2], strides: [2, 1], offset: 4)
        try middle.uniform_(from: -1, to: 1, generator: &g)
        var expected = [Double](repeating: 0, count: 12)
        expected.replaceSubrange(4..<8, with: reference.uniformFloat64(count: 4, from: -1, to: 1))
        #expect(base.doubles() == expected)
        let floats = try Tensor.zeros([2, 3])
        try floats.normal_(mean: 1, std: 2, generator: &g)
        #expect(floats.floats() == reference.normalFloat32(count: 6, mean: 1, std: 2))
        let mask = try Tensor.zeros([6], dtype: .bool)
        try mask.bernoulli_(0.5, generator: &g)
        #expect(mask.bools() == reference.bernoulli(count: 6, p: 0.5))
        #expect(g == reference)
    }

    @Test func dropoutKeepsInputLayoutAndScale() throws {
        var g = CPUGenerator(seed: 0)
        var reference = CPUGenerator(seed: 0)
        let x = try Tensor.ones([4, 8])
        let y = try Tensor.dropout(x, p: 0.5, generator: &g)
        #expect(y.floats() == reference.dropout([Float](repeating: 1, count: 32), p: 0.5))
        #expect(try Tensor.dropout(x, p: 0.5, training: false, generator: &g).floats() == x.floats())
    }

    @Test func bernoulliTensorUsesFloatUniforms() throws {
        var g = CPUGenerator(seed: 1)
        var reference = CPUGenerator(seed: 1)
        let p = try Tensor.rand([5, 3], generator: &g)
        let sample = try Tensor.bernoulli(p, generator: &g)
        let expected = reference.bernoulli(probabilities: reference.uniformFloat32(count: 15))
        #expect(sample.dtype == .float32)
        #expect(sample.floats() == expected.map { $0 ? 1 : 0 })
    }

    static let errors: [(String, TensorError)] = [
        ("randn int64", .notImplemented("\"normal_kernel_cpu\" not implemented for 'Long'")),
        ("rand int64", .notImplemented("\"check_uniform_bounds\" not implemented for 'Long'")),
        ("randint 5 3", .runtime("random_ expects 'from' to be less than 'to', but got from=5 >= to=3")),
        ("randint bool", .runtime("to - 1 is out of bounds for bool")),
        ("randperm -1", .runtime("Trying to create tensor with negative dimension -1: [-1]")),
        ("bernoulli_ 1.5", .runtime("bernoulli_ expects p to be in [0, 1], but got p=1.5")),
        ("bernoulli_ -0.1", .runtime("bernoulli_ expects p to be in [0, 1], but got p=-0.1")),
        ("dropout 1.5", .value("dropout probability has to be between 0 and 1, but got 1.5")),
        ("normal_ std -1", .runtime("normal expects std >= 0.0, but found std -1")),
        ("uniform_ 2 1", .runtime("uniform_ expects to return a [from, to) range, but found from=2 > to=1")),
        ("bernoulli int64", .notImplemented("\"bernoulli_tensor_cpu_p_\" not implemented for 'Long'")),
        ("kaiming 1-d", .value("Fan in and fan out can not be computed for tensor with fewer than 2 dimensions")),
    ]

    /// Messages recorded from torch 2.15.
    @Test(arguments: errors)
    func errorsUsePyTorchWording(name: String, expected: TensorError) {
        var g = CPUGenerator(seed: 0)
        #expect(throws: expected) {
            switch name {
            case "randn int64": _ = try Tensor.randn([3], dtype: .int64, generator: &g)
            case "rand int64": _ = try Tensor.rand([3], dtype: .int64, generator: &g)
            case "randint 5 3": _ = try Tensor.randint(5, 3, [2], generator: &g)
            case "randint bool": _ = try Tensor.randint(0, 10, [3], dtype: .bool, generator: &g)
            case "randperm -1": _ = try Tensor.randperm(-1, generator: &g)
            case "bernoulli_ 1.5": try Tensor.empty([3]).bernoulli_(1.5, generator: &g)
            case "bernoulli_ -0.1": try Tensor.empty([4]).bernoulli_(-0.1, generator: &g)
            case "dropout 1.5": _ = try Tensor.dropout(try Tensor.ones([3]), p: 1.5, generator: &g)
            case "normal_ std -1": try Tensor.empty([3]).normal_(std: -1, generator: &g)
            case "uniform_ 2 1": try Tensor.empty([3]).uniform_(from: 2, to: 1, generator: &g)
            case "bernoulli int64": _ = try Tensor.bernoulli(Tensor([Int64(1), 0]), generator: &g)
            case "kaiming 1-d": try Tensor.empty([3]).kaimingUniform_(generator: &g)
            default: Issue.record("unknown case \(name)")
            }
        }
    }
}
