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
        let run = content.makeRun()
        run.progress.start()
        let bundle = try readContent(content.resolvedPaths)
        run.progress.update { [count = bundle.fileCount] in $0.filesRead += count }
        let output = await QuizCompiler.compile(bundle, executor: try content.makeExecutor(for: bundle, run: run),
                                                width: SiteBuilder.lanes)
        run.progress.finish()
        var engine = DiagnosticsEngine(output.diagnostics)
        if bundle.quizzes.isEmpty { engine.emit(ContentBundle.noQuizzes(in: content.resolvedPaths)) }
        let files = bundle.quizzes.reduce(0) { $0 + $1.challengeFiles.count }
        let summary = BuildProgress.summary("checked", challenges: files, quizzes: bundle.quizzes.count,
                                            elapsed: run.progress.elapsed, cached: run.cacheStats?.snapshot.hits)
        report(engine, format: format, summary: "\(summary): \(engine.summary)")
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
