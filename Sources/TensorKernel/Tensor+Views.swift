/// Views: new shape/stride/offset over the same storage, with PyTorch's checks and messages.
extension Tensor {
    func withLayout(_ shape: [Int], _ strides: [Int], offset: Int? = nil) -> Tensor {
        Tensor(storage: storage, shape: shape, strides: strides, offset: offset ?? self.offset)
    }

    /// `x.transpose(d0, d1)`.
    public func transpose(_ dim0: Int, _ dim1: Int) throws(TensorError) -> Tensor {
        let a = try normalizeDim(dim0, rank: dim), b = try normalizeDim(dim1, rank: dim)
        if dim == 0 || a == b { return self }
        var newShape = shape, newStrides = strides
        newShape.swapAt(a, b)
        newStrides.swapAt(a, b)
        return withLayout(newShape, newStrides)
    }

    /// `x.t()`: transpose of a ≤ 2-D tensor.
    public func t() throws(TensorError) -> Tensor {
        guard dim <= 2 else { throw .runtime("t() expects a tensor with <= 2 dimensions, but self is \(dim)D") }
        return dim < 2 ? self : try transpose(0, 1)
    }

    /// `x.T`: reverses all dims (PyTorch warns for dim != 2 but still does this).
    public var T: Tensor { withLayout(shape.reversed(), strides.reversed()) }

    /// `x.mT`: swaps the last two dims.
    public func mT() throws(TensorError) -> Tensor {
        guard dim >= 2 else {
            throw .runtime("tensor.mT is only supported on matrices or batches of matrices. Got \(dim)-D tensor.")
        }
        return try transpose(-2, -1)
    }

    /// `x.permute(dims)`.
    public func permute(_ dims: [Int]) throws(TensorError) -> Tensor {
        guard dims.count == dim else {
            throw .runtime(
                "permute(sparse_coo): number of dimensions in the tensor input does not match the length of the desired ordering of dimensions i.e. input.dim() = \(dim) is not equal to len(dims) = \(dims.count)")
        }
        var seen = Set<Int>()
        var newShape: [Int] = [], newStrides: [Int] = []
        for d in dims {
            let n = try normalizeDim(d, rank: dim)
            guard seen.insert(n).inserted else { throw .runtime("permute(): duplicate dims are not allowed.") }
            newShape.append(shape[n])
            newStrides.append(strides[n])
        }
        return withLayout(newShape, newStrides)
    }

    /// PyTorch's `infer_size`: resolves one `-1` and checks the element count.
    static func inferShape(_ requested: [Int], numel: Int) throws(TensorError) -> [Int] {
        var product = 1
        var inferred: Int?
        for (i, size) in requested.enumerated() {
            if size == -1 {
                if inferred != nil { throw .runtime("only one dimension can be inferred") }
                inferred = i
            } else if size >= 0 {
                product *= size
            } else {
                throw .runtime("invalid shape dimension \(size) at index \(i) of shape \(shapeString(requested))")
            }
        }
        if numel == product || (inferred != nil && product > 0 && numel % product == 0) {
            var result = requested
            if let inferred {
                guard product != 0 else {
                    throw .runtime(
                        "cannot reshape tensor of 0 elements into shape \(shapeString(requested)) because the unspecified dimension size -1 can be any value and is ambiguous")
                }
                result[inferred] = numel / product
            }
            return result
        }
        throw .runtime("shape '\(shapeString(requested))' is invalid for input of size \(numel)")
    }

    /// PyTorch's `computeStride`: strides for viewing this layout as `newShape`, or nil when impossible.
    func viewStrides(for newShape: [Int]) -> [Int]? {
        if shape.isEmpty { return [Int](repeating: 1, count: newShape.count) }
        let count = numel
        if count == 0 && shape == newShape { return strides }
        var newStrides = [Int](repeating: 0, count: newShape.count)
        if count == 0 { return Tensor.contiguousStrides(for: newShape) }
        var viewD = newShape.count - 1
        var chunkBaseStride = strides.last!
        var tensorNumel = 1, viewNumel = 1
        for tensorD in (0..<shape.count).reversed() {
            tensorNumel *= shape[tensorD]
            if tensorD == 0 || (shape[tensorD - 1] != 1 && strides[tensorD - 1] != tensorNumel * chunkBaseStride) {
                while viewD >= 0 && (viewNumel < tensorNumel || newShape[viewD] == 1) {
                    newStrides[viewD] = viewNumel * chunkBaseStride
                    viewNumel *= newShape[viewD]
                    viewD -= 1
                }
                if viewNumel != tensorNumel { return nil }
                if tensorD > 0 {
                    chunkBaseStride = strides[tensorD - 1]
                    tensorNumel = 1
                    viewNumel = 1
                }
            }
        }
        return viewD == -1 ? newStrides : nil
    }

    /// `x.view(shape)` with at most one `-1`.
    public func view(_ newShape: [Int]) throws(TensorError) -> Tensor {
        let resolved = try Tensor.inferShape(newShape, numel: numel)
        guard let newStrides = viewStrides(for: resolved) else {
            throw .runtime(
                "view size is not compatible with input tensor's size and stride (at least one dimension spans across two contiguous subspaces). Use .reshape(...) instead.")
        }
        return withLayout(resolved, newStrides)
    }

    /// `x.reshape(shape)`: a view when the strides allow, else a contiguous copy.
    public func reshape(_ newShape: [Int]) throws(TensorError) -> Tensor {
        let resolved = try Tensor.inferShape(newShape, numel: numel)
        if let newStrides = viewStrides(for: resolved) { return withLayout(resolved, newStrides) }
        let copy = copyContiguous()
        return copy.withLayout(resolved, Tensor.contiguousStrides(for: resolved))
    }

    /// `x.expand(sizes)`: stride-0 view; `-1` keeps a size.
    public func expand(_ sizes: [Int]) throws(TensorError) -> Tensor {
        guard sizes.count >= dim else {
            throw .runtime(
                "expand(torch.\(dtype.scalarTypeName)Tensor{\(shapeString(shape))}, size=\(shapeString(sizes))): the number of sizes provided (\(sizes.count)) must be greater or equal to the number of dimensions in the tensor (\(dim))")
        }
        let lead = sizes.count - dim
        var newShape = sizes, newStrides = [Int](repeating: 0, count: sizes.count)
        for i in (0..<sizes.count).reversed() {
            let d = i - lead
            if d < 0 {
                guard sizes[i] >= 0 else {
                    throw .runtime(
                        "The expanded size of the tensor (\(sizes[i])) isn't allowed in a leading, non-existing dimension \(i)")
                }
                newStrides[i] = 0
                continue
            }
            var target = sizes[i]
            if target == -1 { target = shape[d] }
            if shape[d] == target {
                newShape[i] = target
                newStrides[i] = strides[d]
            } else if shape[d] == 1 {
                if target < 0 {
                    throw .runtime(
                        "The expanded size of the tensor (\(target)) isn't allowed in a leading, non-existing dimension \(i)")
                }
                newShape[i] = target
                newStrides[i] = 0
            } else {
                throw .runtime(
                    "The expanded size of the tensor (\(target)) must match the existing size (\(shape[d])) at non-singleton dimension \(i).  Target sizes: \(shapeString(sizes)).  Tensor sizes: \(shapeString(shape))")
            }
        }
        return withLayout(newShape, newStrides)
    }

    /// `x.expand_as(other)`.
    public func expand_as(_ other: Tensor) throws(TensorError) -> Tensor { try expand(other.shape) }

    /// `x.unsqueeze(d)`, `d` in `[-dim-1, dim]`.
    public func unsqueeze(_ d: Int) throws(TensorError) -> Tensor {
        let n = try normalizeDim(d, rank: dim + 1)
        var newShape = shape, newStrides = strides
        let newStride = n < dim ? shape[n] * strides[n] : 1
        newShape.insert(1, at: n)
        newStrides.insert(newStride, at: n)
        return withLayout(newShape, newStrides)
    }

    /// `x.squeeze()`: drops every size-1 dim.
    public func squeeze() -> Tensor {
        let keep = (0..<dim).filter { shape[$0] != 1 }
        return withLayout(keep.map { shape[$0] }, keep.map { strides[$0] })
    }

    /// `x.squeeze(d)`: drops dim `d` if its size is 1.
    public func squeeze(_ d: Int) throws(TensorError) -> Tensor { try squeeze(dims: [d]) }

    /// `x.squeeze((d0, d1, ...))`.
    public func squeeze(dims: [Int]) throws(TensorError) -> Tensor {
        var drop = Set<Int>()
        for d in dims { drop.insert(try normalizeDim(d, rank: dim)) }
        let keep = (0..<dim).filter { !(drop.contains($0) && shape[$0] == 1) }
        return withLayout(keep.map { shape[$0] }, keep.map { strides[$0] })
    }

    /// `x.narrow(d, start, length)`.
    public func narrow(_ d: Int, _ start: Int, _ length: Int) throws(TensorError) -> Tensor {
        guard dim > 0 else { throw .runtime("narrow() cannot be applied to a 0-dim tensor.") }
        let n = try normalizeDim(d, rank: dim)
        let size = shape[n]
        guard start >= -size, start <= size else {
            throw .index(
                "start out of range (expected to be in range of [\(-size), \(size)], but got \(start))")
        }
        let s = start < 0 ? start + size : start
        guard length >= 0 else { throw .runtime("narrow(): length must be non-negative.") }
        guard s + length <= size else {
            throw .runtime("start (\(s)) + length (\(length)) exceeds dimension size (\(size)).")
        }
        var newShape = shape
        newShape[n] = length
        return withLayout(newShape, strides, offset: offset + s * strides[n])
    }

    /// `x.select(d, i)`: removes dim `d` at index `i`.
    public func select(_ d: Int, _ index: Int) throws(TensorError) -> Tensor {
        guard dim > 0 else { throw .index("select() cannot be applied to a 0-dim tensor.") }
        let n = try normalizeDim(d, rank: dim)
        let size = shape[n]
        guard index >= -size, index < size else {
            throw .index("select(): index \(index) out of range for tensor of size \(shapeString(shape)) at dimension \(n)")
        }
        return selectUnchecked(n, index < 0 ? index + size : index)
    }

    func selectUnchecked(_ n: Int, _ index: Int) -> Tensor {
        var newShape = shape, newStrides = strides
        newShape.remove(at: n)
        newStrides.remove(at: n)
        return withLayout(newShape, newStrides, offset: offset + index * strides[n])
    }

    /// `x[start:stop:step]` along dim `d`, Python slice semantics (bounds clamp; `step` must be positive).
    public func slice(_ d: Int, start: Int? = nil, stop: Int? = nil, step: Int = 1) throws(TensorError) -> Tensor {
        guard step > 0 else {
            throw step == 0 ? .value("slice step cannot be zero") : .value("step must be greater than zero")
        }
        let n = try normalizeDim(d, rank: dim)
        let size = shape[n]
        func clamp(_ v: Int?, _ fallback: Int) -> Int {
            guard let v else { return fallback }
            let w = v < 0 ? v + size : v
            return Swift.min(Swift.max(w, 0), size)
        }
        let s = clamp(start, 0), e = Swift.max(clamp(stop, size), s)
        var newShape = shape, newStrides = strides
        newShape[n] = (e - s + step - 1) / step
        newStrides[n] = strides[n] * step
        return withLayout(newShape, newStrides, offset: offset + s * strides[n])
    }

    /// `x.flatten(start_dim, end_dim)`.
    public func flatten(_ startDim: Int = 0, _ endDim: Int = -1) throws(TensorError) -> Tensor {
        let s = try normalizeDim(startDim, rank: dim), e = try normalizeDim(endDim, rank: dim)
        guard s <= e else { throw .runtime("flatten() has invalid args: start_dim cannot come after end_dim") }
        if dim == 0 { return try reshape([1]) }
        if s == e { return self }
        let merged = shape[s...e].reduce(1, *)
        return try reshape(Array(shape[..<s]) + [merged] + Array(shape[(e + 1)...]))
    }

    /// `x.unflatten(d, sizes)`; one size may be `-1`.
    public func unflatten(_ d: Int, _ sizes: [Int]) throws(TensorError) -> Tensor {
        let n = try normalizeDim(d, rank: dim)
        guard !sizes.isEmpty else { throw .runtime("unflatten: sizes must be non-empty") }
        let resolved: [Int]
        do {
            resolved = try Tensor.inferShape(sizes, numel: shape[n])
        } catch {
            if error.message == "only one dimension can be inferred" { throw error }
            throw .runtime(
                "unflatten: Provided sizes \(shapeString(sizes)) don't multiply up to the size of dim \(n) (\(shape[n])) in the input tensor")
        }
        return try view(Array(shape[..<n]) + resolved + Array(shape[(n + 1)...]))
    }

    /// `x.clone()`: a contiguous copy.
    public func clone() -> Tensor { copyContiguous() }

    /// `x.detach()`: the same storage (no autograd here).
    public func detach() -> Tensor { self }

    /// `x.to(dtype)`: `self` when already of `dtype`, else a converted contiguous copy.
    public func to(_ target: DType) -> Tensor {
        if target == dtype { return self }
        return converted(to: target)
    }

    /// A contiguous copy converted to `target` (always a new storage).
    public func converted(to target: DType) -> Tensor {
        switch target {
        case .float32: Tensor(toArray(as: Float.self), shape: shape)
        case .float64: Tensor(toArray(as: Double.self), shape: shape)
        case .int64: Tensor(toArray(as: Int64.self), shape: shape)
        case .int32: Tensor(toArray(as: Int32.self), shape: shape)
        case .bool: Tensor(toArray(as: Bool.self), shape: shape)
        }
    }

    /// `x.float()`, `x.double()`, `x.long()`, `x.int()`, `x.bool()`.
    public func float() -> Tensor { to(.float32) }
    public func double() -> Tensor { to(.float64) }
    public func long() -> Tensor { to(.int64) }
    public func int() -> Tensor { to(.int32) }
    public func bool() -> Tensor { to(.bool) }
}
