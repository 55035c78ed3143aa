/// A Python exception unwinding the Swift stack. The interpreter is single-threaded; the box only crosses
/// the `throws` boundary, never threads, hence the unchecked conformance.
final class PythonRaise: Error, @unchecked Sendable {
    let exception: PyInstance
    init(_ exception: PyInstance) { self.exception = exception }
}

/// A limit was hit: unwinds through every `try`/`except` in the snippet (not catchable).
struct SnippetAbort: Error, Sendable {
    let type: String
    let message: String
    var traceback: [TraceEntry] = []
}

/// Result of executing statements: how control leaves them.
enum Flow {
    case normal, breakLoop, continueLoop
    case returnValue(PyValue)
}

/// A Python call frame, kept for tracebacks and zero-argument `super()`.
final class Frame {
    let name: String
    let filename: String
    var line: Int
    let function: PyFunction?
    let scope: Scope
    let hidden: Bool
    init(name: String, filename: String, line: Int, function: PyFunction?, scope: Scope, hidden: Bool) {
        self.name = name
        self.filename = filename
        self.line = line
        self.function = function
        self.scope = scope
        self.hidden = hidden
    }
}

/// A chunk of a file's source starting at `firstLine` (a fence of a challenge).
struct SourceChunk {
    let firstLine: Int
    let source: String
}

/// Tree-walking evaluator holding one snippet session's state.
///
/// Extension points for native bindings (see `NativeModule.swift`): `registerNativeModule`, `makeNativeClass`,
/// `ArgumentBinder`, `context` for per-session native state, and `charge(bytes:)` for the memory budget.
final class Interpreter {
    /// The running session's limits, file name and globals (`beginSession` replaces them in a pooled interpreter).
    var limits: SnippetLimits
    var filename: String
    let types: BuiltinTypes
    var globals: Scope
    var builtins: [String: PyValue] = [:]
    var frames: [Frame] = []
    var output = ""
    var outputBytes = 0
    var steps = 0
    /// Bytes held by this session's tensors and containers (see `MemoryBudget`).
    var memory: MemoryBudget
    /// Set when a snippet wrote to an object of the shared world (`touch`): the interpreter is then torn down after
    /// its session instead of going back to the pool (see `Interpreter+World.swift`).
    var worldTainted = false
    /// `sharedWorldDigest()` when the world was last marked shared (checked by debug builds after each session).
    var worldDigest = 0
    /// `(modules.count, context.count)` when the world was last marked shared.
    var markedRoots = (-1, -1)
    /// Whether `prepareWorld()` ran: every importable module is built and the world is marked shared.
    var worldPrepared = false
    /// Each file's registered chunks of source, in registration order (see `sourceLine`).
    var sourceLines: [String: [SourceChunk]] = [:]
    var modules: [String: PyModule] = [:]
    var moduleFactories: [String: (Interpreter) throws -> PyModule] = [:]
    /// Per-session state for native modules (random generator, print options, grad mode), keyed by name.
    var context: [String: AnyObject] = [:]
    /// `context["torch"]`, kept typed: ops read it on every call (see `torchState`).
    var cachedTorchState: TorchState?
    /// Exception currently being handled (for bare `raise` and implicit chaining).
    var handling: [PyInstance] = []
    var objectIds: [ObjectIdentifierKey: Int] = [:]
    lazy var keyEquality = KeyEquality(self)
    /// Depth of Swift-level recursion over nested values (comparisons), bounded like Python frames.
    var nativeDepth = 0
    /// Swift versions of `nn.Module`'s attribute hooks, set when `torch.nn` is built (`ModuleFastPaths`).
    var moduleFastPaths: ModuleFastPaths?
    /// The prelude classes built and called in Swift (`NNNativeModules`), set when `torch.nn` is built.
    var nativeNN: NNNativeModules?
    /// Whether those Swift paths may run (tests turn them off to compare with the Python code).
    var nativeModules = true
    /// Module-level names in first-binding order (`SnippetSession.globalNames`).
    var globalOrder: [String] = []

    init(filename: String, limits: SnippetLimits) {
        self.filename = filename
        self.limits = limits
        self.memory = MemoryBudget(limit: limits.maxMemoryBytes)
        self.types = BuiltinTypes()
        self.globals = Scope(info: nil, parent: nil, module: nil)
        globals.vars["__name__"] = .str("__main__")
        installBuiltins()
        installMathModule()
        installTorchModule()
        installTorchNN()
    }

    // MARK: Limits

    @inline(__always)
    func step() throws { try step(weight: 1) }

    /// A call into Swift (`x.append(v)`, `len(d)`, a constructor) does about as much work as ten plain statements,
    /// so it counts as that many steps: an endless loop of builtin calls ends about as soon as an empty one.
    static let builtinCallSteps = 10

    @inline(__always)
    func step(weight: Int) throws {
        steps &+= weight
        if steps > limits.maxSteps || memory.exceeded { throw limitExceeded() }
    }

    func write(_ text: String) throws {
        outputBytes += text.utf8.count
        if outputBytes > limits.maxOutputBytes {
            throw abort("RuntimeError", "snippet exceeded the output limit of \(limits.maxOutputBytes) bytes")
        }
        output += text
    }

    // MARK: Errors

    /// A non-catchable limit error carrying the visible Python stack at the point it was hit.
    func abort(_ type: String, _ message: String) -> SnippetAbort {
        let entries = frames.filter { !$0.hidden }.map { TraceEntry(filename: $0.filename, line: $0.line, function: $0.name) }
        return SnippetAbort(type: type, message: message, traceback: entries)
    }

    /// Builds a Python exception of a builtin type with one message argument (no argument when empty).
    func makeException(_ type: String, _ message: String) -> PyInstance {
        let cls = types.exceptions[type] ?? types.exceptions["RuntimeError"]!
        let instance = PyInstance(cls: cls)
        instance.attributes["args"] = .tuple(message.isEmpty ? [] : [.str(message)])
        return instance
    }

    func error(_ type: String, _ message: String) -> PythonRaise {
        PythonRaise(makeException(type, message))
    }

    func typeError(_ message: String) -> PythonRaise { error("TypeError", message) }

    // MARK: Names

    func lookup(_ name: String, in scope: Scope) throws -> PyValue {
        if let info = scope.info {
            // A function scope's dictionary holds only its locals, so a hit needs no symbol-table check; a name the
            // local mask rules out (most globals and builtins) skips both the dictionary and the symbol table.
            if scope.isClassBody || scope.hasUndeclaredNames || info.localMask.mayContain(name) {
                if let slot = scope.slot(of: name) {
                    if let value = scope.slots[slot] { return value }
                } else if let value = scope.vars[name] {
                    return value
                }
                if !scope.isClassBody && info.locals.contains(name) {
                    throw error("UnboundLocalError", "cannot access local variable '\(name)' where it is not associated with a value")
                }
            }
            if info.globals.isEmpty || !info.globals.contains(name) {
                var outer = scope.parent
                while let enclosing = outer {
                    if !enclosing.isClassBody && enclosing.mayBind(name) {
                        if let value = enclosing.local(name) { return value }
                        if enclosing.info?.locals.contains(name) == true {
                            throw error("NameError", "cannot access free variable '\(name)' where it is not associated with a value in enclosing scope")
                        }
                    }
                    outer = enclosing.parent
                }
            }
        }
        if let value = scope.moduleScope.vars[name] { return value }
        if let value = builtins[name] { return value }
        let error = nameError(name)
        error.exception.suggestion = { [unowned self] in
            var candidates: [String] = []
            var current: Scope? = scope
            while let s = current, s.info != nil {
                candidates += s.boundNames
                current = s.parent
            }
            candidates += scope.moduleScope.vars.keys.sorted() + self.builtins.keys.sorted()
            return Interpreter.suggestion(for: name, among: candidates)
        }
        throw error
    }

    func nameError(_ name: String) -> PythonRaise {
        if Interpreter.refusedBuiltins.contains(name) {
            return error("NameError", "name '\(name)' is not defined (\(name)() is not available in quiz snippets)")
        }
        return error("NameError", "name '\(name)' is not defined")
    }

    static let refusedBuiltins: Set<String> = [
        "open", "eval", "exec", "compile", "__import__", "globals", "locals", "vars", "input", "breakpoint", "exit", "quit",
    ]

    func store(_ name: String, _ value: PyValue, in scope: Scope) {
        if let info = scope.info {
            if !info.globals.isEmpty && info.globals.contains(name) {
                scope.moduleScope.vars[name] = value
                return
            }
            if !info.nonlocals.isEmpty && info.nonlocals.contains(name) {
                var outer = scope.parent
                while let enclosing = outer {
                    if enclosing.info?.locals.contains(name) == true || enclosing.local(name) != nil {
                        enclosing.setLocal(name, value)
                        return
                    }
                    outer = enclosing.parent
                }
            }
        }
        if let slot = scope.slot(of: name) {
            scope.slots[slot] = value
            return
        }
        if scope.vars.updateValue(value, forKey: name) == nil {
            if let info = scope.info, !info.localMask.mayContain(name) { scope.hasUndeclaredNames = true }
            if scope === globals && !name.hasPrefix("__") { globalOrder.append(name) }
        }
    }

    func delete(_ name: String, in scope: Scope) throws {
        if let info = scope.info, info.globals.contains(name) {
            guard scope.moduleScope.vars.removeValue(forKey: name) != nil else { throw nameError(name) }
            return
        }
        let removed: Bool
        if let slot = scope.slot(of: name) {
            removed = scope.slots[slot] != nil
            scope.slots[slot] = nil
        } else {
            removed = scope.vars.removeValue(forKey: name) != nil
        }
        guard removed else {
            if scope.info != nil && !scope.isClassBody {
                throw error("UnboundLocalError", "cannot access local variable '\(name)' where it is not associated with a value")
            }
            throw nameError(name)
        }
    }

    // MARK: Running

    /// Runs module-level statements in `globals`; exceptions carry their traceback.
    func runModule(_ body: [Stmt], filename: String, hidden: Bool = false) throws {
        let frame = Frame(name: "<module>", filename: filename, line: body.first?.line ?? 1, function: nil, scope: globals, hidden: hidden)
        frames.append(frame)
        defer { frames.removeLast() }
        do {
            _ = try exec(body, frame.scope)
        } catch let raise as PythonRaise {
            addTraceback(raise.exception, frame: frame)
            throw raise
        }
    }

    /// Records `frame` in the exception's traceback once (when raised in it or unwinding through it).
    func addTraceback(_ exception: PyInstance, frame: Frame) {
        if frame.hidden { return }
        let id = ObjectIdentifier(frame)
        if exception.traceback.first?.frame == id { return }
        exception.traceback.insert(TraceEntry(filename: frame.filename, line: frame.line, function: frame.name, frame: id), at: 0)
    }

    var currentFrame: Frame { frames[frames.count - 1] }

    /// Line `line` of `filename` as registered (the latest chunk covering it wins); split out only when a traceback
    /// or syntax error shows it.
    func sourceLine(_ filename: String, _ line: Int) -> String? {
        guard let chunks = sourceLines[filename] else { return nil }
        for chunk in chunks.reversed() where line >= chunk.firstLine {
            var number = chunk.firstLine
            for text in chunk.source.split(separator: "\n", omittingEmptySubsequences: false) {
                if number == line { return String(text) }
                number += 1
            }
        }
        return nil
    }

    func registerSource(_ source: String, filename: String, firstLine: Int) {
        sourceLines[filename, default: []].append(SourceChunk(firstLine: firstLine, source: source))
    }
}
