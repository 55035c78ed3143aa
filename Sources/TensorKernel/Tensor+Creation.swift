/// Factory functions (`torch.tensor`, `zeros`, `arange`, `linspace`, `eye`, ...) with PyTorch's dtype inference.
extension Tensor {
    /// Factories reject negative sizes with PyTorch's message.
    public static func checkShape(_ shape: [Int]) throws(TensorError) {
        if let negative = shape.first(where: { $0 < 0 }) {
            throw .runtime("Trying to create tensor with negative dimension \(negative): \(shapeString(shape))")
        }
    }

    /// The dtype `torch.tensor` / `torch.full` infer for a Python number.
    public static func inferredDType(_ value: Scalar) -> DType {
        switch value {
        case .bool: .bool
        case .int: .int64
        case .double: .float32
        }
    }

    /// A tensor filled with `value` converted to `dtype`.
    static func filled(_ shape: [Int], _ value: Scalar, _ dtype: DType) -> Tensor {
        let count = shape.reduce(1, *)
        switch (dtype, value) {
        case (.float32, _): return Tensor([Float](repeating: Float(value.asDouble), count: count), shape: shape)
        case (.float64, _): return Tensor([Double](repeating: value.asDouble, count: count), shape: shape)
        case (.int64, .int(let i)): return Tensor([Int64](repeating: Int64(i), count: count), shape: shape)
        case (.int32, .int(let i)): return Tensor([Int32](repeating: Int32(truncatingIfNeeded: i), count: count), shape: shape)
        case (.int64, _): return Tensor([Int64](repeating: Int64(fromDouble: value.asDouble), count: count), shape: shape)
        case (.int32, _): return Tensor([Int32](repeating: Int32(fromDouble: value.asDouble), count: count), shape: shape)
        case (.bool, _): return Tensor([Bool](repeating: value.asDouble != 0, count: count), shape: shape)
        }
    }

    /// `torch.zeros(shape, dtype=)`.
    public static func zeros(_ shape: [Int], dtype: DType = .float32) throws(TensorError) -> Tensor {
        if shape.contains(where: { $0 < 0 }) { throw .runtime("zeros: Dimension size must be non-negative.") }
        return Tensor(zeros: shape, dtype: dtype)
    }

    /// `torch.ones(shape, dtype=)`.
    public static func ones(_ shape: [Int], dtype: DType = .float32) throws(TensorError) -> Tensor {
        try checkShape(shape)
        return filled(shape, .int(1), dtype)
    }

    /// `torch.full(shape, value, dtype=)`; without a dtype it follows the value (bool, int64, float32).
    public static func full(_ shape: [Int], _ value: Scalar, dtype: DType? = nil) throws(TensorError) -> Tensor {
        try checkShape(shape)
        return filled(shape, value, dtype ?? inferredDType(value))
    }

    /// `torch.empty(shape)`: zero-filled here, so output is deterministic.
    public static func empty(_ shape: [Int], dtype: DType = .float32) throws(TensorError) -> Tensor {
        try checkShape(shape)
        return Tensor(zeros: shape, dtype: dtype)
    }

    public static func zeros_like(_ other: Tensor, dtype: DType? = nil) -> Tensor {
        Tensor(zeros: other.shape, dtype: dtype ?? other.dtype)
    }

    public static func ones_like(_ other: Tensor, dtype: DType? = nil) -> Tensor {
        filled(other.shape, .int(1), dtype ?? other.dtype)
    }

    public static func full_like(_ other: Tensor, _ value: Scalar, dtype: DType? = nil) -> Tensor {
        filled(other.shape, value, dtype ?? other.dtype)
    }

    public static func empty_like(_ other: Tensor, dtype: DType? = nil) -> Tensor { zeros_like(other, dtype: dtype) }

    /// `torch.eye(n, m)`.
    public static func eye(_ n: Int, _ m: Int? = nil, dtype: DType = .float32) throws(TensorError) -> Tensor {
        guard n >= 0 else { throw .runtime("n must be greater or equal to 0, got \(n)") }
        let columns = m ?? n
        guard columns >= 0 else { throw .runtime("m must be greater or equal to 0, got \(columns)") }
        let result = Tensor(zeros: [n, columns], dtype: dtype)
        for i in 0..<Swift.min(n, columns) { result.setElement(atStorage: i * columns + i, true) }
        return result
    }

    // MARK: Ranges

    /// `torch.arange(end)`.
    public static func arange(_ end: Scalar, dtype: DType? = nil) throws(TensorError) -> Tensor {
        try arange(.int(0), end, .int(1), dtype: dtype)
    }

    /// `torch.arange(start, end, step)`: int64 unless any bound is a float (then float32).
    ///
    /// Float values follow ATen's vectorised kernel: blocks of `2 * laneWidth` elements are built as
    /// `Float(start + step * blockStart) + k * step`; the tail as `start + step * i` (both in double).
    /// `laneWidth` is `Vectorized<float>::size()`: 16 on the AVX-512 reference machine, 8 on AVX2.
    public static func arange(
        _ start: Scalar, _ end: Scalar, _ step: Scalar = .int(1), dtype: DType? = nil, laneWidth: Int = 16
    ) throws(TensorError) -> Tensor {
        let isFloat = [start, end, step].contains { if case .double = $0 { true } else { false } }
        let dtype = dtype ?? (isFloat ? .float32 : .int64)
        let xstart = start.asDouble, xend = end.asDouble, xstep = step.asDouble
        guard xstep != 0 else { throw .runtime("step must be nonzero") }
        guard xstart.isFinite && xend.isFinite else {
            throw .runtime("unsupported range: \(xstart) -> \(xend)")
        }
        guard (xstep > 0 && xend >= xstart) || (xstep < 0 && xend <= xstart) else {
            throw .runtime("upper bound and lower bound inconsistent with step sign")
        }
        let count: Int
        if dtype == .int64, case .int(let s) = start, case .int(let e) = end, case .int(let st) = step {
            count = Int((Double(e - s) / Double(st)).rounded(.up))
        } else {
            count = Int(((xend - xstart) / xstep).rounded(.up))
        }
        switch dtype {
        case .float32: return Tensor(rangeValues(Float.self, xstart, xstep, count, laneWidth), shape: [count])
        case .float64: return Tensor(rangeValues(Double.self, xstart, xstep, count, laneWidth / 2), shape: [count])
        case .int64, .int32, .bool:
            if case .int(let s) = start, case .int(let st) = step {
                let values = (0..<count).map { Int64(s) &+ Int64(st) &* Int64($0) }
                return Tensor(values, shape: [count]).to(dtype)
            }
            let s = Int64(fromDouble: xstart), st = Int64(fromDouble: xstep)
            return Tensor((0..<count).map { s &+ st &* Int64($0) }, shape: [count]).to(dtype)
        }
    }

    private static func rangeValues<T: FloatElement>(_ type: T.Type, _ start: Double, _ step: Double, _ count: Int, _ lanes: Int) -> [T] {
        var values = [T](repeating: 0, count: count)
        let vectorEnd = count >= 2 * lanes ? (count - count % (2 * lanes)) : 0
        var i = 0
        while i < vectorEnd {
            let base = T(start + step * Double(i))
            for k in 0..<lanes { values[i + k] = T(Double(base) + Double(k) * step) }
            i += lanes
        }
        while i < count {
            values[i] = T(start + step * Double(i))
            i += 1
        }
        return values
    }

    /// `torch.linspace(start, end, steps)`: ATen's symmetric formula with the multiply-add fused (as compiled).
    public static func linspace(_ start: Double, _ end: Double, _ steps: Int, dtype: DType = .float32) throws(TensorError) -> Tensor {
        guard steps >= 0 else { throw .runtime("number of steps must be non-negative") }
        switch dtype {
        case .float32: return Tensor(symmetricRange(Float(start), Float(end), steps), shape: [steps])
        case .float64: return Tensor(symmetricRange(start, end, steps), shape: [steps])
        case .int64, .int32, .bool:
            let s = Double(Int64(fromDouble: start)), e = Double(Int64(fromDouble: end))
            return Tensor(symmetricRange(s, e, steps).map { Int64(fromDouble: $0) }, shape: [steps]).to(dtype)
        }
    }

    private static func symmetricRange<T: FloatElement>(_ start: T, _ end: T, _ steps: Int) -> [T] {
        if steps == 1 { return [start] }
        let step = (end - start) / T(steps - 1)
        let halfway = steps / 2
        return (0..<steps).map { i in
            i < halfway ? start.addingProduct(step, T(i)) : end.addingProduct(-step, T(steps - i - 1))
        }
    }

    // MARK: Triangles

    /// `x.tril(diagonal)`: keeps `j - i <= diagonal` in the last two dims.
    public func tril(_ diagonal: Int = 0) throws(TensorError) -> Tensor {
        try triangle(name: "tril") { i, j in j - i <= diagonal }
    }

    /// `x.triu(diagonal)`: keeps `j - i >= diagonal` in the last two dims.
    public func triu(_ diagonal: Int = 0) throws(TensorError) -> Tensor {
        try triangle(name: "triu") { i, j in j - i >= diagonal }
    }

    private func triangle(name: String, keep: (Int, Int) -> Bool) throws(TensorError) -> Tensor {
        guard dim >= 2 else { throw .runtime("\(name): input tensor must have at least 2 dimensions") }
        let rows = shape[dim - 2], columns = shape[dim - 1]
        var mask = [Bool]()
        mask.reserveCapacity(rows * columns)
        for i in 0..<rows { for j in 0..<columns { mask.append(keep(i, j)) } }
        let keepMask = Tensor(mask, shape: [rows, columns])
        return try Tensor.where_(keepMask, .tensor(self), .tensor(Tensor(zeros: [], dtype: dtype)))
    }

    // MARK: torch.tensor

    /// `torch.tensor(data, dtype=)`: infers bool / int64 / float32 from the Python values; ragged data raises
    /// `ValueError: expected sequence of length N at dim d (got M)`.
    public static func tensor(_ data: NestedList, dtype: DType? = nil) throws(TensorError) -> Tensor {
        var shape: [Int] = []
        var probe = data
        while case .list(let items) = probe {
            shape.append(items.count)
            guard let first = items.first else { break }
            probe = first
        }
        var scalars: [Scalar] = []
        scalars.reserveCapacity(shape.reduce(1, *))
        let target = dtype
        func collect(_ node: NestedList, _ depth: Int) throws(TensorError) {
            switch node {
            case .scalar(let s):
                guard depth == shape.count else { throw .type("not a sequence") }
                scalars.append(s)
            case .list(let items):
                guard depth < shape.count else {
                    let inferred = target ?? .int64
                    throw .type(inferred.isFloatingPoint ? "must be real number, not list" : "'list' object cannot be interpreted as an integer")
                }
                guard items.count == shape[depth] else {
                    throw .value("expected sequence of length \(shape[depth]) at dim \(depth) (got \(items.count))")
                }
                for item in items { try collect(item, depth + 1) }
            }
        }
        try collect(data, 0)
        var inferred = DType.bool
        if scalars.isEmpty { inferred = .float32 }
        for s in scalars {
            switch s {
            case .bool: break
            case .int: if inferred == .bool { inferred = .int64 }
            case .double: inferred = .float32
            }
        }
        let result = dtype ?? inferred
        switch result {
        case .float32: return Tensor(scalars.map { Float($0.asDouble) }, shape: shape)
        case .float64: return Tensor(scalars.map { $0.asDouble }, shape: shape)
        case .int64: return Tensor(scalars.map { s -> Int64 in if case .int(let i) = s { Int64(i) } else { Int64(fromDouble: s.asDouble) } }, shape: shape)
        case .int32: return Tensor(scalars.map { s -> Int32 in if case .int(let i) = s { Int32(truncatingIfNeeded: i) } else { Int32(fromDouble: s.asDouble) } }, shape: shape)
        case .bool: return Tensor(scalars.map { $0.asDouble != 0 }, shape: shape)
        }
    }
}
