/// Extension points for native (Swift) bindings such as `torch`.
///
/// - Modules: `registerNativeModule("torch") { interp in ... }` builds a `PyModule` on first import; its
///   attributes are `PyValue`s (functions from `nativeFunction`, classes from `makeNativeClass`, constants).
/// - Functions: `nativeFunction("softmax(input, dim=None, dtype=None)") { interp, args in ... }` binds
///   positional and keyword arguments against a Python-style signature, raising CPython-style TypeErrors.
/// - Objects: `makeNativeClass(name:module:)` gives a builtin class whose instances are `PyInstance`s
///   carrying a Swift value in `native`; methods, properties and operator dunders (`__add__`, `__radd__`,
///   `__matmul__`, `__getitem__`, `__setitem__`, `__eq__`, `__lt__`, `__len__`, `__iter__`, `__bool__`,
///   `__format__`, `__repr__`) go in its `dict` and are dispatched by the evaluator like Python ones.
/// - Python subclasses of native or prelude classes work like any class (`super().__init__()`, `__setattr__`).
/// - Preludes: `runPrelude(source, module:)` executes Python source into a module with frames hidden.
/// - Per-session state: `context[key]` holds reference objects natives share within a session.
/// - Memory: natives call `charge(bytes:)` before large allocations.
struct ArgumentBinder {
    struct Param {
        let name: String
        let defaultValue: PyValue?
        let keywordOnly: Bool
    }

    let functionName: String
    /// Owning type for methods (`list` in `list.append`); its first parameter is `self`.
    var owner: String?
    let params: [Param]
    let acceptsVarArgs: Bool
    let acceptsVarKeywords: Bool

    /// Parses `"name(a, b=1, *args, c=None, **kwargs)"`; defaults are Python literals.
    init(_ signature: String) {
        let open = signature.firstIndex(of: "(")!
        functionName = String(signature[..<open])
        let inner = signature[signature.index(after: open)..<signature.lastIndex(of: ")")!]
        var params: [Param] = []
        var keywordOnly = false
        var varArgs = false
        var varKeywords = false
        for rawPart in inner.split(separator: ",") {
            let part = String(rawPart).trimmingSpaces
            if part.isEmpty || part == "/" { continue }
            if part == "*" { keywordOnly = true; continue }
            if part.hasPrefix("**") { varKeywords = true; continue }
            if part.hasPrefix("*") { varArgs = true; keywordOnly = true; continue }
            if let eq = part.firstIndex(of: "=") {
                let name = String(part[..<eq]).trimmingSpaces
                let literal = String(part[part.index(after: eq)...]).trimmingSpaces
                params.append(Param(name: name, defaultValue: ArgumentBinder.literal(literal), keywordOnly: keywordOnly))
            } else {
                params.append(Param(name: part, defaultValue: nil, keywordOnly: keywordOnly))
            }
        }
        self.params = params
        acceptsVarArgs = varArgs
        acceptsVarKeywords = varKeywords
    }

    static func literal(_ text: String) -> PyValue {
        switch text {
        case "None": return .none
        case "True": return .bool(true)
        case "False": return .bool(false)
        default:
            if let i = Int(text) { return .int(i) }
            if let d = Double(text) { return .float(d) }
            if text.count >= 2, text.first == "'" || text.first == "\"" { return .str(String(text.dropFirst().dropLast())) }
            return .none
        }
    }

    func bind(_ interp: Interpreter, _ args: [PyValue], _ kwargs: KwArgs) throws -> BoundArguments {
        let positionalCount = params.filter { !$0.keywordOnly }.count
        if let owner, kwargs.isEmpty, !acceptsVarArgs {
            let given = args.count - 1
            let declared = positionalCount - 1
            let required = params.dropFirst().filter { $0.defaultValue == nil && !$0.keywordOnly }.count
            if declared == 0 && given > 0 {
                throw interp.typeError("\(owner).\(functionName)() takes no arguments (\(given) given)")
            }
            if declared == 1 && required == 1 && given != 1 {
                throw interp.typeError("\(owner).\(functionName)() takes exactly one argument (\(given) given)")
            }
            if given > declared {
                throw interp.typeError("\(functionName) expected at most \(declared) argument\(declared == 1 ? "" : "s"), got \(given)")
            }
            if given < required {
                let bound = required == declared ? "" : "at least "
                throw interp.typeError("\(functionName) expected \(bound)\(required) argument\(required == 1 ? "" : "s"), got \(given)")
            }
        }
        var values = [PyValue?](repeating: nil, count: params.count)
        var extra: [PyValue] = []
        for (i, arg) in args.enumerated() {
            if i < positionalCount {
                values[i] = arg
            } else if acceptsVarArgs {
                extra.append(arg)
            } else {
                throw interp.typeError("\(functionName)() takes at most \(positionalCount) argument\(positionalCount == 1 ? "" : "s") (\(args.count) given)")
            }
        }
        var extraKeywords: KwArgs = []
        for (name, value) in kwargs {
            if let index = params.firstIndex(where: { $0.name == name }) {
                if values[index] != nil {
                    throw interp.typeError("argument for \(functionName)() given by name ('\(name)') and position (\(index + 1))")
                }
                values[index] = value
            } else if acceptsVarKeywords {
                extraKeywords.append((name, value))
            } else {
                throw interp.typeError("\(functionName)() got an unexpected keyword argument '\(name)'")
            }
        }
        for (i, param) in params.enumerated() where values[i] == nil {
            guard let defaultValue = param.defaultValue else {
                if param.keywordOnly {
                    throw interp.typeError("\(functionName)() missing required keyword-only argument '\(param.name)'")
                }
                throw interp.typeError("\(functionName)() missing required argument '\(param.name)' (pos \(i + 1))")
            }
            values[i] = defaultValue
        }
        var named: [String: PyValue] = [:]
        for (i, param) in params.enumerated() { named[param.name] = values[i]! }
        return BoundArguments(values: named, varArgs: extra, varKeywords: extraKeywords)
    }
}

/// Arguments after binding: every declared parameter has a value (given or default).
struct BoundArguments {
    let values: [String: PyValue]
    let varArgs: [PyValue]
    let varKeywords: KwArgs
    subscript(_ name: String) -> PyValue { values[name] ?? .none }
}

extension Interpreter {
    /// A builtin function with a Python-style signature.
    func nativeFunction(_ signature: String, owner: String? = nil, _ body: @escaping (Interpreter, BoundArguments) throws -> PyValue) -> PyValue {
        var binder = ArgumentBinder(signature)
        binder.owner = owner
        return .object(PyBuiltinFunction(binder.functionName, owner: owner) { interp, args, kwargs in
            try body(interp, try binder.bind(interp, args, kwargs))
        })
    }

    /// Registers a module built lazily on first import (`torch`, `torch.nn`, ...).
    func registerNativeModule(_ name: String, _ factory: @escaping (Interpreter) throws -> PyModule) {
        moduleFactories[name] = factory
    }

    /// A class implemented in Swift; fill `dict` with methods and set `construct` to build instances.
    func makeNativeClass(name: String, module: String, bases: [PyClass] = []) -> PyClass {
        let cls = PyClass(name: name, bases: bases.isEmpty ? [types.object] : bases, isBuiltin: true)
        cls.module = module
        return cls
    }

    /// Executes prelude Python source into `module` (its functions and classes hide from tracebacks); the
    /// module's existing attributes are the prelude's initial globals.
    func runPrelude(_ source: String, module: PyModule, filename: String) throws {
        let body: [Stmt]
        do {
            body = try Parser.parseModule(source, filename: filename)
        } catch {
            throw self.error("SyntaxError", "prelude \(filename): \(error.message) (line \(error.line))")
        }
        let scope = Scope(info: nil, parent: nil, module: nil)
        scope.vars = module.attributes
        scope.vars["__name__"] = .str(module.name)
        let frame = Frame(name: "<module>", filename: filename, line: 1, function: nil, scope: scope, hidden: true)
        frames.append(frame)
        defer {
            frames.removeLast()
            for (key, value) in scope.vars where key != "__name__" { module.attributes[key] = value }
        }
        _ = try exec(body, scope)
    }

    static let importableModules = ["torch", "torch.nn", "torch.nn.functional", "math", "typing"]

    func importModule(_ name: String) throws -> PyModule {
        if let module = modules[name] { return module }
        guard let factory = moduleFactories[name] else {
            throw error("ModuleNotFoundError", "No module named '\(name)' (only torch, torch.nn, torch.nn.functional and math are available in quiz snippets)")
        }
        let module = try factory(self)
        modules[name] = module
        if let dot = name.lastIndex(of: ".") {
            let parent = try importModule(String(name[..<dot]))
            parent.attributes[String(name[name.index(after: dot)...])] = .object(module)
        }
        return module
    }
}
