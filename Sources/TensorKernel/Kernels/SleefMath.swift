import CPUFeatures
#if arch(x86_64)
import TensorKernelAVX2
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Scalar emulations of the transcendental functions ATen's float32 CPU kernels call, one lane at a time,
/// so that softmax, log_softmax and attention reproduce PyTorch's bits.
public enum SleefMath {
    /// SLEEF `xexpf` (u10, FMA build): what `Vectorized<float>::exp()` computes on AVX2 and AVX-512.
    @inline(__always)
    public static func expf(_ d: Float) -> Float {
        let rLn2: Float = 1.442695040888963407359924681001892137426645954152985934135449406931
        let l2U: Float = 0.693145751953125
        let l2L: Float = 1.428606765330187045e-06
        if d.isNaN { return .nan }
        let qf = min(max((d * rLn2).rounded(.toNearestOrEven), -256), 256)
        let q = Int32(qf)
        let qFloat = Float(q)
        var s = d.addingProduct(qFloat, -l2U)
        s = s.addingProduct(qFloat, -l2L)
        var u: Float = 0.000198527617612853646278381
        u = Float(0.00139304355252534151077271).addingProduct(u, s)
        u = Float(0.00833336077630519866943359).addingProduct(u, s)
        u = Float(0.0416664853692054748535156).addingProduct(u, s)
        u = Float(0.166666671633720397949219).addingProduct(u, s)
        u = Float(0.5).addingProduct(u, s)
        u = 1 + s.addingProduct(s * s, u)
        let half = q >> 1
        u = u * pow2i(half) * pow2i(q &- half)
        if d < -104 { u = 0 }
        if d > 100 { u = .infinity }
        return u
    }

    /// SLEEF `xlogf_u1` (u10, FMA build, non-AVX-512 branch; the AVX-512 branch gives the same values):
    /// what `Vectorized<float>::log()` computes.
    public static func logf(_ input: Float) -> Float {
        var d = input
        let tiny = d < Float.leastNormalMagnitude
        if tiny { d *= Float(1 << 32) * Float(1 << 32) }
        var e = ilogb2k(d * (1.0 / 0.75))
        let m = ldexp3k(d, -e)
        if tiny { e -= 64 }
        var s = DoubleFloat(0.69314718246459960938, -1.904654323148236017e-09).times(Float(e))
        let x = DoubleFloat.sum2(-1, m).divided(by: DoubleFloat.sum2(1, m))
        let x2 = x.hi * x.hi
        var t: Float = 0.3027294874
        t = Float(0.3996108174).addingProduct(t, x2)
        t = Float(0.6666694880).addingProduct(t, x2)
        s = s.plus(x.scaled(by: 2))
        s = s.plus((x2 * x.hi) * t)
        var r = s.hi + s.lo
        if input.isInfinite && input > 0 { r = .infinity }
        if input < 0 || input.isNaN { r = .nan }
        if input == 0 { r = -.infinity }
        return r
    }

    /// ATen's `Vectorized<float>::exp_u20()`: the degree-5 polynomial exp the CPU flash-attention kernel
    /// uses on full vectors.
    @inline(__always)
    public static func expU20(_ x: Float) -> Float {
        let lnFltMin = Float(bitPattern: 0xc2ae_ac50)
        let lnFltMax = Float(bitPattern: 0x42b1_7218)
        let log2e = Float(bitPattern: 0x3fb8_aa3b)
        let ln2 = Float(bitPattern: 0x3f31_7218)
        let belowMin = x < lnFltMin
        // `_mm*_min_ps(x, max)` / `max_ps(.., min)` return the second operand for NaN.
        var src = x < lnFltMax ? x : lnFltMax
        src = src > lnFltMin ? src : lnFltMin
        var fx = Float(0.5).addingProduct(src, log2e)
        fx = fx.rounded(.down)
        let poly = src.addingProduct(-fx, ln2)
        var res = Float(0.0418978221).addingProduct(poly, 0.00828929059)
        res = Float(0.166676521).addingProduct(poly, res)
        res = Float(0.499991506).addingProduct(poly, res)
        res = Float(0.999999701).addingProduct(poly, res)
        res = Float(1).addingProduct(poly, res)
        let exponent = Int32(fx - 1)
        var twoPow = Float(bitPattern: UInt32(bitPattern: (exponent &+ 127) << 23))
        if belowMin { twoPow = 0 }
        return res * twoPow * 2
    }

    /// glibc `expf` (correctly rounded in practice), the scalar `std::exp` of ATen's tails.
    @inline(__always)
    public static func libmExpf(_ x: Float) -> Float {
        cExpf(x)
    }

    /// x: (count) -> y: (count), `y[i] = expf(x[i] - shift)`; the AVX2 copy when the CPU has it.
    public static func expRow(_ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>, count: Int, shift: Float) {
        #if arch(x86_64)
        if hasAVX2 {
            sleefExpRowAVX2(x, y, count: count, shift: shift)
            return
        }
        #endif
        for i in 0..<count { y[i] = expf(x[i] - shift) }
    }

    static let hasAVX2 = quizc_cpu_has_avx2_fma() != 0

    @inline(__always)
    static func pow2i(_ q: Int32) -> Float {
        Float(bitPattern: UInt32(bitPattern: (q &+ 0x7f) << 23))
    }

    @inline(__always)
    static func ilogb2k(_ d: Float) -> Int32 {
        Int32(bitPattern: (d.bitPattern >> 23) & 0xff) - 0x7f
    }

    @inline(__always)
    static func ldexp3k(_ d: Float, _ e: Int32) -> Float {
        Float(bitPattern: UInt32(bitPattern: Int32(bitPattern: d.bitPattern) &+ (e << 23)))
    }
}

@inline(__always)
private func cExpf(_ x: Float) -> Float {
    #if canImport(Glibc)
    Glibc.expf(x)
    #elseif canImport(Darwin)
    Darwin.expf(x)
    #else
    Float(exp(Double(x)))
    #endif
}

/// SLEEF's double-float arithmetic (FMA variants), just what `logf` needs.
struct DoubleFloat {
    var hi: Float
    var lo: Float

    init(_ hi: Float, _ lo: Float) {
        self.hi = hi
        self.lo = lo
    }

    /// `dfadd2_vf2_vf_vf`: exact sum of two floats.
    static func sum2(_ x: Float, _ y: Float) -> DoubleFloat {
        let s = x + y
        let v = s - x
        return DoubleFloat(s, (x - (s - v)) + (y - v))
    }

    /// `dfmul_vf2_vf2_vf`.
    func times(_ y: Float) -> DoubleFloat {
        let s = hi * y
        return DoubleFloat(s, (-s).addingProduct(hi, y).addingProduct(lo, y))
    }

    /// `dfscale_vf2_vf2_vf`.
    func scaled(by f: Float) -> DoubleFloat { DoubleFloat(hi * f, lo * f) }

    /// `dfadd_vf2_vf2_vf2` (assumes |self| >= |y|).
    func plus(_ y: DoubleFloat) -> DoubleFloat {
        let s = hi + y.hi
        return DoubleFloat(s, (((hi - s) + y.hi) + lo) + y.lo)
    }

    /// `dfadd_vf2_vf2_vf`.
    func plus(_ y: Float) -> DoubleFloat {
        let s = hi + y
        return DoubleFloat(s, ((hi - s) + y) + lo)
    }

    /// `dfdiv_vf2_vf2_vf2` (FMA build).
    func divided(by d: DoubleFloat) -> DoubleFloat {
        let t = 1 / d.hi
        let s = hi * t
        let u = (-s).addingProduct(t, hi)
        let v = Float(1).addingProduct(-d.hi, t).addingProduct(-d.lo, t)
        return DoubleFloat(s, u.addingProduct(lo, t).addingProduct(s, v))
    }
}
