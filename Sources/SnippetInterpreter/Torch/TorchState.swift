import TensorKernel

/// A `torch.Generator`: its own CPU random engine, shared by reference like PyTorch's.
final class GeneratorBox {
    var generator: CPUGenerator
    init(_ generator: CPUGenerator) { self.generator = generator }
}

/// Per-session `torch` state: the Python classes, the default generator, print options and grad mode.
final class TorchState {
    let tensorClass: PyClass
    /// `torch.nn.Parameter`: a Tensor subclass that prints `Parameter containing:`.
    let parameterClass: PyClass
    let dtypeClass: PyClass
    let sizeClass: PyClass
    let generatorClass: PyClass
    let deviceClass: PyClass
    var dtypeObjects: [DType: PyValue] = [:]
    let defaultGenerator = GeneratorBox(CPUGenerator())
    var printOptions = PrintOptions.default
    var gradEnabled = true
    var ledger: StorageLedger
    /// `torch.*` functions bound once and shared with the module object.
    var functions: [String: PyValue] = [:]
    /// Parameters the op being called received positionally (1-based as pybind counts), for TypeError text.
    /// The op being called, for `argumentLabel`: which parameters were passed positionally.
    struct CurrentCall {
        let binder: ArgumentBinder
        let positionalCount: Int
        /// 1 for `torch.f(x, ...)`, 0 for `x.f(...)` (pybind counts the receiver of a function call).
        let firstPosition: Int
    }

    var currentCall: CurrentCall?

    init(_ interp: Interpreter) {
        tensorClass = interp.makeNativeClass(name: "Tensor", module: "torch")
        parameterClass = interp.makeNativeClass(name: "Parameter", module: "torch.nn.parameter", bases: [tensorClass])
        dtypeClass = interp.makeNativeClass(name: "dtype", module: "torch")
        sizeClass = interp.makeNativeClass(name: "Size", module: "torch", bases: [interp.types.tuple])
        generatorClass = interp.makeNativeClass(name: "Generator", module: "torch._C")
        deviceClass = interp.makeNativeClass(name: "device", module: "torch")
        ledger = StorageLedger(budget: interp.memory)
    }

    /// The Python values this state holds: its classes, dtype objects and `torch.*` functions (roots of the walks
    /// that mark a pooled world shared and that tear an interpreter down).
    var pythonValues: [PyValue] {
        [tensorClass, parameterClass, dtypeClass, sizeClass, generatorClass, deviceClass].map { .object($0) }
            + Array(dtypeObjects.values) + Array(functions.values)
    }

    /// Puts the per-session state back as a fresh session has it (a pooled interpreter's next session): the default
    /// generator's seed, print options, grad mode and a ledger on the new session's budget. Classes and functions stay.
    func beginSession(budget: MemoryBudget) {
        defaultGenerator.generator = CPUGenerator()
        printOptions = .default
        gradEnabled = true
        ledger = StorageLedger(budget: budget)
        currentCall = nil
    }
}

extension Interpreter {
    /// The session's torch state, created (with its classes and methods) on first use.
    var torchState: TorchState {
        if let state = cachedTorchState { return state }
        if let state = context["torch"] as? TorchState {
            cachedTorchState = state
            return state
        }
        let state = TorchState(self)
        context["torch"] = state
        cachedTorchState = state
        installTorchClasses(state)
        return state
    }

    func installTorchClasses(_ state: TorchState) {
        for dtype in DType.allCases {
            let instance = PyInstance(cls: state.dtypeClass)
            instance.native = dtype
            state.dtypeObjects[dtype] = .object(instance)
        }
        state.dtypeClass.dict["__repr__"] = nativeFunction("__repr__(self)") { interp, a in
            .str(interp.dtypeValue(a["self"])?.torchName ?? "torch.dtype")
        }
        state.dtypeClass.dict["is_floating_point"] = .object(PyProperty(getter: nativeFunction("is_floating_point(self)") { interp, a in
            .bool(interp.dtypeValue(a["self"])?.isFloatingPoint ?? false)
        }))
        state.dtypeClass.dict["itemsize"] = .object(PyProperty(getter: nativeFunction("itemsize(self)") { interp, a in
            .int(interp.dtypeValue(a["self"])?.itemSize ?? 0)
        }))
        let generatorBinder = ArgumentBinder("Generator(device='cpu')")
        state.generatorClass.construct = { interp, _, args, kwargs in
            _ = try generatorBinder.bind(interp, args, kwargs)
            return interp.generatorObject(GeneratorBox(CPUGenerator()))
        }
        state.generatorClass.dict["manual_seed"] = nativeFunction("manual_seed(self, seed)") { interp, a in
            guard let box = interp.generatorBox(a["self"]), let seed = interp.intValue(a["seed"]) else {
                throw interp.typeError("manual_seed expected an int")
            }
            box.generator.manualSeed(Int64(seed))
            return a["self"]
        }
        state.generatorClass.dict["initial_seed"] = nativeFunction("initial_seed(self)") { interp, a in
            .int(Int(truncatingIfNeeded: interp.generatorBox(a["self"])?.generator.initialSeed ?? 0))
        }
        state.generatorClass.dict["__repr__"] = nativeFunction("__repr__(self)") { _, _ in
            .str("<torch._C.Generator object at \(Interpreter.fakeAddress)>")
        }
        state.deviceClass.dict["__repr__"] = nativeFunction("__repr__(self)") { _, _ in .str("device(type='cpu')") }
        state.deviceClass.dict["__str__"] = nativeFunction("__str__(self)") { _, _ in .str("cpu") }
        state.deviceClass.dict["__eq__"] = nativeFunction("__eq__(self, other)") { interp, a in
            if case .str(let s) = a["other"] { return .bool(s == "cpu") }
            return .bool(interp.typeOf(a["other"]) === interp.torchState.deviceClass)
        }
        state.deviceClass.dict["type"] = .object(PyProperty(getter: nativeFunction("type(self)") { _, _ in .str("cpu") }))
        state.deviceClass.construct = { interp, cls, args, _ in
            if let first = args.first, case .str(let s) = first, s != "cpu" {
                throw interp.error("RuntimeError", "only the cpu device is available in quiz snippets (got '\(s)')")
            }
            return .object(PyInstance(cls: cls))
        }
        installSizeClass(state)
        installTensorClass(state)
    }

    func generatorObject(_ box: GeneratorBox) -> PyValue {
        let instance = PyInstance(cls: torchState.generatorClass)
        instance.native = box
        return .object(instance)
    }

    func generatorBox(_ value: PyValue) -> GeneratorBox? {
        if case .object(let o) = value, let instance = o as? PyInstance { return instance.native as? GeneratorBox }
        return nil
    }

    func dtypeValue(_ value: PyValue) -> DType? {
        if case .object(let o) = value, let instance = o as? PyInstance { return instance.native as? DType }
        return nil
    }

    func dtypeObject(_ dtype: DType) -> PyValue { torchState.dtypeObjects[dtype]! }

    /// A `dtype=` argument: None or a torch dtype (Python's `float`/`int`/`bool` map like PyTorch's).
    func dtypeArgument(_ value: PyValue, function: String = "tensor") throws -> DType? {
        if value.isNone { return nil }
        if let dtype = dtypeValue(value) { return dtype }
        if case .object(let o) = value, let cls = o as? PyClass {
            if cls === types.float { return .float64 }
            if cls === types.int { return .int64 }
            if cls === types.bool { return .bool }
        }
        if case .str(let name) = value, ["float16", "half", "bfloat16", "complex64"].contains(name) == false {
            throw typeError("\(function)(): argument 'dtype' must be torch.dtype, not str")
        }
        throw typeError("\(function)(): argument 'dtype' must be torch.dtype, not \(typeOf(value).name)")
    }

    /// The generator for a `generator=` argument (the session default for None).
    func generatorArgument(_ value: PyValue) throws -> GeneratorBox {
        if value.isNone { return torchState.defaultGenerator }
        if let box = generatorBox(value) { return box }
        throw typeError("argument 'generator' must be torch.Generator, not \(typeOf(value).name)")
    }
}
