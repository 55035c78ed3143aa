import Foundation
import Testing

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
        #expect(first.stdout == "wrote 10 files to output\n")
        #expect(first.stderr == "")
        let output = project.appendingPathComponent("output")
        let once = try Self.snapshot(output)
        #expect(once.keys.sorted() == [
            "api/basics.json", "api/index.json", "api/lists.json", "api/schema/index.schema.json",
            "api/schema/quiz.schema.json", "assets/quiz.css", "assets/quiz.js",
            "basics/index.html", "index.html", "lists/index.html",
        ])
        #expect(try runQuizc(["build"], cwd: project).status == 0)
        #expect(try Self.snapshot(output) == once)
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
