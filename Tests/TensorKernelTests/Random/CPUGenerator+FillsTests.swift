import Testing
@testable import TensorKernel

/// Every recorded stream (seeds 0, 1, 42, 1234; sizes 1…100, (2,5,16), (4,10,64)) must match bit for bit.
@Suite struct CPUGeneratorFillsTests {
    @Test(arguments: RandomFixtures.streams)
    func matchesRecordedStream(_ stream: RandomFixtures.Stream) throws {
        let words = try #require(Self.draw(stream.api, dtype: stream.dtype, seed: stream.seed, count: stream.numel))
        BitWords.expectMatches(words, stream.encoded)
    }

    @Test(arguments: RandomFixtures.sweeps)
    func matchesRecordedSweep(_ sweep: RandomFixtures.Sweep) throws {
        var words: [String] = []
        for n in 1...100 {
            words += try #require(Self.draw(sweep.api, dtype: sweep.dtype, seed: sweep.seed, count: n))
        }
        #expect(BitWords.fnv(words) == sweep.fnv)
    }

    /// The recording script's `api` run on a fresh generator, as hex words.
    static func draw(_ api: String, dtype: String, seed: UInt64, count n: Int) -> [String]? {
        var g = CPUGenerator(seed: seed)
        let f32 = dtype == "float32"
        switch api {
        case "randn": return f32 ? BitWords.hex(g.normalFloat32(count: n)) : BitWords.hex(g.normalFloat64(count: n))
        case "rand": return f32 ? BitWords.hex(g.uniformFloat32(count: n)) : BitWords.hex(g.uniformFloat64(count: n))
        case "normal_(0.3,1.7)":
            return f32 ? BitWords.hex(g.normalFloat32(count: n, mean: 0.3, std: 1.7)) : BitWords.hex(g.normalFloat64(count: n, mean: 0.3, std: 1.7))
        case "uniform_(-1/sqrt(7),1/sqrt(7))":
            let bound = 1 / 7.0.squareRoot()
            return f32 ? BitWords.hex(g.uniformFloat32(count: n, from: -bound, to: bound)) : BitWords.hex(g.uniformFloat64(count: n, from: -bound, to: bound))
        case "uniform_(2.0,5.5)":
            return f32 ? BitWords.hex(g.uniformFloat32(count: n, from: 2, to: 5.5)) : BitWords.hex(g.uniformFloat64(count: n, from: 2, to: 5.5))
        case "bernoulli_(0.3)":
            let mask = g.bernoulli(count: n, p: 0.3)
            return f32 ? BitWords.hex(mask.map { $0 ? Float(1) : 0 }) : BitWords.hex(mask.map { $0 ? 1.0 : 0 })
        case "bernoulli(rand)":
            return f32
                ? BitWords.hex(g.bernoulli(probabilities: g.uniformFloat32(count: n)).map { $0 ? Float(1) : 0 })
                : BitWords.hex(g.bernoulli(probabilities: g.uniformFloat64(count: n)).map { $0 ? 1.0 : 0 })
        case "dropout(0.1)", "dropout(0.3)":
            let p = api == "dropout(0.1)" ? 0.1 : 0.3
            let input = (0..<n).map { Float($0) / 7 - 3 }
            return f32 ? BitWords.hex(g.dropout(input, p: p)) : BitWords.hex(g.dropout(input.map(Double.init), p: p))
        case "randint(0,10)": return BitWords.hex(g.randint(count: n, low: 0, high: 10))
        case "randint(-5,1000)": return BitWords.hex(g.randint(count: n, low: -5, high: 1000))
        case "randint(0,2**40)": return BitWords.hex(g.randint(count: n, low: 0, high: 1 << 40))
        case "randperm": return BitWords.hex(g.randperm(n))
        default: return nil
        }
    }

    @Test(arguments: [(Int64(0), 5, 4), (0, 20, 10), (42, 5, 4), (42, 20, 10)])
    func nonContiguousNormalFillsStorageOrderWithDoublePath(seed: Int64, rows: Int, cols: Int) throws {
        let name = "transposed normal_ \(rows)x\(cols) storage order"
        let recorded = try #require(RandomFixtures.special.first { $0.name == name && $0.seed == seed })
        var g = CPUGenerator()
        g.manualSeed(seed)
        let values = g.normalFloat32(count: rows * cols, contiguous: false)
        BitWords.expectMatches(BitWords.hex(values), recorded.encoded)
    }

    @Test func documentedVectors() {
        var g = CPUGenerator(seed: 0)
        #expect(g.randint(count: 5, low: 0, high: 10) == [4, 9, 3, 0, 3])
        g.manualSeed(UInt64(0))
        // torch-semantics.md §1.3 says [4, 0, 3, 1, 2]; torch 2.15 prints tensor([4, 0, 1, 3, 2]).
        #expect(g.randperm(5) == [4, 0, 1, 3, 2])
        g.manualSeed(UInt64(0))
        #expect(g.normalFloat32(count: 17).map(\.bitPattern) == [
            0xBF90_1B85, 0xBFD9_1446, 0x3F11_1004, 0x3F4B_235D, 0x3F19_4D8B, 0xBFC7_0D5B, 0xBEAE_C6CA, 0x3FED_2F4E,
            0x3EEF_AA55, 0xBF15_E32B, 0xBE31_8EEB, 0x3E3B_E1A4, 0x3FB1_D6C0, 0x3FCB_0D00, 0x3F72_409C, 0xBF57_FB33,
            0x3F6E_8C30,
        ])
    }

    @Test func dropoutScaleIsFloat32Reciprocal() {
        var g = CPUGenerator(seed: 0)
        let kept = g.dropout([Float](repeating: 1, count: 64), p: 0.1).filter { $0 != 0 }
        #expect(!kept.isEmpty)
        #expect(kept.allSatisfy { Double($0) == 1.1111111640930176 })
    }

    @Test func dropoutWithoutEffectMakesNoDraws() {
        var g = CPUGenerator(seed: 0)
        #expect(g.dropout([Float(-2), 3], p: 0) == [-2, 3])
        #expect(g.dropout([Float(-2), 3], p: 1).map(\.bitPattern) == [(-Float.zero).bitPattern, 0])
        #expect(g == CPUGenerator(seed: 0))
    }
}
