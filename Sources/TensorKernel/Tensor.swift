/// TensorKernel's n-dimensional array, modelled on `torch.Tensor` (CPU, strided, no autograd).
///
/// API overview. PyTorch names and argument semantics; every misuse throws `TensorError` (Python exception
/// type + PyTorch's exact message). Python scalars enter as `Operand` (`.int`, `.double`, `.bool`) so promotion
/// treats them as wrapped numbers; `Scalar` / `NestedList` are what `.item()` / `.tolist()` return.
/// - Core (this file): `Tensor(_:shape:)` from `[Float|Double|Int64|Int32|Bool]`, `Tensor(scalar:)`,
///   `Tensor(zeros:dtype:)`, `Tensor(storage:shape:strides:offset:)`; `shape`, `strides`, `offset`, `dtype`, `dim`,
///   `numel`, `isContiguous`, `size(_:)`, `stride(_:)`; `double(at:)`, `int64(at:)`, `bool(at:)`, `scalar(at:)`,
///   `item()`, `tolist()`; `contiguous()`, `toArray(as:)`, `floats()`, `doubles()`, `int64s()`, `bools()`,
///   `withUnsafeBufferPointer(as:_:)`, `withUnsafeMutableBufferPointer(as:_:)`, `forEachStorageIndex(_:)`.
/// - Creation (+Creation): `tensor(_:dtype:)`, `zeros`, `ones`, `full`, `empty`, `*_like`, `arange`, `linspace`,
///   `eye`, `tril`, `triu`.
/// - Views (+Views): `transpose`, `t()`, `T`, `mT()`, `permute`, `view`, `reshape`, `expand`, `expand_as`,
///   `unsqueeze`, `squeeze`, `narrow`, `select`, `slice`, `flatten`, `unflatten`, `clone`, `detach`, `to(_:)`.
/// - Elementwise (+Elementwise, +Math, +Selection): `Tensor.binary(_:_:_:alpha:)` over `BinaryOp`, method forms
///   (`add`, `mul`, `eq`, ...), in-place `binary_`, `add_`, `copy_`, `fill_`, `zero_`, `clamp_`, `masked_fill_`;
///   unary math (`exp`, `sigmoid`, `gelu`, ...), `clamp`, `round(decimals:)`, `where_`, `masked_fill`, `isclose`,
///   `allclose`, `equal`. Type promotion: `TypePromotion.resultType`; broadcasting: `Broadcasting.shape`.
/// - Reductions (+Sum, +Reductions, +Sorting): `sum`, `mean` (ATen's cascade order, bit-exact), `prod`, `max`,
///   `min`, `amax`, `amin`, `argmax`, `argmin`, `var_`, `std`, `norm`, `logsumexp`, `cumsum`, `all`, `any`, `sort`,
///   `argsort`, `topk`.
/// - Shape ops (+ShapeOps): `cat`, `stack`, `split`, `chunk`, `repeat_`, `repeat_interleave`, `gather`, `scatter`,
///   `index_select`, `masked_select`, `roll`, `flip`. Indexing (+Indexing): `index(_:)`, `setIndex(_:_:)`
///   over `TensorIndex`.
/// `laneWidth` parameters are ATen's `Vectorized<float>::size()`: 16 (AVX-512, the reference recordings) by default.

/// Reference-typed element buffer shared by a tensor and all its views; views mutate it in place, as in PyTorch.
public final class TensorStorage: @unchecked Sendable {
    public let dtype: DType
    public let count: Int
    /// Raw bytes, `count * dtype.itemSize`, zero-initialised.
    public let bytes: UnsafeMutableRawPointer

    public init(dtype: DType, count: Int) {
        self.dtype = dtype
        self.count = count
        let byteCount = Swift.max(count * dtype.itemSize, 1)
        bytes = UnsafeMutableRawPointer.allocate(byteCount: byteCount, alignment: 16)
        bytes.initializeMemory(as: UInt8.self, repeating: 0, count: byteCount)
    }

    /// A storage holding a copy of `values`.
    public convenience init<T: TensorElement>(_ values: [T]) {
        self.init(dtype: T.dtype, count: values.count)
        let typed = bytes.bindMemory(to: T.self, capacity: values.count)
        values.withUnsafeBufferPointer { source in
            guard let base = source.baseAddress else { return }
            typed.update(from: base, count: values.count)
        }
    }

    deinit { bytes.deallocate() }

    /// The elements as a typed pointer; `T` must match `dtype`.
    @inline(__always)
    public func pointer<T: TensorElement>(as type: T.Type) -> UnsafeMutablePointer<T> {
        precondition(T.dtype == dtype, "storage of \(dtype) read as \(T.dtype)")
        return bytes.assumingMemoryBound(to: T.self)
    }
}

/// A Python number as PyTorch's `.item()` returns it.
public enum Scalar: Sendable, Hashable {
    case bool(Bool)
    case int(Int)
    case double(Double)

    public var asDouble: Double {
        switch self {
        case .bool(let b): b ? 1 : 0
        case .int(let i): Double(i)
        case .double(let d): d
        }
    }
}

/// The result of `tolist()`: a Python number or a (nested) list.
public indirect enum NestedList: Sendable, Hashable {
    case scalar(Scalar)
    case list([NestedList])
}

public struct Tensor: Sendable {
    public let storage: TensorStorage
    public let shape: [Int]
    public let strides: [Int]
    /// Storage offset of element `[0, 0, ...]`, in elements.
    public let offset: Int

    public var dtype: DType { storage.dtype }
    public var dim: Int { shape.count }
    public var numel: Int { shape.reduce(1, *) }

    /// A view of `storage`; no checks beyond debug assertions.
    public init(storage: TensorStorage, shape: [Int], strides: [Int], offset: Int = 0) {
        assert(shape.count == strides.count)
        self.storage = storage
        self.shape = shape
        self.strides = strides
        self.offset = offset
    }

    /// A contiguous tensor holding `values` in row-major order; `values.count` must equal the shape's product.
    public init<T: TensorElement>(_ values: [T], shape: [Int]) {
        precondition(values.count == shape.reduce(1, *), "\(values.count) values for shape \(shape)")
        self.init(storage: TensorStorage(values), shape: shape, strides: Tensor.contiguousStrides(for: shape))
    }

    /// A 1-D tensor holding `values`.
    public init<T: TensorElement>(_ values: [T]) {
        self.init(values, shape: [values.count])
    }

    /// A 0-dim tensor holding `value`.
    public init<T: TensorElement>(scalar value: T) {
        self.init([value], shape: [])
    }

    /// A zero-filled contiguous tensor (no negative-dimension check: see `Tensor.zeros`).
    public init(zeros shape: [Int], dtype: DType = .float32) {
        self.init(
            storage: TensorStorage(dtype: dtype, count: shape.reduce(1, *)),
            shape: shape, strides: Tensor.contiguousStrides(for: shape))
    }

    /// Row-major strides as PyTorch computes them (a size-0 dim counts as 1).
    public static func contiguousStrides(for shape: [Int]) -> [Int] {
        var strides = [Int](repeating: 1, count: shape.count)
        var running = 1
        for i in (0..<shape.count).reversed() {
            strides[i] = running
            running *= Swift.max(shape[i], 1)
        }
        return strides
    }

    /// PyTorch's `is_contiguous()`: size-1 dims may have any stride; empty tensors are contiguous.
    public var isContiguous: Bool {
        if numel == 0 { return true }
        var expected = 1
        for i in (0..<shape.count).reversed() where shape[i] != 1 {
            if strides[i] != expected { return false }
            expected *= shape[i]
        }
        return true
    }

    /// `x.size(d)` with negative dims.
    public func size(_ dim: Int) throws(TensorError) -> Int {
        shape[try normalizeDim(dim, rank: self.dim, allowScalar: false)]
    }

    /// `x.stride(d)` with negative dims.
    public func stride(_ dim: Int) throws(TensorError) -> Int {
        strides[try normalizeDim(dim, rank: self.dim, allowScalar: false)]
    }

    // MARK: Element access

    /// Storage index of the element at `index` (one coordinate per dim, already in range).
    @inline(__always)
    public func storageIndex(_ index: [Int]) -> Int {
        var position = offset
        for (i, coordinate) in index.enumerated() { position += coordinate * strides[i] }
        return position
    }

    /// Storage index of the `flat`-th element in row-major order.
    @inline(__always)
    public func storageIndex(flat: Int) -> Int {
        var remaining = flat
        var position = offset
        for i in (0..<shape.count).reversed() {
            let size = shape[i]
            position += (remaining % size) * strides[i]
            remaining /= size
        }
        return position
    }

    /// The element at storage index `position`, converted to `T`.
    @inline(__always)
    func element<T: TensorElement>(atStorage position: Int, as type: T.Type) -> T {
        switch dtype {
        case .float32: T.converting(storage.pointer(as: Float.self)[position])
        case .float64: T.converting(storage.pointer(as: Double.self)[position])
        case .int64: T.converting(storage.pointer(as: Int64.self)[position])
        case .int32: T.converting(storage.pointer(as: Int32.self)[position])
        case .bool: T.converting(storage.pointer(as: Bool.self)[position])
        }
    }

    /// Writes `value` (converted to this tensor's dtype) at storage index `position`.
    @inline(__always)
    func setElement<T: TensorElement>(atStorage position: Int, _ value: T) {
        switch dtype {
        case .float32: storage.pointer(as: Float.self)[position] = .converting(value)
        case .float64: storage.pointer(as: Double.self)[position] = .converting(value)
        case .int64: storage.pointer(as: Int64.self)[position] = .converting(value)
        case .int32: storage.pointer(as: Int32.self)[position] = .converting(value)
        case .bool: storage.pointer(as: Bool.self)[position] = .converting(value)
        }
    }

    public func double(at index: [Int]) -> Double { element(atStorage: storageIndex(index), as: Double.self) }
    public func int64(at index: [Int]) -> Int64 { element(atStorage: storageIndex(index), as: Int64.self) }
    public func bool(at index: [Int]) -> Bool { element(atStorage: storageIndex(index), as: Bool.self) }
    public func double(flat: Int) -> Double { element(atStorage: storageIndex(flat: flat), as: Double.self) }
    public func int64(flat: Int) -> Int64 { element(atStorage: storageIndex(flat: flat), as: Int64.self) }
    public func bool(flat: Int) -> Bool { element(atStorage: storageIndex(flat: flat), as: Bool.self) }

    /// The element at `index` as the Python number `.item()` would give (float32 widened exactly to Double).
    public func scalar(at index: [Int]) -> Scalar { scalar(atStorage: storageIndex(index)) }

    func scalar(atStorage position: Int) -> Scalar {
        switch dtype {
        case .bool: .bool(element(atStorage: position, as: Bool.self))
        case .int32, .int64: .int(Int(element(atStorage: position, as: Int64.self)))
        case .float32, .float64: .double(element(atStorage: position, as: Double.self))
        }
    }

    /// `x.item()`: the single element as a Python number.
    public func item() throws(TensorError) -> Scalar {
        guard numel == 1 else {
            throw .runtime("a Tensor with \(numel) elements cannot be converted to Scalar")
        }
        return scalar(atStorage: storageIndex(flat: 0))
    }

    /// `x.tolist()`: nested lists of Python numbers (a 0-dim tensor gives a number).
    public func tolist() -> NestedList {
        func build(_ dim: Int, _ position: Int) -> NestedList {
            if dim == shape.count { return .scalar(scalar(atStorage: position)) }
            return .list((0..<shape[dim]).map { build(dim + 1, position + $0 * strides[dim]) })
        }
        return build(0, offset)
    }

    // MARK: Contiguous data

    /// `x.contiguous()`: `self` when already contiguous, else a row-major copy.
    public func contiguous() -> Tensor {
        isContiguous ? self : copyContiguous()
    }

    /// A fresh row-major copy with its own storage (`clone()` semantics, default memory format).
    public func copyContiguous() -> Tensor {
        switch dtype {
        case .float32: Tensor(toArray(as: Float.self), shape: shape)
        case .float64: Tensor(toArray(as: Double.self), shape: shape)
        case .int64: Tensor(toArray(as: Int64.self), shape: shape)
        case .int32: Tensor(toArray(as: Int32.self), shape: shape)
        case .bool: Tensor(toArray(as: Bool.self), shape: shape)
        }
    }

    /// All elements in row-major order converted to `T` (a cast like `.to(dtype)` when `T` differs).
    public func toArray<T: TensorElement>(as type: T.Type) -> [T] {
        switch dtype {
        case .float32: gatherElements(Float.self, as: T.self)
        case .float64: gatherElements(Double.self, as: T.self)
        case .int64: gatherElements(Int64.self, as: T.self)
        case .int32: gatherElements(Int32.self, as: T.self)
        case .bool: gatherElements(Bool.self, as: T.self)
        }
    }

    public func doubles() -> [Double] { toArray(as: Double.self) }
    public func floats() -> [Float] { toArray(as: Float.self) }
    public func int64s() -> [Int64] { toArray(as: Int64.self) }
    public func bools() -> [Bool] { toArray(as: Bool.self) }

    private func gatherElements<S: TensorElement, T: TensorElement>(_ source: S.Type, as target: T.Type) -> [T] {
        let count = numel
        let base = storage.pointer(as: S.self)
        if isContiguous {
            let start = base + offset
            if S.self == T.self {
                return Array(UnsafeBufferPointer(start: start, count: count)) as! [T]
            }
            return (0..<count).map { T.converting(start[$0]) }
        }
        var result = [T]()
        result.reserveCapacity(count)
        forEachStorageIndex { result.append(T.converting(base[$0])) }
        return result
    }

    /// Calls `body` with every element's storage index in row-major order (odometer walk, no division).
    @inline(__always)
    public func forEachStorageIndex(_ body: (Int) -> Void) {
        let count = numel
        if count == 0 { return }
        let rank = shape.count
        if rank == 0 { body(offset); return }
        var counter = [Int](repeating: 0, count: rank)
        var position = offset
        let lastSize = shape[rank - 1], lastStride = strides[rank - 1]
        var done = 0
        while done < count {
            for j in 0..<lastSize { body(position + j * lastStride) }
            done += lastSize
            var d = rank - 2
            while d >= 0 {
                counter[d] += 1
                position += strides[d]
                if counter[d] < shape[d] { break }
                position -= strides[d] * shape[d]
                counter[d] = 0
                d -= 1
            }
        }
    }

    /// Calls `body` with a buffer of the row-major elements; copies first when not contiguous. `T` must match `dtype`.
    public func withUnsafeBufferPointer<T: TensorElement, R>(
        as type: T.Type, _ body: (UnsafeBufferPointer<T>) throws -> R
    ) rethrows -> R {
        let source = contiguous()
        return try body(UnsafeBufferPointer(start: source.storage.pointer(as: T.self) + source.offset, count: source.numel))
    }

    /// Mutable access to the elements of a contiguous tensor (writes are seen by every view). `T` must match `dtype`.
    public func withUnsafeMutableBufferPointer<T: TensorElement, R>(
        as type: T.Type, _ body: (UnsafeMutableBufferPointer<T>) throws -> R
    ) rethrows -> R {
        precondition(isContiguous, "withUnsafeMutableBufferPointer needs a contiguous tensor")
        return try body(UnsafeMutableBufferPointer(start: storage.pointer(as: T.self) + offset, count: numel))
    }
}
