import ArgumentParser
import Foundation
import QuizCompiler
import QuizCore
import QuizSite

/// `quizc build`: validate the content, then render and write the site atomically.
struct Build: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
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
        let outcome = await SiteBuilder.current(run, incremental: !paths.noCache).build(paths)
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

    @Flag(help: "Run every snippet and render every quiz instead of reusing results and pages from .quizc-cache.")
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

/// The seam between the CLI and the compiler: `compile` turns content that was read into a validated site or
/// diagnostics, and `highlighter` colours code.
struct SiteBuilder: Sendable {
    /// `whenCompiled` gets each quiz as soon as it is compiled (see `QuizCompiler.compile`), to render it meanwhile.
    var compile: @Sendable (_ bundle: ContentBundle, _ whenCompiled: (@Sendable (Site, CompiledQuiz) async -> Void)?) async
        -> SiteCompilation
    var highlighter: any CodeHighlighter
    var compilerVersion: String
    /// Names what every result depends on besides the content: the executor, its limits, the kernel's numerics.
    var resultsID: String

    var progress: BuildProgress?
    /// Reuse the quizzes whose files did not change since the last build into the same output (off with `--no-cache`).
    var incremental = true

    /// How many batches and quiz renders run at once: one per core, plus one so that a core whose batch is handing
    /// over to or back from the interpreter's thread has the next piece of work ready (about 3 % less wall time for
    /// a 1,000-challenge course on two cores).
    static let lanes = ProcessInfo.processInfo.activeProcessorCount + 1

    /// Runs every snippet through the interpreter (and `run`'s cache) and validates every answer.
    static func current(_ run: RunExecutor, incremental: Bool = true) -> SiteBuilder {
        let (_, id) = RunExecutor.interpreter()
        return SiteBuilder(compile: { bundle, whenCompiled in
            await SiteBuilder.compileContent(bundle, run: run, width: SiteBuilder.lanes,
                                             whenCompiled: whenCompiled)
        }, highlighter: PythonHighlighter(), compilerVersion: Quizc.configuration.version,
        resultsID: "\(id) numerics=\(ResultCache.numericsVersion)", progress: run.progress, incremental: incremental)
    }

    /// Reads a content folder; an unreadable or empty one is an error diagnostic.
    static func read(_ content: URL) -> Result<ContentBundle, Diagnostic> {
        readStamped(content).map(\.bundle)
    }

    /// Reads a content folder, leaving unread the quiz folders whose files match `unchanged` (see `ContentReader`).
    static func readStamped(_ content: URL, unchanged: [String: String] = [:]) -> Result<ContentReader.Stamped, Diagnostic> {
        let read: ContentReader.Stamped
        do {
            var reader = ContentReader()
            reader.unchanged = unchanged
            read = try reader.readStamped([content.relativePath])
        } catch {
            return .failure(.error("cannot read the content: \(error)", at: SourceLocation(file: content.relativePath, line: 1),
                                   rule: "content-missing"))
        }
        if read.bundle.quizzes.isEmpty { return .failure(ContentBundle.noQuizzes(in: [content.relativePath])) }
        return .success(read)
    }

    /// parse → execute (at most `width` challenges at once) → validate; any error-level diagnostic fails the build.
    @Sendable static func compileContent(_ bundle: ContentBundle, run: RunExecutor, width: Int?,
                                         whenCompiled: (@Sendable (Site, CompiledQuiz) async -> Void)? = nil) async -> SiteCompilation {
        let (interpreter, id) = RunExecutor.interpreter()
        let output = await QuizCompiler.compile(bundle, executor: run.wrap(interpreter, executorID: id, for: bundle), width: width,
                                                whenCompiled: whenCompiled)
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

    /// Read, compile what changed, render and write; on any error the previous output stays as it was.
    func build(_ paths: SitePaths) async -> Outcome {
        var phases = PhaseClock()
        defer { phases.report() }
        // The last build's state names the files it read; quiz folders whose files still carry the same stamps are
        // not read again (their fingerprints come from the state). Verified against the state's key below.
        let guessedURL = BuildState.url(cacheFolder: ResultCache.folder(forContent: paths.content), output: paths.outputURL)
        // The state's JSON decodes in the background while the content is read with the small digest file beside it.
        let guessedTask = incremental ? Task { BuildState.loadUnverified(from: guessedURL) } : nil
        let knownSources = incremental ? BuildState.loadSources(for: guessedURL) : [:]
        var read: ContentReader.Stamped
        switch Self.readStamped(paths.contentURL, unchanged: knownSources) {
        case .failure(let diagnostic):
            return Outcome(status: .invalid, diagnostics: [diagnostic])
        case .success(let stamped):
            read = stamped
        }
        var bundle = read.bundle
        progress?.update { [count = bundle.fileCount] in $0.filesRead += count }
        var templates = TemplateSet.builtIn
        if let folder = paths.templatesURL {
            do {
                templates = templates.overlaid(with: try TemplateFolder.load(folder))
            } catch {
                return Outcome(status: .ioFailure, diagnostics: [
                    .error("cannot read templates: \(error)", at: SourceLocation(file: folder.relativePath, line: 1)),
                ])
            }
        }
        // Parsing the templates overlaps finding what changed and compiling it (an incremental build's critical path).
        let rendererTask = Task { [templates, highlighter, compilerVersion] () -> Result<SiteRenderer, QuizSiteError> in
            do throws(QuizSiteError) {
                return .success(try SiteRenderer(templates: templates, highlighter: highlighter, compilerVersion: compilerVersion))
            } catch {
                return .failure(error)
            }
        }

        phases.mark("read")
        // Quizzes whose files and outputs are exactly as the last build left them are reused as they are.
        let output = paths.outputURL
        let stateURL = BuildState.url(cacheFolder: ResultCache.folder(for: bundle), output: output)
        let key = stateKey(bundle, templates: templates, content: paths.content)
        // The state decoded in the background is the one to use unless the bundle puts the cache elsewhere.
        let guessedState = await guessedTask?.value
        let recordedState = stateURL == guessedURL ? guessedState : incremental ? BuildState.loadUnverified(from: stateURL) : nil
        let previous = recordedState.flatMap { $0.key == key ? $0 : nil }
        var reused: [String: BuildState.QuizEntry] = [:]
        func reuse(_ fingerprints: [String: String]) {
            reused = [:]
            for folder in bundle.quizzes {
                if let entry = previous?.quizzes[folder.path], entry.fingerprint == fingerprints[folder.path],
                   entry.files.allSatisfy({ BuildState.isIntact($0.key, in: output, as: $0.value) }) {
                    reused[folder.path] = entry
                }
            }
        }
        var fingerprints: [String: String] = [:]
        for folder in bundle.quizzes where !read.unread.contains(folder.path) { fingerprints[folder.path] = BuildState.fingerprint(folder) }
        if !read.unread.isEmpty, let previous, stateURL == guessedURL {
            // A folder left unread counts only if the state recorded the digest it was skipped on.
            for path in read.unread where previous.quizzes[path]?.sources == knownSources[path] {
                fingerprints[path] = previous.quizzes[path]?.fingerprint
            }
        }
        reuse(fingerprints)
        // A folder left unread must be reused; otherwise (other key, output touched by hand) read everything.
        if read.unread.contains(where: { reused[$0] == nil }) {
            switch Self.readStamped(paths.contentURL) {
            case .failure(let diagnostic):
                return Outcome(status: .invalid, diagnostics: [diagnostic])
            case .success(let stamped):
                read = stamped
            }
            bundle = read.bundle
            fingerprints = Dictionary(uniqueKeysWithValues: bundle.quizzes.map { ($0.path, BuildState.fingerprint($0)) })
            reuse(fingerprints)
        }
        let changed = ContentBundle(siteFile: bundle.siteFile, quizzes: bundle.quizzes.filter { reused[$0.path] == nil })
        // The folders' source digests for the next build's state depend only on what was read: computed while the
        // content compiles instead of after it.
        let sourceDigests = Task { [bundle, stamps = read.stamps] in Self.sourceDigests(bundle, stamps: stamps) }

        phases.mark("reuse")
        // Pages are rendered as each quiz finishes compiling and stream into the staged output (a 10,000-challenge
        // site is about 110 MB of files); rendered files identical to what the current output holds are linked, not
        // written again. Any error abandons the staged files: the current output stays as it is.
        let staging: OutputWriter.Staging
        do {
            staging = try OutputWriter(destination: output).begin()
        } catch {
            return Outcome(status: .ioFailure, diagnostics: diagnosticsAfter(error, at: paths.output))
        }
        var recorded = previous?.shared ?? [:]
        for entry in previous?.quizzes.values.map({ $0 }) ?? [] { recorded.merge(entry.files) { $1 } }
        let hashes = HashLedger()
        let emit: @Sendable ([String: [UInt8]]) throws -> Void = { [recorded] files in
            for (path, bytes) in files {
                let hash = Fingerprint.of(bytes)
                hashes.record(path, hash)
                if let stamp = recorded[path], stamp.contentHash == hash, BuildState.isIntact(path, in: output, as: stamp) {
                    try staging.reuse(path)
                } else {
                    try staging.add(path, bytes)
                }
            }
        }
        let rendered = Locked<[String: QuizSummary]>([:])  // by slug
        let renderFailure = Locked<(any Error)?>(nil)       // the first I/O error; later quizzes are not rendered
        let whenCompiled: @Sendable (Site, CompiledQuiz) async -> Void = { site, quiz in
            guard renderFailure.withLock({ $0 == nil }), case .success(let renderer) = await rendererTask.value else { return }
            let (files, summary) = renderer.renderQuizAndSummary(quiz, site: site)
            do {
                try emit(files)
                rendered.withLock { $0[quiz.quiz.slug] = summary }
            } catch {
                renderFailure.withLock { $0 = $0 ?? error }
            }
        }

        let site: CompiledSite
        var diagnostics = reused.values.flatMap(\.warnings)
        switch await compile(changed, whenCompiled) {
        case .failed(let found):
            staging.abandon()
            return Outcome(status: .invalid, diagnostics: DiagnosticsEngine(diagnostics + found).sorted)
        case .compiled(let compiled, let warnings):
            site = compiled
            diagnostics = DiagnosticsEngine(diagnostics + warnings).sorted
        }
        phases.mark("compile+render")
        let renderer: SiteRenderer
        switch await rendererTask.value {
        case .success(let ready): renderer = ready
        case .failure(let error):
            staging.abandon()
            return Outcome(status: .invalid, diagnostics: diagnostics + error.diagnostics)
        }
        let compiledBySlug = Dictionary(site.quizzes.map { ($0.quiz.slug, $0) }) { first, _ in first }
        let renderedBySlug = rendered.withLock { $0 }
        var summaries: [QuizSummary] = []
        for folder in bundle.quizzes {
            if let entry = reused[folder.path] {
                summaries.append(entry.summary)
            } else if let summary = renderedBySlug[folder.slug] {
                summaries.append(summary)
            } else if let failure = renderFailure.withLock({ $0 }) {
                staging.abandon()
                return Outcome(status: .ioFailure, diagnostics: diagnostics + diagnosticsAfter(failure, at: paths.output))
            } else {
                staging.abandon()
                diagnostics.append(.error("the quiz in this folder did not compile", at: SourceLocation(file: folder.path, line: 1)))
                return Outcome(status: .invalid, diagnostics: diagnostics)
            }
        }

        var state: BuildState?
        var encodedState: Task<Data?, Never>?
        do {
            do {
                for entry in reused.values {
                    for path in entry.files.keys { try staging.reuse(path) }
                    for (path, stamp) in entry.files { hashes.record(path, stamp.contentHash) }
                }
                try emit(renderer.renderCatalog(site.site, summaries: summaries).merging(renderer.renderSharedFiles()) { $1 })
                phases.mark("catalog")
            } catch {
                staging.abandon()
                throw error
            }
            // The next build's state is stamped from the staged files (they keep their inodes and times through the
            // swap). Before the commit: once swapped, the staging path holds the old output, which becomes the spare.
            state = makeState(bundle, compiled: compiledBySlug, reused: reused, summaries: summaries, warnings: diagnostics,
                              hashes: hashes.all, fingerprints: fingerprints, sources: await sourceDigests.value, key: key,
                              files: staging.writer.stagingFolder)
            // The state's JSON is encoded while the commit waits for the disk; it is written only once the commit
            // succeeded.
            encodedState = Task.detached(priority: .userInitiated) { [state] in state?.encoded() }
            try staging.commit()
            progress?.update { [count = hashes.count] in $0.filesWritten += count }
        } catch {
            diagnostics += diagnosticsAfter(error, at: paths.output)
            return Outcome(status: .ioFailure, diagnostics: diagnostics)
        }
        phases.mark("write")
        if let state, let encoded = await encodedState?.value { state.save(encoded, to: stateURL) }
        phases.mark("state")

        let challengeCount = bundle.quizzes.reduce(0) { $0 + $1.challengeFiles.count }
        let summary = progress.map { progress in
            let cached = progress.cacheStats.map { $0.snapshot.hits + reused.values.reduce(0) { $0 + $1.runnableChallenges } }
            return BuildProgress.summary("built", challenges: challengeCount, quizzes: bundle.quizzes.count,
                                         elapsed: progress.elapsed, cached: cached, unchangedQuizzes: reused.count)
        } ?? ""
        // The content, the compiled site and the state are freed on another thread (a few ms for a large course), so
        // the summary is printed without waiting for it; a process that exits first skips the work.
        let garbage = (bundle, read, changed, site, compiledBySlug, state)
        Thread.detachNewThread { withExtendedLifetime(garbage) {} }
        return Outcome(status: .written(hashes.count), diagnostics: diagnostics, summary: summary)
    }

    /// An output error as a located diagnostic.
    private func diagnosticsAfter(_ error: any Error, at output: String) -> [Diagnostic] {
        let message = (error as? OutputWriter.Failure)?.description ?? "\(error)"
        return [.error(message, at: SourceLocation(file: output, line: 1), rule: "output")]
    }

    /// Everything every page depends on besides its own quiz: versions, the quizc binary, executor, site.yml and
    /// templates.
    private func stateKey(_ bundle: ContentBundle, templates: TemplateSet, content: String) -> String {
        var hasher = Fingerprint()
        hasher.combine("quizc-build-state \(BuildState.formatVersion)\nquizc \(compilerVersion)\nresults \(resultsID)\n")
        hasher.combine("binary \(BuildState.executableIdentity)\n")
        hasher.combine("content \(content)\nsite \(bundle.siteFile?.path ?? "-") \(bundle.siteFile?.bytes.count ?? -1)\n")
        hasher.combine(bundle.siteFile?.bytes ?? [])
        for path in templates.files.keys.sorted() {
            let file = templates.files[path]!
            hasher.combine("template \(path) \(file.path) \(file.bytes.count)\n")
            hasher.combine(file.bytes)
        }
        return hasher.hex
    }

    /// Quiz folder path → the digest of all of its files' stamps (`SourceStamp.digest`); a folder with a file whose
    /// stamp was not settled has none (it is read next time).
    private static func sourceDigests(_ bundle: ContentBundle, stamps: [String: SourceStamp]) -> [String: String] {
        var digests: [String: String] = [:]
        folders: for folder in bundle.quizzes {
            var result: [String: SourceStamp] = [:]
            for file in [folder.quizFile].compactMap({ $0 }) + folder.challengeFiles {
                guard let stamp = stamps[file.path] else { continue folders }
                result[file.path] = stamp
            }
            digests[folder.path] = SourceStamp.digest(result)
        }
        return digests
    }

    /// What this build wrote, stamped from the files in `output` (the staging folder, before it is swapped in); it is
    /// saved once the new output is in place, so a build killed before that only costs the next build its reuse.
    private func makeState(_ bundle: ContentBundle, compiled compiledBySlug: [String: CompiledQuiz],
                           reused: [String: BuildState.QuizEntry], summaries: [QuizSummary], warnings: [Diagnostic],
                           hashes: [String: String], fingerprints: [String: String], sources: [String: String],
                           key: String, files output: URL) -> BuildState {
        // Paths joined as strings: a URL per file cost more than its `lstat`, in the build's serial tail.
        let folder = output.path.hasSuffix("/") ? output.path : output.path + "/"
        func stamps(_ paths: some Sequence<String>) -> [String: BuildState.Stamp]? {
            var result: [String: BuildState.Stamp] = [:]
            for path in paths {
                guard let hash = hashes[path], let stamp = BuildState.stamp(of: folder + path, contentHash: hash) else { return nil }
                result[path] = stamp
            }
            return result
        }
        var state = BuildState(key: key)
        var owned: Set<String> = []
        for (index, folder) in bundle.quizzes.enumerated() {
            let summary = summaries[index]
            let paths = ["\(summary.slug)/index.html", "api/\(summary.slug).json"]
            owned.formUnion(paths)
            if let entry = reused[folder.path], let files = stamps(entry.files.keys) {
                state.quizzes[folder.path] = BuildState.QuizEntry(fingerprint: entry.fingerprint, summary: summary,
                                                                  warnings: entry.warnings, runnableChallenges: entry.runnableChallenges,
                                                                  files: files, sources: sources[folder.path])
            } else if let quiz = compiledBySlug[folder.slug], let files = stamps(paths) {
                let prefix = folder.path + "/"
                state.quizzes[folder.path] = BuildState.QuizEntry(
                    fingerprint: fingerprints[folder.path]!, summary: summary,
                    warnings: warnings.filter { $0.location.file.hasPrefix(prefix) },
                    runnableChallenges: quiz.challenges.filter(\.challenge.hasRunnableCode).count, files: files,
                    sources: sources[folder.path])
            }
        }
        state.shared = stamps(hashes.keys.filter { !owned.contains($0) }) ?? [:]
        return state
    }
}

/// The content hash of every file of the new output, recorded from the tasks that render and write them.
final class HashLedger: @unchecked Sendable {
    private let lock = NSLock()
    private var hashes: [String: String] = [:]

    func record(_ path: String, _ hash: String) { lock.withLock { hashes[path] = hash } }
    var all: [String: String] { lock.withLock { hashes } }
    var count: Int { lock.withLock { hashes.count } }
}

/// Wall and process CPU time of a build's phases, printed to stderr when `QUIZC_TIMINGS` is set (for BENCHMARKS.md):
/// `timings: read 9.1 ms (cpu 12.0), reuse 0.4 ms (cpu 0.4), compile 31.0 ms (cpu 58.2), ...`; CPU above wall time is
/// work spread over cores, CPU well below it is waiting.
struct PhaseClock {
    private let enabled = ProcessInfo.processInfo.environment["QUIZC_TIMINGS"] != nil
    private var last = ContinuousClock.now
    private var lastCPU = PhaseClock.processCPU()
    private var phases: [(String, Duration, Double)] = []

    mutating func mark(_ phase: String) {
        guard enabled else { return }
        let now = ContinuousClock.now, cpu = Self.processCPU()
        phases.append((phase, now - last, cpu - lastCPU))
        last = now
        lastCPU = cpu
    }

    func report() {
        guard enabled, !phases.isEmpty else { return }
        let parts = phases.map { name, duration, cpu in
            let ms = Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
            return "\(name) " + String(format: "%.1f ms (cpu %.1f)", ms, cpu)
        }
        FileHandle.standardError.write(Data("timings: \(parts.joined(separator: ", "))\n".utf8))
    }

    /// User plus system CPU time of the whole process so far, in milliseconds.
    private static func processCPU() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func ms(_ time: timeval) -> Double { Double(time.tv_sec) * 1000 + Double(time.tv_usec) / 1000 }
        return ms(usage.ru_utime) + ms(usage.ru_stime)
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
