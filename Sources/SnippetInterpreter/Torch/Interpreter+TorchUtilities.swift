import TensorKernel

/// `torch.no_grad` and friends, `set_printoptions`, `finfo`/`iinfo`, dtype helpers and `is_tensor`.
extension Interpreter {
    func installTorchUtilities() {
        let state = torchState
        for (name, enabled) in [("no_grad", false), ("enable_grad", true), ("inference_mode", false)] {
            state.functions[name] = .object(gradModeClass(name, enabled: enabled))
        }
        let setGradEnabled = makeNativeClass(name: "set_grad_enabled", module: "torch.autograd.grad_mode")
        let setGradEnabledBinder = ArgumentBinder("set_grad_enabled(mode)")
        setGradEnabled.construct = { interp, cls, args, kwargs in
            let a = try setGradEnabledBinder.bind(interp, args, kwargs)
            let mode = try interp.boolArg(a["mode"], "mode", "set_grad_enabled")
            let instance = PyInstance(cls: cls)
            instance.native = GradModeSwitch(enabled: mode, saved: [interp.torchState.gradEnabled])
            interp.torchState.gradEnabled = mode
            return .object(instance)
        }
        installGradModeMethods(setGradEnabled)
        state.functions["set_grad_enabled"] = .object(setGradEnabled)
        state.functions["is_grad_enabled"] = nativeFunction("is_grad_enabled()") { interp, _ in .bool(interp.torchState.gradEnabled) }
        state.functions["set_printoptions"] = nativeFunction(
            "set_printoptions(precision=None, threshold=None, edgeitems=None, linewidth=None, profile=None, sci_mode=None)"
        ) { interp, a in
            var options = interp.torchState.printOptions
            if case .str(let name) = a["profile"] {
                guard let profile = PrintOptions.Profile(rawValue: name) else {
                    throw interp.error("ValueError", "unknown print profile '\(name)'")
                }
                options = options.setting(profile: profile)
            }
            if !a["precision"].isNone { options.precision = try interp.intArg(a["precision"], "precision", "set_printoptions") }
            if !a["threshold"].isNone {
                if case .float(let d) = a["threshold"], d.isInfinite { options.threshold = Int.max } else {
                    options.threshold = try interp.intArg(a["threshold"], "threshold", "set_printoptions")
                }
            }
            if !a["edgeitems"].isNone { options.edgeitems = try interp.intArg(a["edgeitems"], "edgeitems", "set_printoptions") }
            if !a["linewidth"].isNone { options.linewidth = try interp.intArg(a["linewidth"], "linewidth", "set_printoptions") }
            if case .bool(let sci) = a["sci_mode"] { options.sciMode = sci } else if a["sci_mode"].isNone { options.sciMode = nil }
            interp.torchState.printOptions = options
            return .none
        }
        state.functions["get_default_dtype"] = nativeFunction("get_default_dtype()") { interp, _ in interp.dtypeObject(.float32) }
        state.functions["set_default_dtype"] = nativeFunction("set_default_dtype(d)") { interp, a in
            guard interp.dtypeValue(a["d"]) == .float32 else {
                throw interp.error("NotImplementedError", "torch.set_default_dtype is not supported in quiz snippets")
            }
            return .none
        }
        state.functions["is_tensor"] = nativeFunction("is_tensor(obj)") { interp, a in .bool(interp.isTensor(a["obj"])) }
        state.functions["broadcast_shapes"] = nativeFunction("broadcast_shapes(*shapes)") { interp, a in
            let shapes = try a.varArgs.map { value -> [Int] in
                if let i = interp.intValue(value) { return [i] }
                guard let dims = interp.intSequence(value) else { throw interp.typeError("broadcast_shapes(): expected shapes") }
                return dims
            }
            return interp.sizeObject(try interp.kernel { () throws(TensorError) in try Broadcasting.shape(shapes) })
        }
        state.functions["result_type"] = nativeFunction("result_type(tensor1, tensor2)") { interp, a in
            let x = try interp.operandArg(a["tensor1"], "tensor1", "result_type"), y = try interp.operandArg(a["tensor2"], "tensor2", "result_type")
            return interp.dtypeObject(TypePromotion.resultType(x, y))
        }
        state.functions["promote_types"] = nativeFunction("promote_types(type1, type2)") { interp, a in
            guard let x = interp.dtypeValue(a["type1"]), let y = interp.dtypeValue(a["type2"]) else {
                throw interp.typeError("promote_types(): argument 'type1' must be torch.dtype")
            }
            return interp.dtypeObject(TypePromotion.promote(x, y))
        }
        state.functions["finfo"] = nativeFunction("finfo(type=None)") { interp, a in
            let dtype = a["type"].isNone ? .float32 : interp.dtypeValue(a["type"])
            guard let dtype, dtype.isFloatingPoint else {
                throw interp.typeError("torch.finfo() requires a floating point input type. Use torch.iinfo to handle 'torch.finfo'")
            }
            return interp.typeInfo(dtype)
        }
        state.functions["iinfo"] = nativeFunction("iinfo(type)") { interp, a in
            guard let dtype = interp.dtypeValue(a["type"]), !dtype.isFloatingPoint else {
                throw interp.typeError("torch.iinfo() requires an integer input type. Use torch.finfo to handle 'torch.iinfo'")
            }
            return interp.typeInfo(dtype)
        }
    }

    /// A `torch.finfo` / `torch.iinfo` object with PyTorch's attributes and repr.
    private func typeInfo(_ dtype: DType) -> PyValue {
        let floating = dtype.isFloatingPoint
        let cls = makeNativeClass(name: floating ? "finfo" : "iinfo", module: "torch")
        let instance = PyInstance(cls: cls)
        var repr: String
        switch dtype {
        case .float32:
            let fields: [(String, PyValue)] = [
                ("bits", .int(32)), ("eps", .float(Double(Float.ulpOfOne))), ("max", .float(Double(Float.greatestFiniteMagnitude))),
                ("min", .float(-Double(Float.greatestFiniteMagnitude))), ("tiny", .float(Double(Float.leastNormalMagnitude))),
                ("smallest_normal", .float(Double(Float.leastNormalMagnitude))), ("resolution", .float(1e-06)),
            ]
            for (k, v) in fields { instance.attributes[k] = v }
            repr = "finfo(resolution=1e-06, min=-3.40282e+38, max=3.40282e+38, eps=1.19209e-07, smallest_normal=1.17549e-38, tiny=1.17549e-38, dtype=float32)"
        case .float64:
            let fields: [(String, PyValue)] = [
                ("bits", .int(64)), ("eps", .float(Double.ulpOfOne)), ("max", .float(Double.greatestFiniteMagnitude)),
                ("min", .float(-Double.greatestFiniteMagnitude)), ("tiny", .float(Double.leastNormalMagnitude)),
                ("smallest_normal", .float(Double.leastNormalMagnitude)), ("resolution", .float(1e-15)),
            ]
            for (k, v) in fields { instance.attributes[k] = v }
            repr = "finfo(resolution=1e-15, min=-1.79769e+308, max=1.79769e+308, eps=2.22045e-16, smallest_normal=2.22507e-308, tiny=2.22507e-308, dtype=float64)"
        case .int64:
            instance.attributes["bits"] = .int(64)
            instance.attributes["min"] = .int(Int.min)
            instance.attributes["max"] = .int(Int.max)
            repr = "iinfo(min=-9.22337e+18, max=9.22337e+18, dtype=int64)"
        case .int32:
            instance.attributes["bits"] = .int(32)
            instance.attributes["min"] = .int(Int(Int32.min))
            instance.attributes["max"] = .int(Int(Int32.max))
            repr = "iinfo(min=-2.14748e+09, max=2.14748e+09, dtype=int32)"
        case .bool:
            instance.attributes["bits"] = .int(8)
            instance.attributes["min"] = .int(0)
            instance.attributes["max"] = .int(1)
            repr = "iinfo(min=0, max=1, dtype=bool)"
        }
        instance.attributes["dtype"] = .str(dtype.rawValue)
        let text = repr
        cls.dict["__repr__"] = nativeFunction("__repr__(self)") { _, _ in .str(text) }
        return .object(instance)
    }

    /// `torch.no_grad` / `enable_grad` / `inference_mode`: context managers and decorators.
    private func gradModeClass(_ name: String, enabled: Bool) -> PyClass {
        let cls = makeNativeClass(name: name, module: "torch.autograd.grad_mode")
        let binder = ArgumentBinder("\(name)(mode=True)")
        cls.construct = { interp, cls, args, kwargs in
            _ = try binder.bind(interp, args, kwargs)
            let instance = PyInstance(cls: cls)
            instance.native = GradModeSwitch(enabled: enabled, saved: [])
            // `@torch.no_grad` without parentheses decorates the function directly.
            if let function = args.first, case .object(let o) = function, o is PyFunction || o is PyBuiltinFunction {
                return try interp.callSpecial(.object(instance), "__call__", [function]) ?? .none
            }
            return .object(instance)
        }
        installGradModeMethods(cls)
        return cls
    }

    private func installGradModeMethods(_ cls: PyClass) {
        func switchOf(_ value: PyValue) -> GradModeSwitch? {
            if case .object(let o) = value, let i = o as? PyInstance { return i.native as? GradModeSwitch }
            return nil
        }
        cls.dict["__enter__"] = nativeFunction("__enter__(self)") { interp, a in
            guard let mode = switchOf(a["self"]) else { return .none }
            mode.saved.append(interp.torchState.gradEnabled)
            interp.torchState.gradEnabled = mode.enabled
            return .none
        }
        cls.dict["__exit__"] = nativeFunction("__exit__(self, *args)") { interp, a in
            if let mode = switchOf(a["self"]), let previous = mode.saved.popLast() { interp.torchState.gradEnabled = previous }
            return .bool(false)
        }
        cls.dict["__call__"] = nativeFunction("__call__(self, function)") { interp, a in
            guard let mode = switchOf(a["self"]) else { return .none }
            let function = a["function"]
            let enabled = mode.enabled
            return .object(PyBuiltinFunction("decorated") { interp, args, kwargs in
                let previous = interp.torchState.gradEnabled
                interp.torchState.gradEnabled = enabled
                defer { interp.torchState.gradEnabled = previous }
                return try interp.call(function, args, kwargs)
            })
        }
    }
}

/// State of one grad-mode context manager: the mode it sets and the modes it must restore.
final class GradModeSwitch {
    let enabled: Bool
    var saved: [Bool]
    init(enabled: Bool, saved: [Bool]) {
        self.enabled = enabled
        self.saved = saved
    }
}
