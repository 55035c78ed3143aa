import ArgumentParser
import Foundation
import QuizCompiler
import QuizCore

/// `quizc check`: validate only, print diagnostics, exit 1 on any error.
struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate quizzes: run every snippet and prove every stated answer."
    )

    @OptionGroup var content: ContentOptions

    @Option(help: "Diagnostics format: text, json or github.")
    var format: OutputFormat = .text

    func run() async throws {
        let bundle = try readContent(content.resolvedPaths)
        let output = await QuizCompiler.compile(bundle, executor: try content.makeExecutor())
        let engine = DiagnosticsEngine(output.diagnostics)
        let files = bundle.quizzes.reduce(0) { $0 + $1.challengeFiles.count }
        report(engine, format: format, summary: "checked \(files) challenge file\(files == 1 ? "" : "s"): \(engine.summary)")
        if engine.hasErrors { throw ExitCode(1) }
    }
}

/// Reads content, turning I/O problems into exit code 2 with a message on stderr.
func readContent(_ paths: [String]) throws -> ContentBundle {
    do {
        return try ContentReader().read(paths)
    } catch {
        FileHandle.standardError.write(Data("error: \(error)\n".utf8))
        throw ExitCode(2)
    }
}

/// Prints diagnostics in `format` on stdout; in text mode a summary line follows.
func report(_ engine: DiagnosticsEngine, format: OutputFormat, summary: String) {
    switch format {
    case .text:
        let colored = isatty(STDOUT_FILENO) != 0 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
        print(engine.render(with: TextDiagnosticPrinter(colored: colored)), terminator: "")
        print(summary)
    case .json:
        print(engine.render(with: JSONDiagnosticPrinter()), terminator: "")
    case .github:
        print(engine.render(with: GitHubDiagnosticPrinter()), terminator: "")
    }
}
