import Foundation
import QuizCompiler
import QuizCore
import QuizSite
import TensorKernel

/// Snippet results on disk, one JSON file per entry under `.quizc-cache/results/`, keyed by the SHA-256 of
/// everything a result depends on. An entry is trusted only when it decodes, matches the current versions
/// and its key, and its result still hashes to the digest stored beside it; anything else is a miss.
struct ResultCache: Sendable {
    /// Bumped when the entry layout or the key derivation changes.
    static let formatVersion = 3
    /// Version of the kernel's numerics (`TensorKernel.Numerics.version`): part of every key.
    static let numericsVersion = Numerics.version

    struct Entry: Codable, Equatable {
        var format: Int
        var key: String
        var quizc: String
        var numerics: String
        var resultHash: String
        var result: ExecutionResult
    }

    /// What a lookup found; `rejected` entries are ignored and overwritten by the next store.
    enum Lookup: Equatable {
        case hit(ExecutionResult)
        case miss
        case rejected(String)
    }

    let folder: URL
    var quizcVersion: String
    var numericsVersion: String
    /// Names the executor and its limits, so results of different executors never mix.
    var executorID: String
    /// `folder/results/`: entries' paths are built by appending to it (URL's path appending was a tenth of a build
    /// that filled the cache).
    private let resultsPrefix: String

    init(folder: URL, quizcVersion: String, numericsVersion: String = ResultCache.numericsVersion, executorID: String) {
        self.folder = folder
        self.quizcVersion = quizcVersion
        self.numericsVersion = numericsVersion
        self.executorID = executorID
        resultsPrefix = folder.appendingPathComponent("results").path + "/"
    }

    /// `.quizc-cache` beside the content folder (the folder of site.yml), or beside the first quiz folder.
    static func folder(for bundle: ContentBundle) -> URL {
        let anchor = bundle.siteFile.map { parent(of: parent(of: $0.path)) }
            ?? bundle.quizzes.first.map { parent(of: $0.path) } ?? "."
        return URL(fileURLWithPath: anchor).appendingPathComponent(".quizc-cache")
    }

    /// `folder(for:)` of the bundle read from the content folder `content` (with or without its site.yml).
    static func folder(forContent content: String) -> URL {
        URL(fileURLWithPath: parent(of: content)).appendingPathComponent(".quizc-cache")
    }

    /// The folder part of a path (`.` for a bare name); NSString's version traps on some bare names on Linux.
    private static func parent(of path: String) -> String {
        let trimmed = path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
        guard let slash = trimmed.lastIndex(of: "/") else { return "." }
        return slash == trimmed.startIndex ? "/" : String(trimmed[..<slash])
    }

    /// The hash of the run and setup fences in order, with the path and lines that results quote in error
    /// locations, the quizc and numerics versions and the executor.
    func key(for challenge: Challenge) -> String {
        var text = "quizc-result-cache \(Self.formatVersion)\nquizc \(quizcVersion)\nnumerics \(numericsVersion)\n"
        text += "executor \(executorID)\npath \(challenge.path.utf8.count) \(challenge.path)\n"
        for block in challenge.codeBlocks where block.role == .run || block.role == .setup {
            text += "fence \(block.role.rawValue) \(block.location.line):\(block.location.column) \(block.firstCodeLine) "
            text += "\(block.code.utf8.count)\n\(block.code)\n"
        }
        // Which globals the result prints depends on the texts: a new `{{ name }}` must not hit an entry without it.
        if let needed = Placeholders.variablesNeeded(by: challenge) {
            text += "variables " + needed.sorted().map { "\($0.utf8.count) \($0)" }.joined(separator: " ") + "\n"
        } else {
            text += "variables all\n"
        }
        return SHA256.hex(text)
    }

    func path(forKey key: String) -> String { resultsPrefix + key + ".json" }

    func url(forKey key: String) -> URL { URL(fileURLWithPath: path(forKey: key)) }

    func lookup(_ key: String) -> Lookup {
        guard let bytes = ContentReader.readAll(path(forKey: key)) else { return .miss }
        guard let entry = try? JSONDecoder().decode(Entry.self, from: Data(bytes)) else { return .rejected("not a cache entry") }
        if entry.format != Self.formatVersion || entry.quizc != quizcVersion || entry.numerics != numericsVersion {
            return .rejected("stale versions")
        }
        if entry.key != key { return .rejected("key mismatch") }
        guard let digest = Self.digest(of: entry.result), digest == entry.resultHash else { return .rejected("result hash mismatch") }
        return .hit(entry.result)
    }

    /// Writes the entry atomically (a temporary file renamed into place), so readers never see half an entry
    /// (`CacheFile`: not flushed to the disk; `lookup` rejects an entry a crash damaged).
    func store(_ result: ExecutionResult, key: String) throws {
        guard let digest = Self.digest(of: result) else { return }
        let entry = Entry(format: Self.formatVersion, key: key, quizc: quizcVersion, numerics: numericsVersion,
                          resultHash: digest, result: result)
        try CacheFile.write(try Self.encoder.encode(entry), toPath: path(forKey: key))
    }

    private static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }

    /// A hash of every field of the result, length-prefixed in a fixed order (variables sorted by name): it catches
    /// an entry whose JSON still decodes but whose text was damaged.
    static func digest(of result: ExecutionResult) -> String? {
        var hasher = Fingerprint()
        func add(_ label: String, _ text: String) {
            hasher.combine("\(label) \(text.utf8.count)\n")
            hasher.combine(text)
        }
        add("stdout", result.stdout)
        if let error = result.error {
            add("error type", error.type)
            add("error message", error.message)
            if let location = error.location { add("error at", location.description) }
        }
        for name in result.variables.keys.sorted() {
            add("variable", name)
            add("value", result.variables[name] ?? "")
        }
        for name in result.globals { add("global", name) }
        return hasher.hex
    }
}
