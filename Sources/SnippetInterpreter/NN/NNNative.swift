/// The prelude classes whose construction and call run in Swift (`NNNative+Construction.swift`,
/// `NNNative+Forward.swift`), and the natives their Python code ends in. Building and calling an
/// `nn.MultiheadAttention` through the tree-walking interpreter was about a quarter of a course build's CPU.
///
/// The Swift paths are used only for exactly these classes (not subclasses) while the pooled world is untouched
/// (`nativeModulesUsable`): then every prelude function, module and class the Python code would run is the original,
/// and the Swift code makes the same kernel calls, in the same order, with the same arguments. Anything it is unsure
/// of (an unusual argument, a check that would raise) returns nil before any side effect: the Python code runs.
struct NNNativeModules {
    let linear: PyClass
    let quantizableLinear: PyClass
    let layerNorm: PyClass
    let multiheadAttention: PyClass
    /// `F.linear`, `F.layer_norm` and `F._sdpa` (natives the prelude's forwards call).
    let functionalLinear: PyValue
    let functionalLayerNorm: PyValue
    let sdpa: PyValue

    /// Takes the classes from the built `torch.nn` module and the natives from `torch.nn.functional`'s.
    init?(nn: PyModule, natives: [String: PyValue]) {
        func prelude(_ name: String) -> PyClass? {
            if case .object(let o)? = nn.attributes[name] { return o as? PyClass }
            return nil
        }
        guard let linear = prelude("Linear"), let quantizableLinear = prelude("NonDynamicallyQuantizableLinear"),
              let layerNorm = prelude("LayerNorm"), let multiheadAttention = prelude("MultiheadAttention"),
              let functionalLinear = natives["linear"], let functionalLayerNorm = natives["layer_norm"],
              let sdpa = natives["_sdpa"] else { return nil }
        self.linear = linear
        self.quantizableLinear = quantizableLinear
        self.layerNorm = layerNorm
        self.multiheadAttention = multiheadAttention
        self.functionalLinear = functionalLinear
        self.functionalLayerNorm = functionalLayerNorm
        self.sdpa = sdpa
    }

    func isLinear(_ cls: PyClass) -> Bool { cls === linear || cls === quantizableLinear }
}

extension Interpreter {
    /// Whether the Swift stand-ins may run: the pooled world is built and no snippet has written to it, so the
    /// prelude's classes, functions and modules are the originals (a private interpreter never marks its world).
    var nativeModulesUsable: Bool { nativeModules && worldPrepared && !worldTainted }

    /// `cls(*args, **kwargs)` in Swift for the prelude's Linear, LayerNorm and MultiheadAttention; nil: run `__init__`.
    func nativeInstantiate(_ cls: PyClass, _ args: [PyValue], _ kwargs: KwArgs) throws -> PyValue? {
        guard let nn = nativeNN, nativeModulesUsable else { return nil }
        if nn.isLinear(cls) { return try nativeLinear(cls, args, kwargs) }
        if cls === nn.layerNorm { return try nativeLayerNorm(args, kwargs) }
        if cls === nn.multiheadAttention { return try nativeMultiheadAttention(args, kwargs, nn) }
        return nil
    }

    /// `module(*args, **kwargs)` in Swift for the same classes (their `Module.__call__` and `forward`); nil: run them.
    func nativeModuleCall(_ instance: PyInstance, _ args: [PyValue], _ kwargs: KwArgs) throws -> PyValue? {
        guard let nn = nativeNN, nativeModulesUsable, instance.attributes["forward"] == nil else { return nil }
        let cls = instance.cls
        if nn.isLinear(cls) { return try linearForward(instance, args, kwargs, nn) }
        if cls === nn.layerNorm { return try layerNormForward(instance, args, kwargs, nn) }
        if cls === nn.multiheadAttention { return try multiheadAttentionForward(instance, args, kwargs, nn) }
        return nil
    }

    /// Binds a call to a Python signature of plain parameters (`names`, with `defaults` where they have one) as
    /// `bindArguments` would; nil where Python would raise (too many, unknown, repeated or missing arguments).
    static func bindPlain(_ args: [PyValue], _ kwargs: KwArgs, _ names: [String], _ defaults: [PyValue?]) -> [PyValue]? {
        guard args.count <= names.count else { return nil }
        var bound: [PyValue?] = defaults
        var given = [Bool](repeating: false, count: names.count)
        for i in args.indices {
            bound[i] = args[i]
            given[i] = true
        }
        for (key, value) in kwargs {
            guard let i = names.firstIndex(of: key), !given[i] else { return nil }
            bound[i] = value
            given[i] = true
        }
        var result: [PyValue] = []
        result.reserveCapacity(names.count)
        for value in bound {
            guard let value else { return nil }
            result.append(value)
        }
        return result
    }

    /// `self.name` of a prelude module instance: its own attribute, else its registries as `Module.__getattr__` reads
    /// them (the prelude classes define none of the names asked for); nil where Python would raise.
    func moduleAttribute(_ instance: PyInstance, _ name: String) -> PyValue? {
        instance.attributes[name] ?? moduleGetattr(instance, name)
    }

    /// The tensor of a plain `torch.Tensor` or `Parameter` (not a user subclass, whose methods could differ).
    func plainTensor(_ value: PyValue) -> TensorBox? {
        guard case .object(let o) = value, let instance = o as? PyInstance, let box = instance.tensorBox else { return nil }
        let state = torchState
        return instance.cls === state.tensorClass || instance.cls === state.parameterClass ? box : nil
    }
}
