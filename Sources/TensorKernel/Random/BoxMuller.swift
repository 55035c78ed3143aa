// One source, two modules (as Kernels/GemmMicroKernel.swift): TensorKernel compiles it for any CPU, and
// Sources/TensorKernelAVX2/BoxMuller.swift is a symlink to this file compiled with `-target-cpu haswell`, where
// each `addingProduct` is one FMA instruction instead of a call to libm's `fmaf` (the same correctly rounded
// result; the calls were half of `randn`'s time for a small tensor).

/// PyTorch's AVX2 `normal_fill` block: transforms the 16 uniforms at `data` in place, slot `j` getting pair `j`'s
/// cosine value and slot `j + 8` its sine value.
@inline(never)
package func boxMuller16(_ data: UnsafeMutablePointer<Float>, mean: Float, std: Float) {
    let twoPi = Float(bitPattern: 0x40C9_0FDB)
    for j in 0..<8 {
        let u1 = 1 - data[j]
        let u2 = data[j + 8]
        let radius = (-2 * cephesLog(u1)).squareRoot()
        let theta = twoPi * u2
        let (sine, cosine) = cephesSinCos(theta)
        data[j] = mean.addingProduct(radius * cosine, std)
        data[j + 8] = mean.addingProduct(radius * sine, std)
    }
}

// Cephes constants from avx_mathfun.h (double literals rounded to float32).

/// `log256_ps` for x in [2^-24, 1], with the FMA contractions of PyTorch's compiled kernel.
@inline(__always)
func cephesLog(_ input: Float) -> Float {
    let bits = input.bitPattern
    var e = Float(Int32((bits >> 23) & 0xFF) - 127) + 1
    let m = Float(bitPattern: (bits & ~0x7F80_0000) | Float(0.5).bitPattern)
    let x: Float
    if m < Float(bitPattern: 0x3F35_04F3) {  // sqrt(1/2)
        e -= 1
        x = (m - 1) + m
    } else {
        x = m - 1
    }
    let z = x * x
    var y = Float(bitPattern: 0x3D90_21BB)
    y = Float(bitPattern: 0xBDEB_D1B8).addingProduct(y, x)
    y = Float(bitPattern: 0x3DEF_251A).addingProduct(y, x)
    y = Float(bitPattern: 0xBDFE_5D4F).addingProduct(y, x)
    y = Float(bitPattern: 0x3E11_E9BF).addingProduct(y, x)
    y = Float(bitPattern: 0xBE2A_AE50).addingProduct(y, x)
    y = Float(bitPattern: 0x3E4C_CEAC).addingProduct(y, x)
    y = Float(bitPattern: 0xBE7F_FFFC).addingProduct(y, x)
    y = Float(bitPattern: 0x3EAA_AAAA).addingProduct(y, x)
    y = y * x
    y = (e * Float(bitPattern: 0xB95E_8083)).addingProduct(y, z)
    y = y - z * 0.5
    return (x + y) + e * Float(bitPattern: 0x3F31_8000)
}

/// `sincos256_ps`: returns (sin, cos).
@inline(__always)
func cephesSinCos(_ input: Float) -> (Float, Float) {
    var signSin = input < 0
    var x = abs(input)
    var j = Int32(x * Float(bitPattern: 0x3FA2_F983))  // 4/pi
    j = (j &+ 1) & ~1
    let y = Float(j)
    let swapSin = (j & 4) != 0
    let sinPolyForSin = (j & 2) == 0
    let signCos = (~(j &- 2) & 4) != 0
    signSin = signSin != swapSin
    x = x.addingProduct(y, Float(bitPattern: 0xBF49_0000))
    x = x.addingProduct(y, Float(bitPattern: 0xB97D_A000))
    x = x.addingProduct(y, Float(bitPattern: 0xB322_2169))
    let z = x * x
    var yc = Float(bitPattern: 0xBAB6_061A).addingProduct(Float(bitPattern: 0x37CC_F5CE), z)
    yc = Float(bitPattern: 0x3D2A_AAA5).addingProduct(yc, z)
    yc = yc * z
    yc = (-(z * 0.5)).addingProduct(yc, z)
    yc = yc + 1
    var ys = Float(bitPattern: 0x3C08_839E).addingProduct(Float(bitPattern: 0xB94C_A1F9), z)
    ys = Float(bitPattern: 0xBE2A_AAA3).addingProduct(ys, z)
    ys = ys * z
    ys = x.addingProduct(ys, x)
    var (sine, cosine) = sinPolyForSin ? (ys, yc) : (yc, ys)
    if signSin { sine = -sine }
    if signCos { cosine = -cosine }
    return (sine, cosine)
}
