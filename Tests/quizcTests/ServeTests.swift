import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
@testable import quizc

@Suite struct ServeTests {
    @Test(arguments: [("/", "index.html"), ("/index.html", "index.html"), ("/tensor-basics/", "tensor-basics/index.html"),
                      ("/assets/quiz.css", "assets/quiz.css"), ("/api/a%20b.json", "api/a b.json")])
    func mapsRequestPathsToOutputFiles(request: String, file: String) {
        #expect(LiveReload.filePath(for: request) == file)
    }

    @Test(arguments: ["/../etc/passwd", "/a/../../b", "/.git/config", "/%2E%2E/x"])
    func refusesPathsOutsideTheOutput(request: String) {
        #expect(LiveReload.filePath(for: request) == nil)
    }

    @Test func injectsTheReloadScriptBeforeTheClosingBody() {
        #expect(LiveReload.inject(into: "<html><body><p>x</p></body></html>")
            == "<html><body><p>x</p><script src=\"/__quizc/reload.js\"></script></body></html>")
        #expect(LiveReload.inject(into: "<p>x</p>") == "<p>x</p><script src=\"/__quizc/reload.js\"></script>")
    }

    /// Files as they are (HTML with the reload script), folders as their index.html; 403 outside, 404 when missing.
    @Test func repliesWithTheOutputsFiles() throws {
        let folder = try scratchFolder("serve-replies")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("quiz"), withIntermediateDirectories: true)
        try Data("<body>q</body>".utf8).write(to: folder.appendingPathComponent("quiz/index.html"))
        try Data("{}".utf8).write(to: folder.appendingPathComponent("a.json"))
        #expect(LiveReload.fileReply(for: "/quiz", in: folder) == LiveReload.Reply(
            status: 200, contentType: "text/html; charset=utf-8",
            body: Array("<body>q<script src=\"/__quizc/reload.js\"></script></body>".utf8)))
        #expect(LiveReload.fileReply(for: "/a.json", in: folder) == LiveReload.Reply(status: 200, contentType: "application/json",
                                                                                   body: Array("{}".utf8)))
        #expect(LiveReload.fileReply(for: "/b.json", in: folder).status == 404)
        #expect(LiveReload.fileReply(for: "/%2e%2e/a.json", in: folder).status == 403)
        #expect(String(decoding: LiveReload.statusReply(version: 3, diagnostics: ["x"]).body, as: UTF8.self)
            == "{\"diagnostics\":[\"x\"],\"version\":3}")
    }

    @Test func contentTypes() {
        #expect(LiveReload.contentType(for: "a/index.html") == "text/html; charset=utf-8")
        #expect(LiveReload.contentType(for: "assets/quiz.js") == "text/javascript; charset=utf-8")
        #expect(LiveReload.contentType(for: "api/x.json") == "application/json")
    }

    @Test func watcherSeesEditedFiles() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("quizc-watch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "a".write(to: folder.appendingPathComponent("q.md"), atomically: true, encoding: .utf8)
        let before = ChangeWatcher.snapshot([folder])
        #expect(before == ChangeWatcher.snapshot([folder]))
        try "ab".write(to: folder.appendingPathComponent("q.md"), atomically: true, encoding: .utf8)
        #expect(before != ChangeWatcher.snapshot([folder]))
    }
}

/// `quizc serve` as a binary on a loopback port: serves the build, injects the reload script, and reports a
/// broken template on the status endpoint after rebuilding.
@Suite struct ServeProcessTests {
    func get(_ url: URL) async -> (Int, String)? {
        guard let (data, response) = try? await URLSession.shared.data(from: url) else { return nil }
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
    }

    @Test func servesRebuildsAndReportsErrors() async throws {
        let project = try BuildTests.project()
        defer { try? FileManager.default.removeItem(at: project) }
        let port = Int.random(in: 41_000..<49_000)
        let process = Process()
        process.executableURL = quizcBinary()
        process.arguments = ["serve", "--port", "\(port)"]
        process.currentDirectoryURL = project
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { process.terminate(); process.waitUntilExit() }
        let base = URL(string: "http://127.0.0.1:\(port)")!

        var status: (Int, String)?
        for _ in 0..<100 where status == nil {
            try await Task.sleep(for: .milliseconds(100))
            status = await get(base.appendingPathComponent("__quizc/status"))
        }
        #expect(status?.1 == "{\"diagnostics\":[],\"version\":1}")
        let page = await get(base.appendingPathComponent("basics/"))
        #expect(page?.0 == 200)
        #expect(page?.1.contains("<script src=\"/__quizc/reload.js\"></script></body>") == true)
        #expect(await get(base.appendingPathComponent("missing.html"))?.0 == 404)
        var post = URLRequest(url: base.appendingPathComponent("index.html"))
        post.httpMethod = "POST"
        #expect(((try? await URLSession.shared.data(for: post))?.1 as? HTTPURLResponse)?.statusCode == 405)

        let templates = project.appendingPathComponent("templates")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        try "{{#quizzes}}\n{{/quiz}}\n".write(to: templates.appendingPathComponent("catalog.mustache"), atomically: true, encoding: .utf8)
        var reported = false
        for _ in 0..<60 where !reported {
            try await Task.sleep(for: .milliseconds(250))
            reported = await get(base.appendingPathComponent("__quizc/status"))?.1
                == "{\"diagnostics\":[\"templates\\/catalog.mustache:2:4: error: template error: section closed with the wrong name\"],\"version\":2}"
        }
        #expect(reported)
        #expect(await get(base.appendingPathComponent("index.html"))?.0 == 200)
    }

    /// After an edit, serve re-runs only the edited snippet: the others come from the result cache.
    @Test func aRebuildRunsOnlyTheEditedSnippet() async throws {
        let project = try BuildTests.project()
        defer { try? FileManager.default.removeItem(at: project) }
        let log = project.appendingPathComponent("serve.log")
        try Data().write(to: log)
        let port = Int.random(in: 41_000..<49_000)
        let process = Process()
        process.executableURL = quizcBinary()
        process.arguments = ["serve", "--port", "\(port)"]
        process.currentDirectoryURL = project
        process.standardOutput = try FileHandle(forWritingTo: log)
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { process.terminate(); process.waitUntilExit() }

        func waitForLog(_ text: String) async throws -> Bool {
            for _ in 0..<100 {
                if timeless(try String(contentsOf: log, encoding: .utf8)).contains(text) { return true }
                try await Task.sleep(for: .milliseconds(100))
            }
            return false
        }
        #expect(try await waitForLog("built 3 challenges in 2 quizzes in T s (0 cached), wrote 10 files to output\n"))
        let sum = project.appendingPathComponent("content/basics/01-sum.md")
        let edited = try String(contentsOf: sum, encoding: .utf8)
            .replacingOccurrences(of: "total = sum(range(4))", with: "total = sum(range(4)) + 0")
        try edited.write(to: sum, atomically: true, encoding: .utf8)
        #expect(try await waitForLog("change detected, rebuilding\nbuilt 3 challenges in 2 quizzes in T s (1 cached, 1 quiz unchanged), wrote 10 files to output\n"))
    }
}
