/// Reductions other than sum/mean: max/min (with indices), amax/amin, argmax/argmin, prod, var/std, norm,
/// logsumexp, cumsum, all/any. Each reduces contiguous rows after moving the reduced dims last.
extension Tensor {
    /// Applies `body` to every reduced row (as a buffer of `T`) and collects one result per row.
    func reduceRows<T: TensorElement, R>(_ reduced: Set<Int>, _ type: T.Type, _ body: (UnsafeBufferPointer<T>) -> R) -> [R] {
        let (rows, length) = reductionRows(reduced)
        let count = reducedShape(reduced, keepdim: false).reduce(1, *)
        let base = UnsafePointer(rows.storage.pointer(as: T.self)) + rows.offset
        return (0..<count).map { body(UnsafeBufferPointer(start: base + $0 * length, count: length)) }
    }

    /// Index of the max (or min) in a row, first occurrence; a NaN wins at its first position.
    static func extremeIndex<T: TensorElement & Comparable>(_ row: UnsafeBufferPointer<T>, largest: Bool) -> Int {
        var best = 0
        for i in 1..<Swift.max(row.count, 1) {
            let v = row[i], b = row[best]
            if b != b { break }
            if v != v { best = i; break }
            if largest ? v > b : v < b { best = i }
        }
        return best
    }

    private func requireElements(_ name: String) throws(TensorError) {
        if numel == 0 {
            throw .runtime(
                "\(name)(): Expected reduction dim to be specified for input.numel() == 0. Specify the reduction dim with the 'dim' argument.")
        }
    }

    private func checkNonEmptyDim(_ name: String, _ d: Int) throws(TensorError) {
        if dim > 0 && shape[d] == 0 {
            throw .index("\(name)(): Expected reduction dim \(d) to have non-zero size.")
        }
    }

    /// `(values, indices)` of the max or min along one dim.
    private func extremeAlong(_ d: Int, keepdim: Bool, largest: Bool, name: String) throws(TensorError) -> (values: Tensor, indices: Tensor) {
        let n = try normalizeDim(d, rank: dim)
        try checkNonEmptyDim(name, n)
        let reduced: Set<Int> = dim == 0 ? [] : [n]
        let outShape = reducedShape(reduced, keepdim: keepdim)
        let indices: [Int64]
        switch dtype {
        case .float32: indices = reduceRows(reduced, Float.self) { Int64(Tensor.extremeIndex($0, largest: largest)) }
        case .float64: indices = reduceRows(reduced, Double.self) { Int64(Tensor.extremeIndex($0, largest: largest)) }
        case .int64: indices = reduceRows(reduced, Int64.self) { Int64(Tensor.extremeIndex($0, largest: largest)) }
        case .int32: indices = reduceRows(reduced, Int32.self) { Int64(Tensor.extremeIndex($0, largest: largest)) }
        case .bool:
            indices = to(.int64).reduceRows(reduced, Int64.self) { Int64(Tensor.extremeIndex($0, largest: largest)) }
        }
        let indexTensor = Tensor(indices, shape: outShape)
        let values = try gather(dim == 0 ? 0 : n, dim == 0 ? indexTensor : (keepdim ? indexTensor : indexTensor.unsqueeze(n)))
        return (keepdim || dim == 0 ? values : try values.squeeze(n), indexTensor)
    }

    /// `x.max()`: the largest element (NaN if any), 0-dim.
    public func max() throws(TensorError) -> Tensor {
        try requireElements("max")
        return try amax(dim: nil)
    }

    public func min() throws(TensorError) -> Tensor {
        try requireElements("min")
        return try amin(dim: nil)
    }

    /// `x.max(dim, keepdim)` → `(values, indices)`.
    public func max(dim d: Int, keepdim: Bool = false) throws(TensorError) -> (values: Tensor, indices: Tensor) {
        try extremeAlong(d, keepdim: keepdim, largest: true, name: "max")
    }

    public func min(dim d: Int, keepdim: Bool = false) throws(TensorError) -> (values: Tensor, indices: Tensor) {
        try extremeAlong(d, keepdim: keepdim, largest: false, name: "min")
    }

    /// `x.argmax(dim, keepdim)`; without a dim, the flat index.
    public func argmax(dim d: Int? = nil, keepdim: Bool = false) throws(TensorError) -> Tensor {
        guard let d else {
            try requireElements("argmax")
            return try reshape([-1]).extremeAlong(0, keepdim: false, largest: true, name: "argmax").indices
        }
        return try extremeAlong(d, keepdim: keepdim, largest: true, name: "argmax").indices
    }

    public func argmin(dim d: Int? = nil, keepdim: Bool = false) throws(TensorError) -> Tensor {
        guard let d else {
            try requireElements("argmin")
            return try reshape([-1]).extremeAlong(0, keepdim: false, largest: false, name: "argmin").indices
        }
        return try extremeAlong(d, keepdim: keepdim, largest: false, name: "argmin").indices
    }

    /// `x.amax(dim, keepdim)`: NaN-propagating max over one or more dims.
    public func amax(dim dims: [Int]?, keepdim: Bool = false) throws(TensorError) -> Tensor {
        try extremeValues(dims, keepdim: keepdim, largest: true)
    }

    public func amin(dim dims: [Int]?, keepdim: Bool = false) throws(TensorError) -> Tensor {
        try extremeValues(dims, keepdim: keepdim, largest: false)
    }

    private func extremeValues(_ dims: [Int]?, keepdim: Bool, largest: Bool) throws(TensorError) -> Tensor {
        let reduced = try reductionDims(dims)
        for d in reduced.sorted() { try checkNonEmptyDim(largest ? "amax" : "amin", d) }
        let outShape = reducedShape(reduced, keepdim: keepdim)
        switch dtype {
        case .float32: return Tensor(reduceRows(reduced, Float.self) { $0[Tensor.extremeIndex($0, largest: largest)] }, shape: outShape)
        case .float64: return Tensor(reduceRows(reduced, Double.self) { $0[Tensor.extremeIndex($0, largest: largest)] }, shape: outShape)
        case .int64: return Tensor(reduceRows(reduced, Int64.self) { $0[Tensor.extremeIndex($0, largest: largest)] }, shape: outShape)
        case .int32: return Tensor(reduceRows(reduced, Int32.self) { $0[Tensor.extremeIndex($0, largest: largest)] }, shape: outShape)
        case .bool: return try to(.int64).extremeValues(dims, keepdim: keepdim, largest: largest).to(.bool)
        }
    }

    /// `x.prod(dim, keepdim)`: sequential product; integers and bools give int64.
    public func prod(dim d: Int? = nil, keepdim: Bool = false) throws(TensorError) -> Tensor {
        let reduced = try reductionDims(d.map { [$0] })
        let outShape = reducedShape(reduced, keepdim: d == nil ? false : keepdim)
        switch dtype {
        case .float32: return Tensor(reduceRows(reduced, Float.self) { $0.reduce(1, *) }, shape: outShape)
        case .float64: return Tensor(reduceRows(reduced, Double.self) { $0.reduce(1, *) }, shape: outShape)
        default: return Tensor(to(.int64).reduceRows(reduced, Int64.self) { $0.reduce(1, &*) }, shape: outShape)
        }
    }

    /// `x.var(dim, correction, keepdim)`: all-reduce uses ATen's two-pass double formula around the float mean;
    /// dim reductions use Welford in double. `unbiased` maps to correction 1 or 0.
    public func var_(dim dims: [Int]? = nil, correction: Double = 1, keepdim: Bool = false) throws(TensorError) -> Tensor {
        try variance(dims, correction: correction, keepdim: keepdim, takeSqrt: false)
    }

    public func std(dim dims: [Int]? = nil, correction: Double = 1, keepdim: Bool = false) throws(TensorError) -> Tensor {
        try variance(dims, correction: correction, keepdim: keepdim, takeSqrt: true)
    }

    private func variance(_ dims: [Int]?, correction: Double, keepdim: Bool, takeSqrt: Bool) throws(TensorError) -> Tensor {
        guard dtype.isFloatingPoint else {
            throw .notImplemented("std and var only support floating point and complex dtypes")
        }
        let reduced = try reductionDims(dims)
        let outShape = reducedShape(reduced, keepdim: keepdim)
        func finish(_ m2: Double, _ n: Int) -> Double {
            let v = m2 / Swift.max(0, Double(n) - correction)
            return takeSqrt ? v.squareRoot() : v
        }
        if reduced.count == dim {
            let mean = try self.mean().double(flat: 0)
            var sum = 0.0
            for v in doubles() { sum += (v - mean) * (v - mean) }
            return try Tensor.scalar(finish(sum, numel), dtype: dtype).reshape(outShape)
        }
        let values = to(.float64).reduceRows(reduced, Double.self) { row -> Double in
            var mean = 0.0, m2 = 0.0, n = 0.0
            for x in row {
                let delta = x - mean
                n += 1
                mean += delta / n
                m2 += delta * (x - mean)
            }
            return finish(m2, row.count)
        }
        return Tensor(values, shape: outShape).to(dtype)
    }

    /// `x.norm(p=2, dim, keepdim)`: square root of the float sum of squares (cascade order).
    public func norm(p: Double = 2, dim dims: [Int]? = nil, keepdim: Bool = false) throws(TensorError) -> Tensor {
        guard dtype.isFloatingPoint else {
            throw .notImplemented(
                "linalg.vector_norm: Expected a floating point or complex tensor as input. Got \(dtype.scalarTypeName)")
        }
        _ = try reductionDims(dims)
        if p == 2 { return try mul(.tensor(self)).sum(dim: dims, keepdim: keepdim).sqrt() }
        if p == 1 { return try abs().sum(dim: dims, keepdim: keepdim) }
        if p == .infinity { return try abs().amax(dim: dims, keepdim: keepdim) }
        return try abs().pow(.double(p)).sum(dim: dims, keepdim: keepdim).pow(.double(1 / p))
    }

    /// `torch.logsumexp(x, dim, keepdim)`: ATen's `max + log(sum(exp(x - max)))`, infinite maxes treated as 0.
    public func logsumexp(dim dims: [Int], keepdim: Bool = false) throws(TensorError) -> Tensor {
        let source = dtype.isFloatingPoint ? self : to(.float32)
        let maxes = try source.amax(dim: dims, keepdim: true)
        let safe = try maxes.masked_fill(maxes.abs().eq(.double(.infinity)), .int(0))
        let total = try source.sub(.tensor(safe)).exp().sum(dim: dims, keepdim: keepdim)
        let shift = keepdim ? safe : try safe.squeeze(dims: dims)
        return try total.log().add(.tensor(shift))
    }

    /// `x.cumsum(dim)`: float32 accumulates in double (ATen's acc type), integers and bools give int64.
    public func cumsum(_ d: Int) throws(TensorError) -> Tensor {
        let n = try normalizeDim(d, rank: dim)
        let moved = dim == 0 ? self : try transpose(n, dim - 1).contiguous()
        let length = dim == 0 ? 1 : moved.shape[dim - 1]
        let rows = length == 0 ? 0 : moved.numel / length
        let result: Tensor
        switch dtype {
        case .float32, .float64:
            let values = moved.doubles()
            var out = [Double](repeating: 0, count: values.count)
            for r in 0..<rows {
                var acc = 0.0
                for k in 0..<length {
                    acc += dtype == .float32 ? values[r * length + k] : values[r * length + k]
                    out[r * length + k] = acc
                }
            }
            result = Tensor(out, shape: moved.shape).to(dtype)
        default:
            let values = moved.int64s()
            var out = [Int64](repeating: 0, count: values.count)
            for r in 0..<rows {
                var acc: Int64 = 0
                for k in 0..<length {
                    acc &+= values[r * length + k]
                    out[r * length + k] = acc
                }
            }
            result = Tensor(out, shape: moved.shape)
        }
        return dim == 0 ? result : try result.transpose(n, dim - 1).contiguous()
    }

    /// `x.all(dim, keepdim)` → bool.
    public func all(dim d: Int? = nil, keepdim: Bool = false) throws(TensorError) -> Tensor {
        let reduced = try reductionDims(d.map { [$0] })
        return Tensor(to(.bool).reduceRows(reduced, Bool.self) { $0.allSatisfy { $0 } }, shape: reducedShape(reduced, keepdim: d == nil ? false : keepdim))
    }

    /// `x.any(dim, keepdim)` → bool.
    public func any(dim d: Int? = nil, keepdim: Bool = false) throws(TensorError) -> Tensor {
        let reduced = try reductionDims(d.map { [$0] })
        return Tensor(to(.bool).reduceRows(reduced, Bool.self) { $0.contains(true) }, shape: reducedShape(reduced, keepdim: d == nil ? false : keepdim))
    }
}
