import QuizCore
import QuizMarkdown

/// Loads, executes and validates challenges: pure functions over values (the CLI reads the disk).
public enum QuizCompiler {
    /// The compiled site and every diagnostic of the run (unsorted; `DiagnosticsEngine` sorts).
    public struct Output: Sendable {
        public var site: CompiledSite
        public var diagnostics: [Diagnostic]
    }

    /// load → model → execute (concurrently, results in file order) → validate. `width` bounds how many
    /// challenges run at once (nil: all of them); the output is the same for every width and scheduling.
    public static func compile(_ bundle: ContentBundle, executor: some ChallengeExecutor, width: Int? = nil) async -> Output {
        let (site, loadDiagnostics) = ContentLoader.load(bundle)
        var diagnostics = loadDiagnostics
        var compiledQuizzes: [CompiledQuiz] = []
        var results = await execute(site.quizzes.flatMap(\.challenges), executor: executor, width: width)[...]
        for quiz in site.quizzes {
            let quizResults = results.prefix(quiz.challenges.count)
            results = results.dropFirst(quiz.challenges.count)
            var compiled: [CompiledChallenge] = []
            for (challenge, result) in zip(quiz.challenges, quizResults) {
                diagnostics += validate(challenge, result)
                compiled.append(CompiledChallenge(
                    challenge: challenge, result: result,
                    hintHTML: challenge.hint.map { Placeholders.fill($0, with: result, unsafeHTML: site.unsafeHTML) },
                    explanationHTML: challenge.explanation.map { Placeholders.fill($0, with: result, unsafeHTML: site.unsafeHTML) }))
            }
            compiledQuizzes.append(CompiledQuiz(quiz: quiz, challenges: compiled))
        }
        return Output(site: CompiledSite(site: site, quizzes: compiledQuizzes), diagnostics: diagnostics)
    }

    /// Runs every challenge that has runnable code, at most `width` at a time (a sliding window, so a long
    /// course does not queue thousands of tasks ahead of everything else); the result array follows `challenges`.
    static func execute(_ challenges: [Challenge], executor: some ChallengeExecutor, width: Int? = nil) async -> [ExecutionResult?] {
        let runnable = challenges.indices.filter { challenges[$0].hasRunnableCode }
        let limit = max(1, width ?? runnable.count)
        return await withTaskGroup(of: (Int, ExecutionResult).self) { group in
            var pending = runnable.makeIterator()
            for _ in 0..<limit {
                guard let index = pending.next() else { break }
                let challenge = challenges[index]
                group.addTask { (index, await executor.execute(challenge)) }
            }
            var results = [ExecutionResult?](repeating: nil, count: challenges.count)
            while let (index, result) = await group.next() {
                results[index] = result
                if let next = pending.next() {
                    let challenge = challenges[next]
                    group.addTask { (next, await executor.execute(challenge)) }
                }
            }
            return results
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
