import Testing
@testable import TensorKernel

@Suite("SleefMath")
struct SleefMathTests {
    @Test("special values follow SLEEF")
    func specialValues() {
        #expect(SleefMath.expf(0) == 1)
        #expect(SleefMath.expf(-.infinity) == 0)
        #expect(SleefMath.expf(.infinity) == .infinity)
        #expect(SleefMath.expf(-104.5) == 0)
        #expect(SleefMath.expf(.nan).isNaN)
        #expect(SleefMath.logf(1) == 0)
        #expect(SleefMath.logf(0) == -.infinity)
        #expect(SleefMath.logf(-1).isNaN)
        #expect(SleefMath.logf(.infinity) == .infinity)
        #expect(SleefMath.expU20(0) == 1)
        #expect(SleefMath.expU20(-.infinity) == 0)
    }

    /// SLEEF's u10 functions are within 1 ulp of the true value; libm's expf/logf are correctly rounded
    /// in practice, so the two may differ by at most 1 ulp anywhere in the range.
    @Test("exp and log stay within 1 ulp of libm", arguments: [-87.0, -10.0, -1.0, -0.01, 0.3, 5.0, 80.0])
    func withinOneUlp(_ start: Double) {
        var x = Float(start)
        for _ in 0..<2000 {
            let e = SleefMath.expf(x), reference = SleefMath.libmExpf(x)
            #expect(Swift.abs(e - reference) <= reference.ulp, "expf(\(x))")
            if x > 0 {
                let l = SleefMath.logf(x), referenceLog = libmLogf(x)
                #expect(Swift.abs(l - referenceLog) <= Swift.max(referenceLog.ulp, Float.leastNormalMagnitude), "logf(\(x))")
            }
            x = x.nextUp.nextUp.nextUp
        }
    }

    /// ATen documents exp_u20 as accurate to 20 ulp; the values softmax sees (x - max <= 0) are within that.
    @Test("exp_u20 is within 20 ulp of libm on [-80, 0]")
    func expU20Accuracy() {
        var x: Float = -80
        while x <= 0 {
            let reference = SleefMath.libmExpf(x)
            #expect(Swift.abs(SleefMath.expU20(x) - reference) <= 20 * reference.ulp, "exp_u20(\(x))")
            x += 0.0137
        }
    }
}

@Suite("SleefMath rows")
struct SleefMathRowTests {
    /// The AVX2 row kernel (used by softmax when available) must give exactly `SleefMath.expf`'s bits,
    /// including the overflow, underflow and NaN branches.
    @Test("expRow equals expf bit for bit")
    func rowMatchesScalar() {
        var x: [Float] = [0, -0.0, 1, -1, 88, 100, 100.5, -103.9, -104, -104.1, -200, .infinity, -.infinity, .nan]
        var v: Float = -110
        while v < 110 {
            x.append(v)
            v += 0.0731
        }
        var y = [Float](repeating: 0, count: x.count)
        SleefMath.expRow(x, &y, count: x.count, shift: 0.25)
        for i in x.indices {
            let expected = SleefMath.expf(x[i] - 0.25)
            #expect(y[i].bitPattern == expected.bitPattern || (y[i].isNaN && expected.isNaN), "x = \(x[i])")
        }
    }
}
