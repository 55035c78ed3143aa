import TensorKernel

/// The `torch` module: factories, random functions, dtypes, grad mode, print options, finfo/iinfo.
extension Interpreter {
    /// Registers `torch` (called from `Interpreter.init`); the module is built on first import.
    func installTorchModule() {
        registerNativeModule("torch") { interp in interp.makeTorchModule() }
    }

    private func makeTorchModule() -> PyModule {
        let state = torchState
        installTorchFactories()
        installTorchRandom()
        installTorchUtilities()
        let module = PyModule(name: "torch")
        for (name, value) in state.functions { module.attributes[name] = value }
        module.attributes["Tensor"] = .object(state.tensorClass)
        module.attributes["Size"] = .object(state.sizeClass)
        module.attributes["dtype"] = .object(state.dtypeClass)
        module.attributes["Generator"] = .object(state.generatorClass)
        module.attributes["device"] = .object(state.deviceClass)
        let dtypeNames: [(String, DType)] = [
            ("float32", .float32), ("float", .float32), ("float64", .float64), ("double", .float64),
            ("int64", .int64), ("long", .int64), ("int32", .int32), ("int", .int32), ("bool", .bool),
        ]
        for (name, dtype) in dtypeNames { module.attributes[name] = dtypeObject(dtype) }
        module.attributes["inf"] = .float(.infinity)
        module.attributes["nan"] = .float(.nan)
        module.attributes["pi"] = .float(.pi)
        module.attributes["e"] = .float(2.718281828459045)
        module.attributes["__version__"] = .str("2.15.0")
        let cuda = PyModule(name: "torch.cuda")
        cuda.attributes["is_available"] = nativeFunction("is_available()") { _, _ in .bool(false) }
        cuda.attributes["device_count"] = nativeFunction("device_count()") { _, _ in .int(0) }
        module.attributes["cuda"] = .object(cuda)
        module.attributes["linalg"] = .object(makeLinalgModule())
        module.attributes["__getattr__"] = nativeFunction("__getattr__(name)") { interp, a in
            guard case .str(let name) = a["name"] else { return .none }
            if name == "nn" || name == "nn.functional" { return .object(try interp.importModule("torch.nn")) }
            throw interp.error("NotImplementedError", "torch.\(name) is not supported in quiz snippets")
        }
        return module
    }

    /// Applies `requires_grad=` of a factory call.
    private func factoryResult(_ tensor: Tensor, _ a: BoundArguments, _ name: String) throws -> PyValue {
        let value = try wrap(tensor)
        if case .bool(true) = a["requires_grad"], let box = tensorBox(value) {
            guard tensor.dtype.isFloatingPoint else {
                throw error("RuntimeError", "Only Tensors of floating point and complex dtype can require gradients")
            }
            box.requiresGrad = true
        }
        return value
    }

    private func checkDevice(_ value: PyValue) throws {
        if case .str(let device) = value, device != "cpu" {
            throw error("RuntimeError", "only the cpu device is available in quiz snippets (got '\(device)')")
        }
    }

    private func installTorchFactories() {
        let state = torchState
        func function(_ signature: String, _ body: @escaping (Interpreter, BoundArguments) throws -> PyValue) {
            let name = ArgumentBinder.functionName(signature)
            state.functions[name] = nativeFunction(signature) { interp, a in
                try interp.checkDevice(a["device"])
                return try body(interp, a)
            }
        }
        function("tensor(data, *, dtype=None, device=None, requires_grad=False, pin_memory=False)") { interp, a in
            let dtype = try interp.dtypeArgument(a["dtype"])
            let data = try interp.nestedList(a["data"])
            let result = try interp.kernel { () throws(TensorError) in try Tensor.tensor(data, dtype: dtype) }
            return try interp.factoryResult(result, a, "tensor")
        }
        function("as_tensor(data, dtype=None, device=None)") { interp, a in
            let dtype = try interp.dtypeArgument(a["dtype"], function: "as_tensor")
            if let box = interp.tensorBox(a["data"]) {
                return dtype == nil || dtype == box.tensor.dtype ? a["data"] : try interp.wrap(box.tensor.to(dtype!))
            }
            let data = try interp.nestedList(a["data"])
            return try interp.wrap(try interp.kernel { () throws(TensorError) in try Tensor.tensor(data, dtype: dtype) })
        }
        for name in ["zeros", "ones", "empty"] {
            function("\(name)(*size, out=None, dtype=None, layout=None, device=None, requires_grad=False)") { interp, a in
                let shape = try interp.sizeArgs(a.varArgs, name)
                let dtype = try interp.dtypeArgument(a["dtype"], function: name) ?? .float32
                try interp.checkAllocation(shape, dtype)
                let result = try interp.kernel { () throws(TensorError) in
                    name == "ones" ? try Tensor.ones(shape, dtype: dtype) : name == "zeros" ? try Tensor.zeros(shape, dtype: dtype) : try Tensor.empty(shape, dtype: dtype)
                }
                return try interp.factoryResult(result, a, name)
            }
        }
        function("full(size, fill_value, *, dtype=None, device=None, requires_grad=False)") { interp, a in
            let shape = try interp.sizeArgs([a["size"]], "full")
            guard let value = interp.operand(a["fill_value"]), let scalar = interp.scalarOperand(value) else {
                throw interp.typeError("full(): argument 'fill_value' must be Number, not \(interp.typeOf(a["fill_value"]).name)")
            }
            let dtype = try interp.dtypeArgument(a["dtype"], function: "full")
            try interp.checkAllocation(shape, dtype ?? .float64)
            return try interp.factoryResult(try interp.kernel { () throws(TensorError) in try Tensor.full(shape, scalar, dtype: dtype) }, a, "full")
        }
        for name in ["zeros_like", "ones_like", "empty_like"] {
            function("\(name)(input, *, dtype=None, device=None, requires_grad=False, memory_format=None)") { interp, a in
                let t = try interp.tensorArg(a, "input", name)
                let dtype = try interp.dtypeArgument(a["dtype"], function: name)
                let result = name == "ones_like" ? Tensor.ones_like(t, dtype: dtype) : Tensor.zeros_like(t, dtype: dtype)
                return try interp.factoryResult(result, a, name)
            }
        }
        function("full_like(input, fill_value, *, dtype=None, device=None, requires_grad=False)") { interp, a in
            let t = try interp.tensorArg(a, "input", "full_like")
            guard let value = interp.operand(a["fill_value"]), let scalar = interp.scalarOperand(value) else {
                throw interp.typeError("full_like(): argument 'fill_value' must be Number, not \(interp.typeOf(a["fill_value"]).name)")
            }
            let dtype = try interp.dtypeArgument(a["dtype"], function: "full_like")
            return try interp.factoryResult(Tensor.full_like(t, scalar, dtype: dtype), a, "full_like")
        }
        function("arange(*args, start=None, end=None, step=None, out=None, dtype=None, layout=None, device=None, requires_grad=False)") { interp, a in
            var bounds = try a.varArgs.map { value -> Scalar in
                guard let op = interp.operand(value), let s = interp.scalarOperand(op) else {
                    throw interp.typeError("arange() received an invalid combination of arguments - got (\(interp.typeOf(value).name)), but expected one of:\n * (Number end, *, Tensor out = None, torch.dtype dtype = None, torch.layout layout = None, torch.device device = None, bool pin_memory = False, bool requires_grad = False)\n * (Number start, Number end, *, torch.dtype dtype = None, torch.layout layout = None, torch.device device = None, bool pin_memory = False, bool requires_grad = False)\n * (Number start, Number end, Number step = 1, *, Tensor out = None, torch.dtype dtype = None, torch.layout layout = None, torch.device device = None, bool pin_memory = False, bool requires_grad = False)\n")
                }
                return s
            }
            for key in ["start", "end", "step"] where !a[key].isNone {
                if let op = interp.operand(a[key]), let s = interp.scalarOperand(op) { bounds.append(s) }
            }
            let dtype = try interp.dtypeArgument(a["dtype"], function: "arange")
            let result: Tensor
            switch bounds.count {
            case 1: result = try interp.kernel { () throws(TensorError) in try Tensor.arange(bounds[0], dtype: dtype) }
            case 2: result = try interp.kernel { () throws(TensorError) in try Tensor.arange(bounds[0], bounds[1], dtype: dtype) }
            case 3: result = try interp.kernel { () throws(TensorError) in try Tensor.arange(bounds[0], bounds[1], bounds[2], dtype: dtype) }
            default: throw interp.typeError("arange() takes from 1 to 3 positional arguments but \(bounds.count) were given")
            }
            return try interp.factoryResult(result, a, "arange")
        }
        function("linspace(start, end, steps, *, dtype=None, device=None, requires_grad=False)") { interp, a in
            let start = try interp.doubleArg(a["start"], "start", "linspace"), end = try interp.doubleArg(a["end"], "end", "linspace")
            let steps = try interp.intArg(a["steps"], "steps", "linspace")
            let dtype = try interp.dtypeArgument(a["dtype"], function: "linspace") ?? .float32
            return try interp.factoryResult(try interp.kernel { () throws(TensorError) in try Tensor.linspace(start, end, steps, dtype: dtype) }, a, "linspace")
        }
        function("eye(n, m=None, *, dtype=None, device=None, requires_grad=False)") { interp, a in
            let n = try interp.intArg(a["n"], "n", "eye"), m = try interp.optionalIntArg(a["m"], "m", "eye")
            let dtype = try interp.dtypeArgument(a["dtype"], function: "eye") ?? .float32
            try interp.checkAllocation([n, m ?? n], dtype)
            return try interp.factoryResult(try interp.kernel { () throws(TensorError) in try Tensor.eye(n, m, dtype: dtype) }, a, "eye")
        }
    }

    /// A Python-number operand as a kernel scalar (nil for tensors).
    func scalarOperand(_ operand: Operand) -> Scalar? {
        switch operand {
        case .bool(let b): return .bool(b)
        case .int(let i): return .int(i)
        case .double(let d): return .double(d)
        case .tensor: return nil
        }
    }

    private func installTorchRandom() {
        let state = torchState
        func function(_ signature: String, _ body: @escaping (Interpreter, BoundArguments) throws -> PyValue) {
            let name = ArgumentBinder.functionName(signature)
            state.functions[name] = nativeFunction(signature) { interp, a in
                try interp.checkDevice(a["device"])
                return try body(interp, a)
            }
        }
        for name in ["randn", "rand"] {
            function("\(name)(*size, generator=None, out=None, dtype=None, layout=None, device=None, requires_grad=False)") { interp, a in
                let shape = try interp.sizeArgs(a.varArgs, name)
                let dtype = try interp.dtypeArgument(a["dtype"], function: name) ?? .float32
                guard dtype.isFloatingPoint else {
                    throw interp.error("RuntimeError", "\"\(name == "randn" ? "normal_kernel_cpu" : "check_uniform_bounds")\" not implemented for '\(dtype.scalarTypeName)'")
                }
                try interp.checkAllocation(shape, dtype)
                let box = try interp.generatorArgument(a["generator"])
                let result = try interp.kernel { () throws(TensorError) in
                    name == "randn" ? try Tensor.randn(shape, dtype: dtype, generator: &box.generator) : try Tensor.rand(shape, dtype: dtype, generator: &box.generator)
                }
                return try interp.factoryResult(result, a, name)
            }
        }
        for name in ["randn_like", "rand_like"] {
            function("\(name)(input, *, dtype=None, device=None, requires_grad=False, generator=None)") { interp, a in
                let t = try interp.tensorArg(a, "input", name)
                let dtype = try interp.dtypeArgument(a["dtype"], function: name)
                let box = try interp.generatorArgument(a["generator"])
                let result = try interp.kernel { () throws(TensorError) in
                    name == "randn_like" ? try Tensor.randn_like(t, dtype: dtype, generator: &box.generator) : try Tensor.rand_like(t, dtype: dtype, generator: &box.generator)
                }
                return try interp.factoryResult(result, a, name)
            }
        }
        function("randint(*args, generator=None, dtype=None, device=None, requires_grad=False, low=None, high=None, size=None)") { interp, a in
            var args = a.varArgs
            if !a["low"].isNone { args.insert(a["low"], at: 0) }
            if !a["high"].isNone { args.append(a["high"]) }
            if !a["size"].isNone { args.append(a["size"]) }
            guard args.count == 2 || args.count == 3, let shape = interp.intSequence(args[args.count - 1]) else {
                throw interp.typeError("randint() received an invalid combination of arguments - got (\(args.map { interp.typeOf($0).name }.joined(separator: ", "))), but expected one of:\n * (int high, tuple of ints size, *, torch.Generator generator, Tensor out = None, torch.dtype dtype = None, torch.layout layout = None, torch.device device = None, bool pin_memory = False, bool requires_grad = False)\n * (int low, int high, tuple of ints size, *, torch.Generator generator, Tensor out = None, torch.dtype dtype = None, torch.layout layout = None, torch.device device = None, bool pin_memory = False, bool requires_grad = False)\n")
            }
            let low = args.count == 3 ? try interp.intArg(args[0], "low", "randint") : 0
            let high = try interp.intArg(args[args.count - 2], "high", "randint")
            let dtype = try interp.dtypeArgument(a["dtype"], function: "randint") ?? .int64
            try interp.checkAllocation(shape, dtype)
            let box = try interp.generatorArgument(a["generator"])
            return try interp.factoryResult(try interp.kernel { () throws(TensorError) in
                try Tensor.randint(Int64(low), Int64(high), shape, dtype: dtype, generator: &box.generator)
            }, a, "randint")
        }
        function("randperm(n, *, generator=None, dtype=None, device=None, requires_grad=False)") { interp, a in
            let n = try interp.intArg(a["n"], "n", "randperm")
            let dtype = try interp.dtypeArgument(a["dtype"], function: "randperm") ?? .int64
            let box = try interp.generatorArgument(a["generator"])
            return try interp.factoryResult(try interp.kernel { () throws(TensorError) in try Tensor.randperm(n, dtype: dtype, generator: &box.generator) }, a, "randperm")
        }
        function("bernoulli(input, p=None, *, generator=None, device=None)") { interp, a in
            let t = try interp.tensorArg(a, "input", "bernoulli")
            let box = try interp.generatorArgument(a["generator"])
            if !a["p"].isNone {
                let p = try interp.doubleArg(a["p"], "p", "bernoulli")
                let result = Tensor.zeros_like(t)
                _ = try interp.kernel { () throws(TensorError) in try result.bernoulli_(p, generator: &box.generator) }
                return try interp.wrap(result)
            }
            return try interp.wrap(try interp.kernel { () throws(TensorError) in try Tensor.bernoulli(t, generator: &box.generator) })
        }
        function("manual_seed(seed, device=None)") { interp, a in
            guard let seed = interp.intValue(a["seed"]) else {
                throw interp.typeError("manual_seed expected an int, got \(interp.typeOf(a["seed"]).name)")
            }
            interp.torchState.defaultGenerator.generator.manualSeed(Int64(seed))
            return interp.generatorObject(interp.torchState.defaultGenerator)
        }
        function("initial_seed(device=None)") { interp, _ in
            .int(Int(truncatingIfNeeded: interp.torchState.defaultGenerator.generator.initialSeed))
        }
        function("seed(device=None)") { interp, _ in
            throw interp.error("NotImplementedError", "torch.seed() (a non-deterministic seed) is not supported in quiz snippets")
        }
        state.functions["default_generator"] = generatorObject(state.defaultGenerator)
    }

    /// `torch.linalg`: vector norms only; other functions refuse clearly.
    private func makeLinalgModule() -> PyModule {
        let linalg = PyModule(name: "torch.linalg")
        for name in ["norm", "vector_norm"] {
            let ord = name == "norm" ? "None" : "2"
            linalg.attributes[name] = nativeFunction("\(name)(x, ord=\(ord), dim=None, keepdim=False, *, dtype=None)") { interp, a in
                let t = try interp.tensor(from: a["x"], argument: "input", function: "linalg_\(name)")
                let dims = try interp.dimsArg(a["dim"], "dim", "linalg_\(name)")
                if name == "norm", !a["ord"].isNone, (dims?.count ?? t.dim) != 1 {
                    throw interp.error("NotImplementedError", "torch.linalg.norm with a matrix ord is not supported in quiz snippets")
                }
                let p = a["ord"].isNone ? 2 : try interp.doubleArg(a["ord"], "ord", "linalg_\(name)")
                let keepdim = try interp.boolArg(a["keepdim"], "keepdim", "linalg_\(name)")
                let result = try interp.kernel { () throws(TensorError) in try t.norm(p: p, dim: dims, keepdim: keepdim) }
                return try interp.derive(result, "LinalgVectorNormBackward0", from: [a["x"]])
            }
        }
        linalg.attributes["__getattr__"] = nativeFunction("__getattr__(name)") { interp, a in
            guard case .str(let name) = a["name"] else { return .none }
            throw interp.error("NotImplementedError", "torch.linalg.\(name) is not supported in quiz snippets")
        }
        return linalg
    }
}
