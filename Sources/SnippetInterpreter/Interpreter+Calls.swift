extension Interpreter {
    func call(_ callee: PyValue, _ args: [PyValue], _ kwargs: KwArgs = []) throws -> PyValue {
        guard case .object(let object) = callee else {
            throw typeError("'\(typeOf(callee).name)' object is not callable")
        }
        switch object {
        case let function as PyFunction:
            return try callFunction(function, args, kwargs)
        case let builtin as PyBuiltinFunction:
            try step(weight: Self.builtinCallSteps)
            return try builtin.fn(self, args, kwargs)
        case let method as PyBoundMethod:
            return try call(method.function, Interpreter.prepending(method.receiver, args), kwargs)
        case let cls as PyClass:
            return try instantiate(cls, args, kwargs)
        case let staticMethod as PyStaticMethod:
            return try call(staticMethod.function, args, kwargs)
        default:
            if nativeNN != nil, let instance = object as? PyInstance, instance.cls.isShared,
               let result = try nativeModuleCall(instance, args, kwargs) {
                return result
            }
            if let callMethod = typeOf(callee).lookup("__call__") {
                return try self.callMethod(callMethod, callee, args, kwargs)
            }
            throw typeError("'\(typeOf(callee).name)' object is not callable")
        }
    }

    /// Calls a function found on a type with `receiver` as its first argument.
    func callMethod(_ function: PyValue, _ receiver: PyValue, _ args: [PyValue], _ kwargs: KwArgs = []) throws -> PyValue {
        if case .object(let o) = function {
            if let s = o as? PyStaticMethod { return try call(s.function, args, kwargs) }
            if let c = o as? PyClassMethod { return try call(c.function, Interpreter.prepending(.object(typeOf(receiver)), args), kwargs) }
        }
        return try call(function, Interpreter.prepending(receiver, args), kwargs)
    }

    /// `[first] + rest` in one allocation (the literal and the concatenation made two per method call).
    static func prepending(_ first: PyValue, _ rest: [PyValue]) -> [PyValue] {
        var result: [PyValue] = []
        result.reserveCapacity(rest.count + 1)
        result.append(first)
        result.append(contentsOf: rest)
        return result
    }

    /// Calls `receiver.name(*args)` looked up on its type, or nil if the type lacks it.
    func callSpecial(_ receiver: PyValue, _ name: String, _ args: [PyValue]) throws -> PyValue? {
        guard let function = typeOf(receiver).lookup(name) else { return nil }
        return try callMethod(function, receiver, args)
    }

    func instantiate(_ cls: PyClass, _ args: [PyValue], _ kwargs: KwArgs) throws -> PyValue {
        if let construct = cls.construct, cls.isBuiltin {
            try step(weight: Self.builtinCallSteps)
            return try construct(self, cls, args, kwargs)
        }
        if cls === types.type, args.count == 1 { return .object(typeOf(args[0])) }
        if cls.isShared, nativeNN != nil, let instance = try nativeInstantiate(cls, args, kwargs) { return instance }
        let instance = PyInstance(cls: cls)
        let value = PyValue.object(instance)
        if let (initializer, owner) = cls.lookupWithOwner("__init__") {
            if owner === types.object && (!args.isEmpty || !kwargs.isEmpty) {
                if cls.lookup("__new__") == nil {
                    throw typeError("\(cls.name)() takes no arguments")
                }
            }
            let result = try callMethod(initializer, value, args, kwargs)
            if !result.isNone {
                throw typeError("__init__() should return None, not '\(typeOf(result).name)'")
            }
        }
        return value
    }

    func callFunction(_ function: PyFunction, _ args: [PyValue], _ kwargs: KwArgs) throws -> PyValue {
        try step()
        let code = function.code
        if frames.count >= limits.maxRecursionDepth {
            throw error("RecursionError", "maximum recursion depth exceeded")
        }
        let scope = Scope(function: code.scope, parent: function.closure, module: function.globals)
        scope.hasUndeclaredNames = code.hasUndeclaredParameters
        try bindArguments(function, args, kwargs, into: scope)
        let frame = Frame(name: code.name, filename: code.filename, line: code.line, function: function, scope: scope, hidden: function.hidden)
        frames.append(frame)
        defer { frames.removeLast() }
        do {
            if case .returnValue(let value) = try exec(code.body, scope) { return value }
            return .none
        } catch let raise as PythonRaise {
            addTraceback(raise.exception, frame: frame)
            throw raise
        }
    }

    private func bindArguments(_ function: PyFunction, _ args: [PyValue], _ kwargs: KwArgs, into scope: Scope) throws {
        let code = function.code
        let params = code.parameters
        let name = function.qualname
        let positionalNames = code.positionalNames
        let varArgs = code.varArgsName
        let varKeywords = code.varKeywordsName
        let keywordOnly = code.keywordOnlyNames
        // Most calls pass positional arguments only to a plain signature: bind them into their slots without the
        // checks below.
        if kwargs.isEmpty && varArgs == nil && varKeywords == nil && keywordOnly.isEmpty && args.count <= positionalNames.count
            && !code.hasUndeclaredParameters {
            let slots = code.positionalSlots
            for i in args.indices { scope.slots[slots[i]] = args[i] }
            if args.count < positionalNames.count {
                var missing: [String] = []
                let defaults = function.positionalDefaults
                for i in args.count..<positionalNames.count {
                    if !defaults.isEmpty, let d = defaults[i] { scope.slots[slots[i]] = d } else { missing.append(positionalNames[i]) }
                }
                if !missing.isEmpty {
                    throw typeError("\(name)() missing \(missing.count) required positional argument\(missing.count == 1 ? "" : "s"): \(Interpreter.listNames(missing))")
                }
            }
            return
        }
        // Bound by position in `code.bindingNames` (positional, keyword-only, `*args`, `**kwargs`), then stored.
        let keywordBase = positionalNames.count
        let varArgsIndex = keywordBase + keywordOnly.count
        let varKeywordsIndex = varArgsIndex + (varArgs == nil ? 0 : 1)
        var bound: [PyValue?] = []
        bound.reserveCapacity(code.bindingNames.count)
        for _ in code.bindingNames { bound.append(nil) }
        if args.count > positionalNames.count {
            guard varArgs != nil else {
                let required = params.filter { $0.kind == .normal && $0.defaultValue == nil }.count
                let expected = required == positionalNames.count ? "\(required)" : "from \(required) to \(positionalNames.count)"
                let given = args.count
                throw typeError("\(name)() takes \(expected) positional argument\(positionalNames.count == 1 && required == 1 ? "" : "s") but \(given) \(given == 1 ? "was" : "were") given")
            }
            bound[varArgsIndex] = .tuple(Array(args[positionalNames.count...]))
        } else if varArgs != nil {
            bound[varArgsIndex] = .tuple([])
        }
        for i in 0..<min(args.count, positionalNames.count) { bound[i] = args[i] }
        var extra: PyDict?
        if varKeywords != nil { extra = PyDict() }
        for (key, value) in kwargs {
            if let index = positionalNames.firstIndex(of: key) ?? keywordOnly.firstIndex(of: key).map({ keywordBase + $0 }) {
                if bound[index] != nil {
                    throw typeError("\(name)() got multiple values for argument '\(key)'")
                }
                bound[index] = value
            } else if let extra {
                extra[PyKey(value: .str(key))] = value
            } else {
                throw typeError("\(name)() got an unexpected keyword argument '\(key)'")
            }
        }
        if varKeywords != nil, let extra { bound[varKeywordsIndex] = .dict(extra) }
        var missing: [String] = []
        let defaults = function.positionalDefaults
        for (i, paramName) in positionalNames.enumerated() where bound[i] == nil {
            if !defaults.isEmpty, let d = defaults[i] { bound[i] = d } else { missing.append(paramName) }
        }
        if !missing.isEmpty {
            throw typeError("\(name)() missing \(missing.count) required positional argument\(missing.count == 1 ? "" : "s"): \(Interpreter.listNames(missing))")
        }
        for (j, paramName) in keywordOnly.enumerated() where bound[keywordBase + j] == nil {
            if let d = function.defaults[paramName] { bound[keywordBase + j] = d } else { missing.append(paramName) }
        }
        if !missing.isEmpty {
            throw typeError("\(name)() missing \(missing.count) required keyword-only argument\(missing.count == 1 ? "" : "s"): \(Interpreter.listNames(missing))")
        }
        let slots = code.bindingSlots
        for (i, value) in bound.enumerated() {
            guard let value else { continue }
            if slots[i] >= 0 { scope.slots[slots[i]] = value } else { scope.setLocal(code.bindingNames[i], value) }
        }
    }

    /// `'a'`, `'a' and 'b'`, `'a', 'b', and 'c'` as CPython lists missing arguments.
    static func listNames(_ names: [String]) -> String {
        let quoted = names.map { "'\($0)'" }
        switch quoted.count {
        case 1: return quoted[0]
        case 2: return "\(quoted[0]) and \(quoted[1])"
        default: return quoted.dropLast().joined(separator: ", ") + ", and " + quoted.last!
        }
    }

    /// Zero-argument `super()`: the defining class of the running function and its first argument.
    func zeroArgSuper() throws -> PyValue {
        guard let frame = frames.last, let function = frame.function, let cls = function.definingClass else {
            throw error("RuntimeError", "super(): no arguments")
        }
        guard let firstName = function.code.parameters.first?.name, let receiver = frame.scope.local(firstName) else {
            throw error("RuntimeError", "super(): no arguments")
        }
        return .object(PySuper(startAfter: cls, receiver: receiver))
    }
}
