import QuizCore
import QuizMarkdown

/// Loads, executes and validates challenges: pure functions over values (the CLI reads the disk).
public enum QuizCompiler {
    /// The compiled site and every diagnostic of the run (unsorted; `DiagnosticsEngine` sorts).
    public struct Output: Sendable {
        public var site: CompiledSite
        public var diagnostics: [Diagnostic]
    }

    /// load → model → execute (concurrently, results in file order) → validate.
    public static func compile(_ bundle: ContentBundle, executor: some ChallengeExecutor) async -> Output {
        let (site, loadDiagnostics) = ContentLoader.load(bundle)
        var diagnostics = loadDiagnostics
        var compiledQuizzes: [CompiledQuiz] = []
        var results = await execute(site.quizzes.flatMap(\.challenges), executor: executor)[...]
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

    /// Runs every challenge that has runnable code, all at once; the result array follows `challenges`.
    static func execute(_ challenges: [Challenge], executor: some ChallengeExecutor) async -> [ExecutionResult?] {
        await withTaskGroup(of: (Int, ExecutionResult?).self) { group in
            for (index, challenge) in challenges.enumerated() {
                group.addTask {
                    guard challenge.hasRunnableCode else { return (index, nil) }
                    return (index, await executor.execute(challenge))
                }
            }
            var results = [ExecutionResult?](repeating: nil, count: challenges.count)
            for await (index, result) in group { results[index] = result }
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
