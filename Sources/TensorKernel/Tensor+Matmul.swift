/// The matrix-product family (`matmul`/`@`, `mm`, `bmm`, `mv`, `dot`, `outer`, `linear`), with ATen's dispatch
/// by rank and its exact error messages, which name the path taken (torch-semantics §4.1).
///
/// Numerics: float32 products below `gemmFastThreshold` multiply-adds per matrix use `gemmReference`
/// (torch's naive loop, bit-exact for small batched products); larger ones use `gemmFast`.
extension Tensor {
    /// `torch.matmul(self, other)` / `self @ other`, dispatched on the ranks as ATen's `_matmul_impl` does.
    public func matmul(_ other: Tensor) throws(TensorError) -> Tensor {
        let (rankA, rankB) = (dim, other.dim)
        guard rankA > 0, rankB > 0 else {
            throw .runtime("both arguments to matmul need to be at least 1D, but they are \(rankA)D and \(rankB)D")
        }
        switch (rankA, rankB) {
        case (1, 1):
            return try dot(other)
        case (2, 1):
            return try mv(other)
        case (1, 2):
            return try unsqueeze(0).mm(other).squeeze(0)
        case (2, 2):
            return try mm(other)
        default:
            if let folded = try foldedMatmul(other) { return folded }
            return try batchedMatmul(other)
        }
    }

    /// ATen's `should_fold` case: a rank ≥ 3 operand against a rank 1–2 one is multiplied as one tall
    /// matrix (errors then show the folded shape, e.g. `(6x4 and 5x6)`), when that needs no copy.
    /// Returns nil when ATen would take the batched path instead.
    private func foldedMatmul(_ other: Tensor) throws(TensorError) -> Tensor? {
        let transpose = other.dim > dim
        let tall = transpose ? try other.mT() : self
        let small = transpose ? self : other
        guard tall.dim >= 3, (1...2).contains(small.dim), dim != 2 else { return nil }
        if tall.numel != 0 {
            for i in 0..<(tall.dim - 2) where tall.strides[i] != tall.strides[i + 1] * tall.shape[i + 1] {
                return nil
            }
        }
        let leading = Array(tall.shape.dropLast())
        let folded = try tall.reshape([leading.reduce(1, *), tall.shape[tall.dim - 1]])
        if small.dim == 2 {
            let output = try folded.mm(small).view(leading + [small.shape[1]])
            return transpose ? try output.mT().contiguous() : output
        }
        return try folded.mv(small).view(leading)
    }

    /// Both operands batched (or one of rank ≤ 2 against rank ≥ 3): broadcast the batch dims, then `bmm`.
    private func batchedMatmul(_ other: Tensor) throws(TensorError) -> Tensor {
        let a = dim == 1 ? try unsqueeze(0) : self
        let b = other.dim == 1 ? try other.unsqueeze(-1) : other
        let (n, k1) = (a.shape[a.dim - 2], a.shape[a.dim - 1])
        let (k2, p) = (b.shape[b.dim - 2], b.shape[b.dim - 1])
        // The broadcast error counts dimensions within the batch dims only.
        let batch = try Broadcasting.shape(Array(a.shape.dropLast(2)), Array(b.shape.dropLast(2)))
        let batchCount = batch.reduce(1, *)
        guard k1 == k2 else {
            throw .runtime(
                "Expected size for first two dimensions of batch2 tensor to be: [\(batchCount), \(k1)] but got: [\(batchCount), \(k2)].")
        }
        try Tensor.checkBatchedDTypes(a, b)
        var result = Tensor.product(a.broadcastView(to: batch + [n, k1]), b.broadcastView(to: batch + [k2, p]))
        if other.dim == 1 { result = try result.squeeze(-1) }
        if dim == 1 { result = try result.squeeze(-2) }
        return result
    }

    /// `torch.mm(self, mat2)`: 2-D × 2-D.
    public func mm(_ mat2: Tensor) throws(TensorError) -> Tensor {
        try Tensor.checkMatrices(self, mat2, prefix: "mm")
        guard dtype == mat2.dtype else {
            throw .runtime(
                "expected m1 and m2 to have the same dtype, but got: \(dtype.cTypeName) != \(mat2.dtype.cTypeName)")
        }
        try Tensor.rejectBool(dtype, kernel: "addmm_impl_cpu_")
        return Tensor.product(self, mat2)
    }

    /// `torch.bmm(self, batch2)`: (B, N, K) × (B, K, P), no broadcasting.
    public func bmm(_ batch2: Tensor) throws(TensorError) -> Tensor {
        guard dim == 3 else { throw .runtime("batch1 must be a 3D tensor") }
        guard batch2.dim == 3 else { throw .runtime("batch2 must be a 3D tensor") }
        guard batch2.shape[0] == shape[0], batch2.shape[1] == shape[2] else {
            throw .runtime(
                "Expected size for first two dimensions of batch2 tensor to be: [\(shape[0]), \(shape[2])] but got: [\(batch2.shape[0]), \(batch2.shape[1])].")
        }
        try Tensor.checkBatchedDTypes(self, batch2)
        return Tensor.product(self, batch2)
    }

    /// `torch.mv(self, vec)`: (N, K) × (K) -> (N).
    public func mv(_ vec: Tensor) throws(TensorError) -> Tensor {
        guard dim == 2, vec.dim == 1 else {
            throw .runtime("vector + matrix @ vector expected, got 1, \(dim), \(vec.dim)")
        }
        guard shape[1] == vec.shape[0] else {
            throw .runtime("size mismatch, got input (\(shape[0])), mat (\(shape[0])x\(shape[1])), vec (\(vec.shape[0]))")
        }
        guard dtype == vec.dtype else {
            // addmv's `self` is the output, created with the vector's dtype.
            let (v, m) = (vec.dtype.scalarTypeName, dtype.scalarTypeName)
            throw .runtime("addmv input tensors must have the same dtype, but got \(v), \(m), and \(v)")
        }
        try Tensor.rejectBool(dtype, kernel: "addmv_impl_cpu")
        return try Tensor.product(self, vec.unsqueeze(1)).squeeze(1)
    }

    /// `torch.dot(self, other)`: 1-D · 1-D -> 0-dim.
    public func dot(_ other: Tensor) throws(TensorError) -> Tensor {
        guard dim == 1, other.dim == 1 else {
            throw .runtime("1D tensors expected, but got \(dim)D and \(other.dim)D tensors")
        }
        guard dtype == other.dtype else {
            throw .runtime(
                "dot : expected both vectors to have same dtype, but found \(dtype.scalarTypeName) and \(other.dtype.scalarTypeName)")
        }
        guard numel == other.numel else {
            throw .runtime(
                "inconsistent tensor size, expected tensor [\(numel)] and src [\(other.numel)] to have the same number of elements, but got \(numel) and \(other.numel) elements respectively")
        }
        try Tensor.rejectBool(dtype, kernel: "dot")
        return try Tensor.product(unsqueeze(0), other.unsqueeze(1)).view([])
    }

    /// `torch.outer(self, vec2)`: `self[:, None] * vec2` with type promotion.
    public func outer(_ vec2: Tensor) throws(TensorError) -> Tensor {
        guard dim == 1 else { throw .runtime("outer: Expected 1-D argument self, but got \(dim)-D") }
        guard vec2.dim == 1 else { throw .runtime("outer: Expected 1-D argument vec2, but got \(vec2.dim)-D") }
        return try Tensor.binary(.mul, .tensor(unsqueeze(1)), .tensor(vec2))
    }

    /// `F.linear(input, weight, bias)` = `input @ weight.t() + bias`, following ATen's `linear`: a 2-D input,
    /// or a contiguous one with a 1-D bias folded to 2-D, goes through `addmm` (whose messages say `addmm:`).
    public static func linear(_ input: Tensor, _ weight: Tensor, _ bias: Tensor? = nil) throws(TensorError) -> Tensor {
        guard input.dim != 0, weight.dim != 0 else {
            throw .runtime(
                "both arguments to linear need to be at least 1D, but they are \(input.dim)D and \(weight.dim)D")
        }
        if let bias {
            if input.dim == 2 {
                return try addmm(bias, input, weight.t())
            }
            if input.isContiguous && bias.dim == 1 {
                let leading = Array(input.shape.dropLast())
                let folded = try input.reshape([leading.reduce(1, *), input.shape[input.dim - 1]])
                let result = try addmm(bias, folded, weight.t())
                return try result.view(leading + [result.shape[1]])
            }
        }
        let output = try input.matmul(weight.t())
        guard let bias else { return output }
        return try output.add_(.tensor(bias))
    }

    /// `torch.addmm(self, mat1, mat2)` with beta = alpha = 1: the product first, then `+ self` (rounded once each).
    public static func addmm(_ bias: Tensor, _ mat1: Tensor, _ mat2: Tensor) throws(TensorError) -> Tensor {
        guard bias.dtype == mat2.dtype else {
            throw .runtime(
                "self and mat2 must have the same dtype, but got \(bias.dtype.scalarTypeName) and \(mat2.dtype.scalarTypeName)")
        }
        guard mat1.dtype == mat2.dtype else {
            throw .runtime(
                "mat1 and mat2 must have the same dtype, but got \(mat1.dtype.scalarTypeName) and \(mat2.dtype.scalarTypeName)")
        }
        try checkMatrices(mat1, mat2, prefix: "addmm")
        let expanded = try bias.expand([mat1.shape[0], mat2.shape[1]])
        try rejectBool(mat1.dtype, kernel: "addmm_impl_cpu_")
        let result = product(mat1, mat2)
        try result.add_(.tensor(expanded))
        return result
    }

    // MARK: Checks shared by the entry points

    /// ATen's `mm`/`addmm` meta checks: both operands matrices, inner sizes equal.
    private static func checkMatrices(_ mat1: Tensor, _ mat2: Tensor, prefix: String) throws(TensorError) {
        let first = prefix == "mm" ? "self" : "mat1"
        guard mat1.dim == 2 else { throw .runtime("\(prefix): \(first) must be a matrix, got \(mat1.dim)-D tensor") }
        guard mat2.dim == 2 else { throw .runtime("\(prefix): mat2 must be a matrix, got \(mat2.dim)-D tensor") }
        guard mat1.shape[1] == mat2.shape[0] else {
            throw .runtime(
                "\(prefix): mat1 and mat2 shapes cannot be multiplied (\(mat1.shape[0])x\(mat1.shape[1]) and \(mat2.shape[0])x\(mat2.shape[1]))")
        }
    }

    private static func checkBatchedDTypes(_ a: Tensor, _ b: Tensor) throws(TensorError) {
        guard a.dtype == b.dtype else {
            throw .runtime("expected scalar type \(a.dtype.scalarTypeName) but found \(b.dtype.scalarTypeName)")
        }
        try rejectBool(a.dtype, kernel: "bmm")
    }

    private static func rejectBool(_ dtype: DType, kernel: String) throws(TensorError) {
        guard dtype != .bool else { throw .notImplemented("\"\(kernel)\" not implemented for 'Bool'") }
    }
}
