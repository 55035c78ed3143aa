#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Array-level fills: each returns `count` values in the order PyTorch visits the tensor's memory
/// (row-major for contiguous tensors, storage order for strided ones), consuming the same draws.
extension CPUGenerator {
    /// `uniform_(from, to)` on float32: bounds cast to float, then `fma(u, to - from, from)`.
    public mutating func uniformFloat32(count: Int, from: Double = 0, to: Double = 1) -> [Float] {
        let low = Float(from)
        let span = Float(to) - low
        return (0..<count).map { _ in low.addingProduct(uniformFloat(), span) }
    }

    /// `uniform_(from, to)` on float64: `fma(u, to - from, from)` with 53-bit uniforms.
    public mutating func uniformFloat64(count: Int, from: Double = 0, to: Double = 1) -> [Double] {
        let span = to - from
        return (0..<count).map { _ in from.addingProduct(uniformDouble(), span) }
    }

    /// `normal_(mean, std)` / `randn` on float32; `vectorized` is PyTorch's `numel >= 16 && is_contiguous()`.
    public mutating func normalFloat32(count: Int, mean: Double = 0, std: Double = 1, contiguous: Bool = true) -> [Float] {
        guard count >= 16, contiguous else {
            return (0..<count).map { _ in Float(normalDouble(mean: mean, std: std)) }
        }
        var data = (0..<count).map { _ in uniformFloat() }
        let floatMean = Float(mean)
        let floatStd = Float(std)
        for start in stride(from: 0, through: count - 16, by: 16) {
            VectorizedNormal.boxMuller16(&data, at: start, mean: floatMean, std: floatStd)
        }
        if count % 16 != 0 {
            for i in (count - 16)..<count { data[i] = uniformFloat() }
            VectorizedNormal.boxMuller16(&data, at: count - 16, mean: floatMean, std: floatStd)
        }
        return data
    }

    /// `normal_(mean, std)` / `randn` on float64: the block algorithm with glibc `log`/`cos`/`sin`
    /// (final step fused) when `numel >= 16` and contiguous, else the cached double Box-Muller.
    public mutating func normalFloat64(count: Int, mean: Double = 0, std: Double = 1, contiguous: Bool = true) -> [Double] {
        guard count >= 16, contiguous else {
            return (0..<count).map { _ in normalDouble(mean: mean, std: std) }
        }
        var data = (0..<count).map { _ in uniformDouble() }
        func boxMuller16(at start: Int) {
            for j in 0..<8 {
                let u1 = 1 - data[start + j]
                let u2 = data[start + j + 8]
                let radius = (-2 * log(u1)).squareRoot()
                let theta = 2 * Double.pi * u2
                data[start + j] = mean.addingProduct(radius * cos(theta), std)
                data[start + j + 8] = mean.addingProduct(radius * sin(theta), std)
            }
        }
        for start in stride(from: 0, through: count - 16, by: 16) { boxMuller16(at: start) }
        if count % 16 != 0 {
            for i in (count - 16)..<count { data[i] = uniformDouble() }
            boxMuller16(at: count - 16)
        }
        return data
    }

    /// `randint(low, high)`: `low + draw % (high - low)` without bias correction; a 64-bit draw
    /// when the range is at least 2^32. Requires `low < high`.
    public mutating func randint(count: Int, low: Int64, high: Int64) -> [Int64] {
        let range = UInt64(bitPattern: high &- low)
        return (0..<count).map { _ in
            let draw = range >= (1 << 32) ? random64() : UInt64(random())
            return low &+ Int64(bitPattern: draw % range)
        }
    }

    /// `randperm(n)`: forward Fisher-Yates with `random() % (n - i)` (64-bit draws for huge n, as PyTorch).
    public mutating func randperm(_ n: Int) -> [Int64] {
        var result = (0..<Int64(n)).map { $0 }
        guard n > 1 else { return result }
        let small = UInt64(n) < UInt64(UInt32.max) / 20
        for i in 0..<(n - 1) {
            let draw = small ? UInt64(random()) : random64()
            let z = Int(draw % UInt64(n - i))
            result.swapAt(i, i + z)
        }
        return result
    }

    /// `bernoulli_(p)` with a scalar `p` (AMD/non-MKL path): `uniformDouble() < p`, two draws each.
    public mutating func bernoulli(count: Int, p: Double) -> [Bool] {
        (0..<count).map { _ in uniformDouble() < p }
    }

    /// `torch.bernoulli(p)` with a float32 probability tensor: one float uniform per element.
    public mutating func bernoulli(probabilities: [Float]) -> [Bool] {
        probabilities.map { uniformFloat() < $0 }
    }

    /// `torch.bernoulli(p)` with a float64 probability tensor: one double uniform per element.
    public mutating func bernoulli(probabilities: [Double]) -> [Bool] {
        probabilities.map { uniformDouble() < $0 }
    }

    /// `F.dropout(x, p, training=True)` on float32 values in memory order:
    /// `noise = bernoulli_(1 - p)`, `noise /= (1 - p)` in float32, `x * noise`.
    public mutating func dropout(_ values: [Float], p: Double) -> [Float] {
        if p == 0 || values.isEmpty { return values }
        if p == 1 { return values.map { $0 * 0 } }
        let keep = 1 - p
        let scale = 1 / Float(keep)
        return bernoulli(count: values.count, p: keep).enumerated().map { index, kept in
            values[index] * (kept ? scale : 0)
        }
    }

    /// `F.dropout` on float64 values; the scale is `1 / (1 - p)` in double.
    public mutating func dropout(_ values: [Double], p: Double) -> [Double] {
        if p == 0 || values.isEmpty { return values }
        if p == 1 { return values.map { $0 * 0 } }
        let keep = 1 - p
        let scale = 1 / keep
        return bernoulli(count: values.count, p: keep).enumerated().map { index, kept in
            values[index] * (kept ? scale : 0)
        }
    }
}
