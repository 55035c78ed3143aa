import Foundation
import QuizCompiler
import QuizCore
import Testing
@testable import quizc

/// Counts its runs and prints how many it has done, so a cached result is told apart from a fresh one.
final class CountingExecutor: ChallengeExecutor {
    let runs = Locked(0)

    func execute(_ challenge: Challenge) async -> ExecutionResult {
        let run = runs.withLock { count in
            count += 1
            return count
        }
        return ExecutionResult(stdout: "run \(run)\n", error: nil, variables: [:])
    }
}

/// Records the size of every batch it is given.
struct BatchCountingExecutor: ChallengeExecutor {
    let base: CountingExecutor
    let batches = Locked<[Int]>([])

    func execute(_ challenge: Challenge) async -> ExecutionResult { await base.execute(challenge) }

    func execute(batch challenges: [Challenge]) async -> [ExecutionResult] {
        batches.withLock { $0.append(challenges.count) }
        var results: [ExecutionResult] = []
        for challenge in challenges { results.append(await base.execute(challenge)) }
        return results
    }
}

@Suite struct CachingExecutorTests {
    static func setUp() throws -> (URL, ResultCache, CountingExecutor) {
        let folder = try scratchFolder("caching")
        return (folder, ResultCache(folder: folder, quizcVersion: "0.1.0", executorID: "counting"), CountingExecutor())
    }

    @Test func anUnchangedChallengeIsNotRunAgain() async throws {
        let (folder, cache, base) = try Self.setUp()
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = CachingExecutor(base, cache: cache)
        #expect(await first.execute(cacheChallenge()).stdout == "run 1\n")
        #expect(first.stats.snapshot == CacheStats.Counts(hits: 0, misses: 1, rejected: 0, writeFailures: 0))
        let second = CachingExecutor(base, cache: cache)
        #expect(await second.execute(cacheChallenge(answer: "changed\n")).stdout == "run 1\n")
        #expect(await second.execute(cacheChallenge(code: "print(2)\n")).stdout == "run 2\n")
        #expect(second.stats.snapshot == CacheStats.Counts(hits: 1, misses: 1, rejected: 0, writeFailures: 0))
        #expect(base.runs.withLock { $0 } == 2)
    }

    /// A batch serves its cached results and runs the rest in one call of the base executor, storing them.
    @Test func aBatchRunsOnlyItsUncachedChallengesAndStoresThem() async throws {
        let (folder, cache, base) = try Self.setUp()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = await CachingExecutor(base, cache: cache).execute(cacheChallenge())
        let batch = [cacheChallenge(code: "print(2)\n"), cacheChallenge(), cacheChallenge(code: "print(3)\n")]
        let executor = CachingExecutor(BatchCountingExecutor(base: base), cache: cache)
        #expect(await executor.execute(batch: batch).map(\.stdout) == ["run 2\n", "run 1\n", "run 3\n"])
        #expect(executor.stats.snapshot == CacheStats.Counts(hits: 1, misses: 2, rejected: 0, writeFailures: 0))
        #expect(executor.base.batches.withLock { $0 } == [2])
        let again = CachingExecutor(base, cache: cache)
        #expect(await again.execute(batch: batch).map(\.stdout) == ["run 2\n", "run 1\n", "run 3\n"])
        #expect(again.stats.snapshot == CacheStats.Counts(hits: 3, misses: 0, rejected: 0, writeFailures: 0))
        #expect(base.runs.withLock { $0 } == 3)
    }

    @Test func aCorruptEntryIsIgnoredRunAgainAndRewritten() async throws {
        let (folder, cache, base) = try Self.setUp()
        defer { try? FileManager.default.removeItem(at: folder) }
        let executor = CachingExecutor(base, cache: cache)
        _ = await executor.execute(cacheChallenge())
        let url = cache.url(forKey: cache.key(for: cacheChallenge()))
        try Data("{\"format\": 1, \"key\": ".utf8).write(to: url)
        #expect(await executor.execute(cacheChallenge()).stdout == "run 2\n")
        #expect(executor.stats.snapshot.rejected == 1)
        #expect(cache.lookup(cache.key(for: cacheChallenge())) == .hit(ExecutionResult(stdout: "run 2\n", error: nil, variables: [:])))
        #expect(await executor.execute(cacheChallenge()).stdout == "run 2\n")
        #expect(executor.stats.snapshot == CacheStats.Counts(hits: 1, misses: 1, rejected: 1, writeFailures: 0))
    }

    @Test func anUnwritableCacheStillReturnsResults() async throws {
        let (folder, _, base) = try Self.setUp()
        defer { try? FileManager.default.removeItem(at: folder) }
        // A file where the cache folder should be: every store fails.
        let blocked = folder.appendingPathComponent("blocked")
        try Data().write(to: blocked)
        let executor = CachingExecutor(base, cache: ResultCache(folder: blocked, quizcVersion: "0.1.0", executorID: "counting"))
        #expect(await executor.execute(cacheChallenge()).stdout == "run 1\n")
        #expect(await executor.execute(cacheChallenge()).stdout == "run 2\n")
        #expect(executor.stats.snapshot == CacheStats.Counts(hits: 0, misses: 2, rejected: 0, writeFailures: 2))
    }
}
