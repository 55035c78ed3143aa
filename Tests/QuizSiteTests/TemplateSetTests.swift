import QuizCore
import Testing
@testable import QuizSite

@Suite struct TemplateSetTests {
    static func file(_ path: String, _ text: String) -> TemplateSet.File {
        TemplateSet.File(path: "site/templates/" + path, bytes: Array(text.utf8))
    }

    @Test func syntaxErrorIsADiagnosticAtTheTemplatesPathAndLine() throws {
        let broken = TemplateSet.builtIn.overlaid(with: TemplateSet(files: [
            "catalog.mustache": Self.file("catalog.mustache", "<main>\n<ul>\n{{#quizzes}}\n<li>{{title}}</li>\n{{/quiz}}\n</ul>\n"),
        ]))
        let error = try #require(throws: QuizSiteError.self) { try QuizSite.render(site: SeedSite.site, templates: broken) }
        #expect(error.diagnostics.count == 1)
        let diagnostic = try #require(error.diagnostics.first)
        #expect(diagnostic.location.file == "site/templates/catalog.mustache")
        #expect(diagnostic.location.line == 5)
        #expect(diagnostic.message == "template error: section closed with the wrong name")
        #expect(diagnostic.rule == "template-syntax")
    }

    @Test func unclosedSectionIsReported() throws {
        let broken = TemplateSet.builtIn.overlaid(with: TemplateSet(files: [
            "partials/choices.mustache": Self.file("partials/choices.mustache", "{{#choices}}\n<li>{{letter}}</li>\n"),
        ]))
        let error = try #require(throws: QuizSiteError.self) { try QuizSite.render(site: SeedSite.site, templates: broken) }
        #expect(error.diagnostics.map(\.location.file) == ["site/templates/partials/choices.mustache"])
        #expect(error.diagnostics.first?.message == "template error: section is never closed")
    }

    @Test func missingLayoutIsReported() throws {
        var set = TemplateSet.builtIn
        set.files["layout.mustache"] = nil
        let error = try #require(throws: QuizSiteError.self) { try QuizSite.render(site: SeedSite.site, templates: set) }
        #expect(error.diagnostics.map(\.message) == ["missing template 'layout.mustache'"])
    }

    @Test func overridesReplaceTemplatesAndAssetsByRelativePath() throws {
        let custom = TemplateSet.builtIn.overlaid(with: TemplateSet(files: [
            "catalog.mustache": Self.file("catalog.mustache", "<p>{{quizCount}} quizzes</p>"),
            "assets/quiz.css": Self.file("assets/quiz.css", "body{}"),
            "assets/logo.svg": Self.file("assets/logo.svg", "<svg/>"),
        ]))
        let output = try QuizSite.render(site: SeedSite.site, templates: custom)
        #expect(String(decoding: try #require(output["index.html"]), as: UTF8.self).contains("<p>2 quizzes</p>"))
        #expect(output["assets/quiz.css"] == Array("body{}".utf8))
        #expect(output["assets/logo.svg"] == Array("<svg/>".utf8))
        #expect(output["assets/quiz.js"] == TemplateSet.builtIn.files["assets/quiz.js"]?.bytes)
    }
}

/// The byte scan for `{{> name}}` tags finds what the regular expression finds.
@Suite struct PartialTagScanTests {
    @Test(arguments: ["<li>{{> question}}</li>", "{{>a}}{{>  b  }} {{> c d}} {{>}} {{> e}", "x {{{> f}} {{>\tg\t}}}", "no tags", "{{> h"])
    func matchesTheRegularExpression(line: String) throws {
        let scanned = try #require(TemplateSet.asciiPartialTags(in: Substring(line)))
        let matched = line.matches(of: /\{\{>\s*([^\s}]+)\s*\}\}/).map { match in
            (name: String(match.1), column: line.distance(from: line.startIndex, to: match.range.lowerBound) + 1)
        }
        #expect(scanned.map(\.name) == matched.map(\.name))
        #expect(scanned.map(\.column) == matched.map(\.column))
    }

    @Test func otherLinesAreLeftToTheRegularExpression() {
        #expect(TemplateSet.asciiPartialTags(in: "é {{> a}}") == nil)
        #expect(TemplateSet.asciiPartialTags(in: "\r\n{{> a}}") == nil)
    }
}
