extension Interpreter {
    /// Dunder attributes snippets may touch; any other `__x__` access is refused by the sandbox.
    static let safeDunders: Set<String> = [
        "__init__", "__name__", "__doc__", "__class__", "__qualname__", "__module__", "__dict__",
        "__repr__", "__str__", "__call__", "__len__", "__getitem__", "__setitem__", "__delitem__", "__iter__",
        "__next__", "__contains__", "__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__", "__hash__",
        "__add__", "__radd__", "__sub__", "__rsub__", "__mul__", "__rmul__", "__truediv__", "__rtruediv__",
        "__floordiv__", "__rfloordiv__", "__mod__", "__rmod__", "__pow__", "__rpow__", "__matmul__", "__rmatmul__",
        "__neg__", "__pos__", "__abs__", "__bool__", "__enter__", "__exit__", "__getattr__", "__setattr__",
        "__delattr__", "__format__", "__version__", "__mro__", "__bases__", "__args__", "__cause__", "__context__", "__traceback__",
        "__iadd__", "__isub__", "__imul__", "__itruediv__", "__and__", "__or__", "__xor__", "__invert__",
    ]

    /// Whether `name` starts with two underscores, tested on its first bytes (most names fail on the first one).
    @inline(__always)
    static func startsWithDoubleUnderscore(_ name: String) -> Bool {
        var bytes = name.utf8.makeIterator()
        return bytes.next() == UInt8(ascii: "_") && bytes.next() == UInt8(ascii: "_")
    }

    func checkDunder(_ name: String) throws {
        if Interpreter.startsWithDoubleUnderscore(name) && name.hasSuffix("__") && !Interpreter.safeDunders.contains(name) {
            throw error("AttributeError", "access to '\(name)' is not allowed in quiz snippets")
        }
    }

    func getAttribute(_ object: PyValue, _ name: String) throws -> PyValue {
        try checkDunder(name)
        if let value = try findAttribute(object, name) { return value }
        let error = attributeError(object, name)
        error.exception.suggestion = { [unowned self] in
            Interpreter.suggestion(for: name, among: self.attributeNames(object))
        }
        throw error
    }

    /// Approximates `dir(obj)` for suggestions: instance attributes, then class attributes, sorted.
    func attributeNames(_ object: PyValue) -> [String] {
        var names = Set<String>()
        if case .object(let o) = object {
            if let instance = o as? PyInstance { names.formUnion(instance.attributes.keys) }
            if let module = o as? PyModule { names.formUnion(module.attributes.keys) }
            if let cls = o as? PyClass { for c in cls.mro { names.formUnion(c.dict.keys) } }
        }
        for c in typeOf(object).mro { names.formUnion(c.dict.keys) }
        return names.sorted()
    }

    /// CPython 3.11's `_compute_suggestion_error`: the closest candidate by its weighted Levenshtein distance.
    static func suggestion(for name: String, among candidates: [String]) -> String? {
        if candidates.count > 750 { return nil }
        var best: String?
        var bestDistance = Int.max
        for item in candidates where item != name {
            var maxDistance = (name.utf8.count + item.utf8.count + 3) * 2 / 6
            maxDistance = min(maxDistance, bestDistance - 1)
            let distance = levenshtein(Array(name.utf8), Array(item.utf8), maxCost: maxDistance)
            if distance > maxDistance { continue }
            if best == nil || distance < bestDistance {
                best = item
                bestDistance = distance
            }
        }
        return best
    }

    private static func levenshtein(_ first: [UInt8], _ second: [UInt8], maxCost: Int) -> Int {
        let moveCost = 2
        var a = first[...]
        var b = second[...]
        if a == b { return 0 }
        while let x = a.first, let y = b.first, x == y { a = a.dropFirst(); b = b.dropFirst() }
        while let x = a.last, let y = b.last, x == y { a = a.dropLast(); b = b.dropLast() }
        if a.isEmpty || b.isEmpty { return (a.count + b.count) * moveCost }
        if a.count > 40 || b.count > 40 { return maxCost + 1 }
        if b.count < a.count { swap(&a, &b) }
        if (b.count - a.count) * moveCost > maxCost { return maxCost + 1 }
        let aa = Array(a), bb = Array(b)
        func lower(_ c: UInt8) -> UInt8 { c >= 65 && c <= 90 ? c + 32 : c }
        var buffer = (0..<aa.count).map { ($0 + 1) * moveCost }
        var result = 0
        for bIndex in 0..<bb.count {
            let code = bb[bIndex]
            var distance = bIndex * moveCost
            result = distance
            var minimum = Int.max
            for index in 0..<aa.count {
                let cost = code == aa[index] ? 0 : (lower(code) == lower(aa[index]) ? 1 : moveCost)
                let substitute = distance + cost
                distance = buffer[index]
                let insertDelete = min(result, distance) + moveCost
                result = min(insertDelete, substitute)
                buffer[index] = result
                if result < minimum { minimum = result }
            }
            if minimum > maxCost { return maxCost + 1 }
        }
        return result
    }

    func attributeError(_ object: PyValue, _ name: String) -> PythonRaise {
        if case .object(let o) = object {
            if let module = o as? PyModule {
                return error("AttributeError", "module '\(module.name)' has no attribute '\(name)'")
            }
            if let cls = o as? PyClass {
                return error("AttributeError", "type object '\(cls.name)' has no attribute '\(name)'")
            }
        }
        return error("AttributeError", "'\(typeOf(object).name)' object has no attribute '\(name)'")
    }

    /// Binds a class attribute to `receiver` the way descriptors do.
    func bind(_ attribute: PyValue, to receiver: PyValue, owner: PyClass) throws -> PyValue {
        guard case .object(let o) = attribute else { return attribute }
        switch o {
        case is PyFunction, is PyBuiltinFunction:
            return .object(PyBoundMethod(receiver: receiver, function: attribute))
        case let s as PyStaticMethod:
            return s.function
        case let c as PyClassMethod:
            return .object(PyBoundMethod(receiver: .object(typeOf(receiver)), function: c.function))
        case let p as PyProperty:
            if p.getter.isNone { throw error("AttributeError", "property object has no getter") }
            return try call(p.getter, [receiver])
        default:
            return attribute
        }
    }

    func findAttribute(_ object: PyValue, _ name: String) throws -> PyValue? {
        if case .object(let o) = object {
            switch o {
            case let instance as PyInstance:
                if name == "__class__" { return .object(instance.cls) }
                if name == "__dict__" {
                    let dict = PyDict()
                    for key in instance.attributes.keys.sorted() where !key.hasPrefix("__") { dict[PyKey(value: .str(key))] = instance.attributes[key]! }
                    return .dict(dict)
                }
                let classAttribute = instance.cls.lookupWithOwner(name)
                if let (attribute, owner) = classAttribute, case .object(let p) = attribute, p is PyProperty {
                    return try bind(attribute, to: object, owner: owner)
                }
                if let value = instance.attributes[name] { return value }
                if let (attribute, owner) = classAttribute { return try bind(attribute, to: object, owner: owner) }
                if let getattr = instance.cls.getattrHook {
                    if case .object(let f) = getattr, f === moduleFastPaths?.getattr, let value = moduleGetattr(instance, name) {
                        return value
                    }
                    return try callMethod(getattr, object, [.str(name)])
                }
                return nil
            case let cls as PyClass:
                switch name {
                case "__name__": return .str(cls.name)
                case "__qualname__": return cls.dict["__qualname__"] ?? .str(cls.name)
                case "__module__": return .str(cls.isBuiltin ? "builtins" : cls.module)
                case "__mro__": return .tuple(cls.mro.map { .object($0) })
                case "__bases__": return .tuple(cls.bases.map { .object($0) })
                case "__class__": return .object(types.type)
                case "__doc__": return cls.dict["__doc__"] ?? PyValue.none
                default: break
                }
                guard let attribute = cls.lookup(name) else {
                    return try findTypeAttribute(object, name)
                }
                if case .object(let a) = attribute {
                    if let c = a as? PyClassMethod { return .object(PyBoundMethod(receiver: object, function: c.function)) }
                    if let s = a as? PyStaticMethod { return s.function }
                    if a is PyProperty { return attribute }
                }
                return attribute
            case let module as PyModule:
                if name == "__name__" { return .str(module.name) }
                if let value = module.attributes[name] { return value }
                // PEP 562: a module-level `__getattr__` handles missing names (torch uses it to refuse unsupported APIs).
                if let hook = module.attributes["__getattr__"], !name.hasPrefix("__") { return try call(hook, [.str(name)]) }
                return nil
            case let sup as PySuper:
                let mro = typeOf(sup.receiver).mro
                var found = false
                for cls in mro {
                    if found, let attribute = cls.dict[name] {
                        if case .object(let r) = sup.receiver, r is PyClass, case .object(let f) = attribute, f is PyFunction {
                            return attribute
                        }
                        return try bind(attribute, to: sup.receiver, owner: cls)
                    }
                    if cls === sup.startAfter { found = true }
                }
                return nil
            case let function as PyFunction:
                switch name {
                case "__name__": return .str(function.name)
                case "__qualname__": return .str(function.qualname)
                case "__doc__": return PyValue.none
                case "__module__": return .str("__main__")
                default: if let value = function.attributes[name] { return value }
                }
            case let builtin as PyBuiltinFunction:
                if name == "__name__" { return .str(builtin.name) }
            case let method as PyBoundMethod:
                if name == "__self__" { return method.receiver }
                if name == "__func__" { return method.function }
                return try findAttribute(method.function, name)
            case let property as PyProperty:
                switch name {
                case "setter":
                    return .object(PyBuiltinFunction("setter") { _, args, _ in
                        .object(PyProperty(getter: property.getter, setter: args.first ?? .none, deleter: property.deleter))
                    })
                case "getter":
                    return .object(PyBuiltinFunction("getter") { _, args, _ in
                        .object(PyProperty(getter: args.first ?? .none, setter: property.setter, deleter: property.deleter))
                    })
                case "fget": return property.getter
                case "fset": return property.setter
                default: break
                }
            case let slice as PySlice:
                switch name {
                case "start": return slice.start
                case "stop": return slice.stop
                case "step": return slice.step
                default: break
                }
            case let range as PyRange:
                switch name {
                case "start": return .int(range.start)
                case "stop": return .int(range.stop)
                case "step": return .int(range.step)
                default: break
                }
            default:
                break
            }
        }
        return try findTypeAttribute(object, name)
    }

    /// Attributes found on a builtin value's type (`"x".upper`, `[].append`, `(1.5).is_integer`).
    private func findTypeAttribute(_ object: PyValue, _ name: String) throws -> PyValue? {
        let type = typeOf(object)
        if name == "__class__" { return .object(type) }
        if name == "__name__", case .object(let cls as PyClass) = object { return .str(cls.name) }
        if case .object(let o) = object, o is PyClass {
            return types.type.lookup(name).map { attribute in .object(PyBoundMethod(receiver: object, function: attribute)) }
        }
        switch (object, name) {
        case (.float(let d), "real"): return .float(d)
        case (.float, "imag"): return .float(0)
        case (.int(let i), "real"), (.int(let i), "numerator"): return .int(i)
        case (.int, "imag"): return .int(0)
        case (.int, "denominator"): return .int(1)
        default: break
        }
        guard let (attribute, owner) = type.lookupWithOwner(name) else { return nil }
        return try bind(attribute, to: object, owner: owner)
    }

    func setAttribute(_ object: PyValue, _ name: String, _ value: PyValue) throws {
        try checkDunder(name)
        guard case .object(let o) = object, !(o is PySet || o is PyRange || o is PySlice || o is PyBuiltinFunction || o is PyBoundMethod) else {
            if (try? findAttribute(object, name)) != nil {
                throw error("AttributeError", "attribute '\(name)' of '\(typeOf(object).name)' objects is not writable")
            }
            throw error("AttributeError", "'\(typeOf(object).name)' object has no attribute '\(name)'")
        }
        switch o {
        case let instance as PyInstance:
            if let (setter, owner) = instance.cls.lookupWithOwner("__setattr__"), owner !== types.object {
                if case .object(let f) = setter, let paths = moduleFastPaths, f === paths.setattr,
                   try moduleSetattr(instance, name, value, paths) {
                    return
                }
                _ = try callMethod(setter, object, [.str(name), value])
                return
            }
            try genericSetAttribute(instance, name, value)
        case let cls as PyClass:
            if cls.isBuiltin {
                throw typeError("cannot set '\(name)' attribute of immutable type '\(cls.name)'")
            }
            touch(cls)
            cls.dict[name] = value
        case let function as PyFunction:
            touch(function)
            function.attributes[name] = value
        case let module as PyModule:
            touch(module)
            module.attributes[name] = value
        default:
            throw error("AttributeError", "'\(typeOf(object).name)' object has no attribute '\(name)'")
        }
    }

    /// `object.__setattr__`: honours property setters, otherwise stores in the instance dictionary.
    func genericSetAttribute(_ instance: PyInstance, _ name: String, _ value: PyValue) throws {
        if let attribute = instance.cls.lookup(name), case .object(let p as PyProperty) = attribute {
            if p.setter.isNone { throw error("AttributeError", "can't set attribute '\(name)'") }
            _ = try call(p.setter, [.object(instance), value])
            return
        }
        if instance.cls.isBuiltin && instance.cls.dict["__slots_native__"] != nil {
            throw error("AttributeError", "'\(instance.cls.name)' object attribute '\(name)' is read-only")
        }
        touch(instance)
        instance.attributes[name] = value
    }

    func deleteAttribute(_ object: PyValue, _ name: String) throws {
        try checkDunder(name)
        guard case .object(let o) = object else { throw attributeError(object, name) }
        if let instance = o as? PyInstance {
            if let (deleter, owner) = instance.cls.lookupWithOwner("__delattr__"), owner !== types.object {
                _ = try callMethod(deleter, object, [.str(name)])
                return
            }
            touch(instance)
            guard instance.attributes.removeValue(forKey: name) != nil else { throw attributeError(object, name) }
        } else if let cls = o as? PyClass, !cls.isBuiltin {
            touch(cls)
            guard cls.dict.removeValue(forKey: name) != nil else { throw attributeError(object, name) }
        } else {
            throw attributeError(object, name)
        }
    }
}
