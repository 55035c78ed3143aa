// One source, two modules: TensorKernel compiles it for any CPU (`TensorKernel.gemmMicroKernel`), and
// Sources/TensorKernelAVX2/GemmMicroKernel.swift is a symlink to this file, compiled with
// `-target-cpu haswell` (`TensorKernelAVX2.gemmMicroKernel`), so both paths run the same operations.

/// a: packed (kc, 6) k-major, b: packed (kc, 16) k-major -> c: (6, 16) row-major, row stride ldc.
/// Every output lane is one sequential FMA chain over k, continued from c when `accumulate` is set.
@inline(never)
package func gemmMicroKernel(
    kc: Int, a: UnsafePointer<Float>, b: UnsafePointer<Float>,
    c: UnsafeMutablePointer<Float>, ldc: Int, accumulate: Bool
) {
    typealias V = SIMD8<Float>
    var c00 = V(), c01 = V()
    var c10 = V(), c11 = V()
    var c20 = V(), c21 = V()
    var c30 = V(), c31 = V()
    var c40 = V(), c41 = V()
    var c50 = V(), c51 = V()
    if accumulate {
        c00 = UnsafeRawPointer(c + 0 * ldc).loadUnaligned(as: V.self)
        c01 = UnsafeRawPointer(c + 0 * ldc + 8).loadUnaligned(as: V.self)
        c10 = UnsafeRawPointer(c + 1 * ldc).loadUnaligned(as: V.self)
        c11 = UnsafeRawPointer(c + 1 * ldc + 8).loadUnaligned(as: V.self)
        c20 = UnsafeRawPointer(c + 2 * ldc).loadUnaligned(as: V.self)
        c21 = UnsafeRawPointer(c + 2 * ldc + 8).loadUnaligned(as: V.self)
        c30 = UnsafeRawPointer(c + 3 * ldc).loadUnaligned(as: V.self)
        c31 = UnsafeRawPointer(c + 3 * ldc + 8).loadUnaligned(as: V.self)
        c40 = UnsafeRawPointer(c + 4 * ldc).loadUnaligned(as: V.self)
        c41 = UnsafeRawPointer(c + 4 * ldc + 8).loadUnaligned(as: V.self)
        c50 = UnsafeRawPointer(c + 5 * ldc).loadUnaligned(as: V.self)
        c51 = UnsafeRawPointer(c + 5 * ldc + 8).loadUnaligned(as: V.self)
    }
    var pa = a
    var pb = b
    for _ in 0..<kc {
        let b0 = UnsafeRawPointer(pb).loadUnaligned(as: V.self)
        let b1 = UnsafeRawPointer(pb + 8).loadUnaligned(as: V.self)
        let a0 = V(repeating: pa[0])
        c00 = c00.addingProduct(a0, b0)
        c01 = c01.addingProduct(a0, b1)
        let a1 = V(repeating: pa[1])
        c10 = c10.addingProduct(a1, b0)
        c11 = c11.addingProduct(a1, b1)
        let a2 = V(repeating: pa[2])
        c20 = c20.addingProduct(a2, b0)
        c21 = c21.addingProduct(a2, b1)
        let a3 = V(repeating: pa[3])
        c30 = c30.addingProduct(a3, b0)
        c31 = c31.addingProduct(a3, b1)
        let a4 = V(repeating: pa[4])
        c40 = c40.addingProduct(a4, b0)
        c41 = c41.addingProduct(a4, b1)
        let a5 = V(repeating: pa[5])
        c50 = c50.addingProduct(a5, b0)
        c51 = c51.addingProduct(a5, b1)
        pa += 6
        pb += 16
    }
    UnsafeMutableRawPointer(c + 0 * ldc).storeBytes(of: c00, as: V.self)
    UnsafeMutableRawPointer(c + 0 * ldc + 8).storeBytes(of: c01, as: V.self)
    UnsafeMutableRawPointer(c + 1 * ldc).storeBytes(of: c10, as: V.self)
    UnsafeMutableRawPointer(c + 1 * ldc + 8).storeBytes(of: c11, as: V.self)
    UnsafeMutableRawPointer(c + 2 * ldc).storeBytes(of: c20, as: V.self)
    UnsafeMutableRawPointer(c + 2 * ldc + 8).storeBytes(of: c21, as: V.self)
    UnsafeMutableRawPointer(c + 3 * ldc).storeBytes(of: c30, as: V.self)
    UnsafeMutableRawPointer(c + 3 * ldc + 8).storeBytes(of: c31, as: V.self)
    UnsafeMutableRawPointer(c + 4 * ldc).storeBytes(of: c40, as: V.self)
    UnsafeMutableRawPointer(c + 4 * ldc + 8).storeBytes(of: c41, as: V.self)
    UnsafeMutableRawPointer(c + 5 * ldc).storeBytes(of: c50, as: V.self)
    UnsafeMutableRawPointer(c + 5 * ldc + 8).storeBytes(of: c51, as: V.self)
}
