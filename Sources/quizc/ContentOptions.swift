import ArgumentParser
import QuizCompiler

/// Options shared by the commands that read content.
struct ContentOptions: ParsableArguments {
    @Argument(help: "A content folder, a quiz folder, or challenge files. Default: content.")
    var paths: [String] = []

    @Option(help: ArgumentHelp(visibility: .hidden))
    var executor: String?

    @Flag(help: "Run every snippet instead of reusing results from .quizc-cache.")
    var noCache = false

    var resolvedPaths: [String] { paths.isEmpty ? ["content"] : paths }

    /// A run with the cache on unless `--no-cache`, or when results are replayed.
    func makeRun() -> RunExecutor {
        RunExecutor.standard(useCache: !noCache && executor == nil)
    }

    /// The snippet executor: `recorded:FILE.json` replays results (never cached); the default runs the
    /// interpreter behind the result cache of `run`.
    func makeExecutor(for bundle: ContentBundle, run: RunExecutor) throws -> any ChallengeExecutor {
        guard let executor else {
            let (interpreter, id) = RunExecutor.interpreter()
            return run.wrap(interpreter, executorID: id, for: bundle)
        }
        guard executor.hasPrefix("recorded:") else {
            throw ValidationError("unknown executor `\(executor)`; expected recorded:FILE.json")
        }
        return ProgressExecutor(base: try RecordedResults.load(path: String(executor.dropFirst("recorded:".count))),
                                progress: run.progress)
    }
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, github
}
