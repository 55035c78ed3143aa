import TensorKernel

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

/// Tensor work counts against the step limit, so a loop of big tensor ops ends like any other endless loop: one step
/// per 64 elements an op writes (charged when its result is wrapped) and one per 4,096 multiply-adds of a matrix
/// product (checked before the product runs, so one enormous product is refused without being computed).
extension Interpreter {
    static let elementsPerStep = 64
    static let multiplyAddsPerStep = 4096

    @inline(__always)
    func chargeWork(elements: Int) throws {
        steps &+= elements / Self.elementsPerStep
        if steps > limits.maxSteps { throw limitExceeded() }
    }

    /// Charges `batch` products of (m × k) by (k × n) before they run.
    func chargeMatrixProduct(batch: Int, m: Int, k: Int, n: Int) throws {
        let (mk, o1) = m.multipliedReportingOverflow(by: k)
        let (mkn, o2) = mk.multipliedReportingOverflow(by: n)
        let (total, o3) = mkn.multipliedReportingOverflow(by: max(batch, 1))
        let work = o1 || o2 || o3 ? Int.max / 2 : total / Self.multiplyAddsPerStep
        if work > limits.maxSteps &- steps { steps = limits.maxSteps &+ 1; throw limitExceeded() }
        steps &+= work
    }

    /// The product cost of `a @ b` under matmul's rank rules (1-D operands count as one row or column).
    func chargeMatmul(_ a: Tensor, _ b: Tensor) throws {
        let m = a.dim >= 2 ? a.shape[a.dim - 2] : 1
        let k = a.shape.last ?? 1
        let n = b.dim >= 2 ? b.shape[b.dim - 1] : 1
        let batchA = a.dim > 2 ? a.shape.dropLast(2).reduce(1, *) : 1
        let batchB = b.dim > 2 ? b.shape.dropLast(2).reduce(1, *) : 1
        try chargeMatrixProduct(batch: max(batchA, batchB), m: m, k: k, n: n)
    }
}
