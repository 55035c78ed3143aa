import Testing
@testable import TensorKernel

/// Bit-exact reductions against PyTorch 2.15 recordings (`Fixtures/reductions.json`, AVX2: lane width 8).
@Suite struct TensorSumTests {
    struct Case: Decodable, CustomTestStringConvertible, Sendable {
        struct Args: Decodable, Sendable {
            let dim: DimArg?
            let correction: Double?
        }

        /// `dim` is recorded as null, an int, or a list of ints.
        enum DimArg: Decodable, Sendable {
            case one(Int)
            case many([Int])
            init(from decoder: any Decoder) throws {
                let container = try decoder.singleValueContainer()
                if let value = try? container.decode(Int.self) { self = .one(value) } else { self = .many(try container.decode([Int].self)) }
            }
            var list: [Int] {
                switch self {
                case .one(let d): [d]
                case .many(let ds): ds
                }
            }
        }

        let op: String
        let dtype: String
        let shape: [Int]
        let x: [Int64]
        let view: String?
        let args: Args
        let outShape: [Int]
        let out: [Int64]

        enum CodingKeys: String, CodingKey {
            case op, dtype, shape, x, view, args, out
            case outShape = "out_shape"
        }

        var testDescription: String { "\(op) \(dtype) \(shape) dim=\(args.dim.map { "\($0.list)" } ?? "all") \(view ?? "")" }
    }

    static let cases: [Case] = (try? KernelFixtures.load("reductions.json", as: [Case].self)) ?? []

    @Test func fixturesLoaded() {
        #expect(Self.cases.count == 276)
    }

    @Test(arguments: cases)
    func matchesTorchBits(_ c: Case) throws {
        var x = KernelFixtures.tensor(bits: c.x, dtype: c.dtype, shape: c.shape)
        if c.view == "t" { x = try x.t() }
        let dims = c.args.dim?.list
        let lanes = 8
        let result: Tensor
        switch c.op {
        case "sum": result = try x.sum(dim: dims, laneWidth: lanes)
        case "mean": result = try x.mean(dim: dims, laneWidth: lanes)
        case "var": result = try x.var_(dim: dims, correction: c.args.correction ?? 1)
        case "std": result = try x.std(dim: dims, correction: c.args.correction ?? 1)
        case "norm": result = try x.norm(dim: dims)
        case "logsumexp": result = try x.logsumexp(dim: dims ?? [0])
        case "cumsum": result = try x.cumsum(dims?.first ?? 0)
        case "prod": result = try x.prod(dim: dims?.first)
        default: Issue.record("unknown op \(c.op)"); return
        }
        #expect(result.shape == c.outShape)
        let actual = KernelFixtures.bits(result)
        if c.op == "norm" || c.op == "logsumexp" {
            // ATen's norm kernel and MKL's vector exp are not emulated: allow 1 ulp (same sign, so bits are monotone).
            #expect(actual.count == c.out.count)
            #expect(zip(actual, c.out).allSatisfy { abs($0 - $1) <= 1 }, "\(actual) vs \(c.out)")
        } else {
            #expect(actual == c.out)
        }
    }
}
