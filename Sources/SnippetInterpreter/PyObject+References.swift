/// What an object holds directly, for the walks over a session's object graph (`Interpreter+Teardown.swift`,
/// `Interpreter+World.swift`): one list of object kinds and their contents, so the walks cannot disagree.
extension PyObject {
    /// Every value (with its name where it is a dictionary entry) and scope this object holds, not counting an
    /// instance's class. Builtin functions, iterators, ranges and singletons hold none the walks follow.
    func forEachReference(_ value: (String?, PyValue) -> Void, scope: (Scope) -> Void) {
        switch self {
        case let instance as PyInstance:
            for (name, item) in instance.attributes { value(name, item) }
            if let returned = instance.native as? ReturnTypesValue { for item in returned.items { value(nil, item) } }
        case let cls as PyClass:
            for (name, item) in cls.dict { value(name, item) }
            for base in cls.mro + cls.bases { value(nil, .object(base)) }
        case let function as PyFunction:
            for (name, item) in function.defaults { value(name, item) }
            for (name, item) in function.attributes { value(name, item) }
            scope(function.globals)
            if let closure = function.closure { scope(closure) }
        case let module as PyModule:
            for (name, item) in module.attributes { value(name, item) }
        case let set as PySet:
            for element in set.elements { value(nil, element) }
        case let method as PyBoundMethod:
            value(nil, method.receiver)
            value(nil, method.function)
        case let method as PyStaticMethod:
            value(nil, method.function)
        case let method as PyClassMethod:
            value(nil, method.function)
        case let property as PyProperty:
            for item in [property.getter, property.setter, property.deleter] { value(nil, item) }
        case let proxy as PySuper:
            value(nil, proxy.receiver)
            value(nil, .object(proxy.startAfter))
        case let slice as PySlice:
            for item in [slice.start, slice.stop, slice.step] { value(nil, item) }
        case let view as PyDictView:
            value(nil, .dict(view.dict))
        default:
            return
        }
    }

    /// Drops what the object holds that could close a reference cycle (a teardown: the object is not used again).
    func dropReferences() {
        switch self {
        case let instance as PyInstance:
            instance.attributes = [:]
            instance.native = nil
            instance.tensorBox = nil
            instance.traceback = []
            instance.suggestion = nil
        case let cls as PyClass:
            cls.dict = [:]
            cls.mro = []
            cls.bases = []
            cls.construct = nil
            cls.clearLookupCache()
        case let function as PyFunction:
            function.defaults = [:]
            function.positionalDefaults = []
            function.attributes = [:]
        case let module as PyModule:
            module.attributes = [:]
        case let set as PySet:
            set.removeAll()
        case let property as PyProperty:
            property.getter = .none
            property.setter = .none
            property.deleter = .none
        default:
            return
        }
    }
}

/// Tuple buffers a walk has entered: shared tuples nest into DAGs (`t = (t, t)`) that a plain walk would revisit
/// exponentially often. The buffers are kept alive until the walk ends so their addresses stay unique.
struct TupleMemo {
    private var seen: Set<UnsafeRawPointer> = []
    private var kept: [[PyValue]] = []

    /// True the first time `items`' buffer is met (empty tuples have none and are never entered).
    mutating func firstVisit(_ items: [PyValue]) -> Bool {
        guard let address = items.withUnsafeBufferPointer({ $0.baseAddress }),
              seen.insert(UnsafeRawPointer(address)).inserted else { return false }
        kept.append(items)
        return true
    }

    mutating func release() { kept.removeAll() }
}
