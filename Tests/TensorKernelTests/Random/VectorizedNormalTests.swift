#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing
@testable import TensorKernel

@Suite struct VectorizedNormalTests {
    @Test func cephesLogIsExactAtOneAndCloseElsewhere() {
        #expect(VectorizedNormal.cephesLog(1) == 0)
        for bits in stride(from: Float(0x1p-24).bitPattern, to: Float(1).bitPattern, by: 99_991) {
            let x = Float(bitPattern: bits)
            let reference = Float(log(Double(x)))
            #expect(abs(VectorizedNormal.cephesLog(x) - reference) <= 2 * reference.ulp, "x = \(x)")
        }
    }

    @Test func cephesSinCosCoversAllOctants() {
        #expect(VectorizedNormal.cephesSinCos(0) == (0, 1))
        for step in 0..<64 {
            let theta = Float(step) * (2 * Float.pi / 64)
            let (s, c) = VectorizedNormal.cephesSinCos(theta)
            #expect(abs(Double(s) - sin(Double(theta))) < 2e-7, "sin \(theta)")
            #expect(abs(Double(c) - cos(Double(theta))) < 2e-7, "cos \(theta)")
        }
    }

    /// The first block of `randn(16)` at seed 0 (torch 2.15, AVX2 kernel).
    @Test func firstBlockMatchesTorch() {
        var g = CPUGenerator(seed: 0)
        var data = g.uniformFloat32(count: 16)
        VectorizedNormal.boxMuller16(&data, at: 0, mean: 0, std: 1)
        #expect(data[3].bitPattern == 0xBEDE_255D)
    }
}
