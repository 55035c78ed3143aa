import TensorKernel

/// Views and shape functions: view/reshape/transpose/permute/squeeze..., cat/stack/split/chunk, gather/scatter.
extension Interpreter {
    typealias ViewKernel = (Tensor) throws(TensorError) -> Tensor

    private func shaped(_ a: BoundArguments, _ gradFn: String, _ body: ViewKernel) throws -> PyValue {
        let t = try tensorArg(a)
        let result = try kernel { () throws(TensorError) in try body(t) }
        // A broadcast view (expand) costs nothing, but any op on it materialises every element: a view
        // larger than the memory budget is refused here, before some later op allocates it.
        if result.numel > result.storage.count { try checkAllocation(result.shape, result.dtype) }
        return try derive(result, gradFn, from: [a["input"]])
    }

    func installTensorShapeOps() {
        defineOp("view(input, *shape)", function: false) { interp, a in
            if a.varArgs.count == 1, let dtype = interp.dtypeValue(a.varArgs[0]) {
                let t = try interp.tensorArg(a)
                guard dtype == t.dtype else {
                    throw interp.error("NotImplementedError", "Tensor.view(dtype) is not supported in quiz snippets")
                }
                return a["input"]
            }
            guard let shape = try? interp.sizeArgs(a.varArgs, "view") else {
                let got = a.varArgs.map { interp.typeOf($0).name }
                let marked = a.varArgs.map { interp.intValue($0) != nil ? interp.typeOf($0).name : "!\(interp.typeOf($0).name)!" }
                let detail = "      didn't match because some of the arguments have invalid types: (\(marked.joined(separator: ", ")))\n"
                throw interp.typeError("view() received an invalid combination of arguments - got (\(got.joined(separator: ", "))), but expected one of:\n * (torch.dtype dtype)\n" + detail + " * (tuple of ints size)\n" + detail)
            }
            return try interp.shaped(a, "ViewBackward0") { t throws(TensorError) in try t.view(shape) }
        }
        defineOp("reshape(input, *shape)") { interp, a in
            let shape = try interp.sizeArgs(a.varArgs.isEmpty ? [] : a.varArgs, "reshape", name: "shape")
            let t = try interp.tensorArg(a)
            let result = try interp.kernel { () throws(TensorError) in try t.reshape(shape) }
            let copied = result.storage !== t.storage
            return try interp.derive(result, copied ? "UnsafeViewBackward0" : "ViewBackward0", from: [a["input"]])
        }
        defineOp("view_as(input, other)", function: false) { interp, a in
            let shape = try interp.tensorArg(a, "other", "view_as").shape
            return try interp.shaped(a, "ViewBackward0") { t throws(TensorError) in try t.view(shape) }
        }
        defineOp("reshape_as(input, other)", function: false) { interp, a in
            let shape = try interp.tensorArg(a, "other", "reshape_as").shape
            return try interp.shaped(a, "ViewBackward0") { t throws(TensorError) in try t.reshape(shape) }
        }
        defineOp("expand(input, *sizes)", function: false) { interp, a in
            let sizes = try interp.sizeArgs(a.varArgs, "expand")
            return try interp.shaped(a, "ExpandBackward0") { t throws(TensorError) in try t.expand(sizes) }
        }
        defineOp("expand_as(input, other)", function: false) { interp, a in
            let other = try interp.tensorArg(a, "other", "expand_as")
            return try interp.shaped(a, "ExpandBackward0") { t throws(TensorError) in try t.expand_as(other) }
        }
        defineOp("repeat(input, *sizes)", function: false) { interp, a in
            let sizes = try interp.sizeArgs(a.varArgs, "repeat", name: "repeats")
            let t = try interp.tensorArg(a)
            if sizes.count >= t.dim, sizes.allSatisfy({ $0 >= 0 }) {
                let padded = Array(repeating: 1, count: sizes.count - t.dim) + t.shape
                try interp.checkAllocation(zip(sizes, padded).map { $0 &* $1 }, t.dtype)
            }
            return try interp.shaped(a, "RepeatBackward0") { t throws(TensorError) in try t.repeat_(sizes) }
        }
        defineOp("transpose(input, dim0, dim1)") { interp, a in
            let d0 = try interp.intArg(a["dim0"], "dim0", "transpose"), d1 = try interp.intArg(a["dim1"], "dim1", "transpose")
            return try interp.shaped(a, "TransposeBackward0") { t throws(TensorError) in try t.transpose(d0, d1) }
        }
        torchState.functions["swapaxes"] = torchState.functions["transpose"]
        torchState.tensorClass.dict["swapaxes"] = torchState.functions["transpose"]
        defineOp("t(input)") { interp, a in try interp.shaped(a, "TBackward0") { t throws(TensorError) in try t.t() } }
        defineOp("permute(input, *dims)") { interp, a in
            let dims = try interp.sizeArgs(a.varArgs, "permute", name: "dims")
            return try interp.shaped(a, "PermuteBackward0") { t throws(TensorError) in try t.permute(dims) }
        }
        defineOp("unsqueeze(input, dim)") { interp, a in
            let d = try interp.intArg(a["dim"], "dim", "unsqueeze")
            return try interp.shaped(a, "UnsqueezeBackward0") { t throws(TensorError) in try t.unsqueeze(d) }
        }
        defineOp("squeeze(input, dim=None)") { interp, a in
            guard let dims = try interp.dimsArg(a["dim"], "dim", "squeeze") else {
                return try interp.shaped(a, "SqueezeBackward0") { $0.squeeze() }
            }
            return try interp.shaped(a, dims.count == 1 && interp.intValue(a["dim"]) != nil ? "SqueezeBackward1" : "SqueezeBackward2") { t throws(TensorError) in try t.squeeze(dims: dims) }
        }
        defineOp("flatten(input, start_dim=0, end_dim=-1)") { interp, a in
            let s = try interp.intArg(a["start_dim"], "start_dim", "flatten"), e = try interp.intArg(a["end_dim"], "end_dim", "flatten")
            let t = try interp.tensorArg(a)
            let result = try interp.kernel { () throws(TensorError) in try t.flatten(s, e) }
            if result.shape == t.shape { return a["input"] }
            return try interp.derive(result, result.storage === t.storage ? "ViewBackward0" : "UnsafeViewBackward0", from: [a["input"]])
        }
        defineOp("unflatten(input, dim, sizes)") { interp, a in
            let d = try interp.intArg(a["dim"], "dim", "unflatten")
            guard let sizes = interp.intSequence(a["sizes"]) else {
                throw interp.typeError("unflatten(): argument 'sizes' (position 2) must be tuple of ints, not \(interp.typeOf(a["sizes"]).name)")
            }
            return try interp.shaped(a, "ViewBackward0") { t throws(TensorError) in try t.unflatten(d, sizes) }
        }
        defineOp("narrow(input, dim, start, length)") { interp, a in
            let d = try interp.intArg(a["dim"], "dim", "narrow"), s = try interp.intArg(a["start"], "start", "narrow")
            let l = try interp.intArg(a["length"], "length", "narrow")
            return try interp.shaped(a, "NarrowBackward0") { t throws(TensorError) in try t.narrow(d, s, l) }
        }
        defineOp("select(input, dim, index)") { interp, a in
            let d = try interp.intArg(a["dim"], "dim", "select"), i = try interp.intArg(a["index"], "index", "select")
            return try interp.shaped(a, "SelectBackward0") { t throws(TensorError) in try t.select(d, i) }
        }
        defineOp("tril(input, diagonal=0)") { interp, a in
            let d = try interp.intArg(a["diagonal"], "diagonal", "tril")
            return try interp.shaped(a, "TrilBackward0") { t throws(TensorError) in try t.tril(d) }
        }
        defineOp("triu(input, diagonal=0)") { interp, a in
            let d = try interp.intArg(a["diagonal"], "diagonal", "triu")
            return try interp.shaped(a, "TriuBackward0") { t throws(TensorError) in try t.triu(d) }
        }
        defineOp("flip(input, *dims)") { interp, a in
            let dims = try interp.sizeArgs(a.varArgs, "flip", name: "dims")
            return try interp.shaped(a, "FlipBackward0") { t throws(TensorError) in try t.flip(dims) }
        }
        defineOp("roll(input, shifts, dims=None)") { interp, a in
            guard let shifts = try interp.dimsArg(a["shifts"], "shifts", "roll") else {
                throw interp.typeError("roll(): argument 'shifts' must be tuple of ints, not NoneType")
            }
            let dims = try interp.dimsArg(a["dims"], "dims", "roll") ?? []
            return try interp.shaped(a, "RollBackward0") { t throws(TensorError) in try t.roll(shifts, dims: dims) }
        }
        defineOp("gather(input, dim, index)") { interp, a in
            let d = try interp.intArg(a["dim"], "dim", "gather"), index = try interp.tensorArg(a, "index", "gather")
            return try interp.shaped(a, "GatherBackward0") { t throws(TensorError) in try t.gather(d, index) }
        }
        defineOp("scatter(input, dim, index, src=None, *, value=None)") { interp, a in
            let d = try interp.intArg(a["dim"], "dim", "scatter"), index = try interp.tensorArg(a, "index", "scatter")
            let source = try interp.operandArg(a["src"].isNone ? a["value"] : a["src"], "src", "scatter")
            return try interp.shaped(a, "ScatterBackward0") { t throws(TensorError) in try t.scatter(d, index, source) }
        }
        defineOp("index_select(input, dim, index)") { interp, a in
            let d = try interp.intArg(a["dim"], "dim", "index_select"), index = try interp.tensorArg(a, "index", "index_select")
            return try interp.shaped(a, "IndexSelectBackward0") { t throws(TensorError) in try t.index_select(d, index) }
        }
        defineOp("masked_select(input, mask)") { interp, a in
            let mask = try interp.tensorArg(a, "mask", "masked_select")
            return try interp.shaped(a, "MaskedSelectBackward0") { t throws(TensorError) in try t.masked_select(mask) }
        }
        defineOp("repeat_interleave(input, repeats, dim=None)") { interp, a in
            let d = try interp.optionalIntArg(a["dim"], "dim", "repeat_interleave")
            if let n = interp.intValue(a["repeats"]) {
                return try interp.shaped(a, "IndexSelectBackward0") { t throws(TensorError) in try t.repeat_interleave(n, dim: d) }
            }
            let counts = try interp.tensorArg(a, "repeats", "repeat_interleave").tolist()
            guard case .list(let items) = counts else { throw interp.typeError("repeat_interleave(): repeats must be 1-D") }
            let ints = items.map { if case .scalar(let s) = $0 { Int(s.asDouble) } else { 0 } }
            return try interp.shaped(a, "IndexSelectBackward0") { t throws(TensorError) in try t.repeat_interleave(counts: ints, dim: d) }
        }
        defineOp("unique(input, sorted=True, return_inverse=False, return_counts=False, dim=None)") { interp, a in
            guard a["dim"].isNone else { throw interp.error("NotImplementedError", "unique(dim=...) is not supported in quiz snippets") }
            let t = try interp.tensorArg(a)
            let (values, inverse, counts) = try interp.kernel { () throws(TensorError) in try t.unique() }
            var results = [try interp.wrap(values)]
            if case .bool(true) = a["return_inverse"] { results.append(try interp.wrap(inverse)) }
            if case .bool(true) = a["return_counts"] { results.append(try interp.wrap(counts)) }
            return results.count == 1 ? results[0] : .tuple(results)
        }
        defineOp("diag(input, diagonal=0)") { interp, a in
            let d = try interp.intArg(a["diagonal"], "diagonal", "diag")
            return try interp.shaped(a, "DiagBackward0") { t throws(TensorError) in try t.diag(d) }
        }
        defineOp("trace(input)") { interp, a in
            try interp.shaped(a, "TraceBackward0") { t throws(TensorError) in
                guard t.dim == 2 else { throw .runtime("trace: expected a matrix, but got tensor with dim \(t.dim)") }
                return try t.diag().sum()
            }
        }
        for name in ["new_zeros", "new_ones", "new_empty"] {
            defineOp("\(name)(input, *size, dtype=None, device=None, requires_grad=False)", function: false) { interp, a in
                let t = try interp.tensorArg(a)
                let shape = try interp.sizeArgs(a.varArgs, name)
                let dtype = try interp.dtypeArgument(a["dtype"], function: name) ?? t.dtype
                try interp.checkAllocation(shape, dtype)
                let result = try interp.kernel { () throws(TensorError) in
                    name == "new_ones" ? try Tensor.ones(shape, dtype: dtype) : try Tensor.zeros(shape, dtype: dtype)
                }
                return try interp.wrap(result)
            }
        }
        defineOp("new_full(input, size, fill_value, *, dtype=None, device=None, requires_grad=False)", function: false) { interp, a in
            let t = try interp.tensorArg(a)
            let shape = try interp.sizeArgs([a["size"]], "new_full")
            guard let op = interp.operand(a["fill_value"]), let scalar = interp.scalarOperand(op) else {
                throw interp.typeError("new_full(): argument 'fill_value' must be Number, not \(interp.typeOf(a["fill_value"]).name)")
            }
            let dtype = try interp.dtypeArgument(a["dtype"], function: "new_full") ?? t.dtype
            try interp.checkAllocation(shape, dtype)
            return try interp.wrap(try interp.kernel { () throws(TensorError) in try Tensor.full(shape, scalar, dtype: dtype) })
        }
        defineOp("new_tensor(input, data, *, dtype=None, device=None, requires_grad=False)", function: false) { interp, a in
            let t = try interp.tensorArg(a)
            let data = try interp.nestedList(a["data"])
            let dtype = try interp.dtypeArgument(a["dtype"], function: "new_tensor") ?? t.dtype
            return try interp.wrap(try interp.kernel { () throws(TensorError) in try Tensor.tensor(data, dtype: dtype) })
        }
        defineOp("addmm(input, mat1, mat2, *, beta=1, alpha=1)") { interp, a in
            let bias = try interp.tensorArg(a), m1 = try interp.tensorArg(a, "mat1", "addmm"), m2 = try interp.tensorArg(a, "mat2", "addmm")
            guard case .int(1) = a["beta"], case .int(1) = a["alpha"] else {
                throw interp.error("NotImplementedError", "addmm with beta/alpha is not supported in quiz snippets")
            }
            try interp.chargeMatmul(m1, m2)
            return try interp.derive(try interp.kernel { () throws(TensorError) in try Tensor.addmm(bias, m1, m2) }, "AddmmBackward0", from: [a["input"], a["mat1"], a["mat2"]])
        }
        defineOp("split(input, split_size_or_sections, dim=0)") { interp, a in
            let t = try interp.tensorArg(a)
            let d = try interp.intArg(a["dim"], "dim", "split")
            let parts: [Tensor]
            if let n = interp.intValue(a["split_size_or_sections"]) {
                parts = try interp.kernel { () throws(TensorError) in try t.split(n, dim: d) }
            } else if let sizes = interp.intSequence(a["split_size_or_sections"]) {
                parts = try interp.kernel { () throws(TensorError) in try t.split(sizes: sizes, dim: d) }
            } else {
                throw interp.typeError("split(): argument 'split_size' must be int, not \(interp.typeOf(a["split_size_or_sections"]).name)")
            }
            return .tuple(try parts.map { try interp.derive($0, "SplitBackward0", from: [a["input"]]) })
        }
        defineOp("chunk(input, chunks, dim=0)") { interp, a in
            let t = try interp.tensorArg(a)
            let n = try interp.intArg(a["chunks"], "chunks", "chunk"), d = try interp.intArg(a["dim"], "dim", "chunk")
            let parts = try interp.kernel { () throws(TensorError) in try t.chunk(n, dim: d) }
            return .tuple(try parts.map { try interp.derive($0, "SplitBackward0", from: [a["input"]]) })
        }
        defineOp("unbind(input, dim=0)") { interp, a in
            let t = try interp.tensorArg(a)
            let d = try interp.intArg(a["dim"], "dim", "unbind")
            let size = try interp.kernel { () throws(TensorError) in try t.size(d) }
            return .tuple(try (0..<size).map { i in
                try interp.derive(try interp.kernel { () throws(TensorError) in try t.select(d, i) }, "UnbindBackward0", from: [a["input"]])
            })
        }
        for (name, gradFn) in [("cat", "CatBackward0"), ("concat", "CatBackward0"), ("concatenate", "CatBackward0"), ("stack", "StackBackward0")] {
            defineOp("\(name)(tensors, dim=0)", method: false) { interp, a in
                let tensors = try interp.tensorListArg(a["tensors"], "tensors", name)
                let d = try interp.intArg(a["dim"], "dim", name)
                let result = try interp.kernel { () throws(TensorError) in
                    name == "stack" ? try Tensor.stack(tensors, dim: d) : try Tensor.cat(tensors, dim: d)
                }
                let inputs: [PyValue]
                switch a["tensors"] {
                case .tuple(let t): inputs = t
                case .list(let l): inputs = l.items
                default: inputs = []
                }
                return try interp.derive(result, gradFn, from: inputs)
            }
        }
        defineOp("einsum(equation, *operands)", method: false) { interp, a in
            guard case .str(let equation) = a["equation"] else {
                throw interp.typeError("einsum(): argument 'equation' (position 1) must be str, not \(interp.typeOf(a["equation"]).name)")
            }
            var values = a.varArgs
            if values.count == 1, case .list(let l) = values[0] { values = l.items }
            if values.count == 1, case .tuple(let t) = values[0] { values = t }
            let operands = try values.map { try interp.tensor(from: $0, argument: "operands", function: "einsum") }
            return try interp.derive(try interp.kernel { () throws(TensorError) in try Tensor.einsum(equation, operands) }, "ViewBackward0", from: values)
        }
    }
}
