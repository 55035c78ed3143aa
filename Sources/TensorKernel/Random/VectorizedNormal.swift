import TensorKernelAVX2

/// PyTorch's AVX2 `normal_fill` kernel: Box-Muller over blocks of 16 float32 uniforms.
///
/// PyTorch uses it for contiguous float32 tensors of at least 16 elements on x86 (AVX2 and AVX512
/// builds alike); non-AVX2 builds use libm instead and differ in the last bits. We emulate the AVX2
/// kernel on every machine: it is plain float32 arithmetic with explicit FMAs, so it is portable and
/// gives the same bits as the recorded fixtures everywhere.
enum VectorizedNormal {
    /// Transforms 16 uniforms in place: slot `j` gets pair `j`'s cosine value, slot `j + 8` its sine value. On an
    /// AVX2+FMA CPU through the copy of `boxMuller16` compiled for it (see `BoxMuller.swift`).
    static func boxMuller16(_ data: inout [Float], at start: Int, mean: Float, std: Float) {
        precondition(start >= 0 && start + 16 <= data.count)
        data.withUnsafeMutableBufferPointer { buffer in
            let block = buffer.baseAddress! + start
            if AttentionKernel.FastPath.detected == .avx2 {
                TensorKernelAVX2.boxMuller16(block, mean: mean, std: std)
            } else {
                TensorKernel.boxMuller16(block, mean: mean, std: std)
            }
        }
    }

    /// `log256_ps` for x in [2^-24, 1].
    static func cephesLog(_ input: Float) -> Float { TensorKernel.cephesLog(input) }

    /// `sincos256_ps`: returns (sin, cos).
    static func cephesSinCos(_ input: Float) -> (Float, Float) { TensorKernel.cephesSinCos(input) }
}
