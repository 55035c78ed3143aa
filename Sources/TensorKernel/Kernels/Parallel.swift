import Dispatch

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs independent chunks of a kernel on several threads. Callers split work so that every output
/// element is computed by exactly one chunk in a fixed order: results never depend on the thread count.
public enum Parallel {
    /// Online processors: the default thread count of large kernels.
    public static let processorCount: Int = max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))

    /// Calls `body(chunk)` for every chunk in `0..<count`, concurrently when `count > 1`.
    /// Like an OpenMP loop, the caller guarantees the chunks write disjoint memory.
    static func forEach(_ count: Int, _ body: (Int) -> Void) {
        if count == 1 {
            body(0)
        } else if count > 1 {
            withoutActuallyEscaping(body) { body in
                nonisolated(unsafe) let chunk = body
                DispatchQueue.concurrentPerform(iterations: count) { chunk($0) }
            }
        }
    }

    /// Splits `0..<total` into at most `parts` contiguous ranges whose bounds are multiples of `granule`.
    static func split(_ total: Int, parts: Int, granule: Int) -> [Range<Int>] {
        let granules = (total + granule - 1) / granule
        let count = max(1, min(parts, granules))
        return (0..<count).map { part in
            let start = min(total, (granules * part / count) * granule)
            let end = min(total, (granules * (part + 1) / count) * granule)
            return start..<end
        }
    }
}
