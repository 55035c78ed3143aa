/// Facts about the kernel's arithmetic that tools caching its results must know.
public enum Numerics {
    /// Bumped whenever any op may print different digits for the same input (a new summation order, a different
    /// `exp`, another random path). Caches of snippet results (quizc's `.quizc-cache`) include it in their keys, so
    /// a kernel upgrade never serves a stale output.
    public static let version = "1"
}
