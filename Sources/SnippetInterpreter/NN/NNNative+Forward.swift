import TensorKernel

/// `module(x)` of the prelude's Linear, LayerNorm and MultiheadAttention in Swift: `Module.__call__` and `forward`
/// (and `F.multi_head_attention_forward`'s common path) transcribed, calling the same natives with the same arguments
/// in the same order, so values, `grad_fn` names, view flags and any error a native raises are the Python path's.
/// Every check the Python code makes itself (shapes, masks, flags) is made first; nil, before any op: run it instead.
extension Interpreter {
    private static let attentionForwardNames = [
        "query", "key", "value", "key_padding_mask", "need_weights", "attn_mask", "average_attn_weights", "is_causal",
    ]
    /// Scalars only (immutable).
    nonisolated(unsafe) private static let attentionForwardDefaults: [PyValue?] = [
        nil, nil, nil, PyValue.none, PyValue.bool(true), PyValue.none, PyValue.bool(true), PyValue.bool(false),
    ]

    /// `Linear.forward(input)`: `F.linear(input, self.weight, self.bias)`.
    func linearForward(_ instance: PyInstance, _ args: [PyValue], _ kwargs: KwArgs, _ nn: NNNativeModules) throws -> PyValue? {
        guard let input = Self.singleInput(args, kwargs), let weight = moduleAttribute(instance, "weight"),
              let bias = moduleAttribute(instance, "bias") else { return nil }
        return try call(nn.functionalLinear, [input, weight, bias])
    }

    /// `LayerNorm.forward(input)`: `F.layer_norm(input, self.normalized_shape, self.weight, self.bias, self.eps)`.
    func layerNormForward(_ instance: PyInstance, _ args: [PyValue], _ kwargs: KwArgs, _ nn: NNNativeModules) throws -> PyValue? {
        guard let input = Self.singleInput(args, kwargs), let shape = moduleAttribute(instance, "normalized_shape"),
              let weight = moduleAttribute(instance, "weight"), let bias = moduleAttribute(instance, "bias"),
              let eps = moduleAttribute(instance, "eps") else { return nil }
        return try call(nn.functionalLayerNorm, [input, shape, weight, bias, eps])
    }

    /// The one argument of `forward(self, input)`, given by position or as `input=`.
    private static func singleInput(_ args: [PyValue], _ kwargs: KwArgs) -> PyValue? {
        if args.count == 1 && kwargs.isEmpty { return args[0] }
        if args.isEmpty && kwargs.count == 1 && kwargs[0].0 == "input" { return kwargs[0].1 }
        return nil
    }

    /// `MultiheadAttention.forward` with `F.multi_head_attention_forward` for packed or separate projection weights,
    /// no `bias_k`/`bias_v`, no `add_zero_attn` and no dropout in effect; batched or not, masks bool or float.
    func multiheadAttentionForward(_ instance: PyInstance, _ args: [PyValue], _ kwargs: KwArgs, _ nn: NNNativeModules) throws -> PyValue? {
        guard let plan = attentionPlan(instance, args, kwargs, nn) else { return nil }
        return try runAttention(plan)
    }

    /// What `multiheadAttentionForward` runs, read and checked without side effects.
    private struct AttentionPlan {
        var query: PyValue, key: PyValue, value: PyValue
        var keyPaddingMask: PyValue, attnMask: PyValue
        /// Whether each mask is bool (turned into a float mask by `_canonical_mask`).
        var keyPaddingMaskIsBool: Bool, attnMaskIsBool: Bool
        var needWeights: Bool, averageWeights: Bool, isCausal: Bool
        var batched: Bool, batchFirst: Bool
        var embedDim: Int, heads: Int
        var targetLength: Int, batchSize: Int, sourceLength: Int
        var weight: PyValue
        /// `q_proj_weight`, `k_proj_weight`, `v_proj_weight` when `kdim`/`vdim` differ from `embed_dim`.
        var separateWeights: (PyValue, PyValue, PyValue)?
        var bias: PyValue, outWeight: PyValue, outBias: PyValue
        var dropout: PyValue
        var queryDType: PyValue
    }

    private func attentionPlan(_ instance: PyInstance, _ args: [PyValue], _ kwargs: KwArgs, _ nn: NNNativeModules) -> AttentionPlan? {
        guard let a = Self.bindPlain(args, kwargs, Self.attentionForwardNames, Self.attentionForwardDefaults),
              let query = plainTensor(a[0])?.tensor, let key = plainTensor(a[1])?.tensor, let value = plainTensor(a[2])?.tensor,
              case .bool(let needWeights) = a[4], case .bool(let averageWeights) = a[6], case .bool(var isCausal) = a[7],
              let keyPaddingMask = maskTensor(a[3]), let attnMask = maskTensor(a[5]) else { return nil }
        // The module's state as the forward reads it.
        guard case .bool(let batchFirst)? = moduleAttribute(instance, "batch_first"),
              case .int(let embedDim)? = moduleAttribute(instance, "embed_dim"),
              case .int(let heads)? = moduleAttribute(instance, "num_heads"), heads > 0,
              let weight = moduleAttribute(instance, "in_proj_weight"),
              let bias = moduleAttribute(instance, "in_proj_bias"),
              case PyValue.none? = moduleAttribute(instance, "bias_k"), case PyValue.none? = moduleAttribute(instance, "bias_v"),
              case .bool(false)? = moduleAttribute(instance, "add_zero_attn"),
              let dropout = moduleAttribute(instance, "dropout"),
              case .object(let out)? = moduleAttribute(instance, "out_proj"), let outProjection = out as? PyInstance,
              nn.isLinear(outProjection.cls),
              let outWeight = moduleAttribute(outProjection, "weight"), let outWeightBox = plainTensor(outWeight),
              let outBias = moduleAttribute(outProjection, "bias"),
              case .bool(let training)? = moduleAttribute(instance, "training"),
              case .bool(let packed)? = moduleAttribute(instance, "_qkv_same_embed_dim") else { return nil }
        // Projections of the expected shapes (anything else: the Python code and its messages).
        guard outWeightBox.tensor.shape == [embedDim, embedDim],
              bias.isNone || plainTensor(bias)?.tensor.shape == [3 * embedDim],
              outBias.isNone || plainTensor(outBias)?.tensor.shape == [embedDim] else { return nil }
        // No dropout in effect: `dropout_p` is the module's when training, else 0.0.
        if training {
            guard let p = floatValue(dropout), p == 0 else { return nil }
        }
        // _mha_shape_check.
        let batched: Bool
        switch query.dim {
        case 3:
            guard key.dim == 3, value.dim == 3, keyPaddingMask.map({ $0.dim == 2 }) ?? true,
                  attnMask.map({ $0.dim == 2 || $0.dim == 3 }) ?? true else { return nil }
            batched = true
        case 2:
            guard key.dim == 2, value.dim == 2, keyPaddingMask.map({ $0.dim == 1 }) ?? true else { return nil }
            if let attnMask {
                guard attnMask.dim == 2 || attnMask.dim == 3 else { return nil }
                if attnMask.dim == 3 && attnMask.shape != [heads, query.shape[0], key.shape[0]] { return nil }
            }
            batched = false
        default:
            return nil
        }
        // Shapes as multi_head_attention_forward sees them: (L, N, E) after the batch-first transpose or unsqueeze.
        func arranged(_ shape: [Int]) -> [Int] {
            if !batched { return [shape[0], 1, shape[1]] }
            return batchFirst ? [shape[1], shape[0], shape[2]] : shape
        }
        let queryShape = arranged(query.shape), keyShape = arranged(key.shape), valueShape = arranged(value.shape)
        let (targetLength, batchSize, sourceLength) = (queryShape[0], queryShape[1], keyShape[0])
        if isCausal && attnMask == nil { return nil }
        let dropsMask = isCausal && keyPaddingMask == nil && !needWeights
        if !dropsMask && keyPaddingMask != nil { isCausal = false }
        guard queryShape[2] == embedDim, embedDim % heads == 0 else { return nil }
        var separateWeights: (PyValue, PyValue, PyValue)?
        if packed {
            guard keyShape == valueShape, plainTensor(weight)?.tensor.shape == [3 * embedDim, embedDim] else { return nil }
        } else {
            // _in_projection: q_proj_weight (E, E), k_proj_weight (E, kdim), v_proj_weight (E, vdim).
            guard keyShape.prefix(2) == valueShape.prefix(2),
                  let q = moduleAttribute(instance, "q_proj_weight"), plainTensor(q)?.tensor.shape == [embedDim, embedDim],
                  let k = moduleAttribute(instance, "k_proj_weight"), plainTensor(k)?.tensor.shape == [embedDim, keyShape[2]],
                  let v = moduleAttribute(instance, "v_proj_weight"), plainTensor(v)?.tensor.shape == [embedDim, valueShape[2]]
            else { return nil }
            separateWeights = (q, k, v)
        }
        if let attnMask, !dropsMask {
            let expected = attnMask.dim == 2 ? [targetLength, sourceLength] : [batchSize * heads, targetLength, sourceLength]
            guard attnMask.shape == expected else { return nil }
        }
        if let keyPaddingMask {
            let shape = batched ? keyPaddingMask.shape : [1] + keyPaddingMask.shape
            guard shape == [batchSize, sourceLength] else { return nil }
        }
        return AttentionPlan(
            query: a[0], key: a[1], value: a[2], keyPaddingMask: a[3], attnMask: a[5],
            keyPaddingMaskIsBool: keyPaddingMask?.dtype == .bool, attnMaskIsBool: attnMask?.dtype == .bool,
            needWeights: needWeights, averageWeights: averageWeights, isCausal: isCausal, batched: batched,
            batchFirst: batchFirst, embedDim: embedDim, heads: heads, targetLength: targetLength, batchSize: batchSize,
            sourceLength: sourceLength, weight: weight, separateWeights: separateWeights, bias: bias, outWeight: outWeight,
            outBias: outBias,
            dropout: training ? dropout : .float(0.0), queryDType: dtypeObject(query.dtype))
    }

    /// A mask argument `_canonical_mask` accepts: None (`.some(nil)`), or a bool or floating tensor; nil otherwise.
    private func maskTensor(_ value: PyValue) -> Tensor?? {
        if value.isNone { return .some(nil) }
        guard let tensor = plainTensor(value)?.tensor, tensor.dtype == .bool || tensor.dtype.isFloatingPoint else { return nil }
        return .some(tensor)
    }

    /// The op sequence of `MultiheadAttention.forward` and `F.multi_head_attention_forward` for a checked plan.
    private func runAttention(_ plan: AttentionPlan) throws -> PyValue {
        let heads = plan.heads, embedDim = plan.embedDim, headDim = plan.embedDim / plan.heads
        let (targetLength, batchSize) = (plan.targetLength, plan.batchSize)
        // forward: both masks through _canonical_mask (a bool mask becomes 0 / -inf in the query's dtype).
        var keyPaddingMask = plan.keyPaddingMaskIsBool ? try canonicalMask(plan.keyPaddingMask, plan.queryDType) : plan.keyPaddingMask
        var attnMask = plan.attnMaskIsBool ? try canonicalMask(plan.attnMask, plan.queryDType) : plan.attnMask
        var query = plan.query, key = plan.key, value = plan.value
        if plan.batchFirst && plan.batched {
            if key.isIdentical(to: value) {
                if query.isIdentical(to: key) {
                    query = try method(query, "transpose", [.int(1), .int(0)])
                    key = query
                    value = query
                } else {
                    query = try method(query, "transpose", [.int(1), .int(0)])
                    key = try method(key, "transpose", [.int(1), .int(0)])
                    value = key
                }
            } else {
                query = try method(query, "transpose", [.int(1), .int(0)])
                key = try method(key, "transpose", [.int(1), .int(0)])
                value = try method(value, "transpose", [.int(1), .int(0)])
            }
        }
        // multi_head_attention_forward.
        if !plan.batched {
            query = try method(query, "unsqueeze", [.int(1)])
            key = try method(key, "unsqueeze", [.int(1)])
            value = try method(value, "unsqueeze", [.int(1)])
            if !keyPaddingMask.isNone { keyPaddingMask = try method(keyPaddingMask, "unsqueeze", [.int(0)]) }
        }
        if plan.isCausal && keyPaddingMask.isNone && !plan.needWeights { attnMask = .none }
        if let (wq, wk, wv) = plan.separateWeights {
            // _in_projection, with in_proj_bias.chunk(3).
            let linear = nativeNN!.functionalLinear
            let b = plan.bias.isNone ? (PyValue.none, PyValue.none, PyValue.none) : try triple(try method(plan.bias, "chunk", [.int(3)]))
            (query, key, value) = (try call(linear, [query, wq, b.0]), try call(linear, [key, wk, b.1]), try call(linear, [value, wv, b.2]))
        } else {
            (query, key, value) = try packedProjection(query, key, value, plan.weight, plan.bias, embedDim)
        }
        if let mask = plainTensor(attnMask)?.tensor, mask.dim == 2 { attnMask = try method(attnMask, "unsqueeze", [.int(0)]) }
        let batchHeads = PyValue.int(batchSize * heads)
        query = try method(try method(query, "view", [.int(targetLength), batchHeads, .int(headDim)]), "transpose", [.int(0), .int(1)])
        let keyLength = PyValue.int(plainTensor(key)!.tensor.shape[0])
        key = try method(try method(key, "view", [keyLength, batchHeads, .int(headDim)]), "transpose", [.int(0), .int(1)])
        let valueLength = PyValue.int(plainTensor(value)!.tensor.shape[0])
        value = try method(try method(value, "view", [valueLength, batchHeads, .int(headDim)]), "transpose", [.int(0), .int(1)])
        let sourceLength = plainTensor(key)!.tensor.shape[1]
        if !keyPaddingMask.isNone {
            keyPaddingMask = try method(keyPaddingMask, "view", [.int(batchSize), .int(1), .int(1), .int(sourceLength)])
            keyPaddingMask = try method(keyPaddingMask, "expand", [.int(-1), .int(heads), .int(-1), .int(-1)])
            keyPaddingMask = try method(keyPaddingMask, "reshape", [batchHeads, .int(1), .int(sourceLength)])
            attnMask = attnMask.isNone ? keyPaddingMask : try binaryOperation(.add, attnMask, keyPaddingMask)
        }
        var output: PyValue, weights: PyValue
        if plan.needWeights {
            let scale = (1.0 / Double(plainTensor(query)!.tensor.shape[2])).squareRoot()
            let scaled = try binaryOperation(.mul, query, .float(scale))
            weights = try torchCall("bmm", [scaled, try method(key, "transpose", [.int(-2), .int(-1)])])
            if !attnMask.isNone { weights = try binaryOperation(.add, weights, attnMask) }
            weights = try torchCall("softmax", [weights, .int(-1)], [("dtype", .none)])
            output = try torchCall("bmm", [weights, value])
            output = try method(output, "transpose", [.int(0), .int(1)])
            output = try method(output, "reshape", [.int(targetLength * batchSize), .int(embedDim)])
            output = try call(nativeNN!.functionalLinear, [output, plan.outWeight, plan.outBias])
            output = try method(output, "view", [.int(targetLength), .int(batchSize), .int(plainTensor(output)!.tensor.shape[1])])
            weights = try method(weights, "view", [.int(batchSize), .int(heads), .int(targetLength), .int(sourceLength)])
            if plan.averageWeights { weights = try method(weights, "mean", [], [("dim", .int(1))]) }
            if !plan.batched {
                output = try method(output, "squeeze", [.int(1)])
                weights = try method(weights, "squeeze", [.int(0)])
            }
        } else {
            if let mask = plainTensor(attnMask)?.tensor {
                attnMask = mask.shape[0] == 1 && mask.dim == 3
                    ? try method(attnMask, "unsqueeze", [.int(0)])
                    : try method(attnMask, "view", [.int(batchSize), .int(heads), .int(-1), .int(sourceLength)])
            }
            query = try method(query, "view", [.int(batchSize), .int(heads), .int(targetLength), .int(headDim)])
            key = try method(key, "view", [.int(batchSize), .int(heads), .int(sourceLength), .int(headDim)])
            value = try method(value, "view", [.int(batchSize), .int(heads), .int(sourceLength), .int(headDim)])
            output = try call(nativeNN!.sdpa, [query, key, value, attnMask, plan.dropout, .bool(plan.isCausal), .none])
            output = try method(output, "permute", [.int(2), .int(0), .int(1), .int(3)])
            output = try method(output, "reshape", [.int(batchSize * targetLength), .int(embedDim)])
            output = try call(nativeNN!.functionalLinear, [output, plan.outWeight, plan.outBias])
            output = try method(output, "view", [.int(targetLength), .int(batchSize), .int(plainTensor(output)!.tensor.shape[1])])
            if !plan.batched { output = try method(output, "squeeze", [.int(1)]) }
            weights = .none
        }
        if plan.batchFirst && plan.batched { output = try method(output, "transpose", [.int(1), .int(0)]) }
        return .tuple([output, weights])
    }

    /// `_in_projection_packed(q, k, v, w, b)`.
    private func packedProjection(
        _ q: PyValue, _ k: PyValue, _ v: PyValue, _ w: PyValue, _ b: PyValue, _ embedDim: Int
    ) throws -> (PyValue, PyValue, PyValue) {
        let linear = nativeNN!.functionalLinear
        let e = PyValue.int(embedDim)
        if k.isIdentical(to: v) {
            if q.isIdentical(to: k) {
                let projection = try separated(try call(linear, [q, w, b]), parts: 3, e)
                return (try getItem(projection, .int(0)), try getItem(projection, .int(1)), try getItem(projection, .int(2)))
            }
            let sizes = PyValue.list(PyList([e, .int(embedDim * 2)]))
            let (wq, wkv) = try pair(try method(w, "split", [sizes]))
            let (bq, bkv) = b.isNone ? (PyValue.none, PyValue.none) : try pair(try method(b, "split", [sizes]))
            let queryProjection = try call(linear, [q, wq, bq])
            let keyValue = try separated(try call(linear, [k, wkv, bkv]), parts: 2, e)
            return (queryProjection, try getItem(keyValue, .int(0)), try getItem(keyValue, .int(1)))
        }
        let ws = try triple(try method(w, "chunk", [.int(3)]))
        let bs = b.isNone ? (PyValue.none, PyValue.none, PyValue.none) : try triple(try method(b, "chunk", [.int(3)]))
        return (try call(linear, [q, ws.0, bs.0]), try call(linear, [k, ws.1, bs.1]), try call(linear, [v, ws.2, bs.2]))
    }

    /// `proj.unflatten(-1, (parts, E)).unsqueeze(0).transpose(0, -2).squeeze(-2).contiguous()`.
    private func separated(_ projection: PyValue, parts: Int, _ e: PyValue) throws -> PyValue {
        var result = try method(projection, "unflatten", [.int(-1), .tuple([.int(parts), e])])
        result = try method(result, "unsqueeze", [.int(0)])
        result = try method(result, "transpose", [.int(0), .int(-2)])
        result = try method(result, "squeeze", [.int(-2)])
        return try method(result, "contiguous", [])
    }

    /// `torch.zeros_like(mask, dtype=target_type).masked_fill_(mask, float("-inf"))`.
    private func canonicalMask(_ mask: PyValue, _ dtype: PyValue) throws -> PyValue {
        let zeros = try torchCall("zeros_like", [mask], [("dtype", dtype)])
        return try method(zeros, "masked_fill_", [mask, .float(-.infinity)])
    }

    /// `receiver.name(*args, **kwargs)` as the interpreter calls a method found on the receiver's type.
    private func method(_ receiver: PyValue, _ name: String, _ args: [PyValue], _ kwargs: KwArgs = []) throws -> PyValue {
        guard let function = typeOf(receiver).lookup(name) else { throw attributeError(receiver, name) }
        return try callMethod(function, receiver, args, kwargs)
    }

    /// `torch.name(*args, **kwargs)`.
    private func torchCall(_ name: String, _ args: [PyValue], _ kwargs: KwArgs = []) throws -> PyValue {
        try call(torchFunction(name), args, kwargs)
    }

    /// Unpacks a two-item tuple (`a, b = x.split(...)`).
    private func pair(_ value: PyValue) throws -> (PyValue, PyValue) {
        let items = try iterate(value)
        guard items.count == 2 else { throw error("ValueError", "expected 2 values to unpack") }
        return (items[0], items[1])
    }

    /// Unpacks a three-item tuple (`a, b, c = x.chunk(3)`).
    private func triple(_ value: PyValue) throws -> (PyValue, PyValue, PyValue) {
        let items = try iterate(value)
        guard items.count == 3 else { throw error("ValueError", "expected 3 values to unpack") }
        return (items[0], items[1], items[2])
    }
}
