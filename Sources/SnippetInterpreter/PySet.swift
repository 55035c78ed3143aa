#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Python `set`/`frozenset`, mirroring CPython 3.11's open-addressing table (linear probes, perturbation,
/// resize rules, dummies) so that iteration order, and hence printing, matches CPython for ints, floats,
/// tuples and bools. String hashes are randomized per process in CPython, so their order is arbitrary anyway.
final class PySet: PyObject {
    private enum Slot {
        case empty, dummy
        case active(PyKey, Int)
    }

    private var table: [Slot] = Array(repeating: .empty, count: 8)
    private var fill = 0
    private(set) var count = 0
    private var finger = 0
    let frozen: Bool
    /// The budget of the session that created the set: the table's slots plus the strings among the keys.
    private let budget = MemoryBudget.current
    private var chargedBytes = 0

    init(frozen: Bool = false) {
        self.frozen = frozen
        super.init()
        recharge()
    }

    deinit { budget?.add(-chargedBytes) }

    private func charge(_ bytes: Int) {
        guard let budget else { return }
        let charged = max(0, chargedBytes &+ bytes)
        budget.add(charged - chargedBytes)
        chargedBytes = charged
    }

    /// Recomputes the charge after the table is replaced (resize, merge, clear).
    private func recharge() {
        guard budget != nil else { return }
        var bytes = MemoryBudget.objectBytes + table.count * MemoryLayout<Slot>.stride
        for case .active(let key, _) in table { bytes &+= MemoryBudget.payloadBytes(key.value) }
        charge(bytes - chargedBytes)
    }

    private var mask: Int { table.count - 1 }

    var elements: [PyValue] {
        table.compactMap { if case .active(let key, _) = $0 { key.value } else { nil } }
    }

    var keys: [PyKey] { entries.map(\.0) }

    private var entries: [(PyKey, Int)] {
        table.compactMap { if case .active(let key, let hash) = $0 { (key, hash) } else { nil } }
    }

    /// Slot holding `key`, if present (CPython's set_lookkey).
    private func find(_ key: PyKey, _ hash: Int) -> Int? {
        var perturb = UInt(bitPattern: hash)
        var i = Int(perturb & UInt(mask))
        while true {
            let probes = i + 9 <= mask ? 9 : 0
            for j in 0...probes {
                switch table[i + j] {
                case .empty: return nil
                case .active(let k, let h) where h == hash && k == key: return i + j
                default: break
                }
            }
            perturb >>= 5
            i = Int((UInt(i) &* 5 &+ 1 &+ perturb) & UInt(mask))
        }
    }

    func contains(_ key: PyKey) -> Bool { find(key, key.customHash ?? PySet.hash(key.value)) != nil }

    func insert(_ key: PyKey) { insert(key, key.customHash ?? PySet.hash(key.value)) }

    /// CPython's set_add_entry.
    private func insert(_ key: PyKey, _ hash: Int) {
        var perturb = UInt(bitPattern: hash)
        var i = Int(perturb & UInt(mask))
        var freeSlot: Int?
        while true {
            let probes = i + 9 <= mask ? 9 : 0
            for j in 0...probes {
                switch table[i + j] {
                case .empty:
                    if budget != nil { charge(MemoryBudget.payloadBytes(key.value)) }
                    if let free = freeSlot {
                        table[free] = .active(key, hash)
                        count += 1
                        return
                    }
                    table[i + j] = .active(key, hash)
                    fill += 1
                    count += 1
                    if fill * 5 >= mask * 3 { resize(count > 50000 ? count * 2 : count * 4) }
                    return
                case .active(let k, let h):
                    if h == hash && k == key { return }
                case .dummy:
                    if freeSlot == nil { freeSlot = i + j }
                }
            }
            perturb >>= 5
            i = Int((UInt(i) &* 5 &+ 1 &+ perturb) & UInt(mask))
        }
    }

    private static func insertClean(_ table: inout [Slot], _ key: PyKey, _ hash: Int) {
        let mask = table.count - 1
        var perturb = UInt(bitPattern: hash)
        var i = Int(perturb & UInt(mask))
        while true {
            if case .empty = table[i] { table[i] = .active(key, hash); return }
            if i + 9 <= mask {
                for j in 1...9 {
                    if case .empty = table[i + j] { table[i + j] = .active(key, hash); return }
                }
            }
            perturb >>= 5
            i = Int((UInt(i) &* 5 &+ 1 &+ perturb) & UInt(mask))
        }
    }

    private func resize(_ minUsed: Int) {
        var size = 8
        while size <= minUsed { size <<= 1 }
        let old = entries
        table = Array(repeating: .empty, count: size)
        for (key, hash) in old { PySet.insertClean(&table, key, hash) }
        fill = count
        recharge()
    }

    @discardableResult
    func remove(_ key: PyKey) -> Bool {
        guard let slot = find(key, key.customHash ?? PySet.hash(key.value)) else { return false }
        if budget != nil { charge(-MemoryBudget.payloadBytes(key.value)) }
        table[slot] = .dummy
        count -= 1
        return true
    }

    /// CPython's set.pop(): the first active slot at or after the finger.
    func popFirst() -> PyValue? {
        guard count > 0 else { return nil }
        var i = finger & mask
        while true {
            if case .active(let key, _) = table[i] {
                if budget != nil { charge(-MemoryBudget.payloadBytes(key.value)) }
                table[i] = .dummy
                count -= 1
                finger = i + 1
                return key.value
            }
            i = (i + 1) & mask
        }
    }

    func removeAll() {
        table = Array(repeating: .empty, count: 8)
        fill = 0
        count = 0
        recharge()
    }

    /// CPython's set_merge (used by copy, union and update with a set argument).
    func merge(_ other: PySet) {
        if other === self || other.count == 0 { return }
        if (fill + other.count) * 5 >= mask * 3 { resize((count + other.count) * 2) }
        if fill == 0 && mask == other.mask && other.fill == other.count {
            table = other.table
            fill = other.fill
            count = other.count
            recharge()
            return
        }
        if fill == 0 {
            fill = other.count
            count = other.count
            for (key, hash) in other.entries { PySet.insertClean(&table, key, hash) }
            recharge()
            return
        }
        for (key, hash) in other.entries { insert(key, hash) }
    }

    func copy(frozen: Bool? = nil) -> PySet {
        let result = PySet(frozen: frozen ?? self.frozen)
        result.merge(self)
        return result
    }

    func union(_ other: PySet) -> PySet {
        let result = copy()
        result.merge(other)
        return result
    }

    func intersection(_ other: PySet) -> PySet {
        let result = PySet(frozen: frozen)
        let (big, small) = other.count > count ? (other, self) : (self, other)
        for (key, hash) in small.entries where big.find(key, hash) != nil { result.insert(key, hash) }
        return result
    }

    func difference(_ other: PySet) -> PySet {
        if (count >> 2) > other.count {
            let result = copy()
            for (key, _) in other.entries { result.remove(key) }
            return result
        }
        let result = PySet(frozen: frozen)
        for (key, hash) in entries where other.find(key, hash) == nil { result.insert(key, hash) }
        return result
    }

    func symmetricDifference(_ other: PySet) -> PySet {
        let result = other.copy(frozen: frozen)
        for (key, hash) in entries {
            if result.find(key, hash) != nil { result.remove(key) } else { result.insert(key, hash) }
        }
        return result
    }

    /// CPython's hash for the hashable builtins; other objects hash by identity.
    static func hash(_ value: PyValue) -> Int {
        let modulus: UInt64 = (1 << 61) - 1
        func finish(_ h: Int) -> Int { h == -1 ? -2 : h }
        switch value {
        case .none: return 0x7f3a_0000_1000 >> 4
        case .bool(let b): return b ? 1 : 0
        case .int(let i):
            let m = Int(UInt64(i.magnitude) % modulus)
            return finish(i < 0 ? -m : m)
        case .float(let d):
            if d.isInfinite { return d > 0 ? 314159 : -314159 }
            if d.isNaN { return 0 }
            var (m, e) = frexp(d)
            let sign = d < 0 ? -1 : 1
            m = abs(m)
            var x: UInt64 = 0
            while m != 0 {
                x = ((x << 28) & modulus) | x >> (61 - 28)
                m *= 268435456.0
                e -= 28
                let y = UInt64(m)
                m -= Double(y)
                x += y
                if x >= modulus { x -= modulus }
            }
            let shift = e >= 0 ? Int(e) % 61 : 61 - 1 - ((-1 - Int(e)) % 61)
            x = ((x << UInt64(shift)) & modulus) | x >> UInt64(61 - shift)
            return finish(Int(x) * sign)
        case .str(let s):
            var h: UInt64 = 0xcbf29ce484222325
            for byte in s.utf8 { h = (h ^ UInt64(byte)) &* 0x100000001b3 }
            return finish(Int(h & modulus))
        case .tuple(let items):
            let prime1: UInt64 = 11400714785074694791, prime2: UInt64 = 14029467366897019727, prime5: UInt64 = 2870177450012600261
            var acc = prime5
            for item in items {
                let lane = UInt64(bitPattern: Int64(hash(item)))
                acc = acc &+ lane &* prime2
                acc = (acc << 31) | (acc >> 33)
                acc = acc &* prime1
            }
            acc = acc &+ (UInt64(items.count) ^ (prime5 ^ 3527539))
            if acc == UInt64.max { return 1546275796 }
            return Int(bitPattern: UInt(acc))
        case .list(let l): return ObjectIdentifier(l).hashValue >> 4
        case .dict(let d): return ObjectIdentifier(d).hashValue >> 4
        case .object(let o): return ObjectIdentifier(o).hashValue >> 4
        }
    }
}
