import Foundation
import Testing
@testable import QuizSite

/// `DefaultTemplates.swift` is generated from the repository's `templates/` folder; this test keeps the two equal
/// and rewrites the Swift file when run with `QUIZC_RECORD=1`.
@Suite struct DefaultTemplatesTests {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let generated = repo.appendingPathComponent("Sources/QuizSite/DefaultTemplates.swift")

    static func templateFiles() throws -> [String: String] {
        let folder = repo.appendingPathComponent("templates")
        var files: [String: String] = [:]
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = enumerator?.nextObject() as? URL {
            guard try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true else { continue }
            let relative = String(url.standardizedFileURL.path.dropFirst(folder.standardizedFileURL.path.count + 1))
            if relative == "README.md" { continue }
            files[relative] = try String(contentsOf: url, encoding: .utf8)
        }
        return files
    }

    static func swiftSource(_ files: [String: String]) throws -> String {
        var out = "// Generated from templates/ by `QUIZC_RECORD=1 swift test --filter DefaultTemplatesTests`; do not edit.\n"
        out += "\n"
        out += "/// The repository's `templates/` folder, compiled in so `quizc` works without it on disk.\n"
        out += "enum DefaultTemplates {\n    static let files: [String: String] = [\n"
        for name in files.keys.sorted() {
            out += "        \"\(name)\": ##\"\"\"\n\(files[name]!)\n\"\"\"##,\n"
        }
        out += "    ]\n\n"
        out += "    /// The `.mustache` files as `CompiledTemplates(serialized:)` reads them.\n"
        out += "    static let compiledTemplates = ##\"\"\"\n\(try compiledTemplates(files))\n\"\"\"##\n}\n"
        return out
    }

    /// `CompiledTemplates.serialized` of the templates among `files`.
    static func compiledTemplates(_ files: [String: String]) throws -> String {
        var set = TemplateSet(files: [:])
        for (name, text) in files { set.files[name] = TemplateSet.File(path: "templates/" + name, bytes: Array(text.utf8)) }
        return try #require(CompiledTemplates(try set.parsed().templates)).serialized
    }

    @Test func embeddedCopyMatchesTemplatesFolder() throws {
        let files = try Self.templateFiles()
        if ProcessInfo.processInfo.environment["QUIZC_RECORD"] == "1" {
            try Self.swiftSource(files).write(to: Self.generated, atomically: true, encoding: .utf8)
        }
        #expect(files.keys.sorted() == DefaultTemplates.files.keys.sorted())
        for (name, text) in files {
            #expect(DefaultTemplates.files[name] == text, "templates/\(name) changed: re-run with QUIZC_RECORD=1")
        }
        #expect(DefaultTemplates.compiledTemplates == (try Self.compiledTemplates(files)),
                "templates/ changed: re-run with QUIZC_RECORD=1")
    }

    /// The shipped compiled form is exactly what parsing the built-in templates gives.
    @Test func builtInTemplatesShipCompiled() throws {
        let parsed = try #require(CompiledTemplates(try TemplateSet.builtIn.parsed().templates))
        #expect(CompiledTemplates.builtIn == parsed)
        #expect(CompiledTemplates(serialized: parsed.serialized) == parsed)
        #expect(try SiteRenderer(templates: .builtIn).compiled == parsed)
    }

    @Test func builtInSetHasTheRequiredTemplatesAndAssets() {
        let files = TemplateSet.builtIn.files
        for name in ["layout.mustache", "catalog.mustache", "quiz.mustache", "partials/question.mustache",
                     "partials/predict-output.mustache", "partials/multiple-choice.mustache", "partials/debug.mustache",
                     "partials/conceptual.mustache", "assets/quiz.css", "assets/quiz.js"] {
            #expect(files[name]?.path == "templates/" + name)
        }
    }
}
