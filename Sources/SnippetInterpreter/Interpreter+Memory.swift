/// The memory limit: one `MemoryBudget` per session holds what its live values take (model in docs/SECURITY.md).
extension Interpreter {
    /// The error `step()` throws once a limit is passed: the memory limit when the budget is over, else the steps.
    func limitExceeded() -> SnippetAbort {
        memory.exceeded ? memoryError() : abort("RuntimeError", "snippet exceeded the step limit of \(limits.maxSteps) steps")
    }

    func memoryError() -> SnippetAbort {
        abort("MemoryError", "snippet exceeded the memory limit of \(limits.maxMemoryBytes) bytes")
    }

    /// Throws the MemoryError now if growth since the last step took the budget over the limit.
    @inline(__always)
    func checkMemory() throws {
        if memory.exceeded { throw memoryError() }
    }

    /// Charges a long-lived allocation (a tensor's storage) against the memory budget; pair with `release(bytes:)`
    /// from the storage's deinit. Transient values use `checkSize(bytes:)`.
    func charge(bytes: Int) throws {
        if memory.wouldExceed(bytes) { throw memoryError() }
        memory.add(max(0, bytes))
    }

    func release(bytes: Int) {
        memory.add(-bytes)
    }

    /// Checks the size of a value about to be created without keeping it charged (transient temporaries), and
    /// that it fits beside what the session already holds.
    func checkSize(bytes: Int) throws {
        if bytes < 0 || memory.wouldExceed(bytes) { throw memoryError() }
    }
}
