#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch

/// Resource limits for one snippet session. A step is one statement, loop iteration or call.
public struct SnippetLimits: Sendable {
    public var maxSteps: Int
    public var maxMemoryBytes: Int
    public var maxRecursionDepth: Int
    public var maxOutputBytes: Int

    public init(maxSteps: Int, maxMemoryBytes: Int, maxRecursionDepth: Int, maxOutputBytes: Int) {
        self.maxSteps = maxSteps
        self.maxMemoryBytes = maxMemoryBytes
        self.maxRecursionDepth = maxRecursionDepth
        self.maxOutputBytes = maxOutputBytes
    }

    /// About one second of a busy loop in a release build; CPython's recursion limit; 1 GiB; 1 MiB of output.
    public static let `default` = SnippetLimits(maxSteps: 10_000_000, maxMemoryBytes: 1 << 30, maxRecursionDepth: 1000, maxOutputBytes: 1 << 20)
}

/// An uncaught exception (or syntax error, or exceeded limit) with CPython's wording and traceback.
public struct SnippetError: Error, Sendable, Equatable {
    public var type: String
    public var message: String
    public var line: Int?
    public var column: Int?
    /// Full CPython-style traceback text, ending with `lastLine` and a newline.
    public var traceback: String

    public init(type: String, message: String, line: Int?, column: Int?, traceback: String) {
        self.type = type
        self.message = message
        self.line = line
        self.column = column
        self.traceback = traceback
    }

    /// `Type: message`, or just `Type` when the message is empty (as CPython prints it).
    public var lastLine: String { message.isEmpty ? type : "\(type): \(message)" }
}

public struct SnippetOutcome: Sendable {
    public var stdout: String
    public var error: SnippetError?
    public init(stdout: String, error: SnippetError?) {
        self.stdout = stdout
        self.error = error
    }
}

/// One namespace in which several chunks (a challenge's fences) run in order.
public final class SnippetSession {
    let interpreter: Interpreter
    public let filename: String
    /// Where the interpreter came from and goes back to; nil: a private interpreter, torn down with the session.
    private let pool: InterpreterPool?

    public convenience init(filename: String = "<stdin>", limits: SnippetLimits = .default) {
        self.init(filename: filename, limits: limits, pool: .shared)
    }

    /// A session on an interpreter from `pool` (its world already built), or on a fresh private one when nil.
    init(filename: String, limits: SnippetLimits, pool: InterpreterPool?) {
        self.filename = filename
        self.pool = pool
        if let interp = pool?.take() {
            interp.beginSession(filename: filename, limits: limits)
            interpreter = interp
        } else {
            interpreter = Interpreter(filename: filename, limits: limits)
        }
    }

    /// Ends the session on the big stack: the interpreter goes back to the pool with the session's objects emptied,
    /// or, private or tainted, is torn down whole, breaking the reference cycles among its values (`tearDown()`).
    deinit {
        let interp = interpreter
        let pool = self.pool
        BigStack.run {
            guard let pool else { return interp.tearDown() }
            if interp.finishSession() { pool.put(interp) }
        }
    }

    /// Runs one chunk; `firstLine` is the line number of the chunk's first line in the file
    /// (errors and tracebacks report file lines). Output of this chunk only is returned.
    public func run(_ source: String, firstLine: Int = 1) -> SnippetOutcome {
        let interp = interpreter
        let filename = self.filename
        let pooled = pool != nil
        var outcome = SnippetOutcome(stdout: "", error: nil)
        BigStack.run {
            // A pooled interpreter builds its world once, outside any session's budget.
            if pooled && !interp.worldPrepared { interp.prepareWorld() }
            interp.output = ""
            interp.registerSource(source, filename: filename, firstLine: firstLine)
            let error = interp.memory.withCurrent { SnippetSession.execute(interp, source, filename: filename, firstLine: firstLine) }
            outcome = SnippetOutcome(stdout: interp.output, error: error)
            interp.output = ""
        }
        return outcome
    }

    private static func execute(_ interp: Interpreter, _ source: String, filename: String, firstLine: Int) -> SnippetError? {
        let body: [Stmt]
        do {
            body = try Parser.parseModule(source, firstLine: firstLine, filename: filename)
        } catch {
            return syntaxError(error, interp: interp, filename: filename)
        }
        do {
            try interp.runModule(body, filename: filename)
            return nil
        } catch let raise as PythonRaise {
            return interp.snippetError(raise.exception)
        } catch let abort as SnippetAbort {
            var text = "Traceback (most recent call last):\n"
            text += interp.formatEntries(abort.traceback)
            let lastLine = abort.message.isEmpty ? abort.type : "\(abort.type): \(abort.message)"
            return SnippetError(type: abort.type, message: abort.message, line: abort.traceback.last?.line, column: nil,
                                traceback: text + lastLine + "\n")
        } catch {
            return SnippetError(type: "RuntimeError", message: "\(error)", line: nil, column: nil, traceback: "RuntimeError: \(error)\n")
        }
    }

    private static func syntaxError(_ error: ParseError, interp: Interpreter, filename: String) -> SnippetError {
        var text = "  File \"\(filename)\", line \(error.line)\n"
        if let line = interp.sourceLine(filename, error.line) {
            let stripped = line.drop { $0 == " " || $0 == "\t" }
            let indent = line.count - stripped.count
            text += "    \(stripped)\n"
            text += "    " + String(repeating: " ", count: max(0, error.column - 1 - indent)) + "^\n"
        }
        let lastLine = "\(error.type): \(error.message)"
        return SnippetError(type: error.type, message: error.message, line: error.line, column: error.column, traceback: text + lastLine + "\n")
    }

    /// `str(value)` of a global variable, or nil when it is not defined (or printing it fails).
    public func displayString(of name: String) -> String? {
        let interp = interpreter
        var result: String?
        BigStack.run {
            guard let value = interp.globals.vars[name] else { return }
            result = try? interp.str(value)
        }
        return result
    }

    /// User-defined global names, in the order they were first bound.
    public var globalNames: [String] {
        interpreter.globalOrder.filter { interpreter.globals.vars[$0] != nil }
    }

    /// The user-defined globals that are not modules, in the order they were first bound, each with `str(value)`
    /// when `printing` holds its name (nil: every one) and printing succeeds; one trip to the interpreter thread.
    public func globals(printing wanted: Set<String>?) -> [(name: String, printed: String?)] {
        let interp = interpreter
        var result: [(name: String, printed: String?)] = []
        BigStack.run {
            for name in interp.globalOrder {
                guard let value = interp.globals.vars[name] else { continue }
                if case .object(let object) = value, object is PyModule { continue }
                let print = wanted?.contains(name) ?? true
                result.append((name, print ? try? interp.str(value) : nil))
            }
        }
        return result
    }
}

/// One-shot convenience: a fresh session running a whole file.
public enum Snippet {
    public static func run(_ source: String, filename: String = "<stdin>", limits: SnippetLimits = .default) -> SnippetOutcome {
        SnippetSession(filename: filename, limits: limits).run(source)
    }

    /// Starts building `count` pooled interpreters' worlds (all modules, the `torch.nn` prelude) in the background,
    /// unless the pool already holds interpreters: a build calls it before reading its content, so the first
    /// snippets find a world ready instead of building it (or waiting for the prelude's one-time parse) themselves.
    public static func prewarm(_ count: Int) {
        guard InterpreterPool.shared.idleCount == 0 else { return }
        for _ in 0..<max(0, count) {
            DispatchQueue.global(qos: .userInitiated).async {
                let interp = Interpreter(filename: "<prewarm>", limits: .default)
                BigStack.run { interp.prepareWorld() }
                InterpreterPool.shared.put(interp)
            }
        }
    }

    /// Runs `body` on an interpreter thread (one with a big stack). Sessions made, run and ended inside it stay on
    /// that thread, so a challenge's fences, printed globals and teardown cost one hand-off instead of one each.
    public static func onInterpreterThread<T>(_ body: () -> T) -> T {
        var result: T?
        BigStack.run { result = body() }
        return result!
    }
}

extension Interpreter {
    /// Frames as CPython prints them, collapsing runs of more than 3 identical frames (deep recursion).
    func formatEntries(_ entries: [TraceEntry]) -> String {
        var text = ""
        var last: TraceEntry?
        var count = 0
        func flush() {
            if count > 3 {
                let more = count - 3
                text += "  [Previous line repeated \(more) more time\(more > 1 ? "s" : "")]\n"
            }
        }
        for entry in entries {
            if last == nil || last!.filename != entry.filename || last!.line != entry.line || last!.function != entry.function {
                flush()
                last = entry
                count = 0
            }
            count += 1
            if count > 3 { continue }
            text += tracebackLine(entry)
        }
        flush()
        return text
    }

    func tracebackLine(_ entry: TraceEntry) -> String {
        var text = "  File \"\(entry.filename)\", line \(entry.line), in \(entry.function)\n"
        if let line = sourceLine(entry.filename, entry.line) {
            let stripped = line.trimmingSpaces
            if !stripped.isEmpty { text += "    \(stripped)\n" }
        }
        return text
    }

    /// `str(exc)` plus CPython 3.11's "Did you mean" hint, as the last traceback line shows it.
    func displayMessage(_ exception: PyInstance) -> String {
        var message = (try? str(.object(exception))) ?? ""
        if let hint = exception.suggestion?() { message += ". Did you mean: '\(hint)'?" }
        return message
    }

    func snippetError(_ exception: PyInstance) -> SnippetError {
        var seen: [ObjectIdentifier] = []
        let text = tracebackText(exception, &seen)
        let type = exception.cls.name
        let message = displayMessage(exception)
        return SnippetError(type: type, message: message, line: exception.traceback.last?.line, column: nil, traceback: text)
    }

    private func tracebackText(_ exception: PyInstance, _ seen: inout [ObjectIdentifier]) -> String {
        seen.append(ObjectIdentifier(exception))
        var text = ""
        if case .object(let cause as PyInstance)? = exception.attributes["__cause__"], !seen.contains(ObjectIdentifier(cause)) {
            text += tracebackText(cause, &seen)
            text += "\nThe above exception was the direct cause of the following exception:\n\n"
        } else if exception.attributes["__suppress_context__"] == nil,
                  case .object(let context as PyInstance)? = exception.attributes["__context__"], !seen.contains(ObjectIdentifier(context)) {
            text += tracebackText(context, &seen)
            text += "\nDuring handling of the above exception, another exception occurred:\n\n"
        }
        if !exception.traceback.isEmpty {
            text += "Traceback (most recent call last):\n"
            text += formatEntries(exception.traceback)
        }
        let message = displayMessage(exception)
        var name = exception.cls.name
        if !exception.cls.isBuiltin && exception.cls.module != "__main__" { name = exception.cls.module + "." + name }
        text += (message.isEmpty ? name : "\(name): \(message)") + "\n"
        return text
    }
}

/// Idle interpreters whose world (`Interpreter+World.swift`) is built: a session takes one and gives it back when
/// it ends cleanly, so the modules, natives and classes are built once per interpreter instead of once per session.
/// An interpreter serves one session at a time; the lock hands it from one thread to the next.
final class InterpreterPool: @unchecked Sendable {
    static let shared = InterpreterPool(capacity: 16)

    private let capacity: Int
    private var idle: [Interpreter] = []
    private let lock: UnsafeMutablePointer<pthread_mutex_t>

    init(capacity: Int) {
        self.capacity = capacity
        lock = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
        pthread_mutex_init(lock, nil)
    }

    deinit {
        pthread_mutex_destroy(lock)
        lock.deallocate()
        let interpreters = idle
        BigStack.run { for interp in interpreters { interp.tearDown() } }
    }

    /// An idle interpreter, or nil when none is (the caller makes a fresh one).
    func take() -> Interpreter? {
        pthread_mutex_lock(lock)
        defer { pthread_mutex_unlock(lock) }
        return idle.popLast()
    }

    /// Keeps `interp` for a later session (a full pool tears it down instead).
    func put(_ interp: Interpreter) {
        pthread_mutex_lock(lock)
        let kept = idle.count < capacity
        if kept { idle.append(interp) }
        pthread_mutex_unlock(lock)
        if !kept { interp.tearDown() }
    }

    var idleCount: Int {
        pthread_mutex_lock(lock)
        defer { pthread_mutex_unlock(lock) }
        return idle.count
    }
}

/// Runs the evaluator on a thread with a large stack so deep Python recursion reaches
/// `RecursionError` long before the native stack overflows. The threads are kept and reused: creating one per
/// run mapped and faulted in a fresh 256 MiB stack each time, a quarter of a course build's CPU in system time.
enum BigStack {
    static let stackSize = 256 << 20

    /// One parked thread: `run` hands it a job and waits for it to finish.
    private final class Worker: @unchecked Sendable {
        let wake = DispatchSemaphore(value: 0)
        let finished = DispatchSemaphore(value: 0)
        /// Written by the caller before `wake.signal()`, read by the worker after `wake.wait()`.
        var job: (() -> Void)?
    }

    /// Idle workers, guarded by `lock`; at most as many exist as runs were ever concurrent.
    nonisolated(unsafe) private static var idle: [Worker] = []
    nonisolated(unsafe) private static let lock: UnsafeMutablePointer<pthread_mutex_t> = {
        let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
        pthread_mutex_init(mutex, nil)
        return mutex
    }()

    /// Set on the big-stack threads: `run` from one of them calls its body directly.
    private static let onWorkerKey: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key, nil)
        return key
    }()

    static var isOnWorker: Bool { pthread_getspecific(onWorkerKey) != nil }

    static func run(_ body: () -> Void) {
        if isOnWorker { return body() }
        withoutActuallyEscaping(body) { escapable in
            guard let worker = takeWorker() else { return escapable() }
            worker.job = escapable
            worker.wake.signal()
            worker.finished.wait()
            worker.job = nil
            pthread_mutex_lock(lock)
            idle.append(worker)
            pthread_mutex_unlock(lock)
        }
    }

    /// An idle worker, or a new one on a fresh big-stack thread; nil if no thread can be created.
    private static func takeWorker() -> Worker? {
        pthread_mutex_lock(lock)
        let reused = idle.popLast()
        pthread_mutex_unlock(lock)
        if let reused { return reused }
        let worker = Worker()
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        pthread_attr_setstacksize(&attributes, stackSize)
        pthread_attr_setdetachstate(&attributes, Int32(PTHREAD_CREATE_DETACHED))
        #if canImport(Glibc)
        var thread = pthread_t()
        #else
        var thread: pthread_t?
        #endif
        let retained = Unmanaged.passRetained(worker)
        let created = pthread_create(&thread, &attributes, { raw in
            let worker = Unmanaged<Worker>.fromOpaque(raw!).takeUnretainedValue()
            pthread_setspecific(BigStack.onWorkerKey, raw)
            while true {
                worker.wake.wait()
                worker.job?()
                worker.finished.signal()
            }
        }, retained.toOpaque())
        if created != 0 { retained.release() }
        return created == 0 ? worker : nil
    }
}
