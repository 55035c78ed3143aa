#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// PyTorch's default CPU generator (`torch.Generator()`, `torch.manual_seed`) as a value type.
///
/// The interpreter keeps one per snippet session and passes it `inout` to every random op, so a run
/// is a pure function of its seed. Draw counts and conversions follow PyTorch 2.15 bit for bit.
public struct CPUGenerator: Sendable, Hashable {
    /// The seed of a fresh `torch.Generator()`.
    public static let defaultSeed: UInt64 = 67_280_421_310_721

    /// The full 64-bit seed, as `initial_seed()` reports it (only the low 32 bits seed the engine).
    public private(set) var initialSeed: UInt64
    private var engine: MT19937
    /// The second Box-Muller value of the double normal path, kept across calls until reseeded.
    public private(set) var cachedNormal: Double?

    public init(seed: UInt64 = CPUGenerator.defaultSeed) {
        initialSeed = seed
        engine = seed == CPUGenerator.defaultSeed ? CPUGenerator.defaultEngine : MT19937(seed: UInt32(truncatingIfNeeded: seed))
        cachedNormal = nil
    }

    /// The engine of a fresh generator, seeded once per process: every session resets its default generator
    /// (twice per session, before the snippet's own `manual_seed`), and copying shares the state until first use.
    private static let defaultEngine = MT19937(seed: UInt32(truncatingIfNeeded: defaultSeed))

    /// `torch.manual_seed(s)`: the seed is taken modulo 2^64 and the normal cache is cleared.
    public mutating func manualSeed(_ seed: UInt64) {
        self = CPUGenerator(seed: seed)
    }

    /// Negative seeds wrap modulo 2^64, as in PyTorch (`-1` reports 18446744073709551615).
    public mutating func manualSeed(_ seed: Int64) {
        manualSeed(UInt64(bitPattern: seed))
    }

    /// One 32-bit engine output.
    public mutating func random() -> UInt32 { engine.next() }

    /// Two engine outputs, the first one as the high word.
    public mutating func random64() -> UInt64 {
        let high = UInt64(engine.next())
        let low = UInt64(engine.next())
        return (high << 32) | low
    }

    /// Float uniform in [0, 1) from 24 bits of one draw.
    public mutating func uniformFloat() -> Float {
        Float(random() & 0xFF_FFFF) * 0x1p-24
    }

    /// Double uniform in [0, 1) from 53 bits of two draws.
    public mutating func uniformDouble() -> Double {
        Double(random64() & ((1 << 53) - 1)) * 0x1p-53
    }

    /// `at::normal_distribution<double>`: Box-Muller in double with the cached sine value (path B).
    public mutating func normalDouble(mean: Double = 0, std: Double = 1) -> Double {
        if let cached = cachedNormal {
            cachedNormal = nil
            return mean.addingProduct(cached, std)
        }
        let u1 = uniformDouble()
        let u2 = uniformDouble()
        let radius = (-2 * log1p(-u2)).squareRoot()
        let theta = 2 * Double.pi * u1
        cachedNormal = radius * sin(theta)
        return mean.addingProduct(radius * cos(theta), std)
    }
}
