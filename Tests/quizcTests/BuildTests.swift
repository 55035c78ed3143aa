import Foundation
import Testing
@testable import quizc

/// `quizc build` run as a binary over a small content folder whose snippets are plain Python.
@Suite struct BuildTests {
    static let content = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/build-content")

    static func project() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("quizc-build-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: content, to: folder.appendingPathComponent("content"))
        return folder
    }

    static func snapshot(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let base = folder.standardizedFileURL.path
        for case let url as URL in FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])! {
            if try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true {
                files[String(url.standardizedFileURL.path.dropFirst(base.count + 1))] = try Data(contentsOf: url)
            }
        }
        return files
    }

    @Test func buildsTheDocumentedLayoutTwiceByteIdentical() throws {
        let project = try Self.project()
        defer { try? FileManager.default.removeItem(at: project) }
        let first = try runQuizc(["build"], cwd: project)
        #expect(first.status == 0)
        #expect(timeless(first.stdout) == "built 3 challenges in 2 quizzes in T s (0 cached), wrote 10 files to output\n")
        #expect(first.stderr == "")
        let output = project.appendingPathComponent("output")
        let once = try Self.snapshot(output)
        #expect(once.keys.sorted() == [
            "api/basics.json", "api/index.json", "api/lists.json", "api/schema/index.schema.json",
            "api/schema/quiz.schema.json", "assets/quiz.css", "assets/quiz.js",
            "basics/index.html", "index.html", "lists/index.html",
        ])
        let second = try runQuizc(["build"], cwd: project)
        #expect(timeless(second.stdout) == "built 3 challenges in 2 quizzes in T s (2 cached, 2 quizzes unchanged), wrote 10 files to output\n")
        #expect(try Self.snapshot(output) == once)
    }

    @Test func theCacheHoldsOneEntryPerChallengeWithCodeAndNoCacheBypassesIt() throws {
        let project = try Self.project()
        defer { try? FileManager.default.removeItem(at: project) }
        #expect(try runQuizc(["build"], cwd: project).status == 0)
        let output = project.appendingPathComponent("output")
        let cached = try Self.snapshot(output)
        let entries = try FileManager.default.contentsOfDirectory(atPath: project.appendingPathComponent(".quizc-cache/results").path)
        #expect(entries.count == 2)
        #expect(entries.allSatisfy { $0.hasSuffix(".json") && $0.count == 69 })
        let fresh = try runQuizc(["build", "--no-cache"], cwd: project)
        #expect(timeless(fresh.stdout) == "built 3 challenges in 2 quizzes in T s, wrote 10 files to output\n")
        #expect(try Self.snapshot(output) == cached)
    }

    @Test func aCorruptCacheEntryIsRebuiltAndGivesTheSameSite() throws {
        let project = try Self.project()
        defer { try? FileManager.default.removeItem(at: project) }
        #expect(try runQuizc(["build"], cwd: project).status == 0)
        let output = project.appendingPathComponent("output")
        let before = try Self.snapshot(output)
        let results = project.appendingPathComponent(".quizc-cache/results")
        for name in try FileManager.default.contentsOfDirectory(atPath: results.path) {
            try Data("{}".utf8).write(to: results.appendingPathComponent(name))
        }
        // Without its build state the next build compiles every quiz again, so it reads every (corrupt) result.
        let cache = project.appendingPathComponent(".quizc-cache")
        for name in try FileManager.default.contentsOfDirectory(atPath: cache.path) where name.hasPrefix("build-") {
            try FileManager.default.removeItem(at: cache.appendingPathComponent(name))
        }
        let rebuilt = try runQuizc(["build"], cwd: project)
        #expect(timeless(rebuilt.stdout) == "built 3 challenges in 2 quizzes in T s (0 cached), wrote 10 files to output\n")
        #expect(try Self.snapshot(output) == before)
        #expect(timeless(try runQuizc(["build"], cwd: project).stdout).contains("(2 cached, 2 quizzes unchanged)"))
    }

    /// The same site, byte for byte, whether challenges run one at a time, a few at a time or all at once.
    @Test func everyConcurrencyWidthWritesTheSameBytes() async throws {
        let project = try Self.project()
        defer { try? FileManager.default.removeItem(at: project) }
        var sites: [[String: Data]] = []
        for width in [1, 2, nil] as [Int?] {
            let run = RunExecutor(progress: BuildProgress(style: .silent, cacheStats: nil) { _ in }, cacheStats: nil)
            var builder = SiteBuilder.current(run)
            builder.compile = { await SiteBuilder.compileContent($0, run: run, width: width, whenCompiled: $1) }
            let folder = "output-\(width.map(String.init) ?? "all")"
            var paths = try SitePaths.parse(["--content", project.appendingPathComponent("content").path,
                                             "--output", project.appendingPathComponent(folder).path])
            paths.templates = nil
            let outcome = await builder.build(paths)
            #expect(outcome.status == .written(10))
            sites.append(try Self.snapshot(project.appendingPathComponent(folder)))
        }
        #expect(sites[0].count == 10)
        #expect(sites[1] == sites[0])
        #expect(sites[2] == sites[0])
    }

    @Test func aTemplateErrorExitsOneWithItsLocationAndKeepsThePreviousOutput() throws {
        let project = try Self.project()
        defer { try? FileManager.default.removeItem(at: project) }
        #expect(try runQuizc(["build"], cwd: project).status == 0)
        let before = try Self.snapshot(project.appendingPathComponent("output"))
        let templates = project.appendingPathComponent("templates")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        try "<main>\n{{#quizzes}}\n{{title}}\n{{/quiz}}\n".write(to: templates.appendingPathComponent("catalog.mustache"),
                                                              atomically: true, encoding: .utf8)
        let result = try runQuizc(["build"], cwd: project)
        #expect(result.status == 1)
        #expect(result.stderr == "templates/catalog.mustache:4:4: error: template error: section closed with the wrong name\n    {{/quiz}}\n")
        #expect(try Self.snapshot(project.appendingPathComponent("output")) == before)
    }

    @Test func templateOverridesComeFromTheTemplatesOption() throws {
        let project = try Self.project()
        defer { try? FileManager.default.removeItem(at: project) }
        let theme = project.appendingPathComponent("theme/assets")
        try FileManager.default.createDirectory(at: theme, withIntermediateDirectories: true)
        try "body { color: red }\n".write(to: theme.appendingPathComponent("quiz.css"), atomically: true, encoding: .utf8)
        #expect(try runQuizc(["build", "--templates", "theme", "--output", "site"], cwd: project).status == 0)
        let css = try String(contentsOf: project.appendingPathComponent("site/assets/quiz.css"), encoding: .utf8)
        #expect(css == "body { color: red }\n")
    }

    @Test func missingContentExitsOne() throws {
        let project = try Self.project()
        defer { try? FileManager.default.removeItem(at: project) }
        let result = try runQuizc(["build", "--content", "nowhere"], cwd: project)
        #expect(result.status == 1)
        #expect(result.stderr == "nowhere:1:1: error: cannot read the content: nowhere: no such file or folder\n")
        #expect(!FileManager.default.fileExists(atPath: project.appendingPathComponent("output").path))
    }
}

/// Output with every `in 0.84 s` duration replaced by `in T s`.
func timeless(_ text: String) -> String {
    text.replacingOccurrences(of: #"in [0-9]+\.[0-9]+ s"#, with: "in T s", options: .regularExpression)
}
