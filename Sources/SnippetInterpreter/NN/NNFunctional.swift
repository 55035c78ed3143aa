import TensorKernel

/// Native half of `torch.nn.functional`: the ops with a kernel implementation (bit-exact paths), plus
/// the private helpers the Python preludes call (`_grad_fn`, `_warn`, `_sdpa`).
extension Interpreter {
    func nativeFunctionalAttributes() -> [String: PyValue] {
        var f: [String: PyValue] = [:]
        f["linear"] = nativeFunction("linear(input, weight, bias=None)") { interp, a in
            let input = try interp.tensorArg(a, "input", "linear")
            let weight = try interp.tensorArg(a, "weight", "linear")
            let bias = a["bias"].isNone ? nil : try interp.tensorArg(a, "bias", "linear")
            let result = try interp.kernel { () throws(TensorError) in try Tensor.linear(input, weight, bias) }
            return try interp.derive(result, NNGradFn.linear(input: input, bias: bias), from: [a["input"], a["weight"], a["bias"]])
        }
        f["layer_norm"] = nativeFunction("layer_norm(input, normalized_shape, weight=None, bias=None, eps=1e-05)") { interp, a in
            let input = try interp.tensorArg(a, "input", "layer_norm")
            guard let shape = interp.dimsArgument(a["normalized_shape"]) else {
                throw interp.typeError("layer_norm(): argument 'normalized_shape' (position 2) must be tuple of ints, not \(interp.typeOf(a["normalized_shape"]).name)")
            }
            let weight = a["weight"].isNone ? nil : try interp.tensorArg(a, "weight", "layer_norm")
            let bias = a["bias"].isNone ? nil : try interp.tensorArg(a, "bias", "layer_norm")
            let eps = try interp.doubleArg(a["eps"], "eps", "layer_norm")
            let result = try interp.kernel { () throws(TensorError) in
                try input.layerNorm(shape, weight: weight, bias: bias, eps: eps)
            }
            return try interp.derive(result, "NativeLayerNormBackward0", from: [a["input"], a["weight"], a["bias"]])
        }
        f["gelu"] = nativeFunction("gelu(input, approximate='none')") { interp, a in
            let input = try interp.tensorArg(a, "input", "gelu")
            guard case .str(let approximate) = a["approximate"] else {
                throw interp.typeError("gelu(): argument 'approximate' must be str, not \(interp.typeOf(a["approximate"]).name)")
            }
            let result = try interp.kernel { () throws(TensorError) in try input.gelu(approximate: approximate) }
            return try interp.derive(result, "GeluBackward0", from: [a["input"]])
        }
        f["silu"] = nativeFunction("silu(input, inplace=False)") { interp, a in
            let input = try interp.tensorArg(a, "input", "silu")
            return try interp.derive(input.silu(), "SiluBackward0", from: [a["input"]])
        }
        f["dropout"] = nativeFunction("dropout(input, p=0.5, training=True, inplace=False)") { interp, a in
            let input = try interp.tensorArg(a, "input", "dropout")
            let p = try interp.doubleArg(a["p"], "p", "dropout")
            let training = try interp.boolArg(a["training"], "training", "dropout")
            guard p >= 0, p <= 1 else {
                let shown = try interp.repr(a["p"])
                throw interp.error("ValueError", "dropout probability has to be between 0 and 1, but got \(shown)")
            }
            if !training || p == 0 || input.numel == 0 { return a["input"] }
            let generator = interp.torchState.defaultGenerator
            let result = try interp.kernel { () throws(TensorError) in
                try Tensor.dropout(input, p: p, training: true, generator: &generator.generator)
            }
            return try interp.derive(result, "MulBackward0", from: [a["input"]])
        }
        f["_sdpa"] = nativeFunction("_sdpa(query, key, value, attn_mask, dropout_p, is_causal, scale)") { interp, a in
            let name = "scaled_dot_product_attention"
            let query = try interp.tensorArg(a, "query", name)
            let key = try interp.tensorArg(a, "key", name)
            let value = try interp.tensorArg(a, "value", name)
            let mask = a["attn_mask"].isNone ? nil : try interp.tensorArg(a, "attn_mask", name)
            let dropout = try interp.doubleArg(a["dropout_p"], "dropout_p", name)
            let causal = try interp.boolArg(a["is_causal"], "is_causal", name)
            let scale = a["scale"].isNone ? nil : try interp.doubleArg(a["scale"], "scale", name)
            // Two products per query row: scores (L × E by E × S) and output (L × S by S × Ev).
            if query.dim >= 2, key.dim >= 2, value.dim >= 1 {
                let batch = query.shape.dropLast(2).reduce(1, *)
                let l = query.shape[query.dim - 2], e = query.shape[query.dim - 1], s = key.shape[key.dim - 2]
                try interp.chargeMatrixProduct(batch: batch, m: l, k: e, n: s)
                try interp.chargeMatrixProduct(batch: batch, m: l, k: s, n: value.shape[value.dim - 1])
            }
            let generator = interp.torchState.defaultGenerator
            let result = try interp.kernel { () throws(TensorError) in
                try Tensor.scaledDotProductAttention(
                    query, key, value, attnMask: mask, dropoutP: dropout, isCausal: causal, scale: scale,
                    generator: &generator.generator)
            }
            let gradFn = NNGradFn.attention(query: query, key: key, value: value, dropout: dropout)
            return try interp.derive(result, gradFn, from: [a["query"], a["key"], a["value"], a["attn_mask"]])
        }
        f["_grad_fn"] = nativeFunction("_grad_fn(tensor, name)") { interp, a in
            if let box = interp.tensorBox(a["tensor"]), box.gradFn != nil, case .str(let name) = a["name"] {
                box.gradFn = name
            }
            return a["tensor"]
        }
        // KERNEL-TODO: the interpreter has no stderr channel yet, so PyTorch's UserWarnings are dropped.
        f["_warn"] = nativeFunction("_warn(message)") { _, _ in .none }
        return f
    }

    /// A `normalized_shape`-style argument: an int, a tuple/list of ints, or a `torch.Size`.
    func dimsArgument(_ value: PyValue) -> [Int]? {
        if let i = intValue(value) { return [i] }
        return intSequence(value)
    }
}

/// The `grad_fn` names PyTorch reports for the composite nn ops.
enum NNGradFn {
    /// `F.linear`: `addmm`/`mm` for 2-D inputs; folded N-D inputs end in `_unsafe_view`.
    static func linear(input: Tensor, bias: Tensor?) -> String {
        if input.dim == 2 { return bias == nil ? "MmBackward0" : "AddmmBackward0" }
        if let bias, !(input.isContiguous && bias.dim == 1) { return "AddBackward0" }
        return "UnsafeViewBackward0"
    }

    /// SDPA: the CPU flash kernel for 4-D inputs (3-D ones are squeezed back), the math path otherwise.
    static func attention(query: Tensor, key: Tensor, value: Tensor, dropout: Double) -> String {
        let dims = [query.dim, key.dim, value.dim]
        if dropout == 0, dims.allSatisfy({ $0 == 4 }) { return "ScaledDotProductFlashAttentionForCpuBackward0" }
        if dropout == 0, dims.allSatisfy({ $0 == 3 }) { return "SqueezeBackward1" }
        return "UnsafeViewBackward0"
    }
}
