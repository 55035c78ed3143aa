/// `where`, `masked_fill`, `isclose`/`allclose`/`equal`: elementwise selection and comparison helpers.
extension Tensor {
    /// `torch.where(condition, a, b)`: broadcasts all three; `a`/`b` promote like a binary op.
    public static func where_(_ condition: Tensor, _ a: Operand, _ b: Operand) throws(TensorError) -> Tensor {
        guard condition.dtype == .bool else {
            throw .runtime("where expected condition to be a boolean tensor, but got a tensor with dtype \(condition.dtype.scalarTypeName)")
        }
        let dtype = TypePromotion.resultType(a, b)
        let shape = try Broadcasting.shape([condition.shape, a.shape, b.shape])
        let c = condition.broadcastView(to: shape).contiguous()
        let ta = a.tensor(as: dtype).broadcastView(to: shape), tb = b.tensor(as: dtype).broadcastView(to: shape)
        let picks = c.toArray(as: Bool.self)
        switch dtype {
        case .float32: return select(picks, ta, tb, shape, Float.self)
        case .float64: return select(picks, ta, tb, shape, Double.self)
        case .int64: return select(picks, ta, tb, shape, Int64.self)
        case .int32: return select(picks, ta, tb, shape, Int32.self)
        case .bool: return select(picks, ta, tb, shape, Bool.self)
        }
    }

    private static func select<T: TensorElement>(_ picks: [Bool], _ a: Tensor, _ b: Tensor, _ shape: [Int], _ type: T.Type) -> Tensor {
        let va = a.toArray(as: T.self), vb = b.toArray(as: T.self)
        var out = [T]()
        out.reserveCapacity(picks.count)
        for i in 0..<picks.count { out.append(picks[i] ? va[i] : vb[i]) }
        return Tensor(out, shape: shape)
    }

    /// `x.masked_fill(mask, value)`: the mask broadcasts first ("tensor a") against `x`.
    public func masked_fill(_ mask: Tensor, _ value: Operand) throws(TensorError) -> Tensor {
        try checkMaskedFill(mask, value)
        let shape = try Broadcasting.shape(mask.shape, self.shape)
        let result = broadcastView(to: shape).copyContiguous()
        try result.masked_fill_(mask, value)
        return result
    }

    private func checkMaskedFill(_ mask: Tensor, _ value: Operand) throws(TensorError) {
        guard mask.dtype == .bool else {
            throw .runtime("masked_fill_ only supports boolean masks, but got mask with dtype \(mask.dtype.cTypeName)")
        }
        if case .tensor(let v) = value, v.dim != 0 {
            throw .runtime(
                "masked_fill_ only supports a 0-dimensional value tensor, but got tensor with \(v.dim) dimension(s).")
        }
    }

    /// `x.masked_fill_(mask, value)` through the view; the mask may not grow `x`.
    @discardableResult
    public func masked_fill_(_ mask: Tensor, _ value: Operand) throws(TensorError) -> Tensor {
        try checkMaskedFill(mask, value)
        try Broadcasting.checkInPlace(shape, mask.shape)
        let picks = mask.broadcastView(to: shape).toArray(as: Bool.self)
        let fill = value.tensor(as: dtype)
        switch dtype {
        case .float32: fillPicked(picks, fill.storage.pointer(as: Float.self)[fill.offset])
        case .float64: fillPicked(picks, fill.storage.pointer(as: Double.self)[fill.offset])
        case .int64: fillPicked(picks, fill.storage.pointer(as: Int64.self)[fill.offset])
        case .int32: fillPicked(picks, fill.storage.pointer(as: Int32.self)[fill.offset])
        case .bool: fillPicked(picks, fill.storage.pointer(as: Bool.self)[fill.offset])
        }
        return self
    }

    private func fillPicked<T: TensorElement>(_ picks: [Bool], _ value: T) {
        let base = storage.pointer(as: T.self)
        var i = 0
        forEachStorageIndex { position in
            if picks[i] { base[position] = value }
            i += 1
        }
    }

    /// `torch.isclose(a, b, rtol, atol, equal_nan)`: `|a - b| <= atol + rtol * |b|`.
    public func isclose(_ other: Tensor, rtol: Double = 1e-5, atol: Double = 1e-8, equalNan: Bool = false) throws(TensorError) -> Tensor {
        guard dtype == other.dtype else {
            throw .runtime("\(dtype.scalarTypeName) did not match \(other.dtype.scalarTypeName)")
        }
        let shape = try Broadcasting.shape(self.shape, other.shape)
        let a = broadcastView(to: shape).toArray(as: Double.self), b = other.broadcastView(to: shape).toArray(as: Double.self)
        var out = [Bool]()
        out.reserveCapacity(a.count)
        for i in 0..<a.count {
            let x = a[i], y = b[i]
            if x == y { out.append(true); continue }
            if x.isNaN || y.isNaN { out.append(equalNan && x.isNaN && y.isNaN); continue }
            if !x.isFinite || !y.isFinite { out.append(false); continue }
            out.append(Swift.abs(x - y) <= atol + rtol * Swift.abs(y))
        }
        return Tensor(out, shape: shape)
    }

    /// `torch.allclose(a, b, rtol, atol, equal_nan)`.
    public func allclose(_ other: Tensor, rtol: Double = 1e-5, atol: Double = 1e-8, equalNan: Bool = false) throws(TensorError) -> Bool {
        try isclose(other, rtol: rtol, atol: atol, equalNan: equalNan).bools().allSatisfy { $0 }
    }

    /// `torch.equal(a, b)`: same shape and equal elements (NaN never equal).
    public func equal(_ other: Tensor) -> Bool {
        guard shape == other.shape else { return false }
        let dtype = TypePromotion.promote(self.dtype, other.dtype)
        guard let same = try? Tensor.binary(.eq, .tensor(to(dtype)), .tensor(other.to(dtype))) else { return false }
        return same.bools().allSatisfy { $0 }
    }
}
