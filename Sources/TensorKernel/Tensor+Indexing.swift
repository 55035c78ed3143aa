/// Python subscripts on tensors: basic indexing gives views, tensor/list indices give copies (PyTorch rules).
public enum TensorIndex: Sendable {
    case int(Int)
    case slice(start: Int?, stop: Int?, step: Int?)
    /// `None`: inserts a size-1 dim.
    case newAxis
    case ellipsis
    /// An integer tensor (advanced index) or a bool tensor (mask).
    case tensor(Tensor)
    /// A Python list of ints (an advanced index).
    case list([Int])
    /// A Python list of bools (a mask).
    case boolList([Bool])
}

extension TensorError {
    /// The IndexError for an unsupported Python index type (`float`, `str`, ...).
    public static func invalidIndexType(_ pythonType: String) -> TensorError {
        .index(
            "only integers, slices (`:`), ellipsis (`...`), None and long or byte Variables are valid indices (got \(pythonType))")
    }
}

extension Tensor {
    /// The result of applying the basic part of an index: a view plus advanced indices at view dims.
    struct IndexPlan {
        var view: Tensor
        var advanced: [(dim: Int, index: Tensor)]
    }

    func indexPlan(_ indices: [TensorIndex]) throws(TensorError) -> IndexPlan {
        var items: [TensorIndex] = []
        for item in indices {
            switch item {
            case .list(let values): items.append(.tensor(Tensor(values.map(Int64.init))))
            case .boolList(let values): items.append(.tensor(Tensor(values)))
            case .tensor(let t) where t.dim == 0 && t.dtype.isIntegral:
                // A 0-dim integer tensor indexes like a Python int (PyTorch returns a view).
                items.append(.int(Int(t.int64(flat: 0))))
            default: items.append(item)
            }
        }
        var consumed = 0
        for item in items {
            switch item {
            case .int, .slice: consumed += 1
            case .tensor(let t): consumed += t.dtype == .bool ? Swift.max(t.dim, 0) : 1
            case .newAxis, .ellipsis, .list, .boolList: break
            }
        }
        guard consumed <= dim else { throw .index("too many indices for tensor of dimension \(dim)") }
        if let e = items.firstIndex(where: { if case .ellipsis = $0 { true } else { false } }) {
            items.replaceSubrange(e...e, with: [TensorIndex](repeating: .slice(start: nil, stop: nil, step: nil), count: dim - consumed))
        }
        var view = self
        var current = 0
        var advanced: [(dim: Int, index: Tensor)] = []
        for item in items {
            switch item {
            case .int(let i):
                let size = view.shape[current]
                guard i >= -size, i < size else {
                    throw .index("index \(i) is out of bounds for dimension \(current) with size \(size)")
                }
                view = view.selectUnchecked(current, i < 0 ? i + size : i)
            case .slice(let start, let stop, let step):
                view = try view.slice(current, start: start, stop: stop, step: step ?? 1)
                current += 1
            case .newAxis:
                view = try view.unsqueeze(current)
                current += 1
            case .ellipsis:
                break
            case .tensor(let t) where t.dtype == .bool:
                if t.dim == 0 {
                    view = try view.unsqueeze(current)
                    advanced.append((current, try t.item().asDouble != 0 ? Tensor([Int64(0)]) : Tensor([Int64]())))
                    current += 1
                    continue
                }
                for k in 0..<t.dim where t.shape[k] != view.shape[current + k] {
                    throw .index(
                        "The shape of the mask \(shapeString(t.shape)) at index \(k) does not match the shape of the indexed tensor \(shapeString(view.shape)) at index \(current + k)")
                }
                let picks = t.bools()
                let chosen = picks.indices.filter { picks[$0] }
                for k in 0..<t.dim {
                    let coordinate = chosen.map { Int64(Tensor.coordinates($0, t.shape)[k]) }
                    advanced.append((current + k, Tensor(coordinate)))
                }
                current += t.dim
            case .tensor(let t):
                guard t.dtype == .int64 || t.dtype == .int32 else {
                    throw .index("tensors used as indices must be long, int, byte or bool tensors")
                }
                advanced.append((current, t))
                current += 1
            case .list, .boolList:
                break
            }
        }
        return IndexPlan(view: view, advanced: advanced)
    }

    /// Result shape and storage positions (in the plan's view) of an advanced index.
    func advancedPositions(_ plan: IndexPlan) throws(TensorError) -> (shape: [Int], positions: [Int]) {
        let view = plan.view
        let broadcastShape: [Int]
        do {
            broadcastShape = try Broadcasting.shape(plan.advanced.map { $0.index.shape })
        } catch {
            let shapes = plan.advanced.map { shapeString($0.index.shape) }.joined(separator: ", ")
            throw .index("shape mismatch: indexing tensors could not be broadcast together with shapes \(shapes)")
        }
        var indexValues: [[Int64]] = []
        for (d, index) in plan.advanced {
            let values = index.broadcastView(to: broadcastShape).int64s()
            let size = view.shape[d]
            for v in values where v < -Int64(size) || v >= Int64(size) {
                throw .index("index \(v) is out of bounds for dimension \(d) with size \(size)")
            }
            indexValues.append(values.map { $0 < 0 ? $0 + Int64(size) : $0 })
        }
        let dims = plan.advanced.map { $0.dim }
        let adjacent = zip(dims, dims.dropFirst()).allSatisfy { $1 == $0 + 1 }
        let rest = (0..<view.dim).filter { !dims.contains($0) }
        let first = dims.first ?? 0
        let before = adjacent ? rest.filter { $0 < first } : []
        let after = adjacent ? rest.filter { $0 > first } : rest
        let outShape = before.map { view.shape[$0] } + broadcastShape + after.map { view.shape[$0] }
        let count = outShape.reduce(1, *)
        let broadcastCount = broadcastShape.count
        var positions: [Int] = []
        positions.reserveCapacity(count)
        var coordinate = [Int](repeating: 0, count: view.dim)
        for flat in 0..<count {
            let c = Tensor.coordinates(flat, outShape)
            for (k, d) in before.enumerated() { coordinate[d] = c[k] }
            let b = Array(c[before.count..<(before.count + broadcastCount)])
            let bFlat = Tensor.flatIndex(b, broadcastShape)
            for (k, d) in dims.enumerated() { coordinate[d] = Int(indexValues[k][bFlat]) }
            for (k, d) in after.enumerated() { coordinate[d] = c[before.count + broadcastCount + k] }
            positions.append(view.storageIndex(coordinate))
        }
        return (outShape, positions)
    }

    /// `x[indices]`: a view for basic indices, a copy when any tensor/list index is present.
    public func index(_ indices: [TensorIndex]) throws(TensorError) -> Tensor {
        let plan = try indexPlan(indices)
        if plan.advanced.isEmpty { return plan.view }
        let (shape, positions) = try advancedPositions(plan)
        switch dtype {
        case .float32: return Tensor.readPositions(plan.view, positions, shape, Float.self)
        case .float64: return Tensor.readPositions(plan.view, positions, shape, Double.self)
        case .int64: return Tensor.readPositions(plan.view, positions, shape, Int64.self)
        case .int32: return Tensor.readPositions(plan.view, positions, shape, Int32.self)
        case .bool: return Tensor.readPositions(plan.view, positions, shape, Bool.self)
        }
    }

    private static func readPositions<T: TensorElement>(_ view: Tensor, _ positions: [Int], _ shape: [Int], _ type: T.Type) -> Tensor {
        let base = view.storage.pointer(as: T.self)
        return Tensor(positions.map { base[$0] }, shape: shape)
    }

    /// `x[indices] = value`: writes through the view (basic) or at the indexed elements (advanced).
    public func setIndex(_ indices: [TensorIndex], _ value: Operand) throws(TensorError) {
        let plan = try indexPlan(indices)
        let source = value.tensor(as: dtype)
        if plan.advanced.isEmpty {
            let expanded = try source.expand(plan.view.shape)
            Strided.copy(expanded, into: plan.view)
            return
        }
        let (shape, positions) = try advancedPositions(plan)
        let broadcast = try? Broadcasting.shape(shape, source.shape)
        guard broadcast == shape else {
            throw .runtime(
                "shape mismatch: value tensor of shape \(shapeString(source.shape)) cannot be broadcast to indexing result of shape \(shapeString(shape))")
        }
        let values = source.broadcastView(to: shape).contiguous()
        switch dtype {
        case .float32: Tensor.writePositions(plan.view, positions, values, Float.self)
        case .float64: Tensor.writePositions(plan.view, positions, values, Double.self)
        case .int64: Tensor.writePositions(plan.view, positions, values, Int64.self)
        case .int32: Tensor.writePositions(plan.view, positions, values, Int32.self)
        case .bool: Tensor.writePositions(plan.view, positions, values, Bool.self)
        }
    }

    private static func writePositions<T: TensorElement>(_ view: Tensor, _ positions: [Int], _ values: Tensor, _ type: T.Type) {
        let source = values.toArray(as: T.self)
        let base = view.storage.pointer(as: T.self)
        for (k, position) in positions.enumerated() { base[position] = source[k] }
    }
}
