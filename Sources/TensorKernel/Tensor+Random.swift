/// Random creation and in-place random fills (`torch.randn`, `normal_`, `dropout`, `nn.init`, ...).
/// Every op takes the session's `CPUGenerator` inout and consumes exactly PyTorch 2.15's draws.
extension Tensor {
    // MARK: Creation

    /// `torch.randn(shape, dtype=)`.
    public static func randn(_ shape: [Int], dtype: DType = .float32, generator: inout CPUGenerator) throws(TensorError) -> Tensor {
        try empty(shape, dtype: dtype).normal_(generator: &generator)
    }

    /// `torch.rand(shape, dtype=)`.
    public static func rand(_ shape: [Int], dtype: DType = .float32, generator: inout CPUGenerator) throws(TensorError) -> Tensor {
        try empty(shape, dtype: dtype).uniform_(generator: &generator)
    }

    /// `torch.randint(low, high, shape, dtype=)`.
    public static func randint(
        _ low: Int64, _ high: Int64, _ shape: [Int], dtype: DType = .int64, generator: inout CPUGenerator
    ) throws(TensorError) -> Tensor {
        try checkShape(shape)
        guard low < high else { throw .runtime("random_ expects 'from' to be less than 'to', but got from=\(low) >= to=\(high)") }
        if dtype == .bool {
            if low < 0 || low > 1 { throw .runtime("from is out of bounds for bool") }
            if high - 1 > 1 { throw .runtime("to - 1 is out of bounds for bool") }
        }
        let result = Tensor(zeros: shape, dtype: dtype)
        let values = generator.randint(count: result.numel, low: low, high: high)
        for (i, value) in values.enumerated() { result.setElement(atStorage: i, value) }
        return result
    }

    /// `torch.randperm(n, dtype=)`.
    public static func randperm(_ n: Int, dtype: DType = .int64, generator: inout CPUGenerator) throws(TensorError) -> Tensor {
        try checkShape([n])
        let result = Tensor(zeros: [n], dtype: dtype)
        for (i, value) in generator.randperm(n).enumerated() { result.setElement(atStorage: i, value) }
        return result
    }

    /// `torch.rand_like(x)`.
    public static func rand_like(_ other: Tensor, dtype: DType? = nil, generator: inout CPUGenerator) throws(TensorError) -> Tensor {
        try rand(other.shape, dtype: dtype ?? other.dtype, generator: &generator)
    }

    /// `torch.randn_like(x)`.
    public static func randn_like(_ other: Tensor, dtype: DType? = nil, generator: inout CPUGenerator) throws(TensorError) -> Tensor {
        try randn(other.shape, dtype: dtype ?? other.dtype, generator: &generator)
    }

    // MARK: In-place fills (memory order, like PyTorch's serial kernels)

    /// `x.normal_(mean, std)`; the vectorised path needs `numel >= 16` and a contiguous tensor.
    @discardableResult
    public func normal_(mean: Double = 0, std: Double = 1, generator: inout CPUGenerator) throws(TensorError) -> Tensor {
        guard dtype.isFloatingPoint else { throw .notImplemented("\"normal_kernel_cpu\" not implemented for '\(dtype.scalarTypeName)'") }
        guard std >= 0 else { throw .runtime("normal expects std >= 0.0, but found std \(CFormat.cxx(std))") }
        if dtype == .float32 {
            writeInMemoryOrder(generator.normalFloat32(count: numel, mean: mean, std: std, contiguous: isContiguous))
        } else {
            writeInMemoryOrder(generator.normalFloat64(count: numel, mean: mean, std: std, contiguous: isContiguous))
        }
        return self
    }

    /// `x.uniform_(from, to)`.
    @discardableResult
    public func uniform_(from: Double = 0, to: Double = 1, generator: inout CPUGenerator) throws(TensorError) -> Tensor {
        guard dtype.isFloatingPoint else { throw .notImplemented("\"check_uniform_bounds\" not implemented for '\(dtype.scalarTypeName)'") }
        guard from <= to else {
            throw .runtime("uniform_ expects to return a [from, to) range, but found from=\(CFormat.cxx(from)) > to=\(CFormat.cxx(to))")
        }
        if dtype == .float32 {
            writeInMemoryOrder(generator.uniformFloat32(count: numel, from: from, to: to))
        } else {
            writeInMemoryOrder(generator.uniformFloat64(count: numel, from: from, to: to))
        }
        return self
    }

    /// `x.bernoulli_(p)` with a scalar probability (two draws per element).
    @discardableResult
    public func bernoulli_(_ p: Double = 0.5, generator: inout CPUGenerator) throws(TensorError) -> Tensor {
        guard p >= 0, p <= 1 else { throw .runtime("bernoulli_ expects p to be in [0, 1], but got p=\(CFormat.cxx(p))") }
        writeInMemoryOrder(generator.bernoulli(count: numel, p: p))
        return self
    }

    /// `torch.bernoulli(p)`: one draw per element of the float probability tensor, result in its dtype.
    public static func bernoulli(_ probabilities: Tensor, generator: inout CPUGenerator) throws(TensorError) -> Tensor {
        let mask: [Bool]
        switch probabilities.dtype {
        case .float32:
            let p = probabilities.floats()
            guard p.allSatisfy({ $0 >= 0 && $0 <= 1 }) else { throw bernoulliRangeError }
            mask = generator.bernoulli(probabilities: p)
        case .float64:
            let p = probabilities.doubles()
            guard p.allSatisfy({ $0 >= 0 && $0 <= 1 }) else { throw bernoulliRangeError }
            mask = generator.bernoulli(probabilities: p)
        default:
            throw .notImplemented("\"bernoulli_tensor_cpu_p_\" not implemented for '\(probabilities.dtype.scalarTypeName)'")
        }
        let result = Tensor(zeros: probabilities.shape, dtype: probabilities.dtype)
        for (i, kept) in mask.enumerated() { result.setElement(atStorage: i, kept) }
        return result
    }

    private static let bernoulliRangeError = TensorError.runtime(
        "Expected p_in >= 0 && p_in <= 1 to be true, but got false.  "
            + "(Could this error message be improved?  If so, please report an enhancement request to PyTorch.)")

    /// `F.dropout(x, p, training)`: the Bernoulli mask is drawn in `x`'s memory order; no draws when
    /// `p` is 0 or 1 or when not training.
    public static func dropout(_ input: Tensor, p: Double, training: Bool = true, generator: inout CPUGenerator) throws(TensorError) -> Tensor {
        guard p >= 0, p <= 1 else {
            throw .value("dropout probability has to be between 0 and 1, but got \(PythonFloatFormatter.repr(p))")
        }
        guard input.dtype.isFloatingPoint else {
            throw .runtime("result type Float can't be cast to the desired output type \(input.dtype.scalarTypeName)")
        }
        if !training || input.numel == 0 { return input }
        let positions = input.storageIndicesInMemoryOrder()
        let result = Tensor(zeros: input.shape, dtype: input.dtype)
        let resultPositions = result.storageIndices(inMemoryOrderOf: input)
        if input.dtype == .float32 {
            let pointer = input.storage.pointer(as: Float.self)
            let values = generator.dropout(positions.map { pointer[$0] }, p: p)
            result.write(values, at: resultPositions)
        } else {
            let pointer = input.storage.pointer(as: Double.self)
            let values = generator.dropout(positions.map { pointer[$0] }, p: p)
            result.write(values, at: resultPositions)
        }
        return result
    }

    // MARK: nn.init

    /// `nn.init.kaiming_uniform_(w, a=a)` (fan_in, leaky_relu).
    @discardableResult
    public func kaimingUniform_(a: Double = 0, generator: inout CPUGenerator) throws(TensorError) -> Tensor {
        let fans = try ParameterInit.fans(shape: shape)
        let bound = ParameterInit.kaimingUniformBound(fanIn: fans.fanIn, a: a)
        return try uniform_(from: -bound, to: bound, generator: &generator)
    }

    /// `nn.init.xavier_uniform_(w, gain)`.
    @discardableResult
    public func xavierUniform_(gain: Double = 1, generator: inout CPUGenerator) throws(TensorError) -> Tensor {
        let fans = try ParameterInit.fans(shape: shape)
        let bound = ParameterInit.xavierUniformBound(fanIn: fans.fanIn, fanOut: fans.fanOut, gain: gain)
        return try uniform_(from: -bound, to: bound, generator: &generator)
    }

    /// `nn.init.xavier_normal_(w, gain)`.
    @discardableResult
    public func xavierNormal_(gain: Double = 1, generator: inout CPUGenerator) throws(TensorError) -> Tensor {
        let fans = try ParameterInit.fans(shape: shape)
        let std = ParameterInit.xavierNormalStd(fanIn: fans.fanIn, fanOut: fans.fanOut, gain: gain)
        return try normal_(mean: 0, std: std, generator: &generator)
    }

    /// `nn.Linear.reset_parameters()`: kaiming-uniform weight `[out, in]`, then the bias (if any) in
    /// `[-1/sqrt(in), 1/sqrt(in)]`.
    public static func initLinear_(weight: Tensor, bias: Tensor?, generator: inout CPUGenerator) throws(TensorError) {
        try weight.kaimingUniform_(a: 5.0.squareRoot(), generator: &generator)
        if let bias {
            let bound = ParameterInit.linearBiasBound(fanIn: try ParameterInit.fans(shape: weight.shape).fanIn)
            try bias.uniform_(from: -bound, to: bound, generator: &generator)
        }
    }

    // MARK: Memory order

    /// Storage indices in the order PyTorch's serial kernels visit them: dims sorted by decreasing
    /// stride (a transposed view is walked in storage order), row-major for contiguous tensors.
    func storageIndicesInMemoryOrder() -> [Int] {
        let order = memoryOrderDims()
        let permuted = Tensor(storage: storage, shape: order.map { shape[$0] }, strides: order.map { strides[$0] }, offset: offset)
        var result: [Int] = []
        result.reserveCapacity(numel)
        permuted.forEachStorageIndex { result.append($0) }
        return result
    }

    private func memoryOrderDims() -> [Int] {
        Array(0..<shape.count).sorted { a, b in
            strides[a] != strides[b] ? strides[a] > strides[b] : a < b
        }
    }

    /// This tensor's storage indices visited in `source`'s memory order (same shape).
    private func storageIndices(inMemoryOrderOf source: Tensor) -> [Int] {
        let order = source.memoryOrderDims()
        let permuted = Tensor(storage: storage, shape: order.map { shape[$0] }, strides: order.map { strides[$0] }, offset: offset)
        var result: [Int] = []
        result.reserveCapacity(numel)
        permuted.forEachStorageIndex { result.append($0) }
        return result
    }

    /// Writes `values` over the elements in memory order (`storageIndicesInMemoryOrder`); a contiguous tensor of the
    /// values' dtype takes them as one block, without building the list of storage indices.
    private func writeInMemoryOrder<T: TensorElement>(_ values: [T]) {
        if isContiguous && T.dtype == dtype {
            let base = storage.pointer(as: T.self) + offset
            values.withUnsafeBufferPointer { source in
                if let start = source.baseAddress { base.update(from: start, count: source.count) }
            }
            return
        }
        write(values, at: storageIndicesInMemoryOrder())
    }

    private func write<T: TensorElement>(_ values: [T], at positions: [Int]) {
        for (value, position) in zip(values, positions) { setElement(atStorage: position, value) }
    }
}
