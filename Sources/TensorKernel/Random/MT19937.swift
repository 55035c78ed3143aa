/// The 32-bit Mersenne Twister behind PyTorch's CPU generator; same stream as C++ `std::mt19937(seed)`.
public struct MT19937: Sendable, Hashable {
    private static let n = 624
    private static let m = 397
    private static let matrixA: UInt32 = 0x9908_B0DF
    private static let upperMask: UInt32 = 0x8000_0000
    private static let lowerMask: UInt32 = 0x7FFF_FFFF

    private var state: [UInt32]
    private var index: Int

    /// Classic `init_genrand`; the first output triggers a full twist.
    public init(seed: UInt32) {
        // Appended into reserved space: `Array(repeating:count:)` allocates through the unspecialised generic path,
        // and every snippet's `torch.manual_seed` lands here.
        var state: [UInt32] = []
        state.reserveCapacity(Self.n)
        var previous = seed
        state.append(seed)
        for j in 1..<Self.n {
            previous = 1_812_433_253 &* (previous ^ (previous >> 30)) &+ UInt32(truncatingIfNeeded: j)
            state.append(previous)
        }
        self.state = state
        index = Self.n
    }

    /// The next tempered 32-bit output.
    public mutating func next() -> UInt32 {
        if index >= Self.n { twist() }
        var y = state[index]
        index += 1
        y ^= y >> 11
        y ^= (y << 7) & 0x9D2C_5680
        y ^= (y << 15) & 0xEFC6_0000
        y ^= y >> 18
        return y
    }

    private mutating func twist() {
        state.withUnsafeMutableBufferPointer { buffer in
            let s = buffer.baseAddress!
            @inline(__always) func mix(_ k: Int, _ next: Int, _ far: Int) {
                let y = (s[k] & Self.upperMask) | (s[next] & Self.lowerMask)
                s[k] = s[far] ^ (y >> 1) ^ ((y & 1) == 0 ? 0 : Self.matrixA)
            }
            // The classic three runs, so no index needs a modulo: k + m wraps only after n - m.
            for k in 0..<(Self.n - Self.m) { mix(k, k + 1, k + Self.m) }
            for k in (Self.n - Self.m)..<(Self.n - 1) { mix(k, k + 1, k + Self.m - Self.n) }
            mix(Self.n - 1, 0, Self.m - 1)
        }
        index = 0
    }
}
