/// A Python value. Scalars and strings are stored inline; everything mutable or shared is a reference.
enum PyValue {
    case none
    case bool(Bool)
    case int(Int)
    case float(Double)
    case str(String)
    case tuple([PyValue])
    case list(PyList)
    case dict(PyDict)
    case object(PyObject)

    static var notImplemented: PyValue { .object(PySingleton.notImplemented) }
    static var ellipsis: PyValue { .object(PySingleton.ellipsis) }

    var isNone: Bool { if case .none = self { true } else { false } }

    var isNotImplemented: Bool {
        if case .object(let o) = self, o === PySingleton.notImplemented { return true }
        return false
    }

    /// Identity as Python's `is` sees it (small values compare by value, like CPython's caches).
    func isIdentical(to other: PyValue) -> Bool {
        switch (self, other) {
        case (.none, .none): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.int(let a), .int(let b)): return a == b
        case (.float(let a), .float(let b)): return a.bitPattern == b.bitPattern
        case (.str(let a), .str(let b)): return a == b
        case (.tuple(let a), .tuple(let b)): return a.isEmpty && b.isEmpty
        case (.list(let a), .list(let b)): return a === b
        case (.dict(let a), .dict(let b)): return a === b
        case (.object(let a), .object(let b)): return a === b
        default: return false
        }
    }
}

/// Base of every heap object that is not a list or dict.
class PyObject {
    /// Part of a pooled interpreter's world (`Interpreter+World.swift`): kept across sessions, never emptied by a
    /// session's teardown, and a snippet writing to it makes the world unusable for the next session.
    final var isShared = false
}

final class PySingleton: PyObject, @unchecked Sendable {
    let name: String
    init(name: String) { self.name = name }
    static let notImplemented = PySingleton(name: "NotImplemented")
    static let ellipsis = PySingleton(name: "Ellipsis")
}

final class PyList {
    /// Part of a pooled interpreter's world (see `PyObject.isShared`).
    var isShared = false
    /// Appends and extends are charged to the session's memory budget here (the new tail); removals are released
    /// lazily once the list is under half its charged length, or exactly by the methods that know what they remove.
    var items: [PyValue] {
        didSet { if let budget { account(budget) } }
    }
    /// The budget of the session that created the list (nil outside a running session: prelude, tests).
    private let budget: MemoryBudget?
    private var chargedCount = 0
    private var chargedBytes = 0

    init(_ items: [PyValue]) {
        self.items = items
        budget = MemoryBudget.current
        if let budget { recharge(budget) }
    }

    private func account(_ budget: MemoryBudget) {
        let count = items.count
        if count > chargedCount {
            var bytes = (count - chargedCount) * MemoryBudget.slotBytes
            for i in chargedCount..<count { bytes &+= MemoryBudget.payloadBytes(items[i]) }
            chargedCount = count
            chargedBytes &+= bytes
            budget.add(bytes)
        } else if count < chargedCount / 2 || count == 0 {
            recharge(budget)
        }
    }

    /// Recomputes the charge from the contents (after slice assignments and large shrinks).
    func recharge() { if let budget { recharge(budget) } }

    private func recharge(_ budget: MemoryBudget) {
        let bytes = MemoryBudget.objectBytes + items.count * MemoryBudget.slotBytes + MemoryBudget.payloadBytes(items)
        budget.add(bytes - chargedBytes)
        chargedBytes = bytes
        chargedCount = items.count
    }

    /// Charges `added` and releases `removed` before a mutation the tail scan cannot see (`l[i] = v`, `insert`,
    /// `pop`, `remove`, `del l[i]`); `slots` is the change in length the mutation makes.
    func adjustCharge(adding added: PyValue?, removing removed: PyValue?, slots: Int) {
        guard let budget else { return }
        var bytes = slots * MemoryBudget.slotBytes
        if let added { bytes &+= MemoryBudget.payloadBytes(added) }
        if let removed { bytes &-= MemoryBudget.payloadBytes(removed) }
        chargedCount = max(0, chargedCount + slots)
        let charged = max(0, chargedBytes &+ bytes)
        budget.add(charged - chargedBytes)
        chargedBytes = charged
    }

    /// Frees nested lists iteratively: `x = [x]` a million times must not overflow the native stack.
    deinit {
        budget?.add(-chargedBytes)
        var pending: [PyList] = []
        PyList.detachLists(&items, into: &pending)
        while !pending.isEmpty {
            var list = pending.removeLast()
            if isKnownUniquelyReferenced(&list) { PyList.detachLists(&list.items, into: &pending) }
        }
    }

    private static func detachLists(_ items: inout [PyValue], into pending: inout [PyList]) {
        for i in items.indices {
            if case .list(let inner) = items[i] {
                items[i] = .none
                pending.append(inner)
            }
        }
    }
}

/// Hashable key with Python equality for the hashable builtins (1 == 1.0 == True); objects hash by identity.
struct PyKey: Hashable {
    let value: PyValue
    /// Result of a user-defined `__hash__`; such keys compare with the class's `__eq__` through `interpreter`.
    var customHash: Int?
    var equality: KeyEquality?

    init(value: PyValue) { self.value = value }

    init(value: PyValue, customHash: Int, equality: KeyEquality) {
        self.value = value
        self.customHash = customHash
        self.equality = equality
    }

    static func == (lhs: PyKey, rhs: PyKey) -> Bool {
        if let interp = (lhs.equality ?? rhs.equality)?.interpreter, lhs.customHash != nil || rhs.customHash != nil {
            if lhs.value.isIdentical(to: rhs.value) { return true }
            return (try? interp.equals(lhs.value, rhs.value)) ?? false
        }
        return PyKey.equal(lhs.value, rhs.value)
    }

    static func equal(_ a: PyValue, _ b: PyValue) -> Bool {
        switch (a, b) {
        case (.str(let x), .str(let y)): return x == y
        case (.none, .none): return true
        case (.tuple(let x), .tuple(let y)):
            return x.count == y.count && zip(x, y).allSatisfy { equal($0, $1) }
        case (.object(let x), .object(let y)): return x === y
        default:
            if let x = a.numericValue, let y = b.numericValue { return x == y }
            return false
        }
    }

    func hash(into hasher: inout Hasher) {
        if let customHash { hasher.combine(customHash) } else { PyKey.hash(value, into: &hasher) }
    }

    static func hash(_ value: PyValue, into hasher: inout Hasher) {
        switch value {
        case .none: hasher.combine(0)
        case .bool(let b): hasher.combine(b ? 1 : 0)
        case .int(let i): hasher.combine(i)
        case .float(let d):
            if d == d.rounded(), abs(d) < 9.2e18 { hasher.combine(Int(d)) } else { hasher.combine(d) }
        case .str(let s): hasher.combine(s)
        case .tuple(let items):
            hasher.combine(items.count)
            for item in items { hash(item, into: &hasher) }
        case .object(let o): hasher.combine(ObjectIdentifier(o))
        case .list(let l): hasher.combine(ObjectIdentifier(l))
        case .dict(let d): hasher.combine(ObjectIdentifier(d))
        }
    }
}

extension PyValue {
    /// Exact numeric view of bool/int/float for cross-type equality.
    var numericValue: Double? {
        switch self {
        case .bool(let b): return b ? 1 : 0
        case .int(let i): return Double(i)
        case .float(let d): return d
        default: return nil
        }
    }
}

/// Lets keys with a user-defined `__hash__` call the class's `__eq__` (weak: keys must not keep a session alive).
final class KeyEquality {
    weak var interpreter: Interpreter?
    init(_ interpreter: Interpreter) { self.interpreter = interpreter }
}

/// Insertion-ordered dictionary (Python 3.7+ semantics).
final class PyDict {
    /// Part of a pooled interpreter's world (see `PyObject.isShared`).
    var isShared = false
    private(set) var keys: [PyKey?] = []
    private var index: [PyKey: Int] = [:]
    private var storage: [PyValue] = []
    private(set) var count = 0
    /// The budget of the session that created the dict; each entry is charged exactly as it is stored or removed.
    private let budget = MemoryBudget.current
    private var chargedBytes = 0
    /// Whether a key with a user-defined `__hash__` was ever stored (its `__eq__` runs during lookups).
    private var hasUserKeys = false

    init() { charge(MemoryBudget.objectBytes) }

    deinit { budget?.add(-chargedBytes) }

    subscript(key: PyKey) -> PyValue? {
        get { index[key].map { storage[$0] } }
        set {
            if let value = newValue {
                // One hash lookup finds the entry or reserves the next position for it. With keys whose class defines
                // `__eq__` it takes two: Python code must not run inside the table's exclusive access.
                let next = keys.count
                let userEquality = hasUserKeys || key.customHash != nil
                let i = userEquality ? index[key] ?? next : Self.slot(&index[key, default: next])
                if i == next && userEquality {
                    index[key] = next
                    hasUserKeys = true
                }
                if i < next {
                    if budget != nil { charge(MemoryBudget.payloadBytes(value) - MemoryBudget.payloadBytes(storage[i])) }
                    storage[i] = value
                } else {
                    keys.append(key)
                    storage.append(value)
                    count += 1
                    if budget != nil { charge(entryBytes(key, value)) }
                }
            } else if let i = index.removeValue(forKey: key) {
                if budget != nil { charge(-entryBytes(keys[i]!, storage[i])) }
                keys[i] = nil
                storage[i] = .none
                count -= 1
                if keys.count > 32 && count < keys.count / 2 { compact() }
            }
        }
    }

    @inline(__always)
    private static func slot(_ position: inout Int) -> Int { position }

    private func entryBytes(_ key: PyKey, _ value: PyValue) -> Int {
        MemoryBudget.entryBytes + MemoryBudget.payloadBytes(key.value) + MemoryBudget.payloadBytes(value)
    }

    private func charge(_ bytes: Int) {
        guard let budget else { return }
        let charged = max(0, chargedBytes &+ bytes)
        budget.add(charged - chargedBytes)
        chargedBytes = charged
    }

    private func compact() {
        var newKeys: [PyKey?] = []
        var newStorage: [PyValue] = []
        index.removeAll(keepingCapacity: true)
        for (i, key) in keys.enumerated() {
            if let key {
                index[key] = newKeys.count
                newKeys.append(key)
                newStorage.append(storage[i])
            }
        }
        keys = newKeys
        storage = newStorage
    }

    var entries: [(key: PyValue, value: PyValue)] {
        var result: [(key: PyValue, value: PyValue)] = []
        result.reserveCapacity(count)
        for (i, key) in keys.enumerated() { if let key { result.append((key.value, storage[i])) } }
        return result
    }

    var keyValues: [PyValue] { keys.compactMap { $0?.value } }

    /// Entries with their original keys (which keep any user-defined hash).
    var keyedEntries: [(key: PyKey, value: PyValue)] {
        var result: [(key: PyKey, value: PyValue)] = []
        for (i, key) in keys.enumerated() { if let key { result.append((key, storage[i])) } }
        return result
    }

    func removeAll() {
        keys = []
        index = [:]
        storage = []
        count = 0
        charge(MemoryBudget.objectBytes - chargedBytes)
    }

    func copy() -> PyDict {
        let result = PyDict()
        for (k, v) in keyedEntries { result[k] = v }
        return result
    }
}

final class PyRange: PyObject {
    let start: Int, stop: Int, step: Int
    init(start: Int, stop: Int, step: Int) {
        self.start = start
        self.stop = stop
        self.step = step
    }
    var count: Int {
        if step > 0 { return start < stop ? (stop - start - 1) / step + 1 : 0 }
        return start > stop ? (start - stop - 1) / (-step) + 1 : 0
    }
}

final class PySlice: PyObject {
    let start: PyValue, stop: PyValue, step: PyValue
    init(start: PyValue, stop: PyValue, step: PyValue) {
        self.start = start
        self.stop = stop
        self.step = step
    }
}

/// A lexical scope: module globals, a function call's locals, a class body or a comprehension.
final class Scope {
    /// The scope's names, except a function call's own locals, which are in `slots`.
    var vars: [String: PyValue] = [:]
    /// A function call's locals by `info.slots` index (nil: unbound); empty for other scopes.
    var slots: [PyValue?] = []
    /// Whether `vars` may hold a name that `info.localMask` rules out (a walrus target stored from a comprehension,
    /// `from m import *` in a function): `lookup` then reads `vars` for every name instead of trusting the mask.
    var hasUndeclaredNames = false
    /// A module scope of a pooled interpreter's world (see `PyObject.isShared`).
    var isShared = false
    let info: ScopeInfo?
    let parent: Scope?
    let isClassBody: Bool
    var isComprehension = false
    /// The module (globals) scope this scope's code belongs to; nil for a module scope itself.
    let module: Scope?
    init(info: ScopeInfo?, parent: Scope?, module: Scope?, isClassBody: Bool = false) {
        self.info = info
        self.parent = parent
        self.module = module
        self.isClassBody = isClassBody
    }

    /// A function call's scope with every slot unbound.
    init(function info: ScopeInfo, parent: Scope?, module: Scope) {
        self.info = info
        self.parent = parent
        self.module = module
        isClassBody = false
        let count = info.slotCount
        if count > 0 {
            // Appended into reserved space: `Array(repeating:count:)` takes the unspecialised generic path.
            slots.reserveCapacity(count)
            for _ in 0..<count { slots.append(nil) }
        }
    }

    var moduleScope: Scope { module ?? self }

    /// The slot of `name` when it is one of this function call's locals.
    @inline(__always)
    func slot(of name: String) -> Int? {
        guard !slots.isEmpty, let info else { return nil }
        return info.slots[name]
    }

    /// The value bound to `name` in this scope itself (a slot or `vars`), nil when unbound.
    func local(_ name: String) -> PyValue? {
        if let slot = slot(of: name) { return slots[slot] }
        return vars[name]
    }

    /// Binds `name` in this scope itself (a slot or `vars`).
    func setLocal(_ name: String, _ value: PyValue) {
        if let slot = slot(of: name) { slots[slot] = value } else { vars[name] = value }
    }

    /// The names bound in this scope itself, sorted (for "Did you mean" suggestions).
    var boundNames: [String] {
        var names = Array(vars.keys)
        if let info, !slots.isEmpty {
            for (name, slot) in info.slots where slots[slot] != nil { names.append(name) }
        }
        return names.sorted()
    }

    /// Whether `vars` may hold `name`: false only for a function or comprehension scope whose locals rule it out.
    @inline(__always)
    func mayBind(_ name: String) -> Bool {
        guard let info, !hasUndeclaredNames else { return true }
        return info.localMask.mayContain(name)
    }
}

final class PyFunction: PyObject {
    let code: FunctionCode
    let globals: Scope
    let closure: Scope?
    var defaults: [String: PyValue]
    /// `defaults` of `code.positionalNames`, by position: binding a call fills missing arguments without hashing.
    /// Emptied with `defaults` by a teardown (`dropReferences`).
    var positionalDefaults: [PyValue?]
    var name: String
    var qualname: String
    weak var definingClass: PyClass?
    var attributes: [String: PyValue] = [:]
    /// Prelude functions are hidden from tracebacks.
    var hidden = false
    init(code: FunctionCode, globals: Scope, closure: Scope?, defaults: [String: PyValue], qualname: String) {
        self.code = code
        self.globals = globals
        self.closure = closure
        self.defaults = defaults
        positionalDefaults = defaults.isEmpty ? [] : code.positionalNames.map { defaults[$0] }
        self.name = code.name
        self.qualname = qualname
    }
}

/// Keyword arguments in call order.
typealias KwArgs = [(String, PyValue)]

/// Signature of every native (Swift) callable: positional and keyword arguments.
typealias NativeFn = (Interpreter, [PyValue], KwArgs) throws -> PyValue

final class PyBuiltinFunction: PyObject {
    let name: String
    let fn: NativeFn
    /// Owning type name for method reprs (`<method 'append' of 'list' objects>`).
    let ownerName: String?
    init(_ name: String, owner: String? = nil, _ fn: @escaping NativeFn) {
        self.name = name
        self.ownerName = owner
        self.fn = fn
    }
}

final class PyBoundMethod: PyObject {
    let receiver: PyValue
    let function: PyValue
    init(receiver: PyValue, function: PyValue) {
        self.receiver = receiver
        self.function = function
    }
}

final class PyStaticMethod: PyObject {
    let function: PyValue
    init(_ function: PyValue) { self.function = function }
}

final class PyClassMethod: PyObject {
    let function: PyValue
    init(_ function: PyValue) { self.function = function }
}

final class PyProperty: PyObject {
    var getter: PyValue
    var setter: PyValue
    var deleter: PyValue
    init(getter: PyValue, setter: PyValue = .none, deleter: PyValue = .none) {
        self.getter = getter
        self.setter = setter
        self.deleter = deleter
    }
}

final class PySuper: PyObject {
    let startAfter: PyClass
    let receiver: PyValue
    init(startAfter: PyClass, receiver: PyValue) {
        self.startAfter = startAfter
        self.receiver = receiver
    }
}

/// A module: builtin (`math`), native (`torch`) or prelude-backed.
final class PyModule: PyObject {
    let name: String
    var attributes: [String: PyValue] = [:]
    init(name: String) { self.name = name }
}

/// Python class object; builtin types (`int`, `list`, exceptions) are instances too.
final class PyClass: PyObject {
    /// Counts changes to any class dictionary of one interpreter: every class shares its first base's counter, so
    /// all descend from the interpreter's `object` and its counter. Lookup caches are valid while it stands still.
    final class Epoch {
        var value = 0
    }

    let name: String
    var bases: [PyClass]
    var mro: [PyClass] = []
    var dict: [String: PyValue] = [:] {
        didSet { epoch.value &+= 1 }
    }
    let isBuiltin: Bool
    var module = "__main__"
    /// Constructor for builtin types (`int(x)`, `list(x)`, native classes); receives the class being instantiated.
    var construct: ((Interpreter, PyClass, [PyValue], KwArgs) throws -> PyValue)?
    let epoch: Epoch
    /// `lookupWithOwner` results (misses too) while `epoch` is `cacheEpoch`: a method call or attribute access
    /// walked the whole MRO, hashing the name once per class, every time.
    private var cache: [String: (PyValue, PyClass)?] = [:]
    private var cacheEpoch = -1
    /// `definesGetattribute` and `getattrHook` while `epoch` is `hooksEpoch`.
    private var getattributeCache = false
    private var getattrCache: PyValue?
    private var hooksEpoch = -1

    init(name: String, bases: [PyClass], isBuiltin: Bool) {
        self.name = name
        self.bases = bases
        self.isBuiltin = isBuiltin
        epoch = bases.first?.epoch ?? Epoch()
        super.init()
        mro = [self] + PyClass.linearize(bases)
    }

    /// Drops cached lookups (a teardown: they hold values and would keep cycles alive).
    func clearLookupCache() {
        cache = [:]
        cacheEpoch = -1
        getattrCache = nil
        hooksEpoch = -1
    }

    /// C3 linearization of the bases (falls back to depth-first on conflicts).
    static func linearize(_ bases: [PyClass]) -> [PyClass] {
        var sequences = bases.map { $0.mro } + [bases]
        var result: [PyClass] = []
        while true {
            sequences = sequences.filter { !$0.isEmpty }
            if sequences.isEmpty { return result }
            var candidate: PyClass?
            for seq in sequences {
                let head = seq[0]
                if !sequences.contains(where: { $0.dropFirst().contains { $0 === head } }) {
                    candidate = head
                    break
                }
            }
            guard let next = candidate else {
                for seq in sequences { for c in seq where !result.contains(where: { $0 === c }) { result.append(c) } }
                return result
            }
            result.append(next)
            sequences = sequences.map { seq in seq.first === next ? Array(seq.dropFirst()) : seq }
        }
    }

    func lookup(_ name: String) -> PyValue? {
        lookupWithOwner(name)?.0
    }

    /// Finds `name` in the MRO and the class that defines it.
    func lookupWithOwner(_ name: String) -> (PyValue, PyClass)? {
        if cacheEpoch != epoch.value {
            cache.removeAll(keepingCapacity: true)
            cacheEpoch = epoch.value
        }
        if let hit = cache[name] { return hit }
        var found: (PyValue, PyClass)?
        for cls in mro {
            if let value = cls.dict[name] {
                found = (value, cls)
                break
            }
        }
        cache.updateValue(found, forKey: name)
        return found
    }

    func isSubclass(of other: PyClass) -> Bool { mro.contains { $0 === other } }

    /// Whether the MRO defines `__getattribute__`; every method call asks, so the answer is kept per epoch.
    var definesGetattribute: Bool {
        refreshHooks()
        return getattributeCache
    }

    /// `lookup("__getattr__")`, kept per epoch: every attribute an `nn.Module` keeps in `_parameters` or `_modules`
    /// (`self.weight`) misses the class and the instance first.
    var getattrHook: PyValue? {
        refreshHooks()
        return getattrCache
    }

    private func refreshHooks() {
        if hooksEpoch == epoch.value { return }
        getattributeCache = lookup("__getattribute__") != nil
        getattrCache = lookup("__getattr__")
        hooksEpoch = epoch.value
    }
}

/// An instance of a Python class (including exceptions and native objects such as tensors).
final class PyInstance: PyObject {
    let cls: PyClass
    var attributes: [String: PyValue] = [:]
    /// Swift value carried by native classes (a generator state, a size, ...); tensors are in `tensorBox`.
    var native: Any?
    /// The tensor of a `torch.Tensor` instance, kept typed: ops read it on every call, and a cast out of `native`
    /// (an `Any`) cost a runtime conformance search each time.
    var tensorBox: TensorBox?
    /// Traceback entries collected while an exception unwinds.
    var traceback: [TraceEntry] = []
    /// CPython's "Did you mean" hint for NameError/AttributeError, computed only when printed.
    var suggestion: (() -> String?)?
    init(cls: PyClass) { self.cls = cls }
}

struct TraceEntry: Sendable {
    let filename: String
    let line: Int
    let function: String
    var frame: ObjectIdentifier?
}

/// An iterator over Swift-side state.
final class PyIterator: PyObject {
    let next: () throws -> PyValue?
    init(_ next: @escaping () throws -> PyValue?) { self.next = next }
}
