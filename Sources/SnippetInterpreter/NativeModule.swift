#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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
/// - Preludes: `runPrelude(ParsedPrelude, module:)` executes Python source, parsed once per process, into a
///   module with frames hidden.
/// - Per-session state: `context[key]` holds reference objects natives share within a session.
/// - Memory: natives call `charge(bytes:)` before large allocations.
struct ArgumentBinder: Sendable {
    struct Param: Sendable {
        let name: String
        let defaultValue: DefaultLiteral?
        let keywordOnly: Bool
    }

    /// A parameter's default as written in the signature; a plain value so parsed signatures can be shared.
    enum DefaultLiteral: Sendable {
        case none, bool(Bool), int(Int), float(Double), str(String)

        var value: PyValue {
            switch self {
            case .none: .none
            case .bool(let b): .bool(b)
            case .int(let i): .int(i)
            case .float(let d): .float(d)
            case .str(let s): .str(s)
            }
        }
    }

    let functionName: String
    /// Owning type for methods (`list` in `list.append`); its first parameter is `self`.
    var owner: String?
    let params: [Param]
    let acceptsVarArgs: Bool
    let acceptsVarKeywords: Bool
    /// Parameters that may be given by position, and how many of those after `self` have no default.
    let positionalCount: Int
    let requiredAfterSelf: Int

    /// The binder for `"name(a, b=1, *args, c=None, **kwargs)"` (defaults are Python literals); each signature
    /// is parsed once per process and then shared.
    init(_ signature: String) {
        if let cached = SignatureCache.shared.binder(for: signature) {
            self = cached
            return
        }
        self.init(parsing: signature)
        SignatureCache.shared.store(self, for: signature)
    }

    /// `name` of `"name(...)"`, scanning bytes (a `Character` search costs more than the rest of installing a native).
    static func functionName(_ signature: String) -> String {
        let utf8 = signature.utf8
        return String(utf8[..<(utf8.firstIndex(of: UInt8(ascii: "(")) ?? utf8.endIndex)])!
    }

    private init(parsing signature: String) {
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
        positionalCount = params.filter { !$0.keywordOnly }.count
        requiredAfterSelf = params.dropFirst().filter { $0.defaultValue == nil && !$0.keywordOnly }.count
    }

    static func literal(_ text: String) -> DefaultLiteral {
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
        if let owner, kwargs.isEmpty, !acceptsVarArgs {
            let given = args.count - 1
            let declared = positionalCount - 1
            let required = requiredAfterSelf
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
        if kwargs.isEmpty && args.count == params.count && !acceptsVarArgs && !acceptsVarKeywords
            && params.count == positionalCount {
            // Every parameter given by position: the common call needs no defaults or keyword matching.
            return BoundArguments(params: params, values: args, varArgs: [], varKeywords: [])
        }
        // Filled by `append`: `Array(repeating:count:)` allocates through the unspecialised generic path.
        var values: [PyValue?] = []
        values.reserveCapacity(params.count)
        for _ in params { values.append(nil) }
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
            values[i] = defaultValue.value
        }
        return BoundArguments(params: params, values: values.map { $0! }, varArgs: extra, varKeywords: extraKeywords)
    }
}

/// Parsed signatures by their text, shared by every session and thread (a pthread mutex: the package still
/// supports macOS 14, which lacks `Synchronization.Mutex`).
private final class SignatureCache: @unchecked Sendable {
    static let shared = SignatureCache()
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private var binders: [String: ArgumentBinder] = [:]

    private init() {
        mutex = .allocate(capacity: 1)
        pthread_mutex_init(mutex, nil)
    }

    func binder(for signature: String) -> ArgumentBinder? {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return binders[signature]
    }

    func store(_ binder: ArgumentBinder, for signature: String) {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        binders[signature] = binder
    }
}

/// A native function's `ArgumentBinder`, looked up on its first call (the interpreter is single-threaded).
private final class LazyBinder {
    let signature: String
    let owner: String?
    init(signature: String, owner: String?) {
        self.signature = signature
        self.owner = owner
    }

    lazy var binder: ArgumentBinder = {
        var binder = ArgumentBinder(signature)
        binder.owner = owner
        return binder
    }()
}

/// Arguments after binding: every declared parameter has a value (given or default), in declaration order;
/// looked up by a scan of the few names rather than a dictionary built per call.
struct BoundArguments {
    let params: [ArgumentBinder.Param]
    let values: [PyValue]
    let varArgs: [PyValue]
    let varKeywords: KwArgs
    subscript(_ name: String) -> PyValue {
        for i in params.indices where params[i].name == name { return values[i] }
        return .none
    }
}

extension Interpreter {
    /// A builtin function with a Python-style signature.
    /// The signature is bound on the first call, so a session pays nothing for the hundreds of natives it never calls.
    func nativeFunction(_ signature: String, owner: String? = nil, _ body: @escaping (Interpreter, BoundArguments) throws -> PyValue) -> PyValue {
        let binder = LazyBinder(signature: signature, owner: owner)
        return .object(PyBuiltinFunction(ArgumentBinder.functionName(signature), owner: owner) { interp, args, kwargs in
            try body(interp, try binder.binder.bind(interp, args, kwargs))
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

    /// Executes a parsed prelude into `module` (its functions and classes hide from tracebacks); the module's
    /// existing attributes are the prelude's initial globals.
    func runPrelude(_ prelude: ParsedPrelude, module: PyModule) throws {
        let body: [Stmt]
        switch prelude.body {
        case .success(let statements): body = statements
        case .failure(let error):
            throw self.error("SyntaxError", "prelude \(prelude.filename): \(error.message) (line \(error.line))")
        }
        let scope = Scope(info: nil, parent: nil, module: nil)
        scope.vars = module.attributes
        scope.vars["__name__"] = .str(module.name)
        let frame = Frame(name: "<module>", filename: prelude.filename, line: 1, function: nil, scope: scope, hidden: true)
        frames.append(frame)
        defer {
            frames.removeLast()
            for (key, value) in scope.vars where key != "__name__" { module.attributes[key] = value }
        }
        _ = try exec(body, scope)
    }

    /// Parses and executes prelude source (for one-off preludes; fixed ones keep a static `ParsedPrelude`).
    func runPrelude(_ source: String, module: PyModule, filename: String) throws {
        try runPrelude(ParsedPrelude(source, filename: filename), module: module)
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

/// Python source of a prelude, parsed once per process: a `static let` of this type is initialised lazily and
/// thread-safely, and the immutable AST is shared by every session (each still executes it into its own module).
struct ParsedPrelude: Sendable {
    let filename: String
    let body: Result<[Stmt], ParseError>

    init(_ source: String, filename: String) {
        self.filename = filename
        do {
            body = .success(try Parser.parseModule(source, filename: filename))
        } catch {
            body = .failure(error)
        }
    }
}
