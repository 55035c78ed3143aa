/// Namespace for the Python sources of `torch.nn`, `torch.nn.functional` and `torch.nn.init`.
enum NNPrelude {
    /// The preludes parsed once per process (parsing them was most of a torch session's start-up).
    static let parsedFunctional = ParsedPrelude(functional, filename: "<torch.nn.functional>")
    static let parsedInitializers = ParsedPrelude(initializers, filename: "<torch.nn.init>")
    static let parsedNN = ParsedPrelude(moduleMachinery + "\n\n" + layers, filename: "<torch.nn>")
}

/// `torch.nn`, `torch.nn.functional` and `torch.nn.init`: Python preludes over the native `torch`, built
/// together on first use (they import each other, which the one-module-at-a-time importer cannot do).
extension Interpreter {
    /// Registers the nn modules (`torch.nn` is also reached lazily through the torch module's `__getattr__`).
    func installTorchNN() {
        registerNativeModule("torch.nn") { interp in try interp.makeNNModules() }
        for name in ["torch.nn.functional", "torch.nn.init"] {
            registerNativeModule(name) { interp in
                _ = try interp.importModule("torch.nn")
                return interp.modules[name]!
            }
        }
    }

    private func makeNNModules() throws -> PyModule {
        let torch = try importModule("torch")
        let math = try importModule("math")
        let functional = PyModule(name: "torch.nn.functional")
        let initModule = PyModule(name: "torch.nn.init")
        let nn = PyModule(name: "torch.nn")
        let natives = nativeFunctionalAttributes()
        let common: [String: PyValue] = ["torch": .object(torch), "math": .object(math), "_warn": natives["_warn"]!]

        functional.attributes = common.merging(natives) { first, _ in first }
        try runPrelude(NNPrelude.parsedFunctional, module: functional)
        modules["torch.nn.functional"] = functional

        initModule.attributes = common
        try runPrelude(NNPrelude.parsedInitializers, module: initModule)
        modules["torch.nn.init"] = initModule

        nn.attributes = common.merging(nativeNNAttributes()) { first, _ in first }
        nn.attributes["F"] = .object(functional)
        nn.attributes["init"] = .object(initModule)
        try runPrelude(NNPrelude.parsedNN, module: nn)
        nn.attributes["functional"] = .object(functional)
        nn.attributes["F"] = nil
        for helper in ["torch", "math", "_warn", "_own", "_forget", "_typename", "_no_attribute"] { nn.attributes[helper] = nil }
        for helper in ["torch", "math", "_warn"] { initModule.attributes[helper] = nil }
        for helper in ["_warn", "_grad_fn", "_sdpa"] { functional.attributes[helper] = nil }
        if case .object(let o)? = nn.attributes["Module"], let module = o as? PyClass,
           case .object(let getattr)? = module.dict["__getattr__"], case .object(let setattr)? = module.dict["__setattr__"] {
            moduleFastPaths = ModuleFastPaths(moduleClass: module, parameterClass: torchState.parameterClass,
                                              getattr: getattr, setattr: setattr)
        }
        nativeNN = NNNativeModules(nn: nn, natives: natives)
        return nn
    }

    /// Natives the `torch.nn` prelude needs: `Parameter` and instance-dictionary helpers for `Module`.
    private func nativeNNAttributes() -> [String: PyValue] {
        let parameter = torchState.parameterClass
        let binder = ArgumentBinder("Parameter(data=None, requires_grad=True)")
        parameter.construct = { interp, _, args, kwargs in
            let a = try binder.bind(interp, args, kwargs)
            let data = a["data"]
            let tensor: TensorBox
            if data.isNone {
                guard let box = interp.tensorBox(try interp.call(interp.torchFunction("empty"), [.int(0)])) else {
                    throw interp.error("RuntimeError", "torch.empty did not return a tensor")
                }
                tensor = box
            } else if let box = interp.tensorBox(data) {
                tensor = box
            } else {
                throw interp.typeError("Parameter.__new__() argument 'data' must be Tensor, not \(interp.typeOf(data).name)")
            }
            let requiresGrad = try interp.truthy(a["requires_grad"])
            if requiresGrad && !tensor.tensor.dtype.isFloatingPoint {
                throw interp.error("RuntimeError", "Only Tensors of floating point and complex dtype can require gradients")
            }
            return try interp.wrap(tensor.tensor, requiresGrad: requiresGrad, isParameter: true)
        }
        var attributes: [String: PyValue] = ["Parameter": .object(parameter)]
        attributes["_own"] = nativeFunction("_own(obj, name)") { _, a in
            guard case .object(let o) = a["obj"], let instance = o as? PyInstance, case .str(let name) = a["name"] else {
                return .bool(false)
            }
            return .bool(instance.attributes[name] != nil)
        }
        attributes["_forget"] = nativeFunction("_forget(obj, name, required=False)") { interp, a in
            guard case .object(let o) = a["obj"], let instance = o as? PyInstance, case .str(let name) = a["name"] else {
                return .none
            }
            interp.touch(instance)
            if instance.attributes.removeValue(forKey: name) == nil, try interp.truthy(a["required"]) {
                throw interp.attributeError(a["obj"], name)
            }
            return .none
        }
        attributes["_no_attribute"] = nativeFunction("_no_attribute(obj, name)") { interp, a in
            guard case .str(let name) = a["name"] else { return .none }
            let object = a["obj"]
            let error = interp.attributeError(object, name)
            // Computed only when the message is shown: `hasattr(module, name)` misses land here and never show it.
            error.exception.suggestion = { [unowned interp] in
                var candidates = interp.attributeNames(object)
                if case .object(let o) = object, let instance = o as? PyInstance {
                    for key in ["_parameters", "_buffers", "_modules"] {
                        guard case .dict(let registered) = instance.attributes[key] ?? .none else { continue }
                        for case .str(let member) in registered.keyValues { candidates.append(member) }
                    }
                }
                return Interpreter.suggestion(for: name, among: candidates.sorted())
            }
            throw error
        }
        attributes["_typename"] = nativeFunction("_typename(obj)") { interp, a in
            if interp.isTensor(a["obj"]) { return .str("torch.FloatTensor") }
            return .str(interp.typeOf(a["obj"]).name)
        }
        return attributes
    }

    /// A `torch.*` function by name (for natives that reuse T1's bindings).
    func torchFunction(_ name: String) -> PyValue {
        torchState.functions[name] ?? .none
    }
}

/// `nn.Module.__getattr__` and `__setattr__` in Swift for their common cases: every `self.weight` in a forward pass
/// and every `self.x = v` in a constructor ran a Python function of the prelude. Used only while the instance's class
/// still resolves to the prelude's own functions (identity); anything the fast path is unsure of (a missing
/// attribute, a Parameter or Module value, a name already registered) runs the Python function as before.
struct ModuleFastPaths {
    let moduleClass: PyClass
    let parameterClass: PyClass
    let getattr: PyObject
    let setattr: PyObject
}

extension Interpreter {
    /// `Module.__getattr__(instance, name)` when it finds the name in `_parameters`, `_buffers` or `_modules`
    /// (held as plain dicts); nil: let the Python function decide (it raises the AttributeError).
    func moduleGetattr(_ instance: PyInstance, _ name: String) -> PyValue? {
        // Each registry is read only when the ones before it miss, as the Python function reads them.
        let key = PyKey(value: .str(name))
        for registry in Interpreter.moduleRegistries {
            guard case .dict(let dict)? = instance.attributes[registry] else { return nil }
            if dict.count > 0, let value = dict[key] { return value }
        }
        return nil
    }

    /// `Module.__setattr__(instance, name, value)` in its three common cases: a Parameter (registered as the
    /// prelude's `register_parameter` would), a Module (into `_modules`), or a plain value under a name not registered
    /// as a parameter, module or buffer (`object.__setattr__`). Every check the Python code makes that could raise or
    /// behave otherwise is made first; false, before any change: run the Python function.
    func moduleSetattr(_ instance: PyInstance, _ name: String, _ value: PyValue, _ paths: ModuleFastPaths) throws -> Bool {
        if case .object(let o) = value, let valueInstance = o as? PyInstance {
            if valueInstance.cls.mro.contains(where: { $0 === paths.parameterClass }) {
                return registerParameter(instance, name, value, paths)
            }
            if valueInstance.cls.mro.contains(where: { $0 === paths.moduleClass }) {
                return registerModule(instance, name, value, paths)
            }
        }
        let key = PyKey(value: .str(name))
        for registry in Interpreter.setattrRegistries {
            switch instance.attributes[registry] {
            case nil: continue
            case .dict(let dict)?: if dict.count > 0 && dict[key] != nil { return false }
            default: return false
            }
        }
        try genericSetAttribute(instance, name, value)
        return true
    }

    /// `Module`'s registries in the order its `__getattr__` reads them, and in the order `__setattr__` checks them.
    static let moduleRegistries = ["_parameters", "_buffers", "_modules"]
    static let setattrRegistries = ["_parameters", "_modules", "_buffers"]

    /// Prelude methods a registration fast path relies on (the last only when registering a parameter).
    private static let registrationHooks = ["_check_initialized", "__getattr__", "register_parameter"]

    /// The instance's three registries when it has them as plain dicts, and its class still uses the prelude's
    /// `_check_initialized` and `__getattr__` (and `register_parameter` when asked).
    private func registries(_ instance: PyInstance, _ paths: ModuleFastPaths, registering: Bool) -> (PyDict, PyDict, PyDict)? {
        guard case .dict(let parameters)? = instance.attributes["_parameters"],
              case .dict(let buffers)? = instance.attributes["_buffers"],
              case .dict(let modules)? = instance.attributes["_modules"] else { return nil }
        for hook in Interpreter.registrationHooks.prefix(registering ? 3 : 2) {
            guard case .object(let own)? = instance.cls.lookup(hook), case .object(let prelude)? = paths.moduleClass.dict[hook],
                  own === prelude else { return nil }
        }
        return (parameters, buffers, modules)
    }

    /// `_forget(self, name)`, the buffer and module pops, then `register_parameter(name, value)` when none of its
    /// checks can fail: a plain name, and `hasattr(self, name)` false or the name already a parameter.
    private func registerParameter(_ instance: PyInstance, _ name: String, _ value: PyValue, _ paths: ModuleFastPaths) -> Bool {
        guard let (parameters, buffers, modules) = registries(instance, paths, registering: true),
              !name.isEmpty, !name.utf8.contains(UInt8(ascii: ".")) else { return false }
        if instance.cls.lookup(name) != nil && parameters[PyKey(value: .str(name))] == nil { return false }
        register(instance, name, value, in: parameters, removingFrom: [buffers, modules])
        return true
    }

    /// `_forget(self, name)`, the parameter and buffer pops, then `self._modules[name] = value`.
    private func registerModule(_ instance: PyInstance, _ name: String, _ value: PyValue, _ paths: ModuleFastPaths) -> Bool {
        guard let (parameters, buffers, modules) = registries(instance, paths, registering: false) else { return false }
        register(instance, name, value, in: modules, removingFrom: [parameters, buffers])
        return true
    }

    /// Drops `name` from the instance's own attributes and the `others` registries, then stores it in `registry`.
    private func register(_ instance: PyInstance, _ name: String, _ value: PyValue, in registry: PyDict, removingFrom others: [PyDict]) {
        let key = PyKey(value: .str(name))
        touch(instance)
        instance.attributes[name] = nil
        for other in others { other[key] = nil }
        registry[key] = value
    }
}

