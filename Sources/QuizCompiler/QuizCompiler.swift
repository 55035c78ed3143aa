import QuizCore
import QuizMarkdown

/// Loads, executes and validates challenges: pure functions over values (the CLI reads the disk).
public enum QuizCompiler {
    /// The compiled site and every diagnostic of the run (unsorted; `DiagnosticsEngine` sorts).
    public struct Output: Sendable {
        public var site: CompiledSite
        public var diagnostics: [Diagnostic]
    }

    /// load → model → execute → validate, every quiz folder and every challenge concurrently (at most `width` at
    /// once; nil: all of them); results are assembled in file order, so the output is the same for every width and
    /// scheduling. `whenCompiled` (when given) gets each quiz as soon as all its challenges are done, concurrently
    /// with the rest (it counts towards `width`): a build renders pages while other quizzes still run. It is called
    /// whatever diagnostics the quiz has; `Output` holds them all.
    public static func compile(_ bundle: ContentBundle, executor: some ChallengeExecutor, width: Int? = nil,
                               whenCompiled: (@Sendable (Site, CompiledQuiz) async -> Void)? = nil) async -> Output {
        var diagnostics: [Diagnostic] = []
        var site = Site(title: "Quizzes", description: "", baseURL: "", language: "en", unsafeHTML: false, quizzes: [])
        if let file = bundle.siteFile {
            let (loaded, found) = ContentLoader.loadSite(file, into: site)
            site = loaded
            diagnostics += found
        }
        let unsafeHTML = site.unsafeHTML
        for (quiz, found) in await concurrentMap(bundle.quizzes, width: width, { ContentLoader.loadQuiz($0, unsafeHTML: unsafeHTML) }) {
            diagnostics += found
            if let quiz { site.quizzes.append(quiz) }
        }
        // Challenges run in small batches: one executor call each (one hand-off to the interpreter's thread), still
        // enough batches per core that no core idles at the end.
        let challenges = site.quizzes.flatMap(\.challenges)
        let batches = batches(of: challenges.count, width: width)
        let limit = max(1, width ?? Int.max)
        var compiled = [(CompiledChallenge, [Diagnostic])?](repeating: nil, count: challenges.count)
        // Each challenge's quiz, each quiz's first challenge, and how many of each quiz's challenges are still running.
        var quizOf: [Int] = [], firstChallenge: [Int] = []
        quizOf.reserveCapacity(challenges.count)
        for (index, quiz) in site.quizzes.enumerated() {
            firstChallenge.append(quizOf.count)
            quizOf += repeatElement(index, count: quiz.challenges.count)
        }
        var pending = site.quizzes.map(\.challenges.count)
        let loadedSite = site
        await withTaskGroup(of: (Int, [(CompiledChallenge, [Diagnostic])])?.self) { group in
            var running = 0
            // Quizzes whose hook can be called (at first those without challenges).
            var ready = whenCompiled == nil ? [] : pending.indices.filter { pending[$0] == 0 }
            var nextBatch = 0
            func startNext() {
                if let hook = whenCompiled, !ready.isEmpty {
                    let index = ready.removeFirst()
                    let start = firstChallenge[index]
                    let quiz = CompiledQuiz(quiz: loadedSite.quizzes[index],
                                            challenges: (start..<start + loadedSite.quizzes[index].challenges.count).map { compiled[$0]!.0 })
                    group.addTask { await hook(loadedSite, quiz); return nil }
                } else if nextBatch < batches.count {
                    let range = batches[nextBatch]
                    nextBatch += 1
                    group.addTask { (range.lowerBound, await compileBatch(challenges[range], executor: executor, unsafeHTML: unsafeHTML)) }
                } else {
                    return
                }
                running += 1
            }
            while running < limit, !ready.isEmpty || nextBatch < batches.count { startNext() }
            while let finished = await group.next() {
                running -= 1
                if let (start, results) = finished {
                    for (offset, result) in results.enumerated() {
                        compiled[start + offset] = result
                        let quiz = quizOf[start + offset]
                        pending[quiz] -= 1
                        if pending[quiz] == 0, whenCompiled != nil { ready.append(quiz) }
                    }
                }
                while running < limit, !ready.isEmpty || nextBatch < batches.count { startNext() }
            }
        }
        var remaining = compiled[...]
        var compiledQuizzes: [CompiledQuiz] = []
        for quiz in site.quizzes {
            let challenges = remaining.prefix(quiz.challenges.count).map { $0! }
            remaining = remaining.dropFirst(quiz.challenges.count)
            diagnostics += challenges.flatMap(\.1)
            compiledQuizzes.append(CompiledQuiz(quiz: quiz, challenges: challenges.map(\.0)))
        }
        return Output(site: CompiledSite(site: site, quizzes: compiledQuizzes), diagnostics: diagnostics)
    }

    /// Runs a batch of challenges (those with code in one executor call), fills their texts and validates them.
    private static func compileBatch(_ batch: ArraySlice<Challenge>, executor: some ChallengeExecutor,
                                     unsafeHTML: Bool) async -> [(CompiledChallenge, [Diagnostic])] {
        let runnable = batch.filter(\.hasRunnableCode)
        var results = (runnable.isEmpty ? [] : await executor.execute(batch: runnable)).makeIterator()
        return batch.map { challenge in
            let result = challenge.hasRunnableCode ? results.next() : nil
            let filled = CompiledChallenge(
                challenge: challenge, result: result,
                hintHTML: challenge.hint.map { Placeholders.fill($0, with: result, unsafeHTML: unsafeHTML) },
                explanationHTML: challenge.explanation.map { Placeholders.fill($0, with: result, unsafeHTML: unsafeHTML) })
            return (filled, validate(challenge, result))
        }
    }

    /// Consecutive index ranges covering `count` items: about eight per lane of `width` (for balance), at most 16
    /// items each, shrinking towards one item once fewer than two batches per lane remain, so the lanes finish
    /// together instead of one running the last full batch alone; one item each when `width` is nil.
    static func batches(of count: Int, width: Int?) -> [Range<Int>] {
        guard let width else { return (0..<count).map { $0..<$0 + 1 } }
        let lanes = max(1, width)
        let size = max(1, min(16, count / (lanes * 8)))
        var batches: [Range<Int>] = []
        var start = 0
        while start < count {
            let take = max(1, min(size, (count - start) / (2 * lanes)))
            batches.append(start..<start + take)
            start += take
        }
        return batches
    }

    /// `transform` over `items`, at most `width` running at once (a sliding window, so a long course does not queue
    /// thousands of tasks ahead of everything else); the results follow `items`.
    static func concurrentMap<Item: Sendable, Mapped: Sendable>(
        _ items: [Item], width: Int?, _ transform: @escaping @Sendable (Item) async -> Mapped
    ) async -> [Mapped] {
        if items.isEmpty { return [] }
        if items.count == 1 { return [await transform(items[0])] }
        let limit = max(1, min(width ?? items.count, items.count))
        return await withTaskGroup(of: (Int, Mapped).self) { group in
            var next = 0
            while next < limit {
                let index = next, item = items[index]
                group.addTask { (index, await transform(item)) }
                next += 1
            }
            var results = [Mapped?](repeating: nil, count: items.count)
            while let (index, result) = await group.next() {
                results[index] = result
                if next < items.count {
                    let index = next, item = items[index]
                    group.addTask { (index, await transform(item)) }
                    next += 1
                }
            }
            return results.map { $0! }
        }
    }

    /// Every challenge rule over one challenge and its result.
    public static func validate(_ challenge: Challenge, _ result: ExecutionResult?) -> [Diagnostic] {
        challengeRules.flatMap { $0.check(challenge, result) }
    }
}

extension Challenge {
    /// True when a `python` or `python setup` fence exists.
    public var hasRunnableCode: Bool {
        codeBlocks.contains { $0.role == .run || $0.role == .setup }
    }

    /// True when a `python` fence (shown and run) exists: a question about code.
    var hasVisibleCode: Bool {
        codeBlocks.contains { $0.role == .run }
    }
}
