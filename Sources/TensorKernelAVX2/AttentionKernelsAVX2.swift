#if arch(x86_64)
// Compiled with `-target-cpu haswell` (AVX2 + FMA); TensorKernel calls these only after a run-time CPUID
// check. They must stay operation-for-operation identical to their `...Generic` twins in TensorKernel
// (Kernels/AttentionFast.swift), so the fast attention gives the same bits on every x86-64 CPU.

/// a: (6, kc) row-major with row stride lda, b: (kc, 16) row-major ldb -> c: (6, 16) row-major ldc.
/// `c = a·b`, or `c += a·b` when `accumulate`; each lane is one FMA chain in k order.
@inline(never)
public func attentionTileAVX2(
    kc: Int, a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
    c: UnsafeMutablePointer<Float>, ldc: Int, accumulate: Bool
) {
    typealias V = SIMD8<Float>
    var c00 = V(), c01 = V(), c10 = V(), c11 = V(), c20 = V(), c21 = V()
    var c30 = V(), c31 = V(), c40 = V(), c41 = V(), c50 = V(), c51 = V()
    if accumulate {
        c00 = UnsafeRawPointer(c).loadUnaligned(as: V.self)
        c01 = UnsafeRawPointer(c + 8).loadUnaligned(as: V.self)
        c10 = UnsafeRawPointer(c + ldc).loadUnaligned(as: V.self)
        c11 = UnsafeRawPointer(c + ldc + 8).loadUnaligned(as: V.self)
        c20 = UnsafeRawPointer(c + 2 * ldc).loadUnaligned(as: V.self)
        c21 = UnsafeRawPointer(c + 2 * ldc + 8).loadUnaligned(as: V.self)
        c30 = UnsafeRawPointer(c + 3 * ldc).loadUnaligned(as: V.self)
        c31 = UnsafeRawPointer(c + 3 * ldc + 8).loadUnaligned(as: V.self)
        c40 = UnsafeRawPointer(c + 4 * ldc).loadUnaligned(as: V.self)
        c41 = UnsafeRawPointer(c + 4 * ldc + 8).loadUnaligned(as: V.self)
        c50 = UnsafeRawPointer(c + 5 * ldc).loadUnaligned(as: V.self)
        c51 = UnsafeRawPointer(c + 5 * ldc + 8).loadUnaligned(as: V.self)
    }
    let a1 = a + lda, a2 = a + 2 * lda, a3 = a + 3 * lda, a4 = a + 4 * lda, a5 = a + 5 * lda
    var pb = b
    for p in 0..<kc {
        let b0 = UnsafeRawPointer(pb).loadUnaligned(as: V.self)
        let b1 = UnsafeRawPointer(pb + 8).loadUnaligned(as: V.self)
        var s = V(repeating: a[p])
        c00 = c00.addingProduct(s, b0)
        c01 = c01.addingProduct(s, b1)
        s = V(repeating: a1[p])
        c10 = c10.addingProduct(s, b0)
        c11 = c11.addingProduct(s, b1)
        s = V(repeating: a2[p])
        c20 = c20.addingProduct(s, b0)
        c21 = c21.addingProduct(s, b1)
        s = V(repeating: a3[p])
        c30 = c30.addingProduct(s, b0)
        c31 = c31.addingProduct(s, b1)
        s = V(repeating: a4[p])
        c40 = c40.addingProduct(s, b0)
        c41 = c41.addingProduct(s, b1)
        s = V(repeating: a5[p])
        c50 = c50.addingProduct(s, b0)
        c51 = c51.addingProduct(s, b1)
        pb += ldb
    }
    UnsafeMutableRawPointer(c).storeBytes(of: c00, as: V.self)
    UnsafeMutableRawPointer(c + 8).storeBytes(of: c01, as: V.self)
    UnsafeMutableRawPointer(c + ldc).storeBytes(of: c10, as: V.self)
    UnsafeMutableRawPointer(c + ldc + 8).storeBytes(of: c11, as: V.self)
    UnsafeMutableRawPointer(c + 2 * ldc).storeBytes(of: c20, as: V.self)
    UnsafeMutableRawPointer(c + 2 * ldc + 8).storeBytes(of: c21, as: V.self)
    UnsafeMutableRawPointer(c + 3 * ldc).storeBytes(of: c30, as: V.self)
    UnsafeMutableRawPointer(c + 3 * ldc + 8).storeBytes(of: c31, as: V.self)
    UnsafeMutableRawPointer(c + 4 * ldc).storeBytes(of: c40, as: V.self)
    UnsafeMutableRawPointer(c + 4 * ldc + 8).storeBytes(of: c41, as: V.self)
    UnsafeMutableRawPointer(c + 5 * ldc).storeBytes(of: c50, as: V.self)
    UnsafeMutableRawPointer(c + 5 * ldc + 8).storeBytes(of: c51, as: V.self)
}

/// x: (count), count a multiple of 8 -> x = exp_u20(x - maximum) in place; returns the sum of the results
/// (8 lane sums, then a fixed pairwise order).
@inline(never)
public func attentionExpRowAVX2(_ x: UnsafeMutablePointer<Float>, count: Int, maximum: Float) -> Float {
    let lnFltMin = Float(bitPattern: 0xc2ae_ac50)
    let lnFltMax = Float(bitPattern: 0x42b1_7218)
    let log2e = Float(bitPattern: 0x3fb8_aa3b)
    let ln2 = Float(bitPattern: 0x3f31_7218)
    // Branch-free scalar form of ATen's `exp_u20`, written so that LLVM vectorises it.
    for i in 0..<count {
        let value = x[i] - maximum
        let clampedHigh = value < lnFltMax ? value : lnFltMax
        let src = clampedHigh > lnFltMin ? clampedHigh : lnFltMin
        let fx = Float(0.5).addingProduct(src, log2e).rounded(.down)
        let r = src.addingProduct(-fx, ln2)
        var res = Float(0.0418978221).addingProduct(r, 0.00828929059)
        res = Float(0.166676521).addingProduct(r, res)
        res = Float(0.499991506).addingProduct(r, res)
        res = Float(0.999999701).addingProduct(r, res)
        res = Float(1).addingProduct(r, res)
        let exponentBits = (fx + 8_388_734).bitPattern & 0xff
        let twoPow = value < lnFltMin ? 0 : Float(bitPattern: exponentBits << 23)
        x[i] = res * twoPow * 2
    }
    typealias V = SIMD8<Float>
    var sum = V()
    var i = 0
    while i < count {
        sum += UnsafeRawPointer(x + i).loadUnaligned(as: V.self)
        i += 8
    }
    return ((sum[0] + sum[4]) + (sum[2] + sum[6])) + ((sum[1] + sum[5]) + (sum[3] + sum[7]))
}
/// x: (count), count a multiple of 8 -> x = x * scale in place; returns the maximum (NaN-free inputs).
@inline(never)
public func attentionScaleMaxRowAVX2(_ x: UnsafeMutablePointer<Float>, count: Int, scale: Float) -> Float {
    typealias V = SIMD8<Float>
    for i in 0..<count { x[i] *= scale }
    var best = V(repeating: -.infinity)
    var i = 0
    while i < count {
        let value = UnsafeRawPointer(x + i).loadUnaligned(as: V.self)
        best.replace(with: value, where: value .> best)
        i += 8
    }
    var result = best[0]
    for lane in 1..<8 where best[lane] > result { result = best[lane] }
    return result
}
/// x: (count) -> y: (count), y = SLEEF expf(x - shift); bit-identical to `SleefMath.expf` in TensorKernel
/// (branch-free so that it vectorises; softmax rows use it on AVX2 machines).
@inline(never)
public func sleefExpRowAVX2(_ x: UnsafePointer<Float>, _ y: UnsafeMutablePointer<Float>, count: Int, shift: Float) {
    let rLn2: Float = 1.442695040888963407359924681001892137426645954152985934135449406931
    let l2U: Float = 0.693145751953125
    let l2L: Float = 1.428606765330187045e-06
    for i in 0..<count {
        let d = x[i] - shift
        var qf = (d * rLn2).rounded(.toNearestOrEven)
        qf = qf < -256 ? -256 : qf
        qf = qf > 256 ? 256 : qf
        var s = d.addingProduct(qf, -l2U)
        s = s.addingProduct(qf, -l2L)
        var u: Float = 0.000198527617612853646278381
        u = Float(0.00139304355252534151077271).addingProduct(u, s)
        u = Float(0.00833336077630519866943359).addingProduct(u, s)
        u = Float(0.0416664853692054748535156).addingProduct(u, s)
        u = Float(0.166666671633720397949219).addingProduct(u, s)
        u = Float(0.5).addingProduct(u, s)
        u = 1 + s.addingProduct(s * s, u)
        // q >> 1 and q - (q >> 1) as floats; 2^k from the low mantissa bits of k + 1.5 * 2^23.
        let half = (qf * 0.5).rounded(.down)
        let halfBits = Int32(bitPattern: (half + 12_582_912).bitPattern & 0x7f_ffff) &- 0x40_0000
        let restBits = Int32(bitPattern: (qf - half + 12_582_912).bitPattern & 0x7f_ffff) &- 0x40_0000
        u = u * Float(bitPattern: UInt32(bitPattern: (halfBits &+ 0x7f) &<< 23))
            * Float(bitPattern: UInt32(bitPattern: (restBits &+ 0x7f) &<< 23))
        u = d < -104 ? 0 : u
        u = d > 100 ? .infinity : u
        y[i] = d.isNaN ? .nan : u
    }
}
#endif
