import QuizCore
import Testing
@testable import QuizCompiler

@Suite struct ContentLoaderTests {
    static let challenge = """
        ---
        type: conceptual
        tags: [softmax]
        ---

        # Why?

        ## Choices

        - [x] yes
        - [ ] no

        ## Hint

        h

        ## Explanation

        e

        """

    static func bundle(site: String?, quiz: String) -> ContentBundle {
        ContentBundle(siteFile: site.map { ContentFile(path: "content/site.yml", text: $0) }, quizzes: [.init(
            path: "content/attention", quizFile: ContentFile(path: "content/attention/quiz.md", text: quiz),
            challengeFiles: [ContentFile(path: "content/attention/01-why.md", text: challenge)])])
    }

    @Test func readsSiteQuizAndInheritedDefaults() throws {
        let quiz = "---\ntitle: Attention\ndescription: Five questions\nbadge: Master\npass: 80%\ntime: \"1:30\"\nattempts: 3\ndifficulty: expert\n---\n\nIntro *text*.\n"
        let (site, diagnostics) = ContentLoader.load(Self.bundle(
            site: "title: Quizzes\nbase_url: /q/\nlanguage: de\nunsafe_html: true\n", quiz: quiz))
        #expect(diagnostics.isEmpty)
        #expect(site.title == "Quizzes")
        #expect(site.baseURL == "/q/")
        #expect(site.language == "de")
        #expect(site.unsafeHTML)
        let loaded = try #require(site.quizzes.first)
        #expect(loaded.slug == "attention")
        #expect(loaded.title == "Attention")
        #expect(loaded.description == "Five questions")
        #expect(loaded.badge == "Master")
        #expect(loaded.pass == .percent(80))
        #expect(loaded.intro.html == "<p>Intro <em>text</em>.</p>\n")
        let challenge = try #require(loaded.challenges.first)
        #expect(challenge.id == "01-why")
        #expect(challenge.difficulty == .expert)
        #expect(challenge.timeSeconds == 90)
        #expect(challenge.attempts == 3)
        #expect(challenge.tags == ["softmax"])
        #expect(challenge.choices.map(\.isMarked) == [true, false])
        #expect(challenge.hint?.location == SourceLocation(file: "content/attention/01-why.md", line: 15, column: 1))
    }

    @Test func reportsUnknownSiteKeysAndBadPass() {
        let (_, diagnostics) = ContentLoader.load(Self.bundle(
            site: "title: Q\nbaseurl: /\n", quiz: "---\ntitle: A\npass: most\ndifficulty: beginner\n---\n"))
        #expect(diagnostics.map(\.message) == [
            "unknown site.yml front-matter key `baseurl`; did you mean `base_url`?",
            "invalid `pass`: expected `all` or a percentage like `80%`, found `most`",
        ])
        #expect(diagnostics.map(\.location) == [
            SourceLocation(file: "content/site.yml", line: 2, column: 1),
            SourceLocation(file: "content/attention/quiz.md", line: 3, column: 7),
        ])
    }

    @Test(arguments: [("all", PassRule.all), ("100%", .percent(100)), ("75", .percent(75))])
    func parsesPassRules(_ text: String, _ expected: PassRule) {
        #expect(PassRule(parsing: text) == expected)
    }

    @Test(arguments: ["0%", "101%", "most", ""])
    func rejectsBadPassRules(_ text: String) {
        #expect(PassRule(parsing: text) == nil)
    }
}
