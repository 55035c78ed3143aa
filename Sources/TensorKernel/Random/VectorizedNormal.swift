/// PyTorch's AVX2 `normal_fill` kernel: Box-Muller over blocks of 16 float32 uniforms.
///
/// PyTorch uses it for contiguous float32 tensors of at least 16 elements on x86 (AVX2 and AVX512
/// builds alike); non-AVX2 builds use libm instead and differ in the last bits. We emulate the AVX2
/// kernel on every machine: it is plain float32 arithmetic with explicit FMAs, so it is portable and
/// gives the same bits as the recorded fixtures everywhere.
enum VectorizedNormal {
    /// Transforms 16 uniforms in place: slot `j` gets pair `j`'s cosine value, slot `j + 8` its sine value.
    static func boxMuller16(_ data: inout [Float], at start: Int, mean: Float, std: Float) {
        for j in 0..<8 {
            let u1 = 1 - data[start + j]
            let u2 = data[start + j + 8]
            let radius = (-2 * cephesLog(u1)).squareRoot()
            let theta = twoPi * u2
            let (sine, cosine) = cephesSinCos(theta)
            data[start + j] = mean.addingProduct(radius * cosine, std)
            data[start + j + 8] = mean.addingProduct(radius * sine, std)
        }
    }

    private static let twoPi = Float(bitPattern: 0x40C9_0FDB)

    // Cephes constants from avx_mathfun.h (double literals rounded to float32).
    private static let sqrtHalf = Float(bitPattern: 0x3F35_04F3)
    private static let logP: [Float] = [
        0x3D90_21BB, 0xBDEB_D1B8, 0x3DEF_251A, 0xBDFE_5D4F, 0x3E11_E9BF,
        0xBE2A_AE50, 0x3E4C_CEAC, 0xBE7F_FFFC, 0x3EAA_AAAA,
    ].map { Float(bitPattern: $0) }
    private static let logQ1 = Float(bitPattern: 0xB95E_8083)
    private static let logQ2 = Float(bitPattern: 0x3F31_8000)
    private static let fourOverPi = Float(bitPattern: 0x3FA2_F983)
    private static let dp1 = Float(bitPattern: 0xBF49_0000)
    private static let dp2 = Float(bitPattern: 0xB97D_A000)
    private static let dp3 = Float(bitPattern: 0xB322_2169)
    private static let sinS0 = Float(bitPattern: 0xB94C_A1F9)
    private static let sinS1 = Float(bitPattern: 0x3C08_839E)
    private static let sinS2 = Float(bitPattern: 0xBE2A_AAA3)
    private static let cosC0 = Float(bitPattern: 0x37CC_F5CE)
    private static let cosC1 = Float(bitPattern: 0xBAB6_061A)
    private static let cosC2 = Float(bitPattern: 0x3D2A_AAA5)

    /// `log256_ps` for x in [2^-24, 1], with the FMA contractions of PyTorch's compiled kernel.
    static func cephesLog(_ input: Float) -> Float {
        let bits = input.bitPattern
        var e = Float(Int32((bits >> 23) & 0xFF) - 127) + 1
        let m = Float(bitPattern: (bits & ~0x7F80_0000) | Float(0.5).bitPattern)
        let x: Float
        if m < sqrtHalf {
            e -= 1
            x = (m - 1) + m
        } else {
            x = m - 1
        }
        let z = x * x
        var y = logP[0]
        for p in logP.dropFirst() { y = p.addingProduct(y, x) }
        y = y * x
        y = (e * logQ1).addingProduct(y, z)
        y = y - z * 0.5
        return (x + y) + e * logQ2
    }

    /// `sincos256_ps`: returns (sin, cos).
    static func cephesSinCos(_ input: Float) -> (Float, Float) {
        var signSin = input < 0
        var x = abs(input)
        var j = Int32(x * fourOverPi)
        j = (j &+ 1) & ~1
        let y = Float(j)
        let swapSin = (j & 4) != 0
        let sinPolyForSin = (j & 2) == 0
        let signCos = (~(j &- 2) & 4) != 0
        signSin = signSin != swapSin
        x = x.addingProduct(y, dp1)
        x = x.addingProduct(y, dp2)
        x = x.addingProduct(y, dp3)
        let z = x * x
        var yc = cosC1.addingProduct(cosC0, z)
        yc = cosC2.addingProduct(yc, z)
        yc = yc * z
        yc = (-(z * 0.5)).addingProduct(yc, z)
        yc = yc + 1
        var ys = sinS1.addingProduct(sinS0, z)
        ys = sinS2.addingProduct(ys, z)
        ys = ys * z
        ys = x.addingProduct(ys, x)
        var (sine, cosine) = sinPolyForSin ? (ys, yc) : (yc, ys)
        if signSin { sine = -sine }
        if signCos { cosine = -cosine }
        return (sine, cosine)
    }
}
