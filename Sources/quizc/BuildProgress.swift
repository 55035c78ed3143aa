import Foundation
import QuizCompiler
import QuizCore
import SnippetInterpreter

/// The progress of one build/check/fix on stderr: nothing during the first second, then a single updating
/// line on a terminal or a plain line per second otherwise; and the summary line printed at the end.
final class BuildProgress: Sendable {
    enum Style: Sendable {
        case terminal, lines, silent
    }

    struct Counts: Equatable, Sendable {
        var filesRead = 0
        var snippetsRun = 0
        var filesWritten = 0
    }

    private struct State: Sendable {
        var counts = Counts()
        var shownAt: Duration?
        var running = false
        var stopped = false
        var onTerminal = false
    }

    let style: Style
    let cacheStats: CacheStats?
    private let state = Locked(State())
    private let started = ContinuousClock.now
    private let write: @Sendable (String) -> Void
    private let done = DispatchSemaphore(value: 0)
    /// Signalled by `finish`, so the ticker stops at once instead of at the end of its 100 ms nap (which made every
    /// short build up to 100 ms longer).
    private let wake = DispatchSemaphore(value: 0)

    init(style: Style, cacheStats: CacheStats?, write: @escaping @Sendable (String) -> Void) {
        self.style = style
        self.cacheStats = cacheStats
        self.write = write
    }

    /// Progress on stderr, styled for whatever stderr is.
    static func onStandardError(cacheStats: CacheStats?) -> BuildProgress {
        BuildProgress(style: isatty(STDERR_FILENO) != 0 ? .terminal : .lines, cacheStats: cacheStats) {
            FileHandle.standardError.write(Data($0.utf8))
        }
    }

    var elapsed: Duration { ContinuousClock.now - started }
    var counts: Counts { state.withLock { $0.counts } }

    func update(_ change: @Sendable (inout Counts) -> Void) { state.withLock { change(&$0.counts) } }

    /// Starts the ticker on its own thread: snippets keep every cooperative thread busy during a build.
    func start() {
        guard style != .silent, state.withLock({ state in
            defer { state.running = true }
            return !state.running && !state.stopped
        }) else { return }
        Thread.detachNewThread { [self] in
            while !state.withLock({ $0.stopped }) {
                if wake.wait(timeout: .now() + .milliseconds(100)) == .success { break }
                tick(elapsed: elapsed)
            }
            done.signal()
        }
    }

    /// Stops the ticker and clears the terminal line, so the summary starts on a clean line.
    func finish() {
        let wasRunning = state.withLock { state in
            defer { (state.running, state.stopped) = (false, true) }
            return state.running
        }
        if wasRunning {
            wake.signal()
            done.wait()
        }
        let clear = state.withLock { state in
            defer { state.onTerminal = false }
            return state.onTerminal
        }
        if clear { write("\r\u{1B}[2K") }
    }

    /// Shows the line if the run has lasted a second: on a terminal every tick, otherwise once a second.
    func tick(elapsed: Duration) {
        guard elapsed >= .seconds(1) else { return }
        let text: String? = state.withLock { state in
            guard !state.stopped else { return nil }
            switch style {
            case .silent:
                return nil
            case .terminal:
                state.onTerminal = true
                return "\r\u{1B}[2K" + Self.line(state.counts, cached: cacheStats?.snapshot.hits, elapsed: elapsed)
            case .lines:
                if let shown = state.shownAt, elapsed - shown < .seconds(1) { return nil }
                state.shownAt = elapsed
                return Self.line(state.counts, cached: cacheStats?.snapshot.hits, elapsed: elapsed) + "\n"
            }
        }
        if let text { write(text) }
    }

    /// `quizc: 2.0 s: 1001 files read, 420 snippets run (400 cached), 0 files written`
    static func line(_ counts: Counts, cached: Int?, elapsed: Duration) -> String {
        let cachedText = cached.map { " (\($0) cached)" } ?? ""
        return "quizc: \(seconds(elapsed, digits: 1)) s: \(counts.filesRead) files read, "
            + "\(counts.snippetsRun) snippets run\(cachedText), \(counts.filesWritten) files written"
    }

    /// `built 27 challenges in 5 quizzes in 0.84 s (27 cached)`; without a cache the parenthesis is left out.
    static func summary(_ verb: String, challenges: Int, quizzes: Int, elapsed: Duration, cached: Int?,
                        unchangedQuizzes: Int = 0) -> String {
        let notes = [cached.map { "\($0) cached" }, unchangedQuizzes == 0 ? nil : "\(plural(unchangedQuizzes, "quiz", "quizzes")) unchanged"]
            .compactMap { $0 }
        return "\(verb) \(plural(challenges, "challenge")) in \(plural(quizzes, "quiz", "quizzes")) in "
            + "\(seconds(elapsed, digits: 2)) s" + (notes.isEmpty ? "" : " (\(notes.joined(separator: ", ")))")
    }

    static func plural(_ count: Int, _ one: String, _ many: String? = nil) -> String {
        "\(count) \(count == 1 ? one : many ?? one + "s")"
    }

    /// `duration` in seconds with `digits` decimals (0...17), rounded half up; integer arithmetic instead of
    /// `String(format:)`, whose first use costs a build's last milliseconds in Foundation's formatting set-up.
    static func seconds(_ duration: Duration, digits: Int) -> String {
        let digits = min(max(digits, 0), 17)
        var (whole, attoseconds) = duration.components
        let negative = whole < 0 || attoseconds < 0
        if negative { (whole, attoseconds) = (-whole, -attoseconds) }
        var scale: Int64 = 1
        for _ in 0..<digits { scale *= 10 }
        let unit = 1_000_000_000_000_000_000 / scale
        var fraction = attoseconds / unit
        if (attoseconds % unit) * 2 >= unit { fraction += 1 }
        whole += fraction / scale
        fraction %= scale
        let sign = negative && (whole != 0 || fraction != 0) ? "-" : ""
        guard digits > 0 else { return "\(sign)\(whole)" }
        let decimals = String(fraction)
        return "\(sign)\(whole)." + String(repeating: "0", count: digits - decimals.count) + decimals
    }
}

/// Counts finished snippets for the progress line.
struct ProgressExecutor<Base: ChallengeExecutor>: ChallengeExecutor {
    var base: Base
    var progress: BuildProgress

    func execute(_ challenge: Challenge) async -> ExecutionResult {
        let result = await base.execute(challenge)
        progress.update { $0.snippetsRun += 1 }
        return result
    }

    func execute(batch challenges: [Challenge]) async -> [ExecutionResult] {
        let results = await base.execute(batch: challenges)
        progress.update { $0.snippetsRun += challenges.count }
        return results
    }
}

/// How one run executes snippets: the interpreter behind the result cache (unless disabled), counted.
struct RunExecutor {
    var progress: BuildProgress
    var cacheStats: CacheStats?

    /// A run that caches (when `useCache`) and reports progress on stderr.
    static func standard(useCache: Bool) -> RunExecutor {
        let stats = useCache ? CacheStats() : nil
        return RunExecutor(progress: .onStandardError(cacheStats: stats), cacheStats: stats)
    }

    /// `base` counted by the progress, and cached under `.quizc-cache` beside the bundle's content.
    func wrap(_ base: some ChallengeExecutor, executorID: String, for bundle: ContentBundle) -> any ChallengeExecutor {
        guard let cacheStats else { return ProgressExecutor(base: base, progress: progress) }
        let cache = ResultCache(folder: ResultCache.folder(for: bundle), quizcVersion: Quizc.configuration.version,
                                executorID: executorID)
        return ProgressExecutor(base: CachingExecutor(base, cache: cache, stats: cacheStats), progress: progress)
    }

    /// The interpreter with its limits spelled out, as the cache key needs.
    static func interpreter() -> (InterpreterExecutor, id: String) {
        let executor = InterpreterExecutor()
        let limits = executor.limits
        return (executor, "interpreter steps=\(limits.maxSteps) memory=\(limits.maxMemoryBytes) "
                    + "recursion=\(limits.maxRecursionDepth) output=\(limits.maxOutputBytes)")
    }
}

extension ContentBundle {
    /// site.yml, quiz.md and challenge files.
    var fileCount: Int {
        (siteFile == nil ? 0 : 1) + quizzes.reduce(0) { $0 + ($1.quizFile == nil ? 0 : 1) + $1.challengeFiles.count }
    }
}
