extension Interpreter {
    /// The fixed fake address printed in default object reprs (real addresses would make output nondeterministic).
    static let fakeAddress = "0x7f3a5c1e2b90"

    func repr(_ value: PyValue) throws -> String {
        var seen: [ObjectIdentifier] = []
        return try repr(value, &seen)
    }

    private func repr(_ value: PyValue, _ seen: inout [ObjectIdentifier]) throws -> String {
        if seen.count > limits.maxRecursionDepth {
            throw error("RecursionError", "maximum recursion depth exceeded while getting the repr of an object")
        }
        switch value {
        case .none: return "None"
        case .bool(let b): return b ? "True" : "False"
        case .int(let i): return String(i)
        case .float(let d): return NumberFormatting.floatRepr(d)
        case .str(let s): return Interpreter.stringRepr(s)
        case .tuple(let items):
            seen.append(ObjectIdentifier(PySingleton.ellipsis))
            defer { seen.removeLast() }
            if items.count == 1 { return "(" + (try repr(items[0], &seen)) + ",)" }
            return "(" + (try items.map { try repr($0, &seen) }.joined(separator: ", ")) + ")"
        case .list(let list):
            let id = ObjectIdentifier(list)
            if seen.contains(id) { return "[...]" }
            seen.append(id)
            defer { seen.removeLast() }
            try checkSize(bytes: list.items.count * 2)
            return "[" + (try list.items.map { try repr($0, &seen) }.joined(separator: ", ")) + "]"
        case .dict(let dict):
            let id = ObjectIdentifier(dict)
            if seen.contains(id) { return "{...}" }
            seen.append(id)
            defer { seen.removeLast() }
            return "{" + (try dict.entries.map { "\(try repr($0.key, &seen)): \(try repr($0.value, &seen))" }.joined(separator: ", ")) + "}"
        case .object(let o):
            switch o {
            case let set as PySet:
                let name = set.frozen ? "frozenset" : "set"
                if set.count == 0 { return name + "()" }
                let body = "{" + (try set.elements.map { try repr($0, &seen) }.joined(separator: ", ")) + "}"
                return set.frozen ? "frozenset(\(body))" : body
            case let range as PyRange:
                return range.step == 1 ? "range(\(range.start), \(range.stop))" : "range(\(range.start), \(range.stop), \(range.step))"
            case let slice as PySlice:
                return "slice(\(try repr(slice.start, &seen)), \(try repr(slice.stop, &seen)), \(try repr(slice.step, &seen)))"
            case let function as PyFunction:
                return "<function \(function.qualname) at \(Interpreter.fakeAddress)>"
            case let builtin as PyBuiltinFunction:
                if let owner = builtin.ownerName { return "<method '\(builtin.name)' of '\(owner)' objects>" }
                return "<built-in function \(builtin.name)>"
            case let method as PyBoundMethod:
                if case .object(let f as PyFunction) = method.function {
                    return "<bound method \(f.qualname) of \(try repr(method.receiver, &seen))>"
                }
                if case .object(let f as PyBuiltinFunction) = method.function {
                    return "<built-in method \(f.name) of \(typeOf(method.receiver).name) object at \(Interpreter.fakeAddress)>"
                }
                return "<bound method>"
            case let cls as PyClass:
                if cls.isBuiltin && cls.module == "__main__" { return "<class '\(cls.name)'>" }
                return "<class '\(cls.module).\(cls.name)'>"
            case let module as PyModule:
                return "<module '\(module.name)' (built-in)>"
            case let singleton as PySingleton:
                return singleton.name
            case is PyInstance:
                if let method = typeOf(value).lookup("__repr__") {
                    let result = try callMethod(method, value, [])
                    guard case .str(let s) = result else {
                        throw typeError("__repr__ returned non-string (type \(typeOf(result).name))")
                    }
                    return s
                }
                return defaultRepr(value)
            case let view as PyDictView:
                return view.kind.rawValue + "(" + (try repr(.list(PyList(view.elements)), &seen)) + ")"
            case is PyProperty: return "<property object at \(Interpreter.fakeAddress)>"
            case is PyIterator: return "<iterator object at \(Interpreter.fakeAddress)>"
            case is PySuper: return "<super object>"
            default: return defaultRepr(value)
            }
        }
    }

    func defaultRepr(_ value: PyValue) -> String {
        let type = typeOf(value)
        return "<\(type.isBuiltin ? "" : type.module + ".")\(type.name) object at \(Interpreter.fakeAddress)>"
    }

    func str(_ value: PyValue) throws -> String {
        switch value {
        case .str(let s): return s
        case .object(let o) where o is PyInstance:
            if let method = typeOf(value).lookup("__str__") {
                let result = try callMethod(method, value, [])
                guard case .str(let s) = result else {
                    throw typeError("__str__ returned non-string (type \(typeOf(result).name))")
                }
                return s
            }
            return try repr(value)
        default:
            return try repr(value)
        }
    }

    static func stringRepr(_ s: String) -> String {
        let useDouble = s.contains("'") && !s.contains("\"")
        let quote: Character = useDouble ? "\"" : "'"
        var result = String(quote)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "'" where !useDouble: result += "\\'"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    result += "\\x" + (scalar.value < 0x10 ? "0" : "") + String(scalar.value, radix: 16)
                } else if scalar.value >= 0x80 && scalar.value < 0xA0 {
                    result += "\\x" + String(scalar.value, radix: 16)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        result.append(quote)
        return result
    }

    /// `format(value, spec)`: dispatches to the value's `__format__` (native objects, user classes) or the builtin rules.
    func format(_ value: PyValue, _ specText: String) throws -> String {
        if case .object(let o) = value, o is PyInstance {
            if let method = typeOf(value).lookup("__format__") {
                let result = try callMethod(method, value, [.str(specText)])
                guard case .str(let s) = result else { throw typeError("__format__ must return a str, not \(typeOf(result).name)") }
                return s
            }
            if specText.isEmpty { return try str(value) }
            throw typeError("unsupported format string passed to \(typeOf(value).name).__format__")
        }
        if specText.isEmpty { return try str(value) }
        let typeName = typeOf(value).name
        let spec: NumberFormatting.Spec
        do {
            spec = try NumberFormatting.parse(specText)
        } catch {
            throw self.error("ValueError", "Invalid format specifier '\(specText)' for object of type '\(typeName)'")
        }
        if let grouping = spec.grouping, let type = spec.type, !"deEfFgG%".contains(type) {
            throw error("ValueError", "Cannot specify '\(grouping)' with '\(type)'.")
        }
        switch value {
        case .int, .bool:
            let i = intValue(value)!
            if let type = spec.type, "eEfFgG%".contains(type) {
                return NumberFormatting.formatFloat(Double(i), spec)!
            }
            if spec.precision != nil { throw error("ValueError", "Precision not allowed in integer format specifier") }
            if spec.type == "c" && spec.sign != "-" { throw error("ValueError", "Sign not allowed with integer format specifier 'c'") }
            guard let result = NumberFormatting.formatInt(i, spec) else {
                throw error("ValueError", "Unknown format code '\(spec.type!)' for object of type '\(typeName)'")
            }
            return result
        case .float(let d):
            guard let result = NumberFormatting.formatFloat(d, spec) else {
                throw error("ValueError", "Unknown format code '\(spec.type!)' for object of type '\(typeName)'")
            }
            return result
        case .str(let s):
            if let type = spec.type, type != "s" {
                throw error("ValueError", "Unknown format code '\(type)' for object of type 'str'")
            }
            if spec.sign != "-" { throw error("ValueError", "Sign not allowed in string format specifier") }
            if spec.align == "=" { throw error("ValueError", "'=' alignment not allowed in string format specifier") }
            return NumberFormatting.formatString(s, spec)
        default:
            throw typeError("unsupported format string passed to \(typeName).__format__")
        }
    }

    /// `str.format`: `{}`, `{0}`, `{name}`, `{0.attr}`, `{0[1]}`, conversions and nested specs.
    func strFormat(_ template: String, _ args: [PyValue], _ kwargs: KwArgs) throws -> String {
        let chars = Array(template)
        var result = ""
        var i = 0
        var autoIndex = 0
        var manual: Bool?
        while i < chars.count {
            let c = chars[i]
            if c == "{" {
                if i + 1 < chars.count && chars[i + 1] == "{" { result.append("{"); i += 2; continue }
                var depth = 1
                var j = i + 1
                while j < chars.count && depth > 0 {
                    if chars[j] == "{" { depth += 1 } else if chars[j] == "}" { depth -= 1 }
                    if depth > 0 { j += 1 }
                }
                guard j < chars.count else { throw error("ValueError", "Single '{' encountered in format string") }
                let field = String(chars[(i + 1)..<j])
                var name = field
                var conversion: Character?
                var spec = ""
                if let colon = field.firstIndex(of: ":") {
                    name = String(field[..<colon])
                    spec = String(field[field.index(after: colon)...])
                }
                if let bang = name.firstIndex(of: "!") {
                    conversion = name[name.index(after: bang)...].first
                    name = String(name[..<bang])
                }
                if spec.contains("{") { spec = try strFormat(spec, args, kwargs) }
                var rest = Substring(name)
                let head = rest.prefix { $0 != "." && $0 != "[" }
                rest = rest.dropFirst(head.count)
                var value: PyValue
                if head.isEmpty {
                    if manual == true { throw error("ValueError", "cannot switch from manual field specification to automatic field numbering") }
                    manual = false
                    guard autoIndex < args.count else {
                        throw error("IndexError", "Replacement index \(autoIndex) out of range for positional args tuple")
                    }
                    value = args[autoIndex]
                    autoIndex += 1
                } else if let index = Int(head) {
                    if manual == false { throw error("ValueError", "cannot switch from automatic field numbering to manual field specification") }
                    manual = true
                    guard index < args.count else {
                        throw error("IndexError", "Replacement index \(index) out of range for positional args tuple")
                    }
                    value = args[index]
                } else {
                    guard let found = kwargs.first(where: { $0.0 == head })?.1 else {
                        throw PythonRaise(keyError(.str(String(head))))
                    }
                    value = found
                }
                while let first = rest.first {
                    if first == "." {
                        rest = rest.dropFirst()
                        let attribute = rest.prefix { $0 != "." && $0 != "[" }
                        rest = rest.dropFirst(attribute.count)
                        value = try getAttribute(value, String(attribute))
                    } else {
                        rest = rest.dropFirst()
                        let key = rest.prefix { $0 != "]" }
                        rest = rest.dropFirst(key.count + 1)
                        value = try getItem(value, Int(key).map { .int($0) } ?? .str(String(key)))
                    }
                }
                switch conversion {
                case "r", "a": value = .str(try repr(value))
                case "s": value = .str(try str(value))
                default: break
                }
                result += try format(value, spec)
                i = j + 1
            } else if c == "}" {
                if i + 1 < chars.count && chars[i + 1] == "}" { result.append("}"); i += 2; continue }
                throw error("ValueError", "Single '}' encountered in format string")
            } else {
                result.append(c)
                i += 1
            }
        }
        return result
    }

    /// printf-style `"%5.2f" % value`.
    func percentFormat(_ template: String, _ argument: PyValue) throws -> String {
        var args: [PyValue]
        if case .tuple(let items) = argument { args = items } else { args = [argument] }
        let mapping: PyDict? = { if case .dict(let d) = argument { return d } else { return nil } }()
        var argIndex = 0
        let chars = Array(template)
        var result = ""
        var i = 0
        func nextArg() throws -> PyValue {
            guard argIndex < args.count else { throw typeError("not enough arguments for format string") }
            argIndex += 1
            return args[argIndex - 1]
        }
        while i < chars.count {
            let c = chars[i]
            guard c == "%" else { result.append(c); i += 1; continue }
            i += 1
            guard i < chars.count else { throw error("ValueError", "incomplete format") }
            var explicit: PyValue?
            if chars[i] == "(", let mapping {
                let close = chars[i...].firstIndex(of: ")") ?? chars.count
                let key = String(chars[(i + 1)..<close])
                guard let v = mapping[PyKey(value: .str(key))] else { throw PythonRaise(keyError(.str(key))) }
                explicit = v
                i = close + 1
            }
            var flags = ""
            while i < chars.count, "-+ 0#".contains(chars[i]) { flags.append(chars[i]); i += 1 }
            var width = ""
            while i < chars.count, chars[i].isNumber { width.append(chars[i]); i += 1 }
            if i < chars.count, chars[i] == "*" { width = String(intValue(try nextArg()) ?? 0); i += 1 }
            var precision: String?
            if i < chars.count, chars[i] == "." {
                i += 1
                var p = ""
                while i < chars.count, chars[i].isNumber { p.append(chars[i]); i += 1 }
                precision = p.isEmpty ? "0" : p
            }
            guard i < chars.count else { throw error("ValueError", "incomplete format") }
            let type = chars[i]
            i += 1
            if type == "%" { result.append("%"); continue }
            let value = try explicit ?? nextArg()
            var spec = ""
            if flags.contains("-") { spec += "<" } else if !flags.contains("0") { spec += ">" }
            if flags.contains("+") { spec += "+" } else if flags.contains(" ") { spec += " " }
            if flags.contains("#") { spec += "#" }
            if flags.contains("0") && !flags.contains("-") { spec += "0" }
            spec += width
            switch type {
            case "s", "r", "a":
                let text = type == "s" ? try str(value) : try repr(value)
                result += try format(.str(text), spec.replacingOccurrences("+", "").replacingOccurrences(" ", "").replacingOccurrences("#", "") + (precision.map { "." + $0 } ?? ""))
            case "d", "i", "u":
                guard let number = floatValue(value) else {
                    throw typeError("%\(type) format: a real number is required, not \(typeOf(value).name)")
                }
                let integer: PyValue = intValue(value).map { .int($0) } ?? .int(Int(number.rounded(.towardZero)))
                result += try format(integer, spec + "d")
            case "x", "X", "o":
                guard let integer = intValue(value) else {
                    throw typeError("%\(type) format: an integer is required, not \(typeOf(value).name)")
                }
                result += try format(.int(integer), spec + String(type))
            case "f", "F", "e", "E", "g", "G":
                let number = try real(value)
                result += try format(.float(number), spec + "." + (precision ?? "6") + String(type))
            case "c":
                if case .str(let s) = value { result += s } else if let code = intValue(value), let scalar = Unicode.Scalar(UInt32(code)) { result.unicodeScalars.append(scalar) }
            default:
                throw error("ValueError", "unsupported format character '\(type)' (0x\(String(type.unicodeScalars.first!.value, radix: 16))) at index \(i - 1)")
            }
        }
        if argIndex < args.count && mapping == nil {
            throw typeError("not all arguments converted during string formatting")
        }
        return result
    }
}
