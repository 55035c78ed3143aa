/// The oracle matrix products: one sequential accumulation per output, in k order.
///
/// For float32 this is PyTorch's naive CPU loop (`acc = 0; for k: acc = acc + a*b`, product rounded then
/// sum rounded, no FMA): bit-exact with torch for batched products below 400 MACs per batch and the best
/// single approximation of MKL above that (torch-semantics §5.3).

/// a: (M, K) at `a[i*aRowStride + p*aColStride]`, b: (K, N) at `b[p*bRowStride + j*bColStride]`
/// -> c: (M, N) row-major with row stride ldc. Sequential no-FMA fp32 accumulation.
public func gemmReference(
    m: Int, n: Int, k: Int,
    a: UnsafePointer<Float>, aRowStride: Int, aColStride: Int,
    b: UnsafePointer<Float>, bRowStride: Int, bColStride: Int,
    c: UnsafeMutablePointer<Float>, ldc: Int
) {
    for i in 0..<m {
        for j in 0..<n {
            var acc: Float = 0
            for p in 0..<k {
                let product = a[i * aRowStride + p * aColStride] * b[p * bRowStride + j * bColStride]
                acc = acc + product
            }
            c[i * ldc + j] = acc
        }
    }
}

/// a: (M, K), b: (K, N) strided as in the Float overload -> c: (M, N) row-major ldc. Sequential, no FMA.
public func gemmReference(
    m: Int, n: Int, k: Int,
    a: UnsafePointer<Double>, aRowStride: Int, aColStride: Int,
    b: UnsafePointer<Double>, bRowStride: Int, bColStride: Int,
    c: UnsafeMutablePointer<Double>, ldc: Int
) {
    for i in 0..<m {
        for j in 0..<n {
            var acc: Double = 0
            for p in 0..<k {
                let product = a[i * aRowStride + p * aColStride] * b[p * bRowStride + j * bColStride]
                acc = acc + product
            }
            c[i * ldc + j] = acc
        }
    }
}

/// a: (M, K), b: (K, N) strided as in the Float overload -> c: (M, N) row-major ldc.
/// Integer products wrap on overflow, as PyTorch's integer matmul does.
public func gemmReference<T: FixedWidthInteger>(
    m: Int, n: Int, k: Int,
    a: UnsafePointer<T>, aRowStride: Int, aColStride: Int,
    b: UnsafePointer<T>, bRowStride: Int, bColStride: Int,
    c: UnsafeMutablePointer<T>, ldc: Int
) {
    for i in 0..<m {
        for j in 0..<n {
            var acc: T = 0
            for p in 0..<k {
                acc = acc &+ a[i * aRowStride + p * aColStride] &* b[p * bRowStride + j * bColStride]
            }
            c[i * ldc + j] = acc
        }
    }
}
