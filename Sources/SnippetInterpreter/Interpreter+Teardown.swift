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
                for cls in [state.tensorClass, state.parameterClass, state.dtypeClass, state.sizeClass, state.generatorClass,
                            state.deviceClass] { walk.add(.object(cls)) }
                for value in state.dtypeObjects.values { walk.add(value) }
                for value in state.functions.values { walk.add(value) }
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
    /// Tuple buffers already walked: shared tuples nest into DAGs (`t = (t, t)`) that a plain walk would revisit
    /// exponentially often. The buffers are kept alive until the walk ends so their addresses stay unique.
    private var seenTuples: Set<UnsafeRawPointer> = []
    private var keptTuples: [[PyValue]] = []

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
        keptTuples.removeAll()
    }

    private mutating func firstVisit(_ object: AnyObject) -> Bool { seen.insert(ObjectIdentifier(object)).inserted }

    private mutating func visit(_ scope: Scope) {
        guard !(keepShared && scope.isShared), firstVisit(scope) else { return }
        let vars = scope.vars
        scope.vars = [:]
        for value in vars.values { add(value) }
        if let parent = scope.parent { scopes.append(parent) }
        if let module = scope.module { scopes.append(module) }
    }

    private mutating func visit(_ value: PyValue) {
        switch value {
        case .none, .bool, .int, .float, .str:
            return
        case .tuple(let items):
            guard let address = items.withUnsafeBufferPointer({ $0.baseAddress }) else { return }
            guard seenTuples.insert(UnsafeRawPointer(address)).inserted else { return }
            keptTuples.append(items)
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

    private mutating func visit(_ object: PyObject) {
        switch object {
        case let instance as PyInstance:
            let attributes = instance.attributes
            instance.attributes = [:]
            for value in attributes.values { add(value) }
            if let returned = instance.native as? ReturnTypesValue { for value in returned.items { add(value) } }
            instance.native = nil
            instance.traceback = []
            instance.suggestion = nil
        case let cls as PyClass:
            let dict = cls.dict
            cls.dict = [:]
            for value in dict.values { add(value) }
            for base in cls.mro + cls.bases { add(.object(base)) }
            cls.mro = []
            cls.bases = []
            cls.construct = nil
            cls.clearLookupCache()
        case let function as PyFunction:
            for value in function.defaults.values { add(value) }
            for value in function.attributes.values { add(value) }
            function.defaults = [:]
            function.attributes = [:]
            scopes.append(function.globals)
            if let closure = function.closure { scopes.append(closure) }
        case let module as PyModule:
            let attributes = module.attributes
            module.attributes = [:]
            for value in attributes.values { add(value) }
        case let set as PySet:
            let elements = set.elements
            set.removeAll()
            for element in elements { add(element) }
        case let method as PyBoundMethod:
            add(method.receiver)
            add(method.function)
        case let method as PyStaticMethod:
            add(method.function)
        case let method as PyClassMethod:
            add(method.function)
        case let property as PyProperty:
            for value in [property.getter, property.setter, property.deleter] { add(value) }
            property.getter = .none
            property.setter = .none
            property.deleter = .none
        case let proxy as PySuper:
            add(proxy.receiver)
            add(.object(proxy.startAfter))
        case let slice as PySlice:
            for value in [slice.start, slice.stop, slice.step] { add(value) }
        case let view as PyDictView:
            add(.dict(view.dict))
        default:
            // Builtin functions, iterators, ranges and singletons hold no values the walk can empty.
            return
        }
    }
}
