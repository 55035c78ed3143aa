import ArgumentParser
import QuizCompiler

/// Options shared by the commands that read content.
struct ContentOptions: ParsableArguments {
    @Argument(help: "A content folder, a quiz folder, or challenge files. Default: content.")
    var paths: [String] = []

    @Option(help: ArgumentHelp(visibility: .hidden))
    var executor: String?

    var resolvedPaths: [String] { paths.isEmpty ? ["content"] : paths }

    /// The snippet executor: `recorded:FILE.json` replays results; the default runs the interpreter.
    func makeExecutor() throws -> any ChallengeExecutor {
        guard let executor else { return InterpreterExecutor() }
        guard executor.hasPrefix("recorded:") else {
            throw ValidationError("unknown executor `\(executor)`; expected recorded:FILE.json")
        }
        return try RecordedResults.load(path: String(executor.dropFirst("recorded:".count)))
    }
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, github
}
