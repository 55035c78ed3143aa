import Testing
@testable import TensorKernel

@Suite struct CPUGeneratorTests {
    @Test func freshGeneratorUsesPyTorchDefaultSeed() throws {
        let generator = CPUGenerator()
        #expect(generator.initialSeed == 67_280_421_310_721)
        let recorded = try #require(RandomFixtures.special.first { $0.name == "Generator() rand(5) randn(20)" })
        #expect(recorded.initial_seed == "67280421310721")
        var g = generator
        let words = BitWords.hex(g.uniformFloat32(count: 5) + g.normalFloat32(count: 20))
        BitWords.expectMatches(words, .init(bits: recorded.bits))
    }

    @Test(arguments: [Int64(4_294_967_301), Int64.max, -1])
    func seedsWrapAndUseLow32Bits(seed: Int64) throws {
        let recorded = try #require(RandomFixtures.special.first { $0.name == "rand(5) randn(5)" && $0.seed == seed })
        var generator = CPUGenerator()
        generator.manualSeed(seed)
        #expect(String(generator.initialSeed) == recorded.initial_seed)
        let words = BitWords.hex(generator.uniformFloat32(count: 5) + generator.normalFloat32(count: 5))
        BitWords.expectMatches(words, .init(bits: recorded.bits))
    }

    @Test func random64TakesHighWordFirst() {
        var a = CPUGenerator(seed: 0)
        var b = CPUGenerator(seed: 0)
        #expect(a.random64() == (UInt64(2_357_136_044) << 32 | 2_546_248_239))
        _ = b.random(); _ = b.random()
        #expect(a.random() == b.random())
    }

    @Test func uniformConversions() {
        var generator = CPUGenerator(seed: 0)
        #expect(generator.uniformFloat32(count: 3).map(Double.init) == [0.49625658988952637, 0.7682217955589294, 0.08847743272781372])
    }

    @Test func doubleNormalCacheSurvivesCallsUntilReseeded() {
        var generator = CPUGenerator(seed: 0)
        #expect(generator.normalFloat64(count: 2) == [1.5409961082440433, -0.2934289057609464])
        #expect(generator.cachedNormal == nil)
        _ = generator.normalDouble()
        #expect(generator.cachedNormal != nil)
        generator.manualSeed(UInt64(0))
        #expect(generator.cachedNormal == nil)
        #expect(generator.normalFloat32(count: 3).map(\.bitPattern) == [0x3FC5_3F5C, 0xBE96_3C50, 0xC00B_7149])
    }

    @Test(arguments: [Int64(0), 42])
    func cacheCarriesAcrossCalls(seed: Int64) throws {
        let f32 = try #require(RandomFixtures.special.first { $0.name == "cache randn(3) randn(2)" && $0.seed == seed })
        var generator = CPUGenerator()
        generator.manualSeed(seed)
        let floats = generator.normalFloat32(count: 3) + generator.normalFloat32(count: 2)
        BitWords.expectMatches(BitWords.hex(floats), .init(bits: f32.bits))

        let f64 = try #require(RandomFixtures.special.first { $0.name == "cache f64 randn(3) randn(17) randn(1)" && $0.seed == seed })
        generator.manualSeed(seed)
        let doubles = generator.normalFloat64(count: 3) + generator.normalFloat64(count: 17) + generator.normalFloat64(count: 1)
        BitWords.expectMatches(BitWords.hex(doubles), .init(bits: f64.bits))
    }
}
