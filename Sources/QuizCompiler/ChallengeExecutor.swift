import QuizCore

/// Runs snippets. The compiler only sees this protocol; the interpreter-backed one is plugged in by the CLI.
public protocol ChallengeExecutor: Sendable {
    /// Runs the challenge's run/setup fences in order in one namespace.
    func execute(_ challenge: Challenge) async -> ExecutionResult

    /// Runs several challenges, each in its own namespace; the results follow `challenges`. An executor with a cost
    /// per call (the interpreter hands each call to a big-stack thread) runs them in one go.
    func execute(batch challenges: [Challenge]) async -> [ExecutionResult]
}

extension ChallengeExecutor {
    /// One `execute` after another.
    public func execute(batch challenges: [Challenge]) async -> [ExecutionResult] {
        var results: [ExecutionResult] = []
        results.reserveCapacity(challenges.count)
        for challenge in challenges { results.append(await execute(challenge)) }
        return results
    }
}

/// Replays recorded results keyed by challenge path (then by id); for tests and `--executor recorded:FILE`.
public struct RecordedExecutor: ChallengeExecutor {
    public var results: [String: ExecutionResult]
    /// Returned for a challenge with no recording.
    public var fallback: ExecutionResult

    public init(_ results: [String: ExecutionResult],
                fallback: ExecutionResult = ExecutionResult(stdout: "", error: nil, variables: [:])) {
        self.results = results
        self.fallback = fallback
    }

    public func execute(_ challenge: Challenge) async -> ExecutionResult {
        results[challenge.path] ?? results[challenge.id] ?? fallback
    }
}
