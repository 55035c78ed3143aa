import Foundation
import QuizCore
import Testing
@testable import QuizSite

@Suite struct QuizSiteTests {
    static let output: [String: [UInt8]] = try! QuizSite.render(site: SeedSite.site, templates: .builtIn)

    static func text(_ path: String) throws -> String {
        String(decoding: try #require(output[path]), as: UTF8.self)
    }

    @Test func writesTheDocumentedLayout() {
        #expect(Self.output.keys.sorted() == [
            "api/index.json", "api/schema/index.schema.json", "api/schema/quiz.schema.json",
            "api/self-attention-master.json", "api/tensor-basics.json",
            "assets/quiz.css", "assets/quiz.js", "index.html",
            "self-attention-master/index.html", "tensor-basics/index.html",
        ])
    }

    @Test func renderingIsDeterministic() throws {
        let again = try QuizSite.render(site: SeedSite.site, templates: .builtIn)
        #expect(again == Self.output)
    }

    @Test func concurrentRenderingGivesTheSameFiles() async throws {
        let concurrent = try await QuizSite.renderConcurrently(site: SeedSite.site, templates: .builtIn)
        #expect(concurrent == Self.output)
    }

    @Test func quizCatalogAndSharedFilesRenderSeparately() throws {
        let renderer = try SiteRenderer(templates: .builtIn)
        var files = renderer.renderSharedFiles().merging(renderer.renderCatalog(SeedSite.site)) { $1 }
        for quiz in SeedSite.site.quizzes {
            let quizFiles = renderer.renderQuiz(quiz, site: SeedSite.site.site)
            #expect(quizFiles.keys.sorted() == ["api/\(quiz.quiz.slug).json", "\(quiz.quiz.slug)/index.html"])
            files.merge(quizFiles) { $1 }
        }
        #expect(files == Self.output)
        #expect(renderer.usesCompiledTemplates)
    }

    @Test func templatesBeyondTheCompiledSubsetRenderWithSwiftMustache() throws {
        let overlay = TemplateSet(files: ["catalog.mustache": .init(path: "site/catalog.mustache",
                                                                    bytes: Array("{{%CONTENT_TYPE:TEXT}}<{{quizCount}} quizzes>".utf8))])
        let templates = TemplateSet.builtIn.overlaid(with: overlay)
        #expect(try !SiteRenderer(templates: templates).usesCompiledTemplates)
        let html = String(decoding: try #require(try QuizSite.render(site: SeedSite.site, templates: templates)["index.html"]),
                          as: UTF8.self)
        #expect(html.contains("<2 quizzes>"))
    }

    /// The page contexts handed to swift-mustache (rebuilt from the typed values) render the built-in templates to the
    /// same bytes as the compiled renderer; an unused template outside the compiled subset forces swift-mustache.
    @Test func swiftMustacheRendersTheSameSiteFromTheRebuiltContexts() throws {
        let overlay = TemplateSet(files: ["partials/unused.mustache": .init(path: "site/partials/unused.mustache",
                                                                           bytes: Array("{{%CONTENT_TYPE:TEXT}}".utf8))])
        let templates = TemplateSet.builtIn.overlaid(with: overlay)
        #expect(try !SiteRenderer(templates: templates).usesCompiledTemplates)
        let files = try QuizSite.render(site: SeedSite.site, templates: templates)
        #expect(files.keys.sorted() == Self.output.keys.sorted())
        for (path, bytes) in files {
            #expect(String(decoding: bytes, as: UTF8.self) == String(decoding: Self.output[path]!, as: UTF8.self), "\(path)")
        }
    }

    @Test(arguments: ["index.html", "self-attention-master/index.html", "tensor-basics/index.html",
                      "api/index.json", "api/self-attention-master.json", "api/tensor-basics.json"])
    func matchesGoldenFile(path: String) throws {
        try Golden.check(try Self.text(path), against: path)
    }

    @Test func catalogListsEveryQuizWithItsFacts() throws {
        let html = try Self.text("index.html")
        #expect(html.contains("<a href=\"self-attention-master/index.html\">Self-Attention Master</a>"))
        #expect(html.contains("<dd>5 challenges</dd>"))
        #expect(html.contains("<dd>8 min</dd>"))
        #expect(html.contains("<li class=\"chip chip-beginner\">1 beginner</li><li class=\"chip chip-intermediate\">2 intermediate</li><li class=\"chip chip-advanced\">1 advanced</li><li class=\"chip chip-expert\">1 expert</li>"))
        #expect(html.contains("<li>#transformers</li>"))
        #expect(html.contains("<a href=\"tensor-basics/index.html\">Tensor Basics</a>"))
    }

    @Test func pagesUseOnlyRelativeURLs() throws {
        for path in ["index.html", "self-attention-master/index.html"] {
            let html = try Self.text(path)
            #expect(!html.contains("http://") && !html.contains("https://"), "\(path) references the network")
            #expect(!html.contains("href=\"/") && !html.contains("src=\"/"), "\(path) has a root-relative URL")
        }
        let quiz = try Self.text("self-attention-master/index.html")
        #expect(quiz.contains("<link rel=\"stylesheet\" href=\"../assets/quiz.css\">"))
        #expect(quiz.contains("<script src=\"../assets/quiz.js\"></script>"))
    }

    @Test func quizPageShowsProgressLabelsTimerAttemptsHintAndExplanation() throws {
        let html = try Self.text("self-attention-master/index.html")
        #expect(html.contains("<span class=\"q-progress\">Question 2 of 5</span>"))
        #expect(html.contains("<span class=\"chip chip-label\">Model Choice</span>"))
        #expect(html.contains("<span class=\"chip chip-label\">Hyperparameter</span>"))
        #expect(html.contains("<span class=\"chip chip-label\">Conceptual</span>"))
        #expect(html.contains("<span class=\"chip chip-expert\">Expert</span>"))
        #expect(html.contains("<span class=\"sr-only\">Time limit </span>2:00</span>"))
        #expect(html.contains("<span class=\"q-attempts\" data-attempts>2 attempts</span>"))
        #expect(html.contains("<summary>Hint</summary>"))
        #expect(html.contains("<p>Think about what happens to softmax when its inputs are very large.</p>"))
        #expect(html.contains("<summary>Explanation</summary>"))
        #expect(html.contains("<textarea id=\"q-01-sdpa-output-text\""))
        #expect(html.contains("<label class=\"instruction\" for=\"q-01-sdpa-output-text\">"))
        #expect(html.contains("aria-live=\"polite\""))
        #expect(html.contains("focusable=\"false\">") && html.contains("</svg> Badge: Attention Master</p>"))
    }

    @Test func codeIsHighlightedWithThePluggedHighlighter() throws {
        let output = try QuizSite.render(site: SeedSite.site, templates: .builtIn, highlighter: MarkingHighlighter())
        let html = String(decoding: try #require(output["self-attention-master/index.html"]), as: UTF8.self)
        #expect(html.contains("<span class=\"tok-builtin\">print</span>(output)\n<!--python--></code></pre>"))
    }

    /// The page must not give answers away: no stated answer text, no computed output, no marked-choice flag.
    @Test func pageSourceContainsNoAnswer() throws {
        for quiz in SeedSite.site.quizzes {
            let html = try Self.text("\(quiz.quiz.slug)/index.html")
            for compiled in quiz.challenges {
                if let answer = compiled.challenge.answer?.code {
                    #expect(!html.contains(AnswerKey.normalize(answer)))
                    #expect(!html.contains(HTML.escape(AnswerKey.normalize(answer))))
                }
                if let error = compiled.result?.error { #expect(!html.contains(error.message)) }
            }
            #expect(!html.contains("isMarked") && !html.contains("correct\""))
        }
    }

    @Test func pageDataCarriesSaltedKeysThatMatchTheRightAnswers() throws {
        let html = try Self.text("self-attention-master/index.html")
        let start = try #require(html.range(of: "<script type=\"application/json\" id=\"quiz-data\">"))
        let end = try #require(html.range(of: "</script>", range: start.upperBound..<html.endIndex))
        let data = try JSONNode.parse(Data(html[start.upperBound..<end.lowerBound].utf8))
        guard case .string(let salt)? = data["salt"], case .array(let questions)? = data["questions"] else {
            Issue.record("quiz data lacks salt or questions"); return
        }
        #expect(questions.count == 5)
        let expected = [("01-sdpa-output", AnswerKey.textValue(SeedSite.sdpaOutput)),
                        ("02-mha-output-shape", "choice:1"), ("03-scaling-factor", "choice:1"),
                        ("04-shape-bug", "choice:1"), ("05-causal-mask", "choice:1")]
        for (question, (id, value)) in zip(questions, expected) {
            #expect(question["id"]?.description == "\"\(id)\"")
            #expect(question["key"]?.description == "\"\(AnswerKey.hash(salt: salt, challengeID: id, value: value))\"")
        }
        #expect(questions[1]["key"]?.description != "\"\(AnswerKey.hash(salt: salt, challengeID: "02-mha-output-shape", value: "choice:0"))\"")
        #expect(data["storageKey"]?.description.hasPrefix("\"quizc:self-attention-master:") == true)
    }

    @Test func editingAQuizChangesItsContentHashAndStorageKey() throws {
        var site = SeedSite.site
        site.quizzes[0].challenges[2].challenge.title += "?"
        let edited = try QuizSite.render(site: site, templates: .builtIn)
        let before = try JSONNode.parse(Data(try #require(Self.output["api/self-attention-master.json"])))
        let after = try JSONNode.parse(Data(try #require(edited["api/self-attention-master.json"])))
        #expect(before["contentHash"]?.description != after["contentHash"]?.description)
        #expect(before["salt"]?.description != after["salt"]?.description)
        #expect(Self.output["api/tensor-basics.json"] == edited["api/tensor-basics.json"])
    }

    @Test func durationsAreFormattedLikeAClock() {
        #expect(clockText(120) == "2:00")
        #expect(clockText(65) == "1:05")
        #expect(durationText(501) == "9 min")
        #expect(durationText(45) == "45 s")
    }
}
