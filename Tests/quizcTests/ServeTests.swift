import Foundation
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
