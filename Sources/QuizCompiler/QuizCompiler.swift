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
    /// scheduling.
    public static func compile(_ bundle: ContentBundle, executor: some ChallengeExecutor, width: Int? = nil) async -> Output {
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
        var compiled = await concurrentMap(site.quizzes.flatMap(\.challenges), width: width) { challenge in
            let result = challenge.hasRunnableCode ? await executor.execute(challenge) : nil
            let filled = CompiledChallenge(
                challenge: challenge, result: result,
                hintHTML: challenge.hint.map { Placeholders.fill($0, with: result, unsafeHTML: unsafeHTML) },
                explanationHTML: challenge.explanation.map { Placeholders.fill($0, with: result, unsafeHTML: unsafeHTML) })
            return (filled, validate(challenge, result))
        }[...]
        var compiledQuizzes: [CompiledQuiz] = []
        for quiz in site.quizzes {
            let challenges = compiled.prefix(quiz.challenges.count)
            compiled = compiled.dropFirst(quiz.challenges.count)
            diagnostics += challenges.flatMap(\.1)
            compiledQuizzes.append(CompiledQuiz(quiz: quiz, challenges: challenges.map(\.0)))
        }
        return Output(site: CompiledSite(site: site, quizzes: compiledQuizzes), diagnostics: diagnostics)
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
