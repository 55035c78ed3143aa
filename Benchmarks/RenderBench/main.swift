// Times loading, validating and QuizSite rendering alone over a content folder: compiles it once (or loads the
// compiled site saved by an earlier run), then loads the Markdown, validates the saved results and renders serially
// and concurrently, checks both renders give the same bytes, and prints timings.
//
//   swift build -c release --product RenderBench
//   .build/release/RenderBench CONTENT [--runs N] [--cache FILE]
//
// `--cache FILE` saves the compiled site as JSON on the first run and reuses it later, so repeated timings skip
// the snippets. Output: one line per mode with the best and median wall and CPU time of N renders, in milliseconds.
import Foundation
import QuizCompiler
import QuizCore
import QuizSite
import SnippetInterpreter

/// The highlighter `quizc build` uses: `PythonScanner`, with the lexer's own recovery for code that does not lex.
struct BenchHighlighter: CodeHighlighter {
    static let builtins: Set<String> = [
        "print", "len", "range", "enumerate", "zip", "min", "max", "sum", "abs", "round", "int", "float", "str",
        "bool", "list", "tuple", "dict", "set", "isinstance", "sorted", "reversed", "any", "all", "super", "type",
        "map", "filter", "repr", "True", "False", "None",
    ]

    func highlight(_ code: String, language: String) -> String {
        guard language == "python" || language == "py" else { return HTML.escape(code) }
        if let html = PythonScanner.highlight(code) { return html }
        let bytes = Array(code.utf8)
        var html = ""
        var cursor = 0
        for token in PythonLexer(code).highlightTokens() {
            let style: String
            switch token.kind {
            case .keyword: style = Self.builtins.contains(token.text) ? "tok-builtin" : "tok-kw"
            case .name: style = Self.builtins.contains(token.text) ? "tok-builtin" : "tok-name"
            case .number: style = "tok-num"
            case .string: style = "tok-str"
            case .comment: style = "tok-com"
            case .op: style = "tok-op"
            case .newline, .indent, .dedent, .end: continue
            }
            html += HTML.escape(String(decoding: bytes[cursor..<token.range.lowerBound], as: UTF8.self))
            html += "<span class=\"\(style)\">" + HTML.escape(String(decoding: bytes[token.range], as: UTF8.self)) + "</span>"
            cursor = token.range.upperBound
        }
        return html + HTML.escape(String(decoding: bytes[cursor...], as: UTF8.self))
    }
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("RenderBench: \(message)\n".utf8))
    exit(2)
}

/// `site.yml` plus every folder holding a `quiz.md`, as `quizc build --content` reads them.
func readContent(_ root: String) -> ContentBundle {
    let files = FileManager.default
    func file(_ path: String) -> ContentFile? {
        files.contents(atPath: path).map { ContentFile(path: path, bytes: Array($0)) }
    }
    let folders = ((try? files.contentsOfDirectory(atPath: root)) ?? []).sorted().compactMap { name -> ContentBundle.QuizFolder? in
        let folder = root + "/" + name
        guard !name.hasPrefix("."), let quiz = file(folder + "/quiz.md") else { return nil }
        let names = ((try? files.contentsOfDirectory(atPath: folder)) ?? []).sorted().filter {
            $0.hasSuffix(".md") && $0 != "quiz.md" && $0.lowercased() != "readme.md" && !$0.hasPrefix(".")
        }
        return ContentBundle.QuizFolder(path: folder, quizFile: quiz, challengeFiles: names.compactMap { file(folder + "/" + $0) })
    }
    return ContentBundle(siteFile: file(root + "/site.yml"), quizzes: folders)
}

func milliseconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
}

/// User + system CPU time of the whole process so far: on a shared machine it says what the work costs even when
/// the wall clock waits for other processes.
func cpuTime() -> Duration {
    var usage = rusage()
    #if os(Linux)
    getrusage(RUSAGE_SELF.rawValue, &usage)
    #else
    getrusage(RUSAGE_SELF, &usage)
    #endif
    return .microseconds(Int64(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1_000_000
        + Int64(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec))
}

/// Runs `body`, returning its wall time and the CPU time the process spent meanwhile.
func measure(_ body: () async throws -> Void) async rethrows -> (wall: Duration, cpu: Duration) {
    let clock = ContinuousClock()
    let cpuStart = cpuTime()
    let start = clock.now
    try await body()
    return (clock.now - start, cpuTime() - cpuStart)
}

func report(_ label: String, _ times: [(wall: Duration, cpu: Duration)]) {
    let wall = times.map { milliseconds($0.wall) }.sorted()
    let cpu = times.map { milliseconds($0.cpu) }.sorted()
    print(String(format: "%@: wall best %.1f ms, median %.1f ms; CPU best %.1f ms, median %.1f ms (%d runs)",
                 label, wall[0], wall[wall.count / 2], cpu[0], cpu[cpu.count / 2], wall.count))
}

var arguments = Array(CommandLine.arguments.dropFirst())
var runs = 20
var cachePath: String?
var content: String?
while !arguments.isEmpty {
    let argument = arguments.removeFirst()
    switch argument {
    case "--runs":
        guard let value = arguments.isEmpty ? nil : Int(arguments.removeFirst()) else { fail("--runs needs a number") }
        runs = value
    case "--cache":
        guard !arguments.isEmpty else { fail("--cache needs a file") }
        cachePath = arguments.removeFirst()
    default: content = argument
    }
}
guard let content else { fail("usage: RenderBench CONTENT [--runs N] [--cache FILE]") }

let site: CompiledSite
if let cachePath, let data = FileManager.default.contents(atPath: cachePath),
   let cached = try? JSONDecoder().decode(CompiledSite.self, from: data) {
    site = cached
} else {
    let output = await QuizCompiler.compile(readContent(content), executor: InterpreterExecutor(),
                                            width: ProcessInfo.processInfo.activeProcessorCount)
    if output.diagnostics.contains(where: { $0.severity == .error }) { fail("the content does not compile; run quizc check") }
    site = output.site
    if let cachePath { try JSONEncoder().encode(site).write(to: URL(fileURLWithPath: cachePath)) }
}
let challenges = site.quizzes.reduce(0) { $0 + $1.challenges.count }
print("\(challenges) challenges in \(site.quizzes.count) quizzes; compiled templates: "
    + "\(try SiteRenderer(templates: .builtIn).usesCompiledTemplates)")

// Loading and validating alone, serially: the Markdown and front matter of every file, then every challenge's rules and
// placeholder filling over the results saved above (no snippet runs).
let bundle = readContent(content)
var loading: [(wall: Duration, cpu: Duration)] = []
var validating: [(wall: Duration, cpu: Duration)] = []
for _ in 0..<runs {
    var loadedChallenges = 0
    loading.append(await measure {
        let (loaded, _) = ContentLoader.load(bundle)
        loadedChallenges = loaded.quizzes.reduce(0) { $0 + $1.challenges.count }
    })
    if loadedChallenges != challenges { fail("loaded \(loadedChallenges) challenges, compiled \(challenges)") }
    var diagnostics = 0
    validating.append(await measure {
        for quiz in site.quizzes {
            for compiled in quiz.challenges {
                let challenge = compiled.challenge
                diagnostics += QuizCompiler.validate(challenge, compiled.result).count
                _ = challenge.hint.map { Placeholders.fill($0, with: compiled.result, unsafeHTML: site.site.unsafeHTML) }
                _ = challenge.explanation.map { Placeholders.fill($0, with: compiled.result, unsafeHTML: site.site.unsafeHTML) }
                _ = Placeholders.variablesNeeded(by: challenge)
            }
        }
    })
    if diagnostics != 0 { fail("validating found \(diagnostics) diagnostics") }
}

var serial: [(wall: Duration, cpu: Duration)] = []
var concurrent: [(wall: Duration, cpu: Duration)] = []
var reference: [String: [UInt8]] = [:]
for _ in 0..<runs {
    var files: [String: [UInt8]] = [:]
    serial.append(try await measure {
        files = try QuizSite.render(site: site, templates: .builtIn, highlighter: BenchHighlighter())
    })
    if reference.isEmpty { reference = files }
    concurrent.append(try await measure {
        files = try await QuizSite.renderConcurrently(site: site, templates: .builtIn, highlighter: BenchHighlighter())
    })
    if files != reference { fail("the concurrent render differs from the serial one") }
}
print("\(reference.count) files, \(reference.values.reduce(0) { $0 + $1.count }) bytes")
report("load (serial)", loading)
report("validate (serial)", validating)
report("serial", serial)
report("concurrent (\(ProcessInfo.processInfo.activeProcessorCount) cores)", concurrent)
