#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The bytes one session's live values hold: tensor storage, list slots, dict entries, set tables and the strings
/// stored in them, each charged when it grows and released when it shrinks or dies. A plain counter: a session runs
/// on one thread at a time. Crossing the limit sets `exceeded`, which the next step turns into a `MemoryError`.
final class MemoryBudget {
    let limit: Int
    private(set) var used = 0
    /// True while `used` is over `limit`; checked by `Interpreter.step()` so growth inside builtins is caught promptly.
    private(set) var exceeded = false

    init(limit: Int) { self.limit = limit }

    /// Adds (or, negative, removes) `bytes`; never throws: callers that can throw check `exceeded` afterwards.
    @inline(__always)
    func add(_ bytes: Int) {
        let (sum, overflow) = used.addingReportingOverflow(bytes)
        used = overflow ? Int.max : max(0, sum)
        exceeded = used > limit
    }

    /// Whether `bytes` more would go over the limit.
    func wouldExceed(_ bytes: Int) -> Bool { bytes > limit || used > limit - bytes }

    // MARK: Size model

    /// Bytes charged per list slot; per dict entry (its key in the ordered key array, in the hash index at 3/4 load,
    /// and its value); and per list, dict or set object with its buffer headers.
    static let slotBytes = MemoryLayout<PyValue>.stride
    static let entryBytes = MemoryLayout<PyKey?>.stride + MemoryLayout<(PyKey, Int)>.stride * 4 / 3 + slotBytes
    static let objectBytes = 64
    /// Strings up to this many UTF-8 bytes live inline in the value and cost nothing extra.
    static let inlineStringBytes = 15

    /// Heap bytes a value held in a container slot owns beyond the slot: its string, or the strings directly inside
    /// a tuple (one level: tuples are shared values, and walking nested ones could take exponential time).
    static func payloadBytes(_ value: PyValue) -> Int {
        switch value {
        case .str(let s): return stringBytes(s)
        case .tuple(let items):
            var total = items.count * slotBytes
            for item in items { if case .str(let s) = item { total &+= stringBytes(s) } }
            return total
        default: return 0
        }
    }

    @inline(__always)
    static func stringBytes(_ s: String) -> Int {
        let count = s.utf8.count
        return count > inlineStringBytes ? count : 0
    }

    static func payloadBytes(_ values: some Sequence<PyValue>) -> Int {
        var total = 0
        for value in values { total &+= payloadBytes(value) }
        return total
    }

    // MARK: The running session's budget

    /// The budget of the session running on this thread, if any: containers created while it runs charge it.
    static var current: MemoryBudget? {
        guard let raw = pthread_getspecific(currentKey) else { return nil }
        return Unmanaged<MemoryBudget>.fromOpaque(raw).takeUnretainedValue()
    }

    /// Runs `body` with this budget as the thread's current one (restoring the previous one afterwards).
    func withCurrent<T>(_ body: () throws -> T) rethrows -> T {
        let previous = pthread_getspecific(currentKey)
        pthread_setspecific(currentKey, Unmanaged.passUnretained(self).toOpaque())
        defer { pthread_setspecific(currentKey, previous) }
        return try body()
    }
}

/// Thread-specific slot for `MemoryBudget.current` (sessions of one build run on several threads at once).
private let currentKey: pthread_key_t = {
    var key = pthread_key_t()
    pthread_key_create(&key, nil)
    return key
}()
