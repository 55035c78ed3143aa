/// `sort`, `argsort` and `topk` along one dim (stable; NaN sorts as the largest value, as in PyTorch).
extension Tensor {
    /// Row permutations that sort each row of `dim` `d`, stable, NaN largest.
    private func sortedOrder(_ d: Int, descending: Bool) -> (order: [[Int]], moved: Tensor) {
        let moved = dim == 0 ? self : (try? transpose(d, dim - 1).contiguous()) ?? self
        let length = dim == 0 ? 1 : moved.shape[dim - 1]
        let values = moved.doubles()
        let rows = length == 0 ? 0 : values.count / length
        let order = (0..<rows).map { r -> [Int] in
            let row = Array(values[(r * length)..<((r + 1) * length)])
            return (0..<length).sorted { i, j in
                let a = row[i], b = row[j]
                if a.isNaN || b.isNaN {
                    if a.isNaN && b.isNaN { return i < j }
                    return descending ? a.isNaN : b.isNaN
                }
                if a == b { return i < j }
                return descending ? a > b : a < b
            }
        }
        return (order, moved)
    }

    /// `x.sort(dim, descending)` → `(values, indices)`.
    public func sort(dim d: Int = -1, descending: Bool = false) throws(TensorError) -> (values: Tensor, indices: Tensor) {
        try topOrSort(d, k: nil, descending: descending)
    }

    /// `x.argsort(dim, descending)`.
    public func argsort(dim d: Int = -1, descending: Bool = false) throws(TensorError) -> Tensor {
        try sort(dim: d, descending: descending).indices
    }

    /// `x.topk(k, dim, largest, sorted)` → `(values, indices)`, always sorted.
    public func topk(_ k: Int, dim d: Int = -1, largest: Bool = true) throws(TensorError) -> (values: Tensor, indices: Tensor) {
        let n = try normalizeDim(d, rank: dim)
        let size = dim == 0 ? 1 : shape[n]
        guard k >= 0, k <= size else { throw .runtime("selected index k out of range") }
        return try topOrSort(n, k: k, descending: largest)
    }

    private func topOrSort(_ d: Int, k: Int?, descending: Bool) throws(TensorError) -> (values: Tensor, indices: Tensor) {
        let n = try normalizeDim(d, rank: dim)
        let (order, moved) = sortedOrder(n, descending: descending)
        let length = dim == 0 ? 1 : moved.shape[dim - 1]
        let keep = k ?? length
        var picks: [Int] = [], indices: [Int64] = []
        for (r, row) in order.enumerated() {
            for i in row.prefix(keep) {
                picks.append(r * length + i)
                indices.append(Int64(i))
            }
        }
        var outShape = moved.shape
        if dim > 0 { outShape[dim - 1] = keep }
        let values = moved.take(flat: picks, shape: outShape)
        let indexTensor = Tensor(indices, shape: outShape)
        if dim == 0 { return (values, indexTensor) }
        return (try values.transpose(n, dim - 1).contiguous(), try indexTensor.transpose(n, dim - 1).contiguous())
    }
}
