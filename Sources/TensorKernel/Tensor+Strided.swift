#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The strided elementwise engine: walks one, two or three same-shape layouts in row-major order into a new
/// contiguous result, with plain-loop fast paths for contiguous and scalar-broadcast operands.
enum Strided {
    /// Calls `body(i, pa, pb)` for every row-major element index `i` and the operands' storage positions.
    @inline(__always)
    static func walk2(
        shape: [Int], _ sa: [Int], _ oa: Int, _ sb: [Int], _ ob: Int, _ body: (Int, Int, Int) -> Void
    ) {
        let count = shape.reduce(1, *)
        if count == 0 { return }
        let rank = shape.count
        if rank == 0 { body(0, oa, ob); return }
        var counter = [Int](repeating: 0, count: rank)
        var pa = oa, pb = ob, i = 0
        let last = shape[rank - 1], la = sa[rank - 1], lb = sb[rank - 1]
        while i < count {
            for j in 0..<last { body(i + j, pa + j * la, pb + j * lb) }
            i += last
            var d = rank - 2
            while d >= 0 {
                counter[d] += 1
                pa += sa[d]
                pb += sb[d]
                if counter[d] < shape[d] { break }
                pa -= sa[d] * shape[d]
                pb -= sb[d] * shape[d]
                counter[d] = 0
                d -= 1
            }
        }
    }

    /// `f` over one tensor into a new contiguous tensor of the same shape.
    @inline(__always)
    static func map<A: TensorElement, R: TensorElement>(_ a: Tensor, _ f: (A) -> R) -> Tensor {
        let count = a.numel
        let out = TensorStorage(dtype: R.dtype, count: count)
        let po = out.pointer(as: R.self)
        let pa = a.storage.pointer(as: A.self)
        if a.isContiguous {
            let xa = pa + a.offset
            for i in 0..<count { po[i] = f(xa[i]) }
        } else {
            var i = 0
            a.forEachStorageIndex { position in
                po[i] = f(pa[position])
                i += 1
            }
        }
        return Tensor(storage: out, shape: a.shape, strides: Tensor.contiguousStrides(for: a.shape))
    }

    /// `f` over two tensors already broadcast to `shape`, into a new contiguous tensor.
    @inline(__always)
    static func map2<A: TensorElement, B: TensorElement, R: TensorElement>(
        _ a: Tensor, _ b: Tensor, shape: [Int], _ f: (A, B) -> R
    ) -> Tensor {
        let count = shape.reduce(1, *)
        let out = TensorStorage(dtype: R.dtype, count: count)
        let po = out.pointer(as: R.self)
        let pa = a.storage.pointer(as: A.self), pb = b.storage.pointer(as: B.self)
        let aDense = a.shape == shape && a.isContiguous, bDense = b.shape == shape && b.isContiguous
        let aScalar = a.strides.allSatisfy { $0 == 0 }, bScalar = b.strides.allSatisfy { $0 == 0 }
        if aDense && bDense {
            let xa = pa + a.offset, xb = pb + b.offset
            for i in 0..<count { po[i] = f(xa[i], xb[i]) }
        } else if aDense && bScalar {
            let xa = pa + a.offset, y = pb[b.offset]
            for i in 0..<count { po[i] = f(xa[i], y) }
        } else if aScalar && bDense {
            let x = pa[a.offset], xb = pb + b.offset
            for i in 0..<count { po[i] = f(x, xb[i]) }
        } else {
            walk2(shape: shape, a.strides, a.offset, b.strides, b.offset) { i, ia, ib in po[i] = f(pa[ia], pb[ib]) }
        }
        return Tensor(storage: out, shape: shape, strides: Tensor.contiguousStrides(for: shape))
    }

    /// Writes `source` (same shape, any dtype) into the strided `destination`, converting elements.
    static func copy(_ source: Tensor, into destination: Tensor) {
        switch destination.dtype {
        case .float32: copyTyped(source, into: destination, as: Float.self)
        case .float64: copyTyped(source, into: destination, as: Double.self)
        case .int64: copyTyped(source, into: destination, as: Int64.self)
        case .int32: copyTyped(source, into: destination, as: Int32.self)
        case .bool: copyTyped(source, into: destination, as: Bool.self)
        }
    }

    private static func copyTyped<T: TensorElement>(_ source: Tensor, into destination: Tensor, as type: T.Type) {
        // Materialise first so that overlapping source and destination behave like PyTorch's copy_.
        let values = source.toArray(as: T.self)
        let pd = destination.storage.pointer(as: T.self)
        var i = 0
        destination.forEachStorageIndex { position in
            pd[position] = values[i]
            i += 1
        }
    }
}

/// Float element types with the libm functions PyTorch's CPU kernels call.
public protocol FloatElement: TensorElement, BinaryFloatingPoint {
    static func exp(_ x: Self) -> Self
    static func log(_ x: Self) -> Self
    static func log1p(_ x: Self) -> Self
    static func expm1(_ x: Self) -> Self
    static func sin(_ x: Self) -> Self
    static func cos(_ x: Self) -> Self
    static func tan(_ x: Self) -> Self
    static func tanh(_ x: Self) -> Self
    static func erf(_ x: Self) -> Self
    static func pow(_ x: Self, _ y: Self) -> Self
    static func fmod(_ x: Self, _ y: Self) -> Self
    static func nearbyint(_ x: Self) -> Self
    static func atan2(_ y: Self, _ x: Self) -> Self
}

extension Float: FloatElement {
    public static func exp(_ x: Float) -> Float { expf(x) }
    public static func log(_ x: Float) -> Float { logf(x) }
    public static func log1p(_ x: Float) -> Float { log1pf(x) }
    public static func expm1(_ x: Float) -> Float { expm1f(x) }
    public static func sin(_ x: Float) -> Float { sinf(x) }
    public static func cos(_ x: Float) -> Float { cosf(x) }
    public static func tan(_ x: Float) -> Float { tanf(x) }
    public static func tanh(_ x: Float) -> Float { tanhf(x) }
    public static func erf(_ x: Float) -> Float { erff(x) }
    public static func pow(_ x: Float, _ y: Float) -> Float { powf(x, y) }
    public static func fmod(_ x: Float, _ y: Float) -> Float { fmodf(x, y) }
    public static func nearbyint(_ x: Float) -> Float { nearbyintf(x) }
    public static func atan2(_ y: Float, _ x: Float) -> Float { atan2f(y, x) }
}

@inline(__always) private func libmExp(_ x: Double) -> Double { exp(x) }
@inline(__always) private func libmLog(_ x: Double) -> Double { log(x) }
@inline(__always) private func libmLog1p(_ x: Double) -> Double { log1p(x) }
@inline(__always) private func libmExpm1(_ x: Double) -> Double { expm1(x) }
@inline(__always) private func libmSin(_ x: Double) -> Double { sin(x) }
@inline(__always) private func libmCos(_ x: Double) -> Double { cos(x) }
@inline(__always) private func libmTan(_ x: Double) -> Double { tan(x) }
@inline(__always) private func libmTanh(_ x: Double) -> Double { tanh(x) }
@inline(__always) private func libmErf(_ x: Double) -> Double { erf(x) }
@inline(__always) private func libmPow(_ x: Double, _ y: Double) -> Double { pow(x, y) }
@inline(__always) private func libmFmod(_ x: Double, _ y: Double) -> Double { fmod(x, y) }
@inline(__always) private func libmNearbyint(_ x: Double) -> Double { nearbyint(x) }
@inline(__always) private func libmAtan2(_ x: Double, _ y: Double) -> Double { atan2(x, y) }

extension Double: FloatElement {
    public static func exp(_ x: Double) -> Double { libmExp(x) }
    public static func log(_ x: Double) -> Double { libmLog(x) }
    public static func log1p(_ x: Double) -> Double { libmLog1p(x) }
    public static func expm1(_ x: Double) -> Double { libmExpm1(x) }
    public static func sin(_ x: Double) -> Double { libmSin(x) }
    public static func cos(_ x: Double) -> Double { libmCos(x) }
    public static func tan(_ x: Double) -> Double { libmTan(x) }
    public static func tanh(_ x: Double) -> Double { libmTanh(x) }
    public static func erf(_ x: Double) -> Double { libmErf(x) }
    public static func pow(_ x: Double, _ y: Double) -> Double { libmPow(x, y) }
    public static func fmod(_ x: Double, _ y: Double) -> Double { libmFmod(x, y) }
    public static func nearbyint(_ x: Double) -> Double { libmNearbyint(x) }
    public static func atan2(_ y: Double, _ x: Double) -> Double { libmAtan2(y, x) }
}

/// Integer element types (wrapping arithmetic, as C++ does).
public protocol IntElement: TensorElement, FixedWidthInteger, SignedInteger {}
extension Int64: IntElement {}
extension Int32: IntElement {}
