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
        let key = cache.key(for: challenge)
        switch cache.lookup(key) {
        case .hit(let result):
            stats.record { $0.hits += 1 }
            return result
        case .miss:
            stats.record { $0.misses += 1 }
        case .rejected:
            stats.record { $0.rejected += 1 }
        }
        let result = await base.execute(challenge)
        do {
            try cache.store(result, key: key)
        } catch {
            stats.record { $0.writeFailures += 1 }
        }
        return result
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
