import ArgumentParser
import Foundation
import QuizCompiler
import QuizCore

/// `quizc fix`: write computed answers back into the Markdown, then report what still fails.
struct FixCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fix",
        abstract: "Write computed outputs into `## Answer` fences and re-mark the choice equal to the output."
    )

    @OptionGroup var content: ContentOptions

    func run() async throws {
        let paths = content.resolvedPaths
        let run = content.makeRun()
        run.progress.start()
        defer { run.progress.finish() }
        let bundle = try readContent(paths)
        run.progress.update { [count = bundle.fileCount] in $0.filesRead += count }
        let executor = try content.makeExecutor(for: bundle, run: run)
        let fixed = await Fixer.fix(bundle, executor: executor)
        for edit in fixed.edits.sorted(by: { $0.path < $1.path }) {
            do {
                try Data(edit.newBytes).write(to: URL(fileURLWithPath: edit.path), options: .atomic)
            } catch {
                FileHandle.standardError.write(Data("error: \(edit.path): cannot write file\n".utf8))
                throw ExitCode(2)
            }
            for change in edit.changes { print("\(change.location): fixed: \(change.description)") }
        }
        // Re-check what is on disk now, so the exit code says whether the content is valid; unchanged
        // snippets come from the cache the first pass filled.
        let output = await QuizCompiler.compile(try readContent(paths), executor: executor)
        run.progress.finish()
        var engine = DiagnosticsEngine(output.diagnostics)
        engine.emit(contentsOf: fixed.diagnostics)
        let changeCount = fixed.edits.reduce(0) { $0 + $1.changes.count }
        report(engine, format: .text, summary: "\(changeCount) change\(changeCount == 1 ? "" : "s") in \(fixed.edits.count) file\(fixed.edits.count == 1 ? "" : "s"); \(engine.summary)")
        if engine.hasErrors { throw ExitCode(1) }
    }
}
