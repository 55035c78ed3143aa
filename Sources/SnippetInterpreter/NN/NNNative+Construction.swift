#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import TensorKernel

/// `nn.Linear`, `nn.LayerNorm` and `nn.MultiheadAttention` built in Swift as their prelude `__init__` builds them:
/// the same instance attributes and registries in the same order, Parameters charged as `torch.empty` + `Parameter`
/// charge them, and the same fills (same bounds, computed in the same double arithmetic, through the same Tensor methods).
/// Only for plain arguments (positive ints, bool flags, a float dtype); nil otherwise, before any side effect.
extension Interpreter {
    private static let linearNames = ["in_features", "out_features", "bias", "device", "dtype"]
    /// Scalars only (immutable), read by every construction.
    nonisolated(unsafe) private static let linearDefaults: [PyValue?] = [nil, nil, PyValue.bool(true), PyValue.none, PyValue.none]
    private static let layerNormNames = ["normalized_shape", "eps", "elementwise_affine", "bias", "device", "dtype"]
    nonisolated(unsafe) private static let layerNormDefaults: [PyValue?] = [
        nil, PyValue.float(1e-5), PyValue.bool(true), PyValue.bool(true), PyValue.none, PyValue.none,
    ]
    private static let attentionNames = [
        "embed_dim", "num_heads", "dropout", "bias", "add_bias_kv", "add_zero_attn", "kdim", "vdim", "batch_first",
        "device", "dtype",
    ]
    nonisolated(unsafe) private static let attentionDefaults: [PyValue?] = [
        nil, nil, PyValue.float(0.0), PyValue.bool(true), PyValue.bool(false), PyValue.bool(false), PyValue.none,
        PyValue.none, PyValue.bool(false), PyValue.none, PyValue.none,
    ]

    /// `Linear(in_features, out_features, bias=True, device=None, dtype=None)` (or its subclass
    /// `NonDynamicallyQuantizableLinear`, which adds nothing).
    func nativeLinear(_ cls: PyClass, _ args: [PyValue], _ kwargs: KwArgs) throws -> PyValue? {
        guard let a = Self.bindPlain(args, kwargs, Self.linearNames, Self.linearDefaults),
              case .int(let inFeatures) = a[0], inFeatures > 0, case .int(let outFeatures) = a[1], outFeatures > 0,
              case .bool(let bias) = a[2], let dtype = parameterDType(a[4]) else { return nil }
        try step(weight: Self.builtinCallSteps)
        return .object(try buildLinear(cls, inFeatures, outFeatures, bias: bias, dtype: dtype))
    }

    /// `LayerNorm(normalized_shape, eps=1e-5, elementwise_affine=True, bias=True, device=None, dtype=None)`.
    func nativeLayerNorm(_ args: [PyValue], _ kwargs: KwArgs) throws -> PyValue? {
        guard let nn = nativeNN, let a = Self.bindPlain(args, kwargs, Self.layerNormNames, Self.layerNormDefaults),
              let shape = Self.positiveDims(a[0]), case .bool(let affine) = a[2], case .bool(let bias) = a[3],
              let dtype = parameterDType(a[5]) else { return nil }
        try step(weight: Self.builtinCallSteps)
        let instance = PyInstance(cls: nn.layerNorm)
        let (parameters, _) = beginModule(instance)
        instance.attributes["normalized_shape"] = .tuple(shape.map { .int($0) })
        instance.attributes["eps"] = a[1]
        instance.attributes["elementwise_affine"] = a[2]
        if affine {
            let weight = try nativeParameter(shape, dtype)
            parameters[PyKey(value: .str("weight"))] = weight
            let biasValue = bias ? try nativeParameter(shape, dtype) : PyValue.none
            parameters[PyKey(value: .str("bias"))] = biasValue
            // reset_parameters: init.ones_(weight), init.zeros_(bias).
            try initFill(weight, "fill_", [.float(1.0)])
            if !biasValue.isNone { try initFill(biasValue, "zero_", []) }
        } else {
            parameters[PyKey(value: .str("weight"))] = PyValue.none
            parameters[PyKey(value: .str("bias"))] = PyValue.none
        }
        return .object(instance)
    }

    /// `MultiheadAttention(embed_dim, num_heads, dropout=0.0, bias=True, add_bias_kv=False, add_zero_attn=False,
    /// kdim=None, vdim=None, batch_first=False, device=None, dtype=None)`.
    func nativeMultiheadAttention(_ args: [PyValue], _ kwargs: KwArgs, _ nn: NNNativeModules) throws -> PyValue? {
        guard let a = Self.bindPlain(args, kwargs, Self.attentionNames, Self.attentionDefaults),
              case .int(let embedDim) = a[0], embedDim > 0, case .int(let heads) = a[1], heads > 0,
              embedDim % heads == 0, case .bool(let bias) = a[3], case .bool(let addBiasKV) = a[4],
              let kdim = Self.optionalPositive(a[6], default: embedDim), let vdim = Self.optionalPositive(a[7], default: embedDim),
              let dtype = parameterDType(a[10]) else { return nil }
        try step(weight: Self.builtinCallSteps)
        let instance = PyInstance(cls: nn.multiheadAttention)
        let (parameters, modules) = beginModule(instance)
        let sameEmbedDim = kdim == embedDim && vdim == embedDim
        instance.attributes["embed_dim"] = .int(embedDim)
        instance.attributes["kdim"] = .int(kdim)
        instance.attributes["vdim"] = .int(vdim)
        instance.attributes["_qkv_same_embed_dim"] = .bool(sameEmbedDim)
        instance.attributes["num_heads"] = .int(heads)
        instance.attributes["dropout"] = a[2]
        instance.attributes["batch_first"] = a[8]
        instance.attributes["head_dim"] = .int(embedDim / heads)
        func register(_ name: String, _ value: PyValue) { parameters[PyKey(value: .str(name))] = value }
        var projections: [(PyValue, fanIn: Int)] = []
        if sameEmbedDim {
            let weight = try nativeParameter([3 * embedDim, embedDim], dtype)
            register("in_proj_weight", weight)
            for name in ["q_proj_weight", "k_proj_weight", "v_proj_weight"] { register(name, .none) }
            projections.append((weight, fanIn: embedDim))
        } else {
            for (name, inputDim) in [("q_proj_weight", embedDim), ("k_proj_weight", kdim), ("v_proj_weight", vdim)] {
                let weight = try nativeParameter([embedDim, inputDim], dtype)
                register(name, weight)
                projections.append((weight, fanIn: inputDim))
            }
            register("in_proj_weight", .none)
        }
        let inProjectionBias = bias ? try nativeParameter([3 * embedDim], dtype) : PyValue.none
        register("in_proj_bias", inProjectionBias)
        let outProjection = try buildLinear(nn.quantizableLinear, embedDim, embedDim, bias: bias, dtype: dtype)
        modules[PyKey(value: .str("out_proj"))] = .object(outProjection)
        var biasKV: [PyValue] = []
        if addBiasKV {
            for name in ["bias_k", "bias_v"] {
                let parameter = try nativeParameter([1, 1, embedDim], dtype)
                register(name, parameter)
                biasKV.append(parameter)
            }
        } else {
            instance.attributes["bias_k"] = PyValue.none
            instance.attributes["bias_v"] = PyValue.none
        }
        instance.attributes["add_zero_attn"] = a[5]
        // _reset_parameters: xavier_uniform_ of the projections, zero biases, xavier_normal_ of bias_k / bias_v.
        for (weight, fanIn) in projections {
            let fanOut = tensorBox(weight)!.tensor.shape[0]
            let std = 1.0 * (2.0 / Double(fanIn + fanOut)).squareRoot()
            try uniformFill(weight, Double(3.0).squareRoot() * std)
        }
        if !inProjectionBias.isNone {
            try initFill(inProjectionBias, "fill_", [.float(0.0)])
            if case .dict(let outParameters)? = outProjection.attributes["_parameters"],
               let outBias = outParameters[PyKey(value: .str("bias"))] {
                try initFill(outBias, "fill_", [.float(0.0)])
            }
        }
        for parameter in biasKV {
            let std = 1.0 * (2.0 / Double(embedDim + embedDim)).squareRoot()
            try initFill(parameter, "normal_", [.float(0.0), .float(std)])
        }
        return .object(instance)
    }

    /// A Linear (or subclass) instance with its Parameters drawn as `reset_parameters` draws them.
    private func buildLinear(_ cls: PyClass, _ inFeatures: Int, _ outFeatures: Int, bias: Bool, dtype: DType) throws -> PyInstance {
        let instance = PyInstance(cls: cls)
        let (parameters, _) = beginModule(instance)
        instance.attributes["in_features"] = .int(inFeatures)
        instance.attributes["out_features"] = .int(outFeatures)
        let weight = try nativeParameter([outFeatures, inFeatures], dtype)
        parameters[PyKey(value: .str("weight"))] = weight
        let biasValue = bias ? try nativeParameter([outFeatures], dtype) : PyValue.none
        parameters[PyKey(value: .str("bias"))] = biasValue
        // init.kaiming_uniform_(weight, a=math.sqrt(5)): calculate_gain('leaky_relu', a), std = gain / sqrt(fan_in).
        let slope = Double(5).squareRoot()
        let gain = (2.0 / (Double(1) + pow(slope, Double(2)))).squareRoot()
        let std = gain / Double(inFeatures).squareRoot()
        try uniformFill(weight, Double(3.0).squareRoot() * std)
        if !biasValue.isNone { try uniformFill(biasValue, Double(1) / Double(inFeatures).squareRoot()) }
        return instance
    }

    /// `Module.__init__`: `training` and the three registries, set in the instance in that order.
    private func beginModule(_ instance: PyInstance) -> (parameters: PyDict, modules: PyDict) {
        let parameters = PyDict(), buffers = PyDict(), modules = PyDict()
        instance.attributes["training"] = .bool(true)
        instance.attributes["_parameters"] = .dict(parameters)
        instance.attributes["_buffers"] = .dict(buffers)
        instance.attributes["_modules"] = .dict(modules)
        return (parameters, modules)
    }

    /// `Parameter(torch.empty(shape, dtype=dtype))`: the allocation checked and charged as `torch.empty` does it.
    private func nativeParameter(_ shape: [Int], _ dtype: DType) throws -> PyValue {
        try checkAllocation(shape, dtype)
        let tensor = try kernel { () throws(TensorError) in try Tensor.empty(shape, dtype: dtype) }
        return try wrap(tensor, requiresGrad: true, isParameter: true)
    }

    /// `init.uniform_(parameter, -bound, bound)`.
    private func uniformFill(_ parameter: PyValue, _ bound: Double) throws {
        try initFill(parameter, "uniform_", [.float(-bound), .float(bound)])
    }

    /// `with torch.no_grad(): parameter.name(*args)`, as every `torch.nn.init` function ends: the Tensor method itself,
    /// so its checks, its draws and the call it leaves recorded for later argument messages are the Python path's.
    private func initFill(_ parameter: PyValue, _ name: String, _ args: [PyValue]) throws {
        guard let function = typeOf(parameter).lookup(name) else { throw attributeError(parameter, name) }
        let state = torchState
        let saved = state.gradEnabled
        state.gradEnabled = false
        defer { state.gradEnabled = saved }
        _ = try callMethod(function, parameter, args)
    }

    /// A `dtype=` the prelude passes to `torch.empty` and `Parameter` accepts without a message: None or a float dtype.
    private func parameterDType(_ value: PyValue) -> DType? {
        if value.isNone { return .float32 }
        guard let dtype = dtypeValue(value), dtype == .float32 || dtype == .float64 else { return nil }
        return dtype
    }

    /// A LayerNorm `normalized_shape` of positive ints: an int, or a tuple or list of them.
    private static func positiveDims(_ value: PyValue) -> [Int]? {
        let items: [PyValue]
        switch value {
        case .int: items = [value]
        case .tuple(let values): items = values
        case .list(let list): items = list.items
        default: return nil
        }
        var dims: [Int] = []
        for case .int(let d) in items where d > 0 { dims.append(d) }
        return dims.count == items.count && !dims.isEmpty ? dims : nil
    }

    /// `kdim`/`vdim`: None (the embedding size) or a positive int.
    private static func optionalPositive(_ value: PyValue, default embedDim: Int) -> Int? {
        if value.isNone { return embedDim }
        if case .int(let d) = value, d > 0 { return d }
        return nil
    }
}
