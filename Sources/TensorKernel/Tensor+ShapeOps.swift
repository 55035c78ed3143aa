/// Shape ops that move data: cat, stack, split, chunk, repeat, repeat_interleave, gather, scatter, index_select,
/// masked_select, roll, flip. Copies pick row-major flat indices of a contiguous source (`take(flat:shape:)`).
extension Tensor {
    /// A new contiguous tensor of `shape` whose elements are `self`'s row-major elements at `indices`.
    func take(flat indices: [Int], shape: [Int]) -> Tensor {
        switch dtype {
        case .float32: takeTyped(indices, shape, Float.self)
        case .float64: takeTyped(indices, shape, Double.self)
        case .int64: takeTyped(indices, shape, Int64.self)
        case .int32: takeTyped(indices, shape, Int32.self)
        case .bool: takeTyped(indices, shape, Bool.self)
        }
    }

    private func takeTyped<T: TensorElement>(_ indices: [Int], _ shape: [Int], _ type: T.Type) -> Tensor {
        let source = contiguous()
        let base = source.storage.pointer(as: T.self) + source.offset
        return Tensor(indices.map { base[$0] }, shape: shape)
    }

    /// Row-major coordinates of every element of `shape`, as a closure over flat positions.
    static func coordinates(_ flat: Int, _ shape: [Int]) -> [Int] {
        var remaining = flat
        var result = [Int](repeating: 0, count: shape.count)
        for d in (0..<shape.count).reversed() {
            result[d] = remaining % shape[d]
            remaining /= shape[d]
        }
        return result
    }

    static func flatIndex(_ coordinates: [Int], _ shape: [Int]) -> Int {
        var flat = 0
        for d in 0..<shape.count { flat = flat * shape[d] + coordinates[d] }
        return flat
    }

    // MARK: cat / stack

    /// `torch.cat(tensors, dim)`: promotes dtypes; 1-D empty tensors are skipped as in PyTorch.
    public static func cat(_ tensors: [Tensor], dim d: Int = 0) throws(TensorError) -> Tensor {
        guard !tensors.isEmpty else { throw .value("torch.cat(): expected a non-empty list of Tensors") }
        let dtype = TypePromotion.resultType(tensors.map { .tensor($0) })
        let isSkipped = { (t: Tensor) in t.dim == 1 && t.numel == 0 }
        let parts = tensors.filter { !isSkipped($0) }
        guard let first = parts.first else { return Tensor(zeros: [0], dtype: dtype) }
        guard first.dim > 0 else { throw .runtime("zero-dimensional tensor (at position 0) cannot be concatenated") }
        let n = try normalizeDim(d, rank: first.dim)
        for (position, t) in tensors.enumerated() where !isSkipped(t) {
            guard t.dim == first.dim else {
                throw .runtime("Tensors must have same number of dimensions: got \(first.dim) and \(t.dim)")
            }
            for k in 0..<first.dim where k != n && t.shape[k] != first.shape[k] {
                throw .runtime(
                    "Sizes of tensors must match except in dimension \(n). Expected size \(first.shape[k]) but got size \(t.shape[k]) for tensor number \(position) in the list.")
            }
        }
        var shape = first.shape
        shape[n] = parts.map { $0.shape[n] }.reduce(0, +)
        let result = Tensor(zeros: shape, dtype: dtype)
        var start = 0
        for t in parts {
            let size = t.shape[n]
            try result.narrow(n, start, size).copy_(t)
            start += size
        }
        return result
    }

    /// `torch.stack(tensors, dim)`: all shapes equal; the new dim may be `-(rank+1)...rank`.
    public static func stack(_ tensors: [Tensor], dim d: Int = 0) throws(TensorError) -> Tensor {
        guard let first = tensors.first else { throw .runtime("stack expects a non-empty TensorList") }
        let n = try normalizeDim(d, rank: first.dim + 1)
        for (i, t) in tensors.enumerated() where t.shape != first.shape {
            throw .runtime(
                "stack expects each tensor to be equal size, but got \(shapeString(first.shape)) at entry 0 and \(shapeString(t.shape)) at entry \(i)")
        }
        var expanded: [Tensor] = []
        for t in tensors { expanded.append(try t.unsqueeze(n)) }
        return try cat(expanded, dim: n)
    }

    // MARK: split / chunk

    /// `x.split(size, dim)`: views of `size` (the last may be smaller).
    public func split(_ size: Int, dim d: Int = 0) throws(TensorError) -> [Tensor] {
        guard dim > 0 else { throw .runtime("split expects at least a 1-dimensional tensor") }
        let n = try normalizeDim(d, rank: dim)
        guard size >= 0 else { throw .runtime("split expects split_size be non-negative, but got split_size=\(size)") }
        let length = shape[n]
        if size == 0 {
            guard length == 0 else {
                throw .runtime("split_size can only be 0 if dimension size is 0, but got dimension size of \(length)")
            }
            return [self]
        }
        let count = Swift.max((length + size - 1) / size, 1)
        var result: [Tensor] = []
        for i in 0..<count {
            let start = i * size
            result.append(try narrow(n, start, Swift.min(size, length - start)))
        }
        return result
    }

    /// `x.split([sizes], dim)` / `split_with_sizes`.
    public func split(sizes: [Int], dim d: Int = 0) throws(TensorError) -> [Tensor] {
        let n = try normalizeDim(d, rank: dim)
        guard sizes.reduce(0, +) == shape[n] else {
            throw .runtime(
                "split_with_sizes expects split_sizes to sum exactly to \(shape[n]) (input tensor's size at dimension \(n)), but got split_sizes=\(shapeString(sizes))")
        }
        var result: [Tensor] = []
        var start = 0
        for size in sizes {
            guard size >= 0 else {
                throw .runtime("split_with_sizes expects split_sizes have only non-negative entries, but got split_sizes=\(shapeString(sizes))")
            }
            result.append(try narrow(n, start, size))
            start += size
        }
        return result
    }

    /// `x.chunk(chunks, dim)`: `split(ceil(size / chunks))`.
    public func chunk(_ chunks: Int, dim d: Int = 0) throws(TensorError) -> [Tensor] {
        guard dim > 0 else { throw .runtime("chunk expects at least a 1-dimensional tensor") }
        guard chunks > 0 else { throw .runtime("chunk expects `chunks` to be greater than 0, got: \(chunks)") }
        let n = try normalizeDim(d, rank: dim)
        let size = (shape[n] + chunks - 1) / chunks
        if size == 0 && shape[n] == 0 { return try split(sizes: [Int](repeating: 0, count: chunks), dim: n) }
        return try split(Swift.max(size, 1), dim: n)
    }

    // MARK: repeat

    /// `x.repeat(sizes)`: tiles the tensor; extra leading sizes add dims.
    public func repeat_(_ repeats: [Int]) throws(TensorError) -> Tensor {
        guard repeats.count >= dim else {
            throw .runtime("Number of dimensions of repeat dims can not be smaller than number of dimensions of tensor")
        }
        if let negative = repeats.first(where: { $0 < 0 }) {
            throw .runtime("Trying to create tensor with negative dimension \(negative): \(shapeString(repeats))")
        }
        let padded = [Int](repeating: 1, count: repeats.count - dim) + shape
        let outShape = zip(padded, repeats).map { $0 * $1 }
        let count = outShape.reduce(1, *)
        let indices = (0..<count).map { flat -> Int in
            let c = Tensor.coordinates(flat, outShape)
            return Tensor.flatIndex(zip(c, padded).map { $0 % $1 }, padded)
        }
        return take(flat: indices, shape: outShape)
    }

    /// `x.repeat_interleave(repeats, dim)`: without `dim` the input is flattened first.
    public func repeat_interleave(_ repeats: Int, dim d: Int? = nil) throws(TensorError) -> Tensor {
        guard repeats >= 0 else { throw .runtime("repeats can not be negative") }
        let source = d == nil ? try reshape([-1]) : self
        let n = try normalizeDim(d ?? 0, rank: source.dim)
        return try source.repeat_interleave(counts: [Int](repeating: repeats, count: source.shape[n]), dim: n)
    }

    /// `x.repeat_interleave(tensor_of_repeats, dim)`.
    public func repeat_interleave(counts: [Int], dim d: Int? = nil) throws(TensorError) -> Tensor {
        let source = d == nil ? try reshape([-1]) : self
        let n = try normalizeDim(d ?? 0, rank: source.dim)
        guard counts.count == source.shape[n] else {
            throw .runtime("repeats must have the same size as input along dim, but got repeats.size(0) = \(counts.count) and input.size(\(n)) = \(source.shape[n])")
        }
        if counts.contains(where: { $0 < 0 }) { throw .runtime("repeats can not be negative") }
        var picks: [Int] = []
        for (i, c) in counts.enumerated() { picks += [Int](repeating: i, count: c) }
        return try source.index_select(n, Tensor(picks.map(Int64.init)))
    }

    // MARK: gather / scatter / index_select / masked_select

    /// `torch.gather(x, dim, index)`: `out[i][j] = x[index[i][j]][j]` for dim 0, etc.
    public func gather(_ d: Int, _ index: Tensor) throws(TensorError) -> Tensor {
        let n = try normalizeDim(d, rank: dim)
        guard index.dtype == .int64 || index.dtype == .int32 else {
            throw .runtime("gather(): Expected dtype int32/int64 for index")
        }
        guard index.dim == Swift.max(dim, 1) || (dim == 0 && index.dim <= 1) else {
            throw .runtime("Index tensor must have the same number of dimensions as input tensor")
        }
        let selfShape = dim == 0 ? [1] : shape
        let indexShape = index.dim == 0 ? [1] : index.shape
        for k in 0..<indexShape.count where k != n && indexShape[k] > selfShape[k] {
            throw .runtime(
                "Size does not match at dimension \(k) expected index \(shapeString(index.shape)) to be no larger than self \(shapeString(shape)) apart from dimension \(n)")
        }
        let values = index.int64s()
        var flat: [Int] = []
        flat.reserveCapacity(values.count)
        for (i, v) in values.enumerated() {
            let size = selfShape[n]
            guard v >= -Int64(size), v < Int64(size) else {
                throw .runtime("index \(v) is out of bounds for dimension \(n) with size \(size)")
            }
            var c = Tensor.coordinates(i, indexShape)
            c[n] = Int(v < 0 ? v + Int64(size) : v)
            flat.append(Tensor.flatIndex(c, selfShape))
        }
        return take(flat: flat, shape: index.shape)
    }

    /// `x.scatter(dim, index, src)`: a copy with `out[index[i][j]][j] = src[i][j]` (dim 0), later writes win.
    public func scatter(_ d: Int, _ index: Tensor, _ source: Operand) throws(TensorError) -> Tensor {
        let n = try normalizeDim(d, rank: dim)
        guard index.dtype == .int64 else { throw .runtime("scatter(): Expected dtype int64 for index") }
        guard index.dim == dim else {
            throw .runtime("Index tensor must have the same number of dimensions as self tensor")
        }
        let result = clone()
        let values = index.int64s()
        let src: Tensor
        switch source {
        case .tensor(let t): src = t.to(dtype)
        default: src = source.tensor(as: dtype).broadcastView(to: index.shape)
        }
        for (i, v) in values.enumerated() {
            guard v >= -Int64(shape[n]), v < Int64(shape[n]) else {
                throw .runtime("index \(v) is out of bounds for dimension \(n) with size \(shape[n])")
            }
            let c = Tensor.coordinates(i, index.shape)
            var target = c
            target[n] = Int(v < 0 ? v + Int64(shape[n]) : v)
            let value = src.element(atStorage: src.storageIndex(c), as: Double.self)
            if dtype.isIntegral {
                result.setElement(atStorage: result.storageIndex(target), src.element(atStorage: src.storageIndex(c), as: Int64.self))
            } else {
                result.setElement(atStorage: result.storageIndex(target), value)
            }
        }
        return result
    }

    /// `x.index_select(dim, index)` with a 1-D (or 0-dim) integer index.
    public func index_select(_ d: Int, _ index: Tensor) throws(TensorError) -> Tensor {
        let n = try normalizeDim(d, rank: dim)
        guard index.dim <= 1 else { throw .index("index_select(): Index is supposed to be a vector") }
        guard index.dtype == .int64 || index.dtype == .int32 else {
            throw .runtime("index_select(): Expected dtype int32 or int64 for index")
        }
        let picks = index.int64s()
        let size = dim == 0 ? 1 : shape[n]
        for v in picks where v < 0 || v >= Int64(size) { throw .index("index out of range in self") }
        if dim == 0 { return take(flat: picks.map { _ in 0 }, shape: index.dim == 0 ? [] : [picks.count]) }
        var outShape = shape
        outShape[n] = picks.count
        let count = outShape.reduce(1, *)
        let flat = (0..<count).map { i -> Int in
            var c = Tensor.coordinates(i, outShape)
            c[n] = Int(picks[c[n]])
            return Tensor.flatIndex(c, shape)
        }
        return take(flat: flat, shape: outShape)
    }

    /// `x.masked_select(mask)`: broadcasts both, returns the selected elements as 1-D.
    public func masked_select(_ mask: Tensor) throws(TensorError) -> Tensor {
        guard mask.dtype == .bool else {
            throw .runtime("masked_select: expected BoolTensor for mask")
        }
        let shape = try Broadcasting.shape(mask.shape, self.shape)
        let picks = mask.broadcastView(to: shape).bools()
        let source = broadcastView(to: shape).contiguous()
        let flat = picks.indices.filter { picks[$0] }
        return source.take(flat: flat, shape: [flat.count])
    }

    // MARK: roll / flip

    /// `x.roll(shifts, dims)`: without dims, rolls the flattened tensor.
    public func roll(_ shifts: [Int], dims: [Int] = []) throws(TensorError) -> Tensor {
        if dims.isEmpty {
            guard shifts.count == 1 else {
                throw .runtime("shifts and dimensions must align. shifts: \(shifts.count), dims:0")
            }
            return try reshape([-1]).roll(shifts, dims: [0]).view(shape)
        }
        guard shifts.count == dims.count else {
            throw .runtime("shifts and dimensions must align. shifts: \(shifts.count), dims:\(dims.count)")
        }
        var normalized: [Int] = []
        for d in dims { normalized.append(try normalizeDim(d, rank: dim)) }
        let count = numel
        let flat = (0..<count).map { i -> Int in
            var c = Tensor.coordinates(i, shape)
            for (k, d) in normalized.enumerated() where shape[d] > 0 {
                let size = shape[d]
                c[d] = (((c[d] - shifts[k]) % size) + size) % size
            }
            return Tensor.flatIndex(c, shape)
        }
        return take(flat: flat, shape: shape)
    }

    /// `x.flip(dims)`.
    public func flip(_ dims: [Int]) throws(TensorError) -> Tensor {
        var normalized = Set<Int>()
        for d in dims {
            let n = try normalizeDim(d, rank: dim)
            guard normalized.insert(n).inserted else { throw .runtime("dims has duplicates, original flip dims size=\(dims.count), but unique flip dims size=\(normalized.count)") }
        }
        let flat = (0..<numel).map { i -> Int in
            var c = Tensor.coordinates(i, shape)
            for d in normalized { c[d] = shape[d] - 1 - c[d] }
            return Tensor.flatIndex(c, shape)
        }
        return take(flat: flat, shape: shape)
    }
}
