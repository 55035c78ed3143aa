import Foundation
import QuizCompiler
import QuizCore
import Testing
@testable import quizc

/// A challenge with one `python` fence holding `code` whose first code line is `line`.
func cacheChallenge(path: String = "content/q/01-a.md", code: String = "print(1)\n", line: Int = 8,
                    answer: String = "1\n") -> Challenge {
    let fence = CodeBlock(info: "python", language: "python", role: .run, code: code,
                          location: SourceLocation(file: path, line: line - 1), firstCodeLine: line)
    let answerBlock = CodeBlock(info: "text", language: "text", role: .text, code: answer,
                                location: SourceLocation(file: path, line: 20), firstCodeLine: 21)
    return Challenge(id: "01-a", path: path, type: .predictOutput, label: nil, difficulty: .beginner, timeSeconds: 60,
                     attempts: 1, tolerance: nil, multiple: false, tags: [], title: "A",
                     prompt: RichText(markdown: "", html: ""), codeBlocks: [fence], choices: [], answer: answerBlock,
                     hint: nil, explanation: nil, location: SourceLocation(file: path, line: 1))
}

func scratchFolder(_ name: String) throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("quizc-\(name)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
}

@Suite struct ResultCacheTests {
    static let result = ExecutionResult(
        stdout: "1\n", error: .init(type: "ValueError", message: "bad", location: SourceLocation(file: "content/q/01-a.md", line: 9)),
        variables: ["x": "1"])

    static func cache(_ folder: URL, quizc: String = "0.1.0", numerics: String = "1", executor: String = "interpreter") -> ResultCache {
        ResultCache(folder: folder, quizcVersion: quizc, numericsVersion: numerics, executorID: executor)
    }

    /// The expected digest was computed with Python's hashlib over the same text.
    @Test func theKeyIsTheSHA256OfTheVersionsPathAndFences() {
        // "quizc-result-cache 3\nquizc 0.1.0\nnumerics 1\nexecutor interpreter\npath 17 content/q/01-a.md\n"
        // + "fence run 7:1 8 9\nprint(1)\n\nvariables \n" (no text names a variable)
        #expect(Self.cache(URL(fileURLWithPath: "/tmp")).key(for: cacheChallenge())
                    == "019d20bcb01a2ba7d4a779d382f20232092c81dd2fc3cdabb8588bdb03018f53")
    }

    @Test func theKeyFollowsWhatResultsDependOnAndNothingElse() {
        let cache = Self.cache(URL(fileURLWithPath: "/tmp"))
        let base = cache.key(for: cacheChallenge())
        #expect(cache.key(for: cacheChallenge(answer: "2\n")) == base)
        // The globals a result prints follow the texts: a new placeholder or a quoted number changes the key.
        var named = cacheChallenge()
        named.explanation = RichText(markdown: "It prints {{ x }}.", html: "")
        #expect(cache.key(for: named) != base)
        var prose = cacheChallenge()
        prose.explanation = RichText(markdown: "Read the shapes.", html: "")
        #expect(cache.key(for: prose) == base)
        var quoting = cacheChallenge()
        quoting.hint = RichText(markdown: "The sum is 3.", html: "")
        #expect(cache.key(for: quoting) != base && cache.key(for: quoting) != cache.key(for: named))
        #expect(cache.key(for: cacheChallenge(code: "print(2)\n")) != base)
        #expect(cache.key(for: cacheChallenge(line: 9)) != base)
        #expect(cache.key(for: cacheChallenge(path: "content/q/01-b.md")) != base)
        #expect(Self.cache(URL(fileURLWithPath: "/tmp"), quizc: "0.2.0").key(for: cacheChallenge()) != base)
        #expect(Self.cache(URL(fileURLWithPath: "/tmp"), numerics: "2").key(for: cacheChallenge()) != base)
        #expect(Self.cache(URL(fileURLWithPath: "/tmp"), executor: "other").key(for: cacheChallenge()) != base)
    }

    @Test func aStoredResultIsReadBackAndAMissingOneIsAMiss() throws {
        let folder = try scratchFolder("cache")
        defer { try? FileManager.default.removeItem(at: folder) }
        let cache = Self.cache(folder)
        let key = cache.key(for: cacheChallenge())
        #expect(cache.lookup(key) == .miss)
        try cache.store(Self.result, key: key)
        #expect(cache.lookup(key) == .hit(Self.result))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("results/\(key).json").path))
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("results").path)
        #expect(names == ["\(key).json"])
    }

    /// Each case damages the stored entry; the lookup must refuse it with this reason.
    @Test(arguments: [
        ("truncated JSON", "not a cache entry"),
        ("other quizc version", "stale versions"),
        ("other numerics version", "stale versions"),
        ("other format", "stale versions"),
        ("other key inside", "key mismatch"),
        ("edited stdout", "result hash mismatch"),
    ])
    func aDamagedOrStaleEntryIsRejected(damage: String, reason: String) throws {
        let folder = try scratchFolder("cache")
        defer { try? FileManager.default.removeItem(at: folder) }
        let cache = Self.cache(folder)
        let key = cache.key(for: cacheChallenge())
        try cache.store(Self.result, key: key)
        let url = cache.url(forKey: key)
        let data = try Data(contentsOf: url)
        var entry = try JSONDecoder().decode(ResultCache.Entry.self, from: data)
        switch damage {
        case "truncated JSON": try data.prefix(data.count / 2).write(to: url)
        default:
            switch damage {
            case "other quizc version": entry.quizc = "0.0.9"
            case "other numerics version": entry.numerics = "0"
            case "other format": entry.format = 0
            case "other key inside": entry.key = String(repeating: "0", count: 64)
            default: entry.result.stdout = "2\n"
            }
            try JSONEncoder().encode(entry).write(to: url)
        }
        #expect(cache.lookup(key) == .rejected(reason))
    }

    @Test func theCacheLivesBesideTheContentFolder() {
        let site = ContentBundle(siteFile: ContentFile(path: "course/content/site.yml", text: ""), quizzes: [
            .init(path: "course/content/q", quizFile: nil, challengeFiles: [])])
        #expect(ResultCache.folder(for: site).path == URL(fileURLWithPath: "course/.quizc-cache").path)
        let quizOnly = ContentBundle(siteFile: nil, quizzes: [.init(path: "q", quizFile: nil, challengeFiles: [])])
        #expect(ResultCache.folder(for: quizOnly).path == URL(fileURLWithPath: ".quizc-cache").path)
    }
}
