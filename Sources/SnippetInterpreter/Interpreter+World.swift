/// Reusing one interpreter for many sessions. Building `torch`, `torch.nn` and the builtins (hundreds of natives,
/// the nn prelude's classes) and tearing them down again was about half of a course build's CPU, so a finished
/// session hands its interpreter back to a pool instead (`InterpreterPool`). What the next session may see is the
/// *world*: every object reachable from the modules, builtins, builtin types and native state once every importable
/// module is built. The world is marked shared (`isShared`); a session's teardown empties only its own objects;
/// per-session state (globals, limits, budget, output, the torch generator, print options, grad mode) starts afresh.
///
/// A snippet that writes to a shared object (`nn.Linear.forward = f`, `F.relu.x = 1`, appending to a shared list)
/// still sees its write, but it *taints* the world (`touch`): that interpreter is torn down after the session and
/// the next session gets a fresh one, so no session ever observes another's changes.
extension Interpreter {
    /// Builds every importable module outside any session budget and marks the whole world shared.
    func prepareWorld() {
        guard !worldPrepared else { return }
        worldPrepared = true
        for name in moduleFactories.keys.sorted() { _ = try? importModule(name) }
        markWorldShared()
        #if DEBUG
        worldDigest = sharedWorldDigest()
        #endif
    }

    /// Marks everything reachable from the world's roots shared (again after a session: natives may have added
    /// world objects lazily, such as a `torch.return_types` class cached in `context`). Objects already marked
    /// are not entered again, so a repeat is cheap.
    /// The world holds no list, dict or set today; their many mutators do not `touch`, so a world that ever holds
    /// one is not reused (it counts as tainted).
    func markWorldShared() {
        // Only modules and native state (`context`) gain world objects after `prepareWorld`; when neither grew since
        // the last walk there is nothing new to mark (debug builds still check the whole world's digest).
        let roots = (modules.count, context.count)
        if roots == markedRoots { return }
        var walk = WorldWalk(marking: true)
        addWorldRoots(to: &walk)
        walk.run()
        if walk.foundContainer { worldTainted = true }
        markedRoots = roots
    }

    /// An order-independent digest of the shared world's contents (which names hold which objects and scalars).
    /// Debug builds check after every session that an untainted world is unchanged, so a write path that forgets
    /// to `touch` fails the test suite instead of leaking one snippet's changes into another's session.
    func sharedWorldDigest() -> Int {
        var walk = WorldWalk(marking: false)
        addWorldRoots(to: &walk)
        walk.run()
        return walk.digest
    }

    private func addWorldRoots(to walk: inout WorldWalk) {
        for module in modules.values { walk.add(.object(module)) }
        for value in builtins.values { walk.add(value) }
        for value in context.values {
            if let state = value as? TorchState {
                for value in state.pythonValues { walk.add(value) }
            } else if let object = value as? PyObject {
                walk.add(.object(object))
            }
        }
        for cls in types.allClasses { walk.add(.object(cls)) }
    }

    /// Records a write to `object`: a write to a shared object taints the world.
    @inline(__always)
    func touch(_ object: PyObject) {
        if object.isShared { worldTainted = true }
    }

    /// Starts a new session in this (fresh or pooled) interpreter.
    func beginSession(filename: String, limits: SnippetLimits) {
        self.filename = filename
        self.limits = limits
        memory = MemoryBudget(limit: limits.maxMemoryBytes)
        globals = Scope(info: nil, parent: nil, module: nil)
        globals.vars["__name__"] = .str("__main__")
        globalOrder = []
        output = ""
        outputBytes = 0
        steps = 0
        sourceLines = [:]
        handling = []
        frames = []
        objectIds = [:]
        nativeDepth = 0
        cachedTorchState?.beginSession(budget: memory)
    }

    /// Ends the session: returns true when the interpreter can serve another one (its world is untouched), after
    /// emptying the session's own objects; otherwise tears everything down and returns false.
    func finishSession() -> Bool {
        guard worldPrepared && !worldTainted else {
            tearDown()
            return false
        }
        #if DEBUG
        precondition(sharedWorldDigest() == worldDigest, "a snippet changed the shared world without tainting it")
        #endif
        markWorldShared()
        #if DEBUG
        worldDigest = sharedWorldDigest()
        #endif
        tearDownSession()
        beginSession(filename: filename, limits: limits)
        return true
    }
}

/// Walks the world depth first with its own stack (deeply nested values cannot overflow the native stack): either
/// marking what it reaches shared, or, over objects already shared, summing a digest of their contents.
private struct WorldWalk {
    let marking: Bool
    private(set) var digest = 0
    /// Whether a list, dict or set was reached (marking).
    private(set) var foundContainer = false
    private var values: [PyValue] = []
    private var scopes: [Scope] = []
    private var seen: Set<ObjectIdentifier> = []
    private var tuples = TupleMemo()

    init(marking: Bool) { self.marking = marking }

    mutating func add(_ value: PyValue) {
        switch value {
        case .none, .bool, .int, .float, .str: return
        default: values.append(value)
        }
    }

    mutating func run() {
        while true {
            if let scope = scopes.popLast() {
                guard enter(scope, shared: &scope.isShared) else { continue }
                record(scope, scope.vars)
                record(scope, scope.slots.map { $0 ?? .none })
                for value in scope.vars.values { add(value) }
                for case let value? in scope.slots { add(value) }
                if let parent = scope.parent { scopes.append(parent) }
                if let module = scope.module { scopes.append(module) }
            } else if let value = values.popLast() {
                visit(value)
            } else {
                break
            }
        }
        tuples.release()
    }

    /// Whether to walk into `object`: marking, the first time it is reached unmarked; digesting, the first time
    /// it is reached if it is shared.
    private mutating func enter(_ object: AnyObject, shared: inout Bool) -> Bool {
        if marking {
            guard !shared else { return false }
            shared = true
            return true
        }
        return shared && seen.insert(ObjectIdentifier(object)).inserted
    }

    private mutating func record(_ owner: AnyObject, _ entries: [String: PyValue]) {
        guard !marking else { return }
        var sum = ObjectIdentifier(owner).hashValue &+ entries.count
        for (key, value) in entries { sum &+= key.hashValue &* 31 &+ WorldWalk.hash(value) }
        digest &+= sum &* 1_000_003
    }

    private mutating func record(_ owner: AnyObject, _ items: [PyValue]) {
        guard !marking else { return }
        var sum = ObjectIdentifier(owner).hashValue &+ items.count
        for (i, value) in items.enumerated() { sum &+= (i &+ 1) &* WorldWalk.hash(value) }
        digest &+= sum &* 1_000_003
    }

    /// Scalars by value, references by identity, tuples by their items' hashes.
    private static func hash(_ value: PyValue) -> Int {
        switch value {
        case .none: return 1
        case .bool(let b): return b ? 2 : 3
        case .int(let i): return i.hashValue
        case .float(let d): return d.bitPattern.hashValue
        case .str(let s): return s.hashValue
        case .tuple(let items):
            var sum = items.count
            for (i, item) in items.enumerated() { sum &+= (i &+ 1) &* hash(item) }
            return sum
        case .list(let list): return ObjectIdentifier(list).hashValue
        case .dict(let dict): return ObjectIdentifier(dict).hashValue
        case .object(let object): return ObjectIdentifier(object).hashValue
        }
    }

    private mutating func visit(_ value: PyValue) {
        switch value {
        case .none, .bool, .int, .float, .str:
            return
        case .tuple(let items):
            guard tuples.firstVisit(items) else { return }
            for item in items { add(item) }
        case .list(let list):
            guard enter(list, shared: &list.isShared) else { return }
            foundContainer = true
            record(list, list.items)
            for item in list.items { add(item) }
        case .dict(let dict):
            guard enter(dict, shared: &dict.isShared) else { return }
            foundContainer = true
            let entries = dict.entries
            record(dict, entries.flatMap { [$0.0, $0.1] })
            for (key, value) in entries {
                add(key)
                add(value)
            }
        case .object(let object):
            // The process-wide singletons are immutable and shared by every thread: never written to.
            guard !(object is PySingleton), enter(object, shared: &object.isShared) else { return }
            visit(object)
        }
    }

    /// Follows (and, digesting, records) what the object holds, and an instance's class.
    private mutating func visit(_ object: PyObject) {
        if let instance = object as? PyInstance { add(.object(instance.cls)) }
        if object is PySet { foundContainer = true }
        var sum = 0, count = 0
        object.forEachReference({ name, value in
            count += 1
            // Each entry hashed with its name, other items with their position; summed, so independent of
            // dictionary order.
            if !marking {
                var pair = Hasher()
                if let name { pair.combine(name) } else { pair.combine(count) }
                pair.combine(WorldWalk.hash(value))
                sum &+= pair.finalize()
            }
            add(value)
        }, scope: { scopes.append($0) })
        if !marking { digest &+= (ObjectIdentifier(object).hashValue &+ count &+ sum) &* 1_000_003 }
    }
}
