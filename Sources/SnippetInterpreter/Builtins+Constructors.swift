/// `dict.keys()`, `.values()`, `.items()`: live views over a dictionary.
final class PyDictView: PyObject {
    enum Kind: String { case keys = "dict_keys", values = "dict_values", items = "dict_items" }
    let dict: PyDict
    let kind: Kind
    init(_ dict: PyDict, _ kind: Kind) {
        self.dict = dict
        self.kind = kind
    }
    var elements: [PyValue] {
        switch kind {
        case .keys: return dict.keyValues
        case .values: return dict.entries.map(\.value)
        case .items: return dict.entries.map { .tuple([$0.key, $0.value]) }
        }
    }
}

extension Interpreter {
    func method(_ cls: PyClass, _ signature: String, _ body: @escaping (Interpreter, BoundArguments) throws -> PyValue) {
        let value = nativeFunction(signature, owner: cls.name, body)
        if case .object(let f as PyBuiltinFunction) = value { cls.dict[f.name] = value }
    }

    func rawMethod(_ cls: PyClass, _ name: String, _ fn: @escaping NativeFn) {
        cls.dict[name] = .object(PyBuiltinFunction(name, owner: cls.name, fn))
    }

    func installConstructors() {
        let intBinder = ArgumentBinder("int(x=0, base=None)")
        types.int.construct = { interp, _, args, kwargs in
            let a = try intBinder.bind(interp, args, kwargs)
            return try interp.toInt(a["x"], base: a["base"])
        }
        types.float.construct = { interp, _, args, _ in
            guard args.count <= 1 else { throw interp.typeError("float expected at most 1 argument, got \(args.count)") }
            return .float(try interp.toFloat(args.first ?? .float(0)))
        }
        types.bool.construct = { interp, _, args, _ in
            guard args.count <= 1 else { throw interp.typeError("bool expected at most 1 argument, got \(args.count)") }
            return .bool(try args.first.map { try interp.truthy($0) } ?? false)
        }
        types.str.construct = { interp, _, args, _ in
            guard args.count <= 1 else { throw interp.typeError("str expected at most 1 argument, got \(args.count)") }
            return .str(try args.first.map { try interp.str($0) } ?? "")
        }
        types.list.construct = { interp, _, args, _ in
            guard args.count <= 1 else { throw interp.typeError("list expected at most 1 argument, got \(args.count)") }
            return .list(PyList(try args.first.map { try interp.iterateChecked($0) } ?? []))
        }
        types.tuple.construct = { interp, _, args, _ in
            guard args.count <= 1 else { throw interp.typeError("tuple expected at most 1 argument, got \(args.count)") }
            return .tuple(try args.first.map { try interp.iterateChecked($0) } ?? [])
        }
        types.set.construct = { interp, _, args, _ in
            let set = PySet()
            if case .object(let other as PySet)? = args.first {
                set.merge(other)
                return .object(set)
            }
            for item in try args.first.map({ try interp.iterateChecked($0) }) ?? [] { set.insert(try interp.key(item)) }
            return .object(set)
        }
        types.frozenset.construct = { interp, _, args, _ in
            let set = PySet(frozen: true)
            for item in try args.first.map({ try interp.iterateChecked($0) }) ?? [] { set.insert(try interp.key(item)) }
            return .object(set)
        }
        types.dict.construct = { interp, _, args, kwargs in
            let dict = PyDict()
            if let source = args.first { try interp.updateDict(dict, source) }
            for (k, v) in kwargs { dict[PyKey(value: .str(k))] = v }
            return .dict(dict)
        }
        types.range.construct = { interp, _, args, _ in
            let ints = try args.map { value -> Int in
                guard let i = try interp.indexValue(value) else {
                    throw interp.typeError("'\(interp.typeOf(value).name)' object cannot be interpreted as an integer")
                }
                return i
            }
            switch ints.count {
            case 1: return .object(PyRange(start: 0, stop: ints[0], step: 1))
            case 2: return .object(PyRange(start: ints[0], stop: ints[1], step: 1))
            case 3:
                if ints[2] == 0 { throw interp.error("ValueError", "range() arg 3 must not be zero") }
                return .object(PyRange(start: ints[0], stop: ints[1], step: ints[2]))
            default:
                throw interp.typeError(ints.isEmpty ? "range expected at least 1 argument, got 0" : "range expected at most 3 arguments, got \(ints.count)")
            }
        }
        types.slice.construct = { interp, _, args, _ in
            switch args.count {
            case 1: return .object(PySlice(start: .none, stop: args[0], step: .none))
            case 2: return .object(PySlice(start: args[0], stop: args[1], step: .none))
            case 3: return .object(PySlice(start: args[0], stop: args[1], step: args[2]))
            default: throw interp.typeError("slice expected at least 1 argument, got \(args.count)")
            }
        }
        types.object.construct = { interp, cls, args, _ in
            if !args.isEmpty { throw interp.typeError("object() takes no arguments") }
            return .object(PyInstance(cls: cls))
        }
        types.type.construct = { interp, _, args, _ in
            guard args.count == 1 else { throw interp.typeError("type() with 3 arguments is not supported in quiz snippets") }
            return .object(interp.typeOf(args[0]))
        }
        let propertyBinder = ArgumentBinder("property(fget=None, fset=None, fdel=None, doc=None)")
        types.property.construct = { interp, _, args, kwargs in
            let a = try propertyBinder.bind(interp, args, kwargs)
            return .object(PyProperty(getter: a["fget"], setter: a["fset"], deleter: a["fdel"]))
        }
        types.staticmethod.construct = { interp, _, args, _ in
            guard args.count == 1 else { throw interp.typeError("staticmethod expected 1 argument, got \(args.count)") }
            return .object(PyStaticMethod(args[0]))
        }
        types.classmethod.construct = { interp, _, args, _ in
            guard args.count == 1 else { throw interp.typeError("classmethod expected 1 argument, got \(args.count)") }
            return .object(PyClassMethod(args[0]))
        }
        types.superType.construct = { interp, _, args, kwargs in
            guard case .object(let f as PyBuiltinFunction)? = interp.builtins["super"] else { return .none }
            return try f.fn(interp, args, kwargs)
        }

        rawMethod(types.object, "__init__") { _, _, _ in .none }
        rawMethod(types.object, "__setattr__") { interp, args, _ in
            guard args.count == 3, case .object(let o) = args[0], let instance = o as? PyInstance, case .str(let name) = args[1] else {
                throw interp.typeError("expected 3 arguments: (object, name, value)")
            }
            try interp.genericSetAttribute(instance, name, args[2])
            return .none
        }
        rawMethod(types.object, "__delattr__") { interp, args, _ in
            guard args.count == 2, case .object(let o) = args[0], let instance = o as? PyInstance, case .str(let name) = args[1] else {
                throw interp.typeError("expected 2 arguments: (object, name)")
            }
            interp.touch(instance)
            guard instance.attributes.removeValue(forKey: name) != nil else { throw interp.attributeError(args[0], name) }
            return .none
        }
        rawMethod(types.object, "__repr__") { interp, args, _ in .str(interp.defaultRepr(args[0])) }
        rawMethod(types.iterator, "__next__") { interp, args, _ in
            guard case .object(let it as PyIterator) = args[0] else { return .none }
            guard let item = try it.next() else { throw interp.error("StopIteration", "") }
            return item
        }
        rawMethod(types.iterator, "__iter__") { _, args, _ in args[0] }
        method(types.slice, "indices(self, length, /)") { interp, a in
            guard case .object(let s as PySlice) = a["self"] else { return .none }
            let length = try interp.integer(a["length"])
            if length < 0 { throw interp.error("ValueError", "length should not be negative") }
            let (start, stop, step) = try interp.sliceIndices(s, length: length)
            return .tuple([.int(start), .int(stop), .int(step)])
        }

        method(types.float, "is_integer(self)") { _, a in
            guard case .float(let d) = a["self"] else { return .bool(false) }
            return .bool(d.isFinite && d == d.rounded())
        }
        method(types.int, "bit_length(self)") { interp, a in
            let i = interp.intValue(a["self"]) ?? 0
            return .int(Int.bitWidth - i.magnitude.leadingZeroBitCount)
        }
        method(types.int, "is_integer(self)") { _, _ in .bool(true) }
    }

    /// `list(x)`-style iteration that reports non-iterables the way constructors do.
    func iterateChecked(_ value: PyValue) throws -> [PyValue] {
        guard isIterable(value) else { throw typeError("'\(typeOf(value).name)' object is not iterable") }
        return try iterate(value)
    }

    func updateDict(_ dict: PyDict, _ source: PyValue) throws {
        if case .dict(let other) = source {
            for (k, v) in other.keyedEntries { dict[k] = v }
            return
        }
        for (index, item) in try iterateChecked(source).enumerated() {
            guard isIterable(item) else {
                throw typeError("cannot convert dictionary update sequence element #\(index) to a sequence")
            }
            let pair = try iterate(item)
            guard pair.count == 2 else {
                throw error("ValueError", "dictionary update sequence element #\(index) has length \(pair.count); 2 is required")
            }
            dict[try key(pair[0])] = pair[1]
        }
    }

    func toInt(_ value: PyValue, base: PyValue) throws -> PyValue {
        if !base.isNone {
            guard case .str(let text) = value else { throw typeError("int() can't convert non-string with explicit base") }
            guard let b = intValue(base), b == 0 || (b >= 2 && b <= 36) else {
                throw error("ValueError", "int() base must be >= 2 and <= 36, or 0")
            }
            return .int(try parseInt(text, base: b))
        }
        switch value {
        case .int: return value
        case .bool(let b): return .int(b ? 1 : 0)
        case .float(let d):
            if d.isNaN { throw error("ValueError", "cannot convert float NaN to integer") }
            if d.isInfinite { throw error("OverflowError", "cannot convert float infinity to integer") }
            guard abs(d) < 9.223372036854775e18 else { throw overflow() }
            return .int(Int(d.rounded(.towardZero)))
        case .str(let text):
            return .int(try parseInt(text, base: 10))
        default:
            for name in ["__int__", "__index__"] {
                if let result = try callSpecial(value, name, []) { return result }
            }
            throw typeError("int() argument must be a string, a bytes-like object or a real number, not '\(typeOf(value).name)'")
        }
    }

    func parseInt(_ original: String, base: Int) throws -> Int {
        var text = Substring(original.trimmingSpaces)
        var negative = false
        if let first = text.first, first == "+" || first == "-" {
            negative = first == "-"
            text = text.dropFirst()
        }
        var radix = base
        let lower = text.lowercased()
        for (prefix, r) in [("0x", 16), ("0o", 8), ("0b", 2)] where lower.hasPrefix(prefix) && (base == 0 || base == r) {
            radix = r
            text = text.dropFirst(2)
            if text.first == "_" { text = text.dropFirst() }
        }
        if radix == 0 { radix = 10 }
        let invalid = error("ValueError", "invalid literal for int() with base \(base): \(Interpreter.stringRepr(original))")
        guard !text.isEmpty, !text.hasPrefix("_"), !text.hasSuffix("_"), !text.contains("__") else { throw invalid }
        let digits = text.replacingOccurrences("_", "")
        if base == 0 && radix == 10 && digits.count > 1 && digits.hasPrefix("0") && digits.contains(where: { $0 != "0" }) { throw invalid }
        guard digits.allSatisfy({ $0.isASCII && ($0.isHexDigit || $0.isLetter) }), let magnitude = UInt64(digits, radix: radix) else {
            if digits.allSatisfy({ $0.isASCII && $0.isNumber }) && !digits.isEmpty { throw overflow() }
            throw invalid
        }
        if negative {
            guard magnitude <= UInt64(Int.max) + 1 else { throw overflow() }
            return magnitude == UInt64(Int.max) + 1 ? Int.min : -Int(magnitude)
        }
        guard magnitude <= UInt64(Int.max) else { throw overflow() }
        return Int(magnitude)
    }

    func toFloat(_ value: PyValue) throws -> Double {
        switch value {
        case .float(let d): return d
        case .int(let i): return Double(i)
        case .bool(let b): return b ? 1 : 0
        case .str(let original):
            let text = original.trimmingSpaces.lowercased().replacingOccurrences("_", "")
            switch text {
            case "inf", "+inf", "infinity", "+infinity": return .infinity
            case "-inf", "-infinity": return -.infinity
            case "nan", "+nan", "-nan": return .nan
            default:
                let valid = !text.isEmpty && text.allSatisfy { "0123456789.e+-".contains($0) } && !original.contains("__")
                guard valid, let d = Double(text) else {
                    throw error("ValueError", "could not convert string to float: \(Interpreter.stringRepr(original))")
                }
                return d
            }
        default:
            if let result = try callSpecial(value, "__float__", []), case .float(let d) = result { return d }
            if let result = try callSpecial(value, "__index__", []), let i = intValue(result) { return Double(i) }
            throw typeError("float() argument must be a string or a real number, not '\(typeOf(value).name)'")
        }
    }

    func installExceptionMethods() {
        let base = types.baseException
        base.dict["__cause__"] = PyValue.none
        base.dict["__context__"] = PyValue.none
        base.dict["__traceback__"] = PyValue.none
        rawMethod(base, "__init__") { _, args, _ in
            if case .object(let o) = args[0], let instance = o as? PyInstance {
                instance.attributes["args"] = .tuple(Array(args.dropFirst()))
            }
            return .none
        }
        rawMethod(base, "__str__") { interp, args, _ in
            guard case .tuple(let items)? = interp.exceptionArgs(args[0]) else { return .str("") }
            switch items.count {
            case 0: return .str("")
            case 1: return .str(try interp.str(items[0]))
            default: return .str(try interp.repr(.tuple(items)))
            }
        }
        rawMethod(base, "__repr__") { interp, args, _ in
            let name = interp.typeOf(args[0]).name
            guard case .tuple(let items)? = interp.exceptionArgs(args[0]) else { return .str(name + "()") }
            if items.count == 1 { return .str("\(name)(\(try interp.repr(items[0])))") }
            return .str(name + (try interp.repr(.tuple(items))))
        }
        rawMethod(base, "with_traceback") { _, args, _ in args[0] }
        rawMethod(types.exceptions["KeyError"]!, "__str__") { interp, args, _ in
            guard case .tuple(let items)? = interp.exceptionArgs(args[0]) else { return .str("") }
            if items.count == 1 { return .str(try interp.repr(items[0])) }
            return .str(items.isEmpty ? "" : try interp.repr(.tuple(items)))
        }
    }

    func exceptionArgs(_ value: PyValue) -> PyValue? {
        guard case .object(let o) = value, let instance = o as? PyInstance else { return nil }
        return instance.attributes["args"]
    }
}
