/// Freeing a finished session. Snippet values form reference cycles ARC never frees (`x.append(x)`, a class in its
/// own MRO, every function's globals holding the function, the `torch.nn` prelude's modules and classes), so the
/// session empties every container it can reach before it goes: what is left has no cycles and ARC frees it.
extension Interpreter {
    /// Empties every list, dict, set, scope, instance, class, function and module reachable from the session's
    /// roots. Nothing from the session may be used afterwards. AST nodes (`FunctionCode`, shared with other sessions)
    /// are never touched. Iterative, so deeply nested values cannot overflow the native stack.
    func tearDown() {
        var walk = TeardownWalk()
        walk.add(globals)
        for module in modules.values { walk.add(.object(module)) }
        for value in builtins.values { walk.add(value) }
        for value in context.values {
            if let state = value as? TorchState {
                for value in state.pythonValues { walk.add(value) }
            } else {
                walk.addNative(value)
            }
        }
        walk.addNative(types)
        for exception in handling { walk.add(.object(exception)) }
        for frame in frames {
            walk.add(frame.scope)
            if let function = frame.function { walk.add(.object(function)) }
        }
        for key in objectIds.keys { walk.add(key.value) }
        modules.removeAll()
        builtins.removeAll()
        context.removeAll()
        cachedTorchState = nil
        moduleFastPaths = nil
        handling.removeAll()
        frames.removeAll()
        objectIds.removeAll()
        moduleFactories.removeAll()
        walk.run()
    }

    /// Empties what the finished session reached from its own roots (globals, frames, exceptions being handled,
    /// `id()`'s table) without entering the shared world, which stays for the next session (`finishSession()`).
    func tearDownSession() {
        var walk = TeardownWalk(keepShared: true)
        walk.add(globals)
        for exception in handling { walk.add(.object(exception)) }
        for frame in frames {
            walk.add(frame.scope)
            if let function = frame.function { walk.add(.object(function)) }
        }
        for key in objectIds.keys { walk.add(key.value) }
        handling.removeAll()
        frames.removeAll()
        objectIds.removeAll()
        walk.run()
    }
}

/// A depth-first walk that empties each object the first time it sees it, keeping the contents on its own stack
/// (so no object's deallocation cascades into a deep native recursion).
private struct TeardownWalk {
    /// Leave objects of a pooled interpreter's shared world untouched (a session's teardown).
    let keepShared: Bool
    private var values: [PyValue] = []
    private var scopes: [Scope] = []
    private var seen: Set<ObjectIdentifier> = []
    private var tuples = TupleMemo()

    init(keepShared: Bool = false) { self.keepShared = keepShared }

    mutating func add(_ value: PyValue) {
        switch value {
        case .none, .bool, .int, .float, .str: return
        default: values.append(value)
        }
    }

    mutating func add(_ scope: Scope) { scopes.append(scope) }

    /// Roots that are Swift objects holding Python values in stored properties (`BuiltinTypes`, other natives'
    /// per-session state): their `PyValue`, `PyObject` and collection properties, two levels deep (by reflection,
    /// so it is kept off large state such as `TorchState`'s random generator).
    mutating func addNative(_ root: Any, depth: Int = 0) {
        if let value = root as? PyValue { return add(value) }
        if let object = root as? PyObject { return add(.object(object)) }
        guard depth < 3 else { return }
        for child in Mirror(reflecting: root).children { addNative(child.value, depth: depth + 1) }
    }

    mutating func run() {
        while true {
            if let scope = scopes.popLast() {
                visit(scope)
            } else if let value = values.popLast() {
                visit(value)
            } else {
                break
            }
        }
        tuples.release()
    }

    private mutating func firstVisit(_ object: AnyObject) -> Bool { seen.insert(ObjectIdentifier(object)).inserted }

    private mutating func visit(_ scope: Scope) {
        guard !(keepShared && scope.isShared), firstVisit(scope) else { return }
        let vars = scope.vars
        let slots = scope.slots
        scope.vars = [:]
        scope.slots = []
        for value in vars.values { add(value) }
        for case let value? in slots { add(value) }
        if let parent = scope.parent { scopes.append(parent) }
        if let module = scope.module { scopes.append(module) }
    }

    private mutating func visit(_ value: PyValue) {
        switch value {
        case .none, .bool, .int, .float, .str:
            return
        case .tuple(let items):
            guard tuples.firstVisit(items) else { return }
            for item in items { add(item) }
        case .list(let list):
            guard !(keepShared && list.isShared), firstVisit(list) else { return }
            let items = list.items
            list.items = []
            for item in items { add(item) }
        case .dict(let dict):
            guard !(keepShared && dict.isShared), firstVisit(dict) else { return }
            let entries = dict.entries
            dict.removeAll()
            for (key, value) in entries {
                add(key)
                add(value)
            }
        case .object(let object):
            guard !(keepShared && object.isShared), firstVisit(object) else { return }
            visit(object)
        }
    }

    /// Empties the object after taking what it held onto the walk's stack.
    private mutating func visit(_ object: PyObject) {
        object.forEachReference({ add($1) }, scope: { scopes.append($0) })
        object.dropReferences()
    }
}
