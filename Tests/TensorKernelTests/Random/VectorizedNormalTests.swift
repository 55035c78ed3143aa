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

    /// On an AVX2+FMA CPU blocks run through the copy compiled for it: it must give the portable copy's bits,
    /// uniforms at the ends of [0, 1) included.
    @Test func dispatchedBlocksEqualThePortableCopy() {
        var g = CPUGenerator(seed: 11)
        for trial in 0..<2_000 {
            var data = g.uniformFloat32(count: 16)
            if trial % 7 == 0 { data[trial % 8] = 0 }
            if trial % 11 == 0 { data[trial % 8] = Float(bitPattern: 0x3F7F_FFFF) }
            var portable = data
            let (mean, std): (Float, Float) = trial % 2 == 0 ? (0, 1) : (0.5, 3)
            VectorizedNormal.boxMuller16(&data, at: 0, mean: mean, std: std)
            portable.withUnsafeMutableBufferPointer { TensorKernel.boxMuller16($0.baseAddress!, mean: mean, std: std) }
            #expect(data.map(\.bitPattern) == portable.map(\.bitPattern), "trial \(trial)")
        }
    }
}
