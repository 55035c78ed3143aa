import TensorKernel

// KERNEL-TODO: ops the kernel snapshot lacks; move into TensorKernel when it grows them.
extension Tensor {
    /// `x.nonzero()`: an int64 `[count, dim]` tensor of the indices of non-zero elements, in row-major order.
    func nonzero() -> Tensor {
        let flags = to(.bool).toArray(as: Bool.self)
        var indices: [Int64] = []
        var position = [Int](repeating: 0, count: dim)
        for flag in flags {
            if flag { indices.append(contentsOf: position.map { Int64($0) }) }
            var d = dim - 1
            while d >= 0 {
                position[d] += 1
                if position[d] < shape[d] { break }
                position[d] = 0
                d -= 1
            }
        }
        return Tensor(indices, shape: [indices.count / Swift.max(dim, 1), dim])
    }
}

extension Tensor {
    /// `torch.unique(x)` (sorted), with the inverse indices and counts PyTorch can return.
    func unique() throws(TensorError) -> (values: Tensor, inverse: Tensor, counts: Tensor) {
        let values = to(.float64).contiguous().toArray(as: Double.self)
        let distinct = Array(Set(values)).sorted()
        let position = Dictionary(uniqueKeysWithValues: distinct.enumerated().map { ($1, $0) })
        var counts = [Int64](repeating: 0, count: distinct.count)
        var inverse: [Int64] = []
        inverse.reserveCapacity(values.count)
        for value in values {
            let index = position[value]!
            counts[index] += 1
            inverse.append(Int64(index))
        }
        return (Tensor(distinct).to(dtype), Tensor(inverse, shape: shape), Tensor(counts))
    }

    /// `torch.diag(x, diagonal)`: a 1-D input becomes a square matrix, a 2-D input gives its diagonal.
    func diag(_ diagonal: Int = 0) throws(TensorError) -> Tensor {
        switch dim {
        case 1:
            let n = shape[0] + Swift.abs(diagonal)
            let result = Tensor(zeros: [n, n], dtype: dtype)
            for i in 0..<shape[0] {
                let row = diagonal >= 0 ? i : i - diagonal
                let column = diagonal >= 0 ? i + diagonal : i
                try result.setIndex([.int(row), .int(column)], .tensor(try select(0, i)))
            }
            return result
        case 2:
            let start = diagonal >= 0 ? (0, diagonal) : (-diagonal, 0)
            let length = Swift.max(0, Swift.min(shape[0] - start.0, shape[1] - start.1))
            let rows = Tensor((0..<length).map { Int64(start.0 + $0) })
            let columns = Tensor((0..<length).map { Int64(start.1 + $0) })
            return try index([.tensor(rows), .tensor(columns)])
        default:
            throw .runtime("diag(): Supports 1D or 2D tensors. Got \(dim)D")
        }
    }
}
