import Foundation
import QuizCompiler
import QuizCore

/// Serves results from a `ResultCache` and runs `base` only for challenges whose entry is missing or not
/// trustworthy, storing what it computed. Safe to call concurrently: entries are separate files.
struct CachingExecutor<Base: ChallengeExecutor>: ChallengeExecutor {
    var base: Base
    var cache: ResultCache
    let stats: CacheStats

    init(_ base: Base, cache: ResultCache, stats: CacheStats = CacheStats()) {
        self.base = base
        self.cache = cache
        self.stats = stats
    }

    func execute(_ challenge: Challenge) async -> ExecutionResult {
        await execute(batch: [challenge])[0]
    }

    /// Cached results as they are; the others run in one batch of `base` and are stored.
    func execute(batch challenges: [Challenge]) async -> [ExecutionResult] {
        var results = [ExecutionResult?](repeating: nil, count: challenges.count)
        var missing: [(index: Int, key: String)] = []
        for (index, challenge) in challenges.enumerated() {
            let key = cache.key(for: challenge)
            switch cache.lookup(key) {
            case .hit(let result):
                stats.record { $0.hits += 1 }
                results[index] = result
            case .miss:
                stats.record { $0.misses += 1 }
                missing.append((index, key))
            case .rejected:
                stats.record { $0.rejected += 1 }
                missing.append((index, key))
            }
        }
        if !missing.isEmpty {
            let computed = await base.execute(batch: missing.map { challenges[$0.index] })
            for (entry, result) in zip(missing, computed) {
                store(result, key: entry.key)
                results[entry.index] = result
            }
        }
        return results.map { $0! }
    }

    private func store(_ result: ExecutionResult, key: String) {
        do {
            try cache.store(result, key: key)
        } catch {
            stats.record { $0.writeFailures += 1 }
        }
    }
}

/// What a `CachingExecutor` did in one run, read for the progress line and the summary.
final class CacheStats: Sendable {
    struct Counts: Equatable, Sendable {
        var hits = 0
        var misses = 0
        var rejected = 0
        var writeFailures = 0
    }

    private let counts = Locked(Counts())

    var snapshot: Counts { counts.withLock { $0 } }

    func record(_ change: (inout Counts) -> Void) { counts.withLock { change(&$0) } }
}
