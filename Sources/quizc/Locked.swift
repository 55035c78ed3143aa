import Foundation

/// A value behind a lock. `Synchronization.Mutex` would do, but it needs macOS 15 and the package supports 14.
final class Locked<Value: Sendable>: @unchecked Sendable {
    // Safe: `value` is only touched while `lock` is held.
    private var value: Value
    private let lock = NSLock()

    init(_ value: Value) {
        self.value = value
    }

    func withLock<Result>(_ body: (inout Value) -> Result) -> Result {
        lock.lock()
        defer { lock.unlock() }
        return body(&value)
    }
}
