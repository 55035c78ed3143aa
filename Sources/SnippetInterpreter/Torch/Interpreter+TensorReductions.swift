import TensorKernel

/// Reductions (sum/mean/max/min/var/std/norm/...), softmax, sorting and `torch.return_types` results.
extension Interpreter {
    func installTensorReductions() {
        for (name, isMean) in [("sum", false), ("mean", true)] {
            defineOp("\(name)(input, dim=None, keepdim=False, *, dtype=None)") { interp, a in
                let t = try interp.tensorArg(a)
                let dims = try interp.dimsArg(a["dim"], "dim", name)
                let keepdim = try interp.boolArg(a["keepdim"], "keepdim", name)
                let dtype = try interp.dtypeArgument(a["dtype"], function: name)
                let result = try interp.kernel { () throws(TensorError) in
                    isMean ? try t.mean(dim: dims, keepdim: keepdim, dtype: dtype) : try t.sum(dim: dims, keepdim: keepdim, dtype: dtype)
                }
                let gradFn = (isMean ? "MeanBackward" : "SumBackward") + (dims == nil ? "0" : "1")
                return try interp.derive(result, gradFn, from: [a["input"]])
            }
        }
        for (name, largest) in [("max", true), ("min", false)] {
            defineOp("\(name)(input, dim=None, keepdim=False)") { interp, a in
                let t = try interp.tensorArg(a)
                if interp.isTensor(a["dim"]) {
                    let other = try interp.tensorArg(a, "dim", name)
                    let result = try interp.kernel { () throws(TensorError) in largest ? try t.maximum(other) : try t.minimum(other) }
                    return try interp.derive(result, largest ? "MaximumBackward0" : "MinimumBackward0", from: [a["input"], a["dim"]])
                }
                let gradName = largest ? "MaxBackward" : "MinBackward"
                guard let d = try interp.optionalIntArg(a["dim"], "dim", name) else {
                    return try interp.derive(try interp.kernel { () throws(TensorError) in largest ? try t.max() : try t.min() }, gradName + "1", from: [a["input"]])
                }
                let keepdim = try interp.boolArg(a["keepdim"], "keepdim", name)
                let (values, indices) = try interp.kernel { () throws(TensorError) in
                    largest ? try t.max(dim: d, keepdim: keepdim) : try t.min(dim: d, keepdim: keepdim)
                }
                return interp.returnTypes(name, try interp.derive(values, gradName + "0", from: [a["input"]]), try interp.wrap(indices))
            }
        }
        for (name, largest) in [("argmax", true), ("argmin", false)] {
            defineOp("\(name)(input, dim=None, keepdim=False)") { interp, a in
                let t = try interp.tensorArg(a)
                let d = try interp.optionalIntArg(a["dim"], "dim", name)
                let keepdim = try interp.boolArg(a["keepdim"], "keepdim", name)
                return try interp.wrap(try interp.kernel { () throws(TensorError) in
                    largest ? try t.argmax(dim: d, keepdim: keepdim) : try t.argmin(dim: d, keepdim: keepdim)
                })
            }
        }
        for (name, largest) in [("amax", true), ("amin", false)] {
            defineOp("\(name)(input, dim=(), keepdim=False)") { interp, a in
                let t = try interp.tensorArg(a)
                var dims = try interp.dimsArg(a["dim"], "dim", name)
                if dims?.isEmpty == true { dims = nil }
                let keepdim = try interp.boolArg(a["keepdim"], "keepdim", name)
                let result = try interp.kernel { () throws(TensorError) in
                    largest ? try t.amax(dim: dims, keepdim: keepdim) : try t.amin(dim: dims, keepdim: keepdim)
                }
                return try interp.derive(result, largest ? "AmaxBackward0" : "AminBackward0", from: [a["input"]])
            }
        }
        defineOp("prod(input, dim=None, keepdim=False, *, dtype=None)") { interp, a in
            let t = try interp.tensorArg(a)
            let d = try interp.optionalIntArg(a["dim"], "dim", "prod")
            let keepdim = try interp.boolArg(a["keepdim"], "keepdim", "prod")
            var result = try interp.kernel { () throws(TensorError) in try t.prod(dim: d, keepdim: keepdim) }
            if let dtype = try interp.dtypeArgument(a["dtype"], function: "prod") { result = result.to(dtype) }
            return try interp.derive(result, d == nil ? "ProdBackward0" : "ProdBackward1", from: [a["input"]])
        }
        for (name, isStd) in [("var", false), ("std", true)] {
            defineOp("\(name)(input, dim=None, unbiased=None, keepdim=False, *, correction=None)") { interp, a in
                let t = try interp.tensorArg(a)
                var dimValue = a["dim"], unbiasedValue = a["unbiased"]
                if case .bool = dimValue {
                    unbiasedValue = dimValue
                    dimValue = .none
                }
                let dims = try interp.dimsArg(dimValue, "dim", name)
                var correction = 1.0
                if case .bool(let unbiased) = unbiasedValue { correction = unbiased ? 1 : 0 }
                if !a["correction"].isNone { correction = try interp.doubleArg(a["correction"], "correction", name) }
                let keepdim = try interp.boolArg(a["keepdim"], "keepdim", name)
                let result = try interp.kernel { () throws(TensorError) in
                    isStd ? try t.std(dim: dims, correction: correction, keepdim: keepdim) : try t.var_(dim: dims, correction: correction, keepdim: keepdim)
                }
                return try interp.derive(result, isStd ? "StdBackward0" : "VarBackward0", from: [a["input"]])
            }
        }
        for (name, isStd) in [("var_mean", false), ("std_mean", true)] {
            defineOp("\(name)(input, dim=None, unbiased=None, keepdim=False, *, correction=None)", method: false) { interp, a in
                let spread = try interp.call(interp.torchState.functions[isStd ? "std" : "var"]!, [a["input"], a["dim"], a["unbiased"], a["keepdim"]], [("correction", a["correction"])])
                var dimValue = a["dim"]
                if case .bool = dimValue { dimValue = .none }
                let mean = try interp.call(interp.torchState.functions["mean"]!, [a["input"], dimValue, a["keepdim"]])
                return .tuple([spread, mean])
            }
        }
        defineOp("norm(input, p='fro', dim=None, keepdim=False, dtype=None)") { interp, a in
            let t = try interp.tensorArg(a)
            var p = 2.0
            if case .str(let s) = a["p"] {
                guard s == "fro" else { throw interp.error("NotImplementedError", "norm(p='\(s)') is not supported in quiz snippets") }
            } else if !a["p"].isNone {
                p = try interp.doubleArg(a["p"], "p", "norm")
            }
            let dims = try interp.dimsArg(a["dim"], "dim", "norm")
            let keepdim = try interp.boolArg(a["keepdim"], "keepdim", "norm")
            let result = try interp.kernel { () throws(TensorError) in try t.norm(p: p, dim: dims, keepdim: keepdim) }
            return try interp.derive(result, "LinalgVectorNormBackward0", from: [a["input"]])
        }
        defineOp("logsumexp(input, dim, keepdim=False)") { interp, a in
            let t = try interp.tensorArg(a)
            let dims = try interp.dimsArg(a["dim"], "dim", "logsumexp") ?? []
            let keepdim = try interp.boolArg(a["keepdim"], "keepdim", "logsumexp")
            return try interp.derive(try interp.kernel { () throws(TensorError) in try t.logsumexp(dims, keepdim: keepdim) }, "LogsumexpBackward0", from: [a["input"]])
        }
        defineOp("cumsum(input, dim, *, dtype=None)") { interp, a in
            let t = try interp.tensorArg(a)
            let d = try interp.intArg(a["dim"], "dim", "cumsum")
            var source = t
            if let dtype = try interp.dtypeArgument(a["dtype"], function: "cumsum") { source = t.to(dtype) }
            let input = source
            return try interp.derive(try interp.kernel { () throws(TensorError) in try input.cumsum(d) }, "CumsumBackward0", from: [a["input"]])
        }
        for (name, isAll) in [("all", true), ("any", false)] {
            defineOp("\(name)(input, dim=None, keepdim=False)") { interp, a in
                let t = try interp.tensorArg(a)
                let d = try interp.optionalIntArg(a["dim"], "dim", name)
                let keepdim = try interp.boolArg(a["keepdim"], "keepdim", name)
                return try interp.wrap(try interp.kernel { () throws(TensorError) in
                    isAll ? try t.all(dim: d, keepdim: keepdim) : try t.any(dim: d, keepdim: keepdim)
                })
            }
        }
        for (name, isLog) in [("softmax", false), ("log_softmax", true)] {
            defineOp("\(name)(input, dim, dtype=None)") { interp, a in
                let t = try interp.tensorArg(a)
                let d = try interp.softmaxDim(a["dim"], t.dim, name)
                let dtype = try interp.dtypeArgument(a["dtype"], function: name)
                let result = try interp.kernel { () throws(TensorError) in
                    isLog ? try t.log_softmax(d, dtype: dtype) : try t.softmax(d, dtype: dtype)
                }
                return try interp.derive(result, isLog ? "LogSoftmaxBackward0" : "SoftmaxBackward0", from: [a["input"]])
            }
        }
        defineOp("sort(input, dim=-1, descending=False, stable=False)") { interp, a in
            let t = try interp.tensorArg(a)
            let d = try interp.intArg(a["dim"], "dim", "sort")
            let descending = try interp.boolArg(a["descending"], "descending", "sort")
            let (values, indices) = try interp.kernel { () throws(TensorError) in try t.sort(dim: d, descending: descending) }
            return interp.returnTypes("sort", try interp.derive(values, "SortBackward0", from: [a["input"]]), try interp.wrap(indices))
        }
        defineOp("argsort(input, dim=-1, descending=False, stable=False)") { interp, a in
            let t = try interp.tensorArg(a)
            let d = try interp.intArg(a["dim"], "dim", "argsort")
            let descending = try interp.boolArg(a["descending"], "descending", "argsort")
            return try interp.wrap(try interp.kernel { () throws(TensorError) in try t.argsort(dim: d, descending: descending) })
        }
        defineOp("topk(input, k, dim=-1, largest=True, sorted=True)") { interp, a in
            let t = try interp.tensorArg(a)
            let k = try interp.intArg(a["k"], "k", "topk"), d = try interp.intArg(a["dim"], "dim", "topk")
            let largest = try interp.boolArg(a["largest"], "largest", "topk")
            let (values, indices) = try interp.kernel { () throws(TensorError) in try t.topk(k, dim: d, largest: largest) }
            return interp.returnTypes("topk", try interp.derive(values, "TopkBackward0", from: [a["input"]]), try interp.wrap(indices))
        }
    }

    /// PyTorch's implicit softmax dim (0 for 0-, 1- and 3-D inputs, else 1) when `dim` is None.
    func softmaxDim(_ value: PyValue, _ rank: Int, _ name: String) throws -> Int {
        if value.isNone { return [0, 1, 3].contains(rank) ? 0 : 1 }
        return try intArg(value, "dim", name)
    }

    /// A `torch.return_types.<name>` named tuple of `(values, indices)`.
    func returnTypes(_ name: String, _ values: PyValue, _ indices: PyValue) -> PyValue {
        let cls = returnTypesClass(name)
        let instance = PyInstance(cls: cls)
        instance.attributes["values"] = values
        instance.attributes["indices"] = indices
        instance.native = ReturnTypesValue(items: [values, indices])
        return .object(instance)
    }

    private func returnTypesClass(_ name: String) -> PyClass {
        let key = "torch.return_types." + name
        if let cls = context[key] as? PyClass { return cls }
        let cls = makeNativeClass(name: name, module: "torch.return_types")
        func items(_ interp: Interpreter, _ a: BoundArguments) -> [PyValue] {
            if case .object(let o) = a["self"], let i = o as? PyInstance, let v = i.native as? ReturnTypesValue { return v.items }
            return []
        }
        cls.dict["__repr__"] = nativeFunction("__repr__(self)") { interp, a in
            let parts = items(interp, a)
            return .str("torch.return_types.\(name)(\nvalues=\(try interp.repr(parts[0])),\nindices=\(try interp.repr(parts[1])))")
        }
        cls.dict["__len__"] = nativeFunction("__len__(self)") { _, _ in .int(2) }
        cls.dict["__iter__"] = nativeFunction("__iter__(self)") { interp, a in
            var iterator = items(interp, a).makeIterator()
            return .object(PyIterator { iterator.next() })
        }
        cls.dict["__getitem__"] = nativeFunction("__getitem__(self, index)") { interp, a in
            let parts = items(interp, a)
            if case .object(let o) = a["index"], let slice = o as? PySlice {
                return .tuple(try interp.sliceRange(slice, length: 2).map { parts[$0] })
            }
            guard let i = try interp.indexValue(a["index"]) else {
                throw interp.typeError("tuple indices must be integers or slices, not \(interp.typeOf(a["index"]).name)")
            }
            return parts[try interp.normalizedIndex(i, count: 2, "tuple index out of range")]
        }
        context[key] = cls
        return cls
    }
}

/// The fields of a `torch.return_types` result, in order.
struct ReturnTypesValue {
    let items: [PyValue]
}
