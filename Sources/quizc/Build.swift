import ArgumentParser
import Foundation
import QuizCompiler
import QuizCore
import QuizSite

/// `quizc build`: validate the content, then render and write the site atomically.
struct Build: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Validate the content, then write the static quiz site.",
        discussion: """
            Exit status: 0 when the site was written, 1 when the content or a template has errors (nothing is \
            written), 2 for usage or I/O errors.
            """
    )

    @OptionGroup var paths: SitePaths

    func run() async throws {
        let run = RunExecutor.standard(useCache: !paths.noCache)
        run.progress.start()
        let outcome = await SiteBuilder.current(run).build(paths)
        run.progress.finish()
        outcome.printDiagnostics()
        switch outcome.status {
        case .written(let count):
            print(outcome.summary + ", wrote \(count) files to \(paths.output)")
        case .invalid:
            throw ExitCode(1)
        case .ioFailure:
            throw ExitCode(2)
        }
    }
}

/// The folders `build` and `serve` read and write.
struct SitePaths: ParsableArguments {
    @Option(help: "The folder with site.yml and one folder per quiz.")
    var content = "content"

    @Option(help: "A folder whose files override the built-in templates and assets (default: ./templates if present).")
    var templates: String?

    @Option(help: "Where the site is written.")
    var output = "output"

    @Flag(help: "Run every snippet instead of reusing results from .quizc-cache.")
    var noCache = false

    var contentURL: URL { URL(fileURLWithPath: content) }
    var outputURL: URL { URL(fileURLWithPath: output) }

    /// `--templates`, or `./templates` when it exists, or none (built-in templates only).
    var templatesURL: URL? {
        if let templates { return URL(fileURLWithPath: templates) }
        var isFolder: ObjCBool = false
        let fallback = URL(fileURLWithPath: "templates")
        return FileManager.default.fileExists(atPath: fallback.path, isDirectory: &isFolder) && isFolder.boolValue ? fallback : nil
    }
}

/// What loading and compiling the content produced.
enum SiteCompilation: Sendable {
    case compiled(CompiledSite, warnings: [Diagnostic])
    case failed([Diagnostic])
}

/// The seam between the CLI and the compiler: `compile` turns a content folder into a validated site or
/// diagnostics, and `highlighter` colours code.
struct SiteBuilder: Sendable {
    var compile: @Sendable (_ content: URL) async -> SiteCompilation
    var highlighter: any CodeHighlighter
    var compilerVersion: String

    var progress: BuildProgress?

    /// Reads the content folder, runs every snippet through the interpreter (and `run`'s cache) and validates
    /// every answer.
    static func current(_ run: RunExecutor) -> SiteBuilder {
        SiteBuilder(compile: { content in
            await SiteBuilder.compileContent(content, run: run, width: ProcessInfo.processInfo.activeProcessorCount)
        }, highlighter: PythonHighlighter(), compilerVersion: Quizc.configuration.version, progress: run.progress)
    }

    /// load → parse → execute (at most `width` challenges at once) → validate; any error-level diagnostic
    /// fails the build.
    @Sendable static func compileContent(_ content: URL, run: RunExecutor, width: Int?) async -> SiteCompilation {
        let bundle: ContentBundle
        do {
            bundle = try ContentReader().read([content.relativePath])
        } catch {
            return .failed([.error("cannot read the content: \(error)", at: SourceLocation(file: content.relativePath, line: 1),
                                   rule: "content-missing")])
        }
        if bundle.quizzes.isEmpty { return .failed([ContentBundle.noQuizzes(in: [content.relativePath])]) }
        run.progress.update { [count = bundle.fileCount] in $0.filesRead += count }
        let (interpreter, id) = RunExecutor.interpreter()
        let output = await QuizCompiler.compile(bundle, executor: run.wrap(interpreter, executorID: id, for: bundle), width: width)
        let diagnostics = DiagnosticsEngine(output.diagnostics).sorted
        if diagnostics.contains(where: { $0.severity == .error }) { return .failed(diagnostics) }
        return .compiled(output.site, warnings: diagnostics)
    }

    struct Outcome {
        enum Status: Equatable {
            case written(Int)
            case invalid
            case ioFailure
        }

        var status: Status
        var diagnostics: [Diagnostic]
        /// `built 27 challenges in 5 quizzes in 0.84 s (27 cached)`, set when the site compiled.
        var summary = ""

        func printDiagnostics() {
            for diagnostic in diagnostics {
                var text = "\(diagnostic.location): \(diagnostic.severity.rawValue): \(diagnostic.message)\n"
                for note in diagnostic.notes { text += "    \(note.message)\n" }
                FileHandle.standardError.write(Data(text.utf8))
            }
        }
    }

    /// Compile, render and write; on any error the previous output stays as it was.
    func build(_ paths: SitePaths) async -> Outcome {
        let site: CompiledSite
        var diagnostics: [Diagnostic]
        switch await compile(paths.contentURL) {
        case .failed(let found):
            return Outcome(status: .invalid, diagnostics: found)
        case .compiled(let compiled, let warnings):
            site = compiled
            diagnostics = warnings
        }
        if diagnostics.contains(where: { $0.severity == .error }) {
            return Outcome(status: .invalid, diagnostics: diagnostics)
        }
        var templates = TemplateSet.builtIn
        if let folder = paths.templatesURL {
            do {
                templates = templates.overlaid(with: try TemplateFolder.load(folder))
            } catch {
                diagnostics.append(.error("cannot read templates: \(error)", at: SourceLocation(file: folder.relativePath, line: 1)))
                return Outcome(status: .ioFailure, diagnostics: diagnostics)
            }
        }
        let files: [String: [UInt8]]
        do {
            files = try QuizSite.render(site: site, templates: templates, highlighter: highlighter,
                                        compilerVersion: compilerVersion)
        } catch {
            return Outcome(status: .invalid, diagnostics: diagnostics + error.diagnostics)
        }
        do {
            try OutputWriter(destination: paths.outputURL).write(files)
            progress?.update { [count = files.count] in $0.filesWritten += count }
        } catch {
            diagnostics.append(.error(error.description, at: SourceLocation(file: paths.output, line: 1), rule: "output"))
            return Outcome(status: .ioFailure, diagnostics: diagnostics)
        }
        let summary = progress.map { progress in
            BuildProgress.summary("built", challenges: site.quizzes.reduce(0) { $0 + $1.challenges.count },
                                  quizzes: site.quizzes.count, elapsed: progress.elapsed,
                                  cached: progress.cacheStats?.snapshot.hits)
        } ?? ""
        return Outcome(status: .written(files.count), diagnostics: diagnostics, summary: summary)
    }
}

struct TemplateFolderError: Error, CustomStringConvertible {
    var description: String
}

/// Reads a `--templates` folder into a `TemplateSet` (paths relative to the folder, hidden files skipped).
enum TemplateFolder {
    static func load(_ folder: URL) throws -> TemplateSet {
        let root = folder.standardizedFileURL.path
        var files: [String: TemplateSet.File] = [:]
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw TemplateFolderError(description: "\(folder.relativePath) is not a folder")
        }
        guard let enumerator = FileManager.default.enumerator(
            at: folder, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles]) else {
            throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: folder.path])
        }
        for case let url as URL in enumerator where try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true {
            let relative = String(url.standardizedFileURL.path.dropFirst(root.count + 1))
            if relative == "README.md" { continue }
            files[relative] = TemplateSet.File(path: folder.appendingPathComponent(relative).relativePath,
                                               bytes: Array(try Data(contentsOf: url)))
        }
        return TemplateSet(files: files)
    }
}
