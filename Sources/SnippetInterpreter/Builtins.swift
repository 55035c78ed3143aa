#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Interpreter {
    func define(_ name: String, _ fn: @escaping NativeFn) {
        builtins[name] = .object(PyBuiltinFunction(name, fn))
    }

    func define(_ signature: String, _ body: @escaping (Interpreter, BoundArguments) throws -> PyValue) {
        let value = nativeFunction(signature, body)
        if case .object(let f as PyBuiltinFunction) = value { builtins[f.name] = value }
    }

    func installBuiltins() {
        for cls in types.named { builtins[cls.name] = .object(cls) }
        for (name, cls) in types.exceptions { builtins[name] = .object(cls) }
        builtins["None"] = PyValue.none
        builtins["NotImplemented"] = .notImplemented
        builtins["Ellipsis"] = .ellipsis
        installConstructors()
        installExceptionMethods()
        installStringMethods()
        installContainerMethods()

        define("print") { interp, args, kwargs in
            var sep = " "
            var end = "\n"
            for (name, value) in kwargs {
                switch (name, value) {
                case ("sep", .str(let s)): sep = s
                case ("sep", .none): break
                case ("end", .str(let s)): end = s
                case ("end", .none): break
                case ("flush", _): break
                case ("file", .none): break
                case ("file", _): throw interp.typeError("print(file=...) is not available in quiz snippets")
                case ("sep", _), ("end", _):
                    throw interp.typeError("\(name) must be None or a string, not \(interp.typeOf(value).name)")
                default: throw interp.typeError("'\(name)' is an invalid keyword argument for print()")
                }
            }
            var text = ""
            for (i, arg) in args.enumerated() {
                if i > 0 { text += sep }
                text += try interp.str(arg)
            }
            try interp.write(text + end)
            return .none
        }
        define("len") { interp, args, _ in
            guard args.count == 1 else { throw interp.typeError("len() takes exactly one argument (\(args.count) given)") }
            return .int(try interp.length(args[0]))
        }
        define("repr(obj, /)") { interp, a in .str(try interp.repr(a["obj"])) }
        define("ascii(obj, /)") { interp, a in .str(try interp.repr(a["obj"])) }
        define("abs") { interp, args, _ in
            guard args.count == 1 else { throw interp.typeError("abs() takes exactly one argument (\(args.count) given)") }
            switch args[0] {
            case .int(let i):
                if i == Int.min { throw interp.overflow() }
                return .int(abs(i))
            case .bool(let b): return .int(b ? 1 : 0)
            case .float(let d): return .float(abs(d))
            default:
                if let result = try interp.callSpecial(args[0], "__abs__", []) { return result }
                throw interp.typeError("bad operand type for abs(): '\(interp.typeOf(args[0]).name)'")
            }
        }
        define("round(number, ndigits=None)") { interp, a in try interp.round(a["number"], a["ndigits"]) }
        define("min") { interp, args, kwargs in try interp.minMax("min", args, kwargs, wantMax: false) }
        define("max") { interp, args, kwargs in try interp.minMax("max", args, kwargs, wantMax: true) }
        define("sum(iterable, /, start=0)") { interp, a in
            var total = a["start"]
            if case .str = total { throw interp.typeError("sum() can't sum strings [use ''.join(seq) instead]") }
            let iterator = try interp.makeIterator(a["iterable"])
            while let item = try iterator.next() {
                try interp.step()
                total = try interp.binaryOperation(.add, total, item)
            }
            return total
        }
        define("isinstance(obj, class_or_tuple, /)") { interp, a in
            .bool(try interp.isInstance(a["obj"], a["class_or_tuple"], function: "isinstance"))
        }
        define("issubclass(cls, class_or_tuple, /)") { interp, a in
            guard case .object(let o) = a["cls"], let cls = o as? PyClass else {
                throw interp.typeError("issubclass() arg 1 must be a class")
            }
            return .bool(try interp.classMatches(cls, a["class_or_tuple"], function: "issubclass"))
        }
        define("sorted") { interp, args, kwargs in
            guard args.count == 1 else {
                throw interp.typeError(args.isEmpty ? "sorted expected 1 argument, got 0" : "sorted expected 1 argument, got \(args.count)")
            }
            let items = try interp.iterate(args[0])
            return .list(PyList(try interp.sortValues(items, kwargs, function: "sort")))
        }
        define("reversed(sequence, /)") { interp, a in
            let value = a["sequence"]
            switch value {
            case .list, .tuple, .str:
                let items = try interp.iterate(value).reversed()
                return try interp.iteratorValue(Array(items))
            case .object(let o) where o is PyRange:
                return try interp.iteratorValue(try interp.iterate(value).reversed())
            case .dict(let d):
                return try interp.iteratorValue(d.keyValues.reversed())
            default:
                if let result = try interp.callSpecial(value, "__reversed__", []) { return result }
                if interp.typeOf(value).lookup("__len__") != nil, interp.typeOf(value).lookup("__getitem__") != nil {
                    return try interp.iteratorValue(try interp.iterate(value).reversed())
                }
                throw interp.typeError("'\(interp.typeOf(value).name)' object is not reversible")
            }
        }
        define("any(iterable, /)") { interp, a in
            let iterator = try interp.makeIterator(a["iterable"])
            while let item = try iterator.next() { if try interp.truthy(item) { return .bool(true) } }
            return .bool(false)
        }
        define("all(iterable, /)") { interp, a in
            let iterator = try interp.makeIterator(a["iterable"])
            while let item = try iterator.next() { if !(try interp.truthy(item)) { return .bool(false) } }
            return .bool(true)
        }
        define("enumerate(iterable, start=0)") { interp, a in
            let iterator = try interp.makeIterator(a["iterable"])
            guard var index = interp.intValue(a["start"]) else {
                throw interp.typeError("'\(interp.typeOf(a["start"]).name)' object cannot be interpreted as an integer")
            }
            return .object(PyIterator {
                guard let item = try iterator.next() else { return nil }
                index += 1
                return .tuple([.int(index - 1), item])
            })
        }
        define("zip") { interp, args, kwargs in
            var strict = false
            for (name, value) in kwargs {
                guard name == "strict" else { throw interp.typeError("zip() got an unexpected keyword argument '\(name)'") }
                strict = try interp.truthy(value)
            }
            let iterators = try args.enumerated().map { (i, value) -> PyIterator in
                guard interp.isIterable(value) else {
                    throw interp.typeError("'\(interp.typeOf(value).name)' object is not iterable")
                }
                _ = i
                return try interp.makeIterator(value)
            }
            return .object(PyIterator {
                if iterators.isEmpty { return nil }
                var items: [PyValue] = []
                for (i, iterator) in iterators.enumerated() {
                    guard let item = try iterator.next() else {
                        if strict {
                            if i > 0 {
                                throw interp.error("ValueError", "zip() argument \(i + 1) is shorter than argument\(i > 1 ? "s 1-\(i)" : " 1")")
                            }
                            for (j, other) in iterators.enumerated().dropFirst() where try other.next() != nil {
                                throw interp.error("ValueError", "zip() argument \(j + 1) is longer than argument\(j > 1 ? "s 1-\(j)" : " 1")")
                            }
                        }
                        return nil
                    }
                    items.append(item)
                }
                return .tuple(items)
            })
        }
        define("map") { interp, args, _ in
            guard args.count >= 2 else { throw interp.typeError("map() must have at least two arguments.") }
            let function = args[0]
            let iterators = try args.dropFirst().map { try interp.makeIterator($0) }
            return .object(PyIterator {
                var items: [PyValue] = []
                for iterator in iterators {
                    guard let item = try iterator.next() else { return nil }
                    items.append(item)
                }
                return try interp.call(function, items)
            })
        }
        define("filter(function, iterable, /)") { interp, a in
            let function = a["function"]
            let iterator = try interp.makeIterator(a["iterable"])
            return .object(PyIterator {
                while let item = try iterator.next() {
                    let keep = function.isNone ? item : try interp.call(function, [item])
                    if try interp.truthy(keep) { return item }
                }
                return nil
            })
        }
        define("iter") { interp, args, _ in
            guard args.count == 1 else { throw interp.typeError("iter expected 1 argument, got \(args.count)") }
            return .object(try interp.makeIterator(args[0]))
        }
        define("next") { interp, args, _ in
            guard args.count == 1 || args.count == 2 else { throw interp.typeError("next expected at least 1 argument, got \(args.count)") }
            let value = args[0]
            let item: PyValue?
            if case .object(let it as PyIterator) = value {
                item = try it.next()
            } else if let method = interp.typeOf(value).lookup("__next__") {
                do {
                    return try interp.callMethod(method, value, [])
                } catch let raise as PythonRaise where raise.exception.cls === interp.types.exceptions["StopIteration"] && args.count == 2 {
                    return args[1]
                }
            } else {
                throw interp.typeError("'\(interp.typeOf(value).name)' object is not an iterator")
            }
            if let item { return item }
            if args.count == 2 { return args[1] }
            throw interp.error("StopIteration", "")
        }
        define("hasattr(obj, name, /)") { interp, a in
            guard case .str(let name) = a["name"] else { throw interp.typeError("hasattr(): attribute name must be string") }
            do {
                _ = try interp.getAttribute(a["obj"], name)
                return .bool(true)
            } catch let raise as PythonRaise where raise.exception.cls === interp.types.exceptions["AttributeError"] {
                return .bool(false)
            }
        }
        define("getattr") { interp, args, _ in
            guard args.count == 2 || args.count == 3 else { throw interp.typeError("getattr expected 2 or 3 arguments, got \(args.count)") }
            guard case .str(let name) = args[1] else { throw interp.typeError("getattr(): attribute name must be string") }
            do {
                return try interp.getAttribute(args[0], name)
            } catch let raise as PythonRaise where raise.exception.cls === interp.types.exceptions["AttributeError"] && args.count == 3 {
                return args[2]
            }
        }
        define("setattr(obj, name, value, /)") { interp, a in
            guard case .str(let name) = a["name"] else { throw interp.typeError("attribute name must be string, not '\(interp.typeOf(a["name"]).name)'") }
            try interp.setAttribute(a["obj"], name, a["value"])
            return .none
        }
        define("delattr(obj, name, /)") { interp, a in
            guard case .str(let name) = a["name"] else { throw interp.typeError("attribute name must be string, not '\(interp.typeOf(a["name"]).name)'") }
            try interp.deleteAttribute(a["obj"], name)
            return .none
        }
        define("callable(obj, /)") { interp, a in
            guard case .object(let o) = a["obj"] else { return .bool(false) }
            if o is PyInstance { return .bool(interp.typeOf(a["obj"]).lookup("__call__") != nil) }
            return .bool(o is PyFunction || o is PyBuiltinFunction || o is PyBoundMethod || o is PyClass)
        }
        define("divmod(x, y, /)") { interp, a in
            let (x, y) = (a["x"], a["y"])
            if let i = interp.intValue(x), let j = interp.intValue(y) {
                if j == 0 { throw interp.error("ZeroDivisionError", "integer division or modulo by zero") }
                return .tuple([try interp.intOperation(.floorDiv, i, j), try interp.intOperation(.mod, i, j)])
            }
            if let u = interp.floatValue(x), let v = interp.floatValue(y) {
                if v == 0 { throw interp.error("ZeroDivisionError", "float divmod()") }
                let (q, r) = Interpreter.floatDivmod(u, v)
                return .tuple([.float(q), .float(r)])
            }
            throw interp.typeError("unsupported operand type(s) for divmod(): '\(interp.typeOf(x).name)' and '\(interp.typeOf(y).name)'")
        }
        define("pow(base, exp, mod=None)") { interp, a in
            if !a["mod"].isNone {
                guard let b = interp.intValue(a["base"]), let e = interp.intValue(a["exp"]), let m = interp.intValue(a["mod"]) else {
                    throw interp.typeError("pow() 3rd argument not allowed unless all arguments are integers")
                }
                if m == 0 { throw interp.error("ValueError", "pow() 3rd argument cannot be 0") }
                if e < 0 { throw interp.error("ValueError", "base is not invertible for the given modulus") }
                let modulus = abs(m)
                func mulmod(_ x: Int, _ y: Int) -> Int {
                    modulus.dividingFullWidth(x.multipliedFullWidth(by: y)).remainder
                }
                var result = 1 % modulus
                var base = ((b % modulus) + modulus) % modulus
                var exponent = e
                while exponent > 0 {
                    if exponent & 1 == 1 { result = mulmod(result, base) }
                    base = mulmod(base, base)
                    exponent >>= 1
                }
                return .int(m < 0 && result > 0 ? result + m : result)
            }
            return try interp.binaryOperation(.pow, a["base"], a["exp"])
        }
        define("hex(number, /)") { interp, a in .str(try interp.radixString(a["number"], 16, "0x")) }
        define("bin(number, /)") { interp, a in .str(try interp.radixString(a["number"], 2, "0b")) }
        define("oct(number, /)") { interp, a in .str(try interp.radixString(a["number"], 8, "0o")) }
        define("ord(c, /)") { interp, a in
            guard case .str(let s) = a["c"] else {
                throw interp.typeError("ord() expected string of length 1, but \(interp.typeOf(a["c"]).name) found")
            }
            guard s.unicodeScalars.count == 1 else {
                throw interp.typeError("ord() expected a character, but string of length \(s.count) found")
            }
            return .int(Int(s.unicodeScalars.first!.value))
        }
        define("chr(i, /)") { interp, a in
            guard let i = interp.intValue(a["i"]) else {
                throw interp.typeError("'\(interp.typeOf(a["i"]).name)' object cannot be interpreted as an integer")
            }
            guard i >= 0 && i < 0x110000, let scalar = Unicode.Scalar(UInt32(i)) else {
                throw interp.error("ValueError", "chr() arg not in range(0x110000)")
            }
            return .str(String(Character(scalar)))
        }
        define("id(obj, /)") { interp, a in .int(interp.fakeId(a["obj"])) }
        define("hash(obj, /)") { interp, a in .int(try interp.hash(a["obj"])) }
        define("format(value, format_spec='', /)") { interp, a in
            guard case .str(let spec) = a["format_spec"] else {
                throw interp.typeError("format() argument 2 must be str, not \(interp.typeOf(a["format_spec"]).name)")
            }
            return .str(try interp.format(a["value"], spec))
        }
        define("super") { interp, args, _ in
            if args.isEmpty { return try interp.zeroArgSuper() }
            guard args.count == 2, case .object(let o) = args[0], let cls = o as? PyClass else {
                throw interp.typeError("super() argument 1 must be a type")
            }
            return .object(PySuper(startAfter: cls, receiver: args[1]))
        }
    }

    func iteratorValue<S: Sequence>(_ items: S) throws -> PyValue where S.Element == PyValue {
        var iterator = Array(items).makeIterator()
        return .object(PyIterator { iterator.next() })
    }

    func length(_ value: PyValue) throws -> Int {
        switch value {
        case .str(let s): return s.count
        case .list(let l): return l.items.count
        case .tuple(let t): return t.count
        case .dict(let d): return d.count
        case .object(let o):
            if let set = o as? PySet { return set.count }
            if let range = o as? PyRange { return range.count }
            if let view = o as? PyDictView { return view.dict.count }
            if o is PyInstance, let result = try callSpecial(value, "__len__", []) {
                guard let n = intValue(result) else {
                    throw typeError("'\(typeOf(result).name)' object cannot be interpreted as an integer")
                }
                if n < 0 { throw error("ValueError", "__len__() should return >= 0") }
                return n
            }
        default: break
        }
        throw typeError("object of type '\(typeOf(value).name)' has no len()")
    }

    func classMatches(_ cls: PyClass, _ spec: PyValue, function: String) throws -> Bool {
        switch spec {
        case .tuple(let items):
            for item in items where try classMatches(cls, item, function: function) { return true }
            return false
        case .object(let o as PyClass):
            return cls.isSubclass(of: o)
        default:
            throw typeError("\(function)() arg 2 must be a type, a tuple of types, or a union")
        }
    }

    func isInstance(_ value: PyValue, _ spec: PyValue, function: String) throws -> Bool {
        try classMatches(typeOf(value), spec, function: function)
    }

    func minMax(_ name: String, _ args: [PyValue], _ kwargs: KwArgs, wantMax: Bool) throws -> PyValue {
        var key: PyValue = .none
        var defaultValue: PyValue?
        for (k, v) in kwargs {
            switch k {
            case "key": key = v
            case "default": defaultValue = v
            default: throw typeError("'\(k)' is an invalid keyword argument for \(name)()")
            }
        }
        let items: [PyValue]
        if args.count == 1 {
            guard isIterable(args[0]) else { throw typeError("'\(typeOf(args[0]).name)' object is not iterable") }
            items = try iterate(args[0])
        } else if args.isEmpty {
            throw typeError("\(name) expected at least 1 argument, got 0")
        } else {
            if defaultValue != nil {
                throw typeError("Cannot specify a default for \(name)() with multiple positional arguments")
            }
            items = args
        }
        guard var best = items.first else {
            if let defaultValue { return defaultValue }
            throw error("ValueError", "\(name)() arg is an empty sequence")
        }
        var bestKey = key.isNone ? best : try call(key, [best])
        for item in items.dropFirst() {
            let itemKey = key.isNone ? item : try call(key, [item])
            let better = wantMax ? try lessThan(bestKey, itemKey) : try lessThan(itemKey, bestKey)
            if better {
                best = item
                bestKey = itemKey
            }
        }
        return best
    }

    /// Stable sort with optional key and reverse, comparing with `<` like CPython's list.sort.
    func sortValues(_ items: [PyValue], _ kwargs: KwArgs, function: String) throws -> [PyValue] {
        var key: PyValue = .none
        var reverse = false
        for (k, v) in kwargs {
            switch k {
            case "key": key = v
            case "reverse": reverse = try truthy(v)
            default: throw typeError("'\(k)' is an invalid keyword argument for \(function)()")
            }
        }
        let keys = try key.isNone ? items : items.map { try call(key, [$0]) }
        var order = Array(items.indices)
        if reverse { order.reverse() }
        try mergeSort(&order) { a, b in try lessThan(keys[a], keys[b]) }
        if reverse {
            order.reverse()
        }
        return order.map { items[$0] }
    }

    /// Stable merge sort driven by a throwing `less` (Swift's sort gives no stability guarantee).
    func mergeSort(_ values: inout [Int], _ less: (Int, Int) throws -> Bool) throws {
        if values.count < 2 { return }
        var buffer = values
        var width = 1
        while width < values.count {
            var start = 0
            while start < values.count {
                let mid = min(start + width, values.count)
                let end = min(start + 2 * width, values.count)
                var i = start, j = mid, k = start
                while i < mid && j < end {
                    if try less(values[j], values[i]) { buffer[k] = values[j]; j += 1 } else { buffer[k] = values[i]; i += 1 }
                    k += 1
                }
                while i < mid { buffer[k] = values[i]; i += 1; k += 1 }
                while j < end { buffer[k] = values[j]; j += 1; k += 1 }
                start += 2 * width
            }
            swap(&values, &buffer)
            width *= 2
        }
    }

    func round(_ number: PyValue, _ ndigits: PyValue) throws -> PyValue {
        switch number {
        case .int, .bool:
            let i = intValue(number)!
            guard let n = intValue(ndigits), n < 0 else { return .int(i) }
            if n < -18 { return .int(0) }
            var power = 1
            for _ in 0..<(-n) { power *= 10 }
            let remainder = ((i % power) + power) % power
            var base = i - remainder
            if remainder * 2 > power || (remainder * 2 == power && (base / power) % 2 != 0) { base += power }
            return .int(base)
        case .float(let d):
            if ndigits.isNone {
                if d.isNaN { throw error("ValueError", "cannot convert float NaN to integer") }
                if d.isInfinite { throw error("OverflowError", "cannot convert float infinity to integer") }
                let r = d.rounded(.toNearestOrEven)
                guard abs(r) < 9.2e18 else { throw overflow() }
                return .int(Int(r))
            }
            guard let n = intValue(ndigits) else {
                throw typeError("'\(typeOf(ndigits).name)' object cannot be interpreted as an integer")
            }
            if !d.isFinite || n > 323 { return .float(d) }
            if n >= 0 {
                return .float(Double(NumberFormatting.printf("%.\(n)f", d)) ?? d)
            }
            let scale = pow(10.0, Double(-n))
            return .float((d / scale).rounded(.toNearestOrEven) * scale)
        default:
            if let result = try callSpecial(number, "__round__", ndigits.isNone ? [] : [ndigits]) { return result }
            throw typeError("type \(typeOf(number).name) doesn't define __round__ method")
        }
    }

    func radixString(_ value: PyValue, _ radix: Int, _ prefix: String) throws -> String {
        guard let i = intValue(value) else {
            throw typeError("'\(typeOf(value).name)' object cannot be interpreted as an integer")
        }
        return (i < 0 ? "-" : "") + prefix + String(i.magnitude, radix: radix)
    }

    /// Deterministic stand-in for `id()`: a distinct, stable number per object within a session.
    func fakeId(_ value: PyValue) -> Int {
        switch value {
        case .int(let i): return 0x7f3a_0000_0000 &+ i &* 32
        case .none: return 0x7f3a_0000_1000
        case .bool(let b): return b ? 0x7f3a_0000_1020 : 0x7f3a_0000_1040
        default:
            let key = ObjectIdentifierKey(value: value)
            if let known = objectIds[key] { return known }
            let id = 0x7f3a_1000_0000 + objectIds.count * 48
            objectIds[key] = id
            return id
        }
    }

    /// `hash()`: CPython's values for ints, floats and tuples (strings use a fixed FNV-1a: CPython's are randomized per process).
    func hash(_ value: PyValue) throws -> Int {
        switch value {
        case .none, .bool, .int, .float, .str: return PySet.hash(value)
        case .tuple(let items):
            for item in items { _ = try hash(item) }
            return PySet.hash(value)
        default:
            _ = try key(value)
            if case .object(let o) = value, o is PyInstance, let method = typeOf(value).lookup("__hash__"), !method.isNone,
               case .object(let f) = method, f is PyFunction {
                let result = try callMethod(method, value, [])
                guard let h = intValue(result) else { throw typeError("__hash__ method should return an integer") }
                return h
            }
            return fakeId(value) >> 4
        }
    }
}

/// Identity key for `id()` bookkeeping.
struct ObjectIdentifierKey: Hashable {
    let value: PyValue
    static func == (lhs: ObjectIdentifierKey, rhs: ObjectIdentifierKey) -> Bool { lhs.value.isIdentical(to: rhs.value) }
    func hash(into hasher: inout Hasher) {
        switch value {
        case .list(let l): hasher.combine(ObjectIdentifier(l))
        case .dict(let d): hasher.combine(ObjectIdentifier(d))
        case .object(let o): hasher.combine(ObjectIdentifier(o))
        default: PyKey.hash(value, into: &hasher)
        }
    }
}
