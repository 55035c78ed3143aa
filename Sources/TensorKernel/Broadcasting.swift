/// PyTorch's broadcasting rules: right-aligned sizes, size-1 dims stretch.
public enum Broadcasting {
    /// The broadcast shape of `a` and `b`, checked from the last dim (as PyTorch does); the error names `a` as
    /// "tensor a" and counts dims in the result.
    public static func shape(_ a: [Int], _ b: [Int]) throws(TensorError) -> [Int] {
        let rank = max(a.count, b.count)
        var result = [Int](repeating: 1, count: rank)
        for i in (0..<rank).reversed() {
            let da = i - (rank - a.count), db = i - (rank - b.count)
            let sa = da >= 0 ? a[da] : 1, sb = db >= 0 ? b[db] : 1
            if sa == sb || sb == 1 {
                result[i] = sa
            } else if sa == 1 {
                result[i] = sb
            } else {
                throw .runtime(
                    "The size of tensor a (\(sa)) must match the size of tensor b (\(sb)) at non-singleton dimension \(i)")
            }
        }
        return result
    }

    /// The broadcast shape of several shapes, folded left to right.
    public static func shape(_ shapes: [[Int]]) throws(TensorError) -> [Int] {
        var result: [Int] = []
        for s in shapes { result = try shape(result, s) }
        return result
    }

    /// Checks that an in-place op's output `shape` already equals the broadcast of itself with `other`.
    static func checkInPlace(_ shape: [Int], _ other: [Int]) throws(TensorError) {
        let broadcast = try Broadcasting.shape(shape, other)
        guard broadcast == shape else {
            throw .runtime("output with shape \(shapeString(shape)) doesn't match the broadcast shape \(shapeString(broadcast))")
        }
    }
}

extension Tensor {
    /// A stride-0 view of `self` broadcast to `target` (which must be a valid broadcast of `shape`).
    func broadcastView(to target: [Int]) -> Tensor {
        if target == shape { return self }
        let lead = target.count - shape.count
        var newStrides = [Int](repeating: 0, count: target.count)
        for i in 0..<shape.count where shape[i] != 1 || target[lead + i] == 1 {
            newStrides[lead + i] = shape[i] == 1 ? 0 : strides[i]
        }
        return Tensor(storage: storage, shape: target, strides: newStrides, offset: offset)
    }
}
