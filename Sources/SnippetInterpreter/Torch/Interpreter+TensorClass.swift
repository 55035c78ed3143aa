import TensorKernel

/// `torch.Tensor`'s Python surface: repr/format, operators, properties, conversions and indexing.
extension Interpreter {
    func installTensorClass(_ state: TorchState) {
        let cls = state.tensorClass
        // Hundreds of methods and functions: one allocation instead of a rehash at every doubling.
        cls.dict.reserveCapacity(640)
        state.functions.reserveCapacity(640)
        cls.construct = { interp, _, args, kwargs in
            // `torch.Tensor(data)` builds a float32 tensor; `torch.Tensor(*sizes)` would be uninitialised memory.
            guard args.count == 1, kwargs.isEmpty, interp.intValue(args[0]) == nil, interp.sizeValue(args[0]) == nil else {
                throw interp.error("NotImplementedError", "torch.Tensor(*sizes) (uninitialised memory) is not supported in quiz snippets; use torch.zeros or torch.tensor")
            }
            let data = try interp.nestedList(args[0])
            return try interp.wrap(try interp.kernel { () throws(TensorError) in try Tensor.tensor(data, dtype: .float32) })
        }
        installTensorDunders(cls)
        installTensorProperties(cls)
        installTensorConversions(cls)
        installTensorOperators(cls)
        installTensorOps()
        installTensorShapeOps()
        installTensorReductions()
        for name in Interpreter.unsupportedTensorMethods where cls.dict[name] == nil {
            cls.dict[name] = nativeFunction("\(name)(self, *args, **kwargs)") { interp, _ in
                throw interp.error("NotImplementedError", "Tensor.\(name)() is not supported in quiz snippets")
            }
        }
    }

    /// Real `torch.Tensor` methods the quiz interpreter lacks: calling one fails clearly instead of an AttributeError.
    static let unsupportedTensorMethods = [
        "multinomial", "exponential_", "geometric_", "cauchy_", "log_normal_", "random_", "cumprod", "cummax", "cummin",
        "logcumsumexp", "log2", "log10", "exp2", "lerp", "addcmul", "addcdiv", "baddbmm", "addbmm", "addmv", "diagonal",
        "diag_embed", "triu_", "tril_", "masked_scatter", "masked_scatter_", "index_add", "index_add_", "index_fill",
        "index_fill_", "index_copy", "index_put", "index_put_", "scatter_add", "scatter_add_", "scatter_reduce", "scatter_",
        "sinh", "cosh", "asin", "acos", "atan", "asinh", "acosh", "atanh", "frac", "erfinv", "logit", "histc", "bincount",
        "kthvalue", "median", "nanmedian", "mode", "quantile", "nanquantile", "nanmean", "nansum", "count_nonzero",
        "cross", "det", "inverse", "pinverse", "svd", "qr", "cholesky", "lu", "matrix_power", "matrix_exp", "kron",
        "tensordot", "renorm", "dist", "cov", "corrcoef", "hypot", "logaddexp", "logaddexp2", "xlogy", "sgn", "signbit",
        "heaviside", "unfold", "as_strided", "movedim", "moveaxis", "tile", "take", "take_along_dim", "put_", "bucketize",
        "searchsorted", "msort", "fliplr", "flipud", "rot90", "trapz", "diff", "to_sparse", "to_dense", "pin_memory",
        "share_memory_", "storage", "untyped_storage", "register_hook", "apply_", "map_", "resize_", "resize_as_",
        "set_", "stft", "istft", "float_power", "true_divide_", "positive", "conj", "real", "imag", "angle",
    ]

    private func installTensorDunders(_ cls: PyClass) {
        cls.dict["__repr__"] = nativeFunction("__repr__(self)") { interp, a in
            guard let box = interp.tensorBox(a["self"]) else { return .str("tensor(?)") }
            return .str(interp.tensorRepr(box))
        }
        cls.dict["__format__"] = nativeFunction("__format__(self, spec)") { interp, a in
            let box = interp.tensorBox(a["self"])!
            guard case .str(let spec) = a["spec"] else { throw interp.typeError("format spec must be str") }
            if box.tensor.dim == 0 && !box.isParameter {
                let value = interp.pyScalar(try interp.kernel { () throws(TensorError) in try box.tensor.item() })
                return .str(try interp.format(value, spec))
            }
            if !spec.isEmpty { throw interp.typeError("unsupported format string passed to Tensor.__format__") }
            return .str(interp.tensorRepr(box))
        }
        cls.dict["__len__"] = nativeFunction("__len__(self)") { interp, a in
            let t = try interp.tensorArg(a, "self")
            guard t.dim > 0 else { throw interp.typeError("len() of a 0-d tensor") }
            return .int(t.shape[0])
        }
        cls.dict["__iter__"] = nativeFunction("__iter__(self)") { interp, a in
            let value = a["self"]
            let t = try interp.tensorArg(a, "self")
            guard t.dim > 0 else { throw interp.typeError("iteration over a 0-d tensor") }
            var index = 0
            return .object(PyIterator {
                guard index < t.shape[0] else { return nil }
                defer { index += 1 }
                return try interp.derive(try interp.kernel { () throws(TensorError) in try t.select(0, index) }, "UnbindBackward0", from: [value])
            })
        }
        cls.dict["__bool__"] = nativeFunction("__bool__(self)") { interp, a in
            let t = try interp.tensorArg(a, "self")
            guard t.numel == 1 else {
                throw interp.error("RuntimeError", "Boolean value of Tensor with more than one value is ambiguous")
            }
            return .bool(try interp.kernel { () throws(TensorError) in try t.item() }.asDouble != 0)
        }
        for (name, convert) in [("__float__", 0), ("__int__", 1), ("__index__", 2)] {
            cls.dict[name] = nativeFunction("\(name)(self)") { interp, a in
                let t = try interp.tensorArg(a, "self")
                guard t.numel == 1 else {
                    if convert == 2 { throw interp.typeError("only integer tensors of a single element can be converted to an index") }
                    throw interp.error("RuntimeError", "a Tensor with \(t.numel) elements cannot be converted to Scalar")
                }
                let scalar = try interp.kernel { () throws(TensorError) in try t.item() }
                switch convert {
                case 0: return .float(scalar.asDouble)
                case 1:
                    if case .int(let i) = scalar { return .int(i) }
                    return .int(Int(scalar.asDouble.rounded(.towardZero)))
                default:
                    guard case .int(let i) = scalar, t.dtype.isIntegral else {
                        throw interp.typeError("only integer tensors of a single element can be converted to an index")
                    }
                    return .int(i)
                }
            }
        }
        cls.dict["__hash__"] = nativeFunction("__hash__(self)") { _, a in
            if case .object(let o) = a["self"] { return .int(ObjectIdentifier(o).hashValue) }
            return .int(0)
        }
        cls.dict["__getitem__"] = nativeFunction("__getitem__(self, index)") { interp, a in
            let t = try interp.tensorArg(a, "self")
            let indices = try interp.tensorIndices(a["index"])
            let result = try interp.kernel { () throws(TensorError) in try t.index(indices) }
            return try interp.derive(result, Interpreter.indexGradFn(indices), from: [a["self"]])
        }
        cls.dict["__setitem__"] = nativeFunction("__setitem__(self, index, value)") { interp, a in
            let t = try interp.tensorArg(a, "self")
            let indices = try interp.tensorIndices(a["index"])
            guard let value = interp.operand(a["value"]) else {
                throw interp.typeError("can't assign a \(interp.typeOf(a["value"]).name) to a torch.\(t.dtype.scalarTypeName)Tensor")
            }
            try interp.checkInPlace(a["self"])
            try interp.kernel { () throws(TensorError) in try t.setIndex(indices, value) }
            if let box = interp.tensorBox(a["self"]), interp.tensorBox(a["value"])?.requiresGrad == true, interp.torchState.gradEnabled {
                box.gradFn = "CopySlices"
                box.requiresGrad = true
            }
            return .none
        }
        cls.dict["__contains__"] = nativeFunction("__contains__(self, item)") { interp, a in
            let t = try interp.tensorArg(a, "self")
            guard let op = interp.operand(a["item"]) else {
                throw interp.error("RuntimeError", "Tensor.__contains__ only supports Tensor or scalar, but you passed in a \(interp.typeOf(a["item"]).name).")
            }
            let eq = try interp.kernel { () throws(TensorError) in try t.eq(op).any() }
            return .bool(try interp.kernel { () throws(TensorError) in try eq.item() }.asDouble != 0)
        }
    }

    static func indexGradFn(_ indices: [TensorIndex]) -> String {
        var name = "AliasBackward0"
        for index in indices {
            switch index {
            case .tensor, .list, .boolList: return "IndexBackward0"
            case .int: name = "SelectBackward0"
            case .slice(let start, let stop, let step):
                if start != nil || stop != nil || (step != nil && step != 1) { name = "SliceBackward0" }
            case .newAxis: name = "UnsqueezeBackward0"
            case .ellipsis: break
            }
        }
        return name
    }

    /// A Python subscript as kernel indices.
    func tensorIndices(_ index: PyValue) throws -> [TensorIndex] {
        if case .tuple(let items) = index { return try items.map(tensorIndex) }
        return [try tensorIndex(index)]
    }

    func tensorIndex(_ value: PyValue) throws -> TensorIndex {
        switch value {
        case .none: return .newAxis
        case .bool(let b): return .boolList([b])
        case .int(let i): return .int(i)
        case .list(let list):
            if list.items.allSatisfy({ if case .bool = $0 { true } else { false } }), !list.items.isEmpty {
                return .boolList(list.items.map { if case .bool(let b) = $0 { b } else { false } })
            }
            if let ints = intSequence(value) { return .list(ints) }
            let data = try nestedList(value)
            return .tensor(try kernel { () throws(TensorError) in try Tensor.tensor(data) })
        case .object(let o):
            if o === PySingleton.ellipsis { return .ellipsis }
            if let slice = o as? PySlice {
                func part(_ v: PyValue) throws -> Int? {
                    if v.isNone { return nil }
                    if let i = try indexValue(v) { return i }
                    if let box = tensorBox(v), box.tensor.dtype.isIntegral, box.tensor.numel == 1 {
                        if case .int(let i) = try kernel({ () throws(TensorError) in try box.tensor.item() }) { return i }
                    }
                    throw typeError("slice indices must be integers or None or have an __index__ method")
                }
                return .slice(start: try part(slice.start), stop: try part(slice.stop), step: try part(slice.step))
            }
            if let box = tensorBox(value) { return .tensor(box.tensor) }
            throw error("IndexError", TensorError.invalidIndexType(typeOf(value).name).message)
        default:
            throw error("IndexError", TensorError.invalidIndexType(typeOf(value).name).message)
        }
    }

    /// PyTorch refuses in-place changes to a leaf that requires grad (outside `no_grad`).
    func checkInPlace(_ value: PyValue) throws {
        guard let box = tensorBox(value), box.requiresGrad, torchState.gradEnabled else { return }
        if box.isViewOfLeaf {
            throw error("RuntimeError", "a view of a leaf Variable that requires grad is being used in an in-place operation.")
        }
        guard box.isLeaf else { return }
        throw error("RuntimeError", "a leaf Variable that requires grad is being used in an in-place operation.")
    }

    private func property(_ cls: PyClass, _ name: String, setter: PyValue = .none, _ body: @escaping (Interpreter, PyValue, TensorBox) throws -> PyValue) {
        cls.dict[name] = .object(PyProperty(getter: nativeFunction("\(name)(self)") { interp, a in
            guard let box = interp.tensorBox(a["self"]) else { throw interp.typeError("descriptor '\(name)' requires a 'torch.Tensor' object") }
            return try body(interp, a["self"], box)
        }, setter: setter))
    }

    private func installTensorProperties(_ cls: PyClass) {
        property(cls, "shape") { interp, _, box in interp.sizeObject(box.tensor.shape) }
        property(cls, "dtype") { interp, _, box in interp.dtypeObject(box.tensor.dtype) }
        property(cls, "device") { interp, _, _ in .object(PyInstance(cls: interp.torchState.deviceClass)) }
        property(cls, "is_cuda") { _, _, _ in .bool(false) }
        property(cls, "ndim") { _, _, box in .int(box.tensor.dim) }
        property(cls, "grad") { _, _, _ in .none }
        property(cls, "is_leaf") { _, _, box in .bool(box.isLeaf) }
        property(cls, "grad_fn") { interp, _, box in
            guard let name = box.gradFn else { return .none }
            let gradClass = interp.makeNativeClass(name: name, module: "torch.autograd")
            gradClass.dict["__repr__"] = interp.nativeFunction("__repr__(self)") { _, _ in .str("<\(name) object at \(Interpreter.fakeAddress)>") }
            gradClass.dict["name"] = interp.nativeFunction("name(self)") { _, _ in .str(name) }
            return .object(PyInstance(cls: gradClass))
        }
        property(cls, "data") { interp, _, box in try interp.wrap(box.tensor) }
        property(cls, "T") { interp, value, box in
            try interp.derive(box.tensor.T, box.tensor.dim == 2 ? "PermuteBackward0" : "PermuteBackward0", from: [value])
        }
        property(cls, "mT") { interp, value, box in
            try interp.derive(try interp.kernel { () throws(TensorError) in try box.tensor.mT() }, "TransposeBackward0", from: [value])
        }
        let requiresGradSetter = nativeFunction("requires_grad(self, value)") { interp, a in
            guard let box = interp.tensorBox(a["self"]), case .bool(let flag) = a["value"] else {
                throw interp.typeError("requires_grad must be a bool")
            }
            if flag && !box.tensor.dtype.isFloatingPoint {
                throw interp.error("RuntimeError", "only Tensors of floating point and complex dtype can require gradients")
            }
            try interp.setRequiresGrad(box, flag)
            return .none
        }
        property(cls, "requires_grad", setter: requiresGradSetter) { _, _, box in .bool(box.requiresGrad) }
    }

    func setRequiresGrad(_ box: TensorBox, _ flag: Bool) throws {
        if !box.isLeaf && !flag {
            throw error("RuntimeError", "you can only change requires_grad flags of leaf variables. If you want to use a computed variable in a subgraph that doesn't require differentiation use var_no_grad = var.detach().")
        }
        if flag && !box.tensor.dtype.isFloatingPoint {
            throw error("RuntimeError", "only Tensors of floating point dtype can require gradients")
        }
        box.requiresGrad = flag
    }

    private func installTensorConversions(_ cls: PyClass) {
        defineOp("item(input)", function: false) { interp, a in
            let t = try interp.tensorArg(a)
            return interp.pyScalar(try interp.kernel { () throws(TensorError) in try t.item() })
        }
        defineOp("tolist(input)", function: false) { interp, a in interp.pyList(try interp.tensorArg(a).tolist()) }
        defineOp("size(input, dim=None)", function: false) { interp, a in
            let t = try interp.tensorArg(a)
            guard let d = try interp.optionalIntArg(a["dim"], "dim", "size") else { return interp.sizeObject(t.shape) }
            return .int(try interp.kernel { () throws(TensorError) in try t.size(d) })
        }
        defineOp("stride(input, dim=None)", function: false) { interp, a in
            let t = try interp.tensorArg(a)
            guard let d = try interp.optionalIntArg(a["dim"], "dim", "stride") else { return .tuple(t.strides.map { .int($0) }) }
            return .int(try interp.kernel { () throws(TensorError) in try t.stride(d) })
        }
        defineOp("dim(input)", function: false) { interp, a in .int(try interp.tensorArg(a).dim) }
        defineOp("ndimension(input)", function: false) { interp, a in .int(try interp.tensorArg(a).dim) }
        defineOp("numel(input)") { interp, a in .int(try interp.tensorArg(a).numel) }
        defineOp("nelement(input)", function: false) { interp, a in .int(try interp.tensorArg(a).numel) }
        defineOp("element_size(input)", function: false) { interp, a in .int(try interp.tensorArg(a).dtype.itemSize) }
        defineOp("is_contiguous(input)", function: false) { interp, a in .bool(try interp.tensorArg(a).isContiguous) }
        defineOp("is_floating_point(input)") { interp, a in .bool(try interp.tensorArg(a).dtype.isFloatingPoint) }
        defineOp("data_ptr(input)", function: false) { interp, a in
            let t = try interp.tensorArg(a)
            return .int(Int(bitPattern: t.storage.bytes) + t.offset * t.dtype.itemSize)
        }
        for (name, dtype) in [("float", DType.float32), ("double", .float64), ("long", .int64), ("int", .int32), ("bool", .bool)] {
            defineOp("\(name)(input)", function: false) { interp, a in
                let box = interp.tensorBox(a["input"])!
                if box.tensor.dtype == dtype { return a["input"] }
                return try interp.derive(box.tensor.to(dtype), "ToCopyBackward0", from: [a["input"]])
            }
        }
        defineOp("numpy(input, *, force=False)", function: false) { interp, a in
            if interp.tensorBox(a["input"])?.requiresGrad == true {
                throw interp.error("RuntimeError", "Can't call numpy() on Tensor that requires grad. Use tensor.detach().numpy() instead.")
            }
            throw interp.error("NotImplementedError", "Tensor.numpy() is not supported in quiz snippets (numpy is not available)")
        }
        for name in ["half", "bfloat16", "cuda"] {
            defineOp("\(name)(input, *args, **kwargs)", function: false) { interp, _ in
                throw interp.error("NotImplementedError", "Tensor.\(name)() is not supported in quiz snippets")
            }
        }
        defineOp("cpu(input)", function: false) { _, a in a["input"] }
        defineOp("to(input, *args, dtype=None, device=None, non_blocking=False, copy=False)", function: false) { interp, a in
            let box = interp.tensorBox(a["input"])!
            var target: DType? = try interp.dtypeArgument(a["dtype"], function: "to")
            for arg in a.varArgs + [a["device"]] {
                if let dtype = interp.dtypeValue(arg) { target = dtype; continue }
                if let other = interp.tensorBox(arg) { target = other.tensor.dtype; continue }
                if case .str(let device) = arg, device != "cpu" {
                    throw interp.error("RuntimeError", "only the cpu device is available in quiz snippets (got '\(device)')")
                }
            }
            guard let dtype = target, dtype != box.tensor.dtype else {
                if case .bool(true) = a["copy"] { return try interp.derive(box.tensor.clone(), "CloneBackward0", from: [a["input"]]) }
                return a["input"]
            }
            return try interp.derive(box.tensor.to(dtype), "ToCopyBackward0", from: [a["input"]])
        }
        defineOp("type_as(input, other)", function: false) { interp, a in
            let box = interp.tensorBox(a["input"])!
            let dtype = try interp.tensorArg(a, "other").dtype
            if dtype == box.tensor.dtype { return a["input"] }
            return try interp.derive(box.tensor.to(dtype), "ToCopyBackward0", from: [a["input"]])
        }
        defineOp("type(input, dtype=None)", function: false) { interp, a in
            let box = interp.tensorBox(a["input"])!
            guard let dtype = try interp.dtypeArgument(a["dtype"], function: "type") else {
                return .str("torch.\(box.tensor.dtype.scalarTypeName)Tensor")
            }
            return try interp.derive(box.tensor.to(dtype), "ToCopyBackward0", from: [a["input"]])
        }
        defineOp("contiguous(input)", function: false) { interp, a in
            let box = interp.tensorBox(a["input"])!
            if box.tensor.isContiguous { return a["input"] }
            return try interp.derive(box.tensor.clone(), "CloneBackward0", from: [a["input"]])
        }
        defineOp("clone(input, *, memory_format=None)") { interp, a in
            try interp.derive(try interp.tensorArg(a).clone(), "CloneBackward0", from: [a["input"]])
        }
        defineOp("detach(input)") { interp, a in try interp.wrap(try interp.tensorArg(a).detach()) }
        defineOp("detach_(input)", function: false) { interp, a in
            let box = interp.tensorBox(a["input"])!
            box.gradFn = nil
            box.requiresGrad = false
            return a["input"]
        }
        defineOp("requires_grad_(input, requires_grad=True)", function: false) { interp, a in
            let box = interp.tensorBox(a["input"])!
            try interp.setRequiresGrad(box, try interp.boolArg(a["requires_grad"], "requires_grad", "requires_grad_"))
            return a["input"]
        }
        defineOp("backward(input, gradient=None, retain_graph=None, create_graph=False, inputs=None)", function: false) { interp, a in
            let box = interp.tensorBox(a["input"])!
            if !box.requiresGrad {
                throw interp.error("RuntimeError", "element 0 of tensors does not require grad and does not have a grad_fn")
            }
            if a["gradient"].isNone && box.tensor.numel != 1 {
                throw interp.error("RuntimeError", "grad can be implicitly created only for scalar outputs")
            }
            throw interp.error("NotImplementedError", "autograd (backward) is not supported in quiz snippets")
        }
        defineOp("retain_grad(input)", function: false) { _, _ in .none }
    }
}
