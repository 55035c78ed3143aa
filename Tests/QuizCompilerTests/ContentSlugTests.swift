import QuizCore
import Testing
@testable import QuizCompiler

/// Quiz folder names and challenge ids become URLs and element ids, so they must be slugs.
@Suite struct ContentSlugTests {
    static let slugs = ["a", "0", "basics", "self-attention-master", "01-sum", "a_b-9", "kv_cache", "9lives"]
    static let notSlugs = ["", "..lists", ".hidden", "a <b>", "Basics", "-lead", "_lead", "a/b", "a.b", "a b", "café",
                           "a+b", "../../etc", "a\u{0}b", "ａ"]

    @Test(arguments: slugs)
    func slugsAreAccepted(_ name: String) {
        #expect(ContentBundle.isSlug(name))
    }

    @Test(arguments: notSlugs)
    func everythingElseIsRefused(_ name: String) {
        #expect(!ContentBundle.isSlug(name))
    }

    static let challenge = "---\ntype: conceptual\ndifficulty: beginner\n---\n\n# Q\n\n## Choices\n\n- [x] a\n- [ ] b\n\n## Hint\n\nh\n\n## Explanation\n\ne\n"

    static func load(folder: String, file: String = "01-q.md", challenge: String = challenge) -> [String] {
        let bundle = ContentBundle(siteFile: nil, quizzes: [.init(
            path: "content/\(folder)", quizFile: ContentFile(path: "content/\(folder)/quiz.md", text: "---\ntitle: T\n---\n"),
            challengeFiles: [ContentFile(path: "content/\(folder)/\(file)", text: challenge)])])
        return ContentLoader.load(bundle).diagnostics.map { "\($0.location): \($0.message)" }
    }

    static let rule = "lower-case letters, digits, `-` and `_`, starting with a letter or digit"

    @Test(arguments: ["..lists", "a <b>", "Basics", "-x"])
    func aQuizFolderThatIsNotASlugIsAnError(_ folder: String) {
        #expect(Self.load(folder: folder) == [
            "content/\(folder):1:1: quiz folder name `\(folder)` is not a slug: use \(Self.rule) (it becomes the quiz's URL)",
        ])
    }

    @Test func theCurrentFolderIsNotJudgedByItsPath() {
        // `quizc check .` inside a quiz folder names it `.`; its real name is not known here.
        #expect(Self.load(folder: ".").isEmpty)
        #expect(Self.load(folder: "a_b-9").isEmpty)
    }

    @Test func aChallengeFileNameUsedAsTheIdMustBeASlug() {
        #expect(Self.load(folder: "q", file: "a <b>.md") == [
            "content/q/a <b>.md:1:1: challenge file name `a <b>.md` is not a slug: use \(Self.rule) (it becomes the "
                + "challenge's id in URLs), or set `id:` in the front matter",
        ])
        let withID = Self.challenge.replacingOccurrences(of: "type:", with: "id: q-1\ntype:")
        #expect(Self.load(folder: "q", file: "Q 1.md", challenge: withID).isEmpty)
    }

    @Test func anExplicitIDMustBeASlug() {
        let upper = Self.challenge.replacingOccurrences(of: "type:", with: "id: Sum\ntype:")
        #expect(Self.load(folder: "q", challenge: upper) == [
            "content/q/01-q.md:2:5: invalid `id`: expected a slug (\(Self.rule)), found `Sum`",
        ])
        // The same name as file and id is reported once, at the id: a slug `id:` is the whole fix.
        #expect(Self.load(folder: "q", file: "Sum.md", challenge: upper) == [
            "content/q/Sum.md:2:5: invalid `id`: expected a slug (\(Self.rule)), found `Sum`",
        ])
    }
}
