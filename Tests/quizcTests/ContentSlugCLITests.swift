import Foundation
import Testing

/// Quiz folder names and challenge ids that are not slugs, through `quizc build`: a located error, exit 1, and the
/// previous `output/` untouched. A slug folder that is merely unusual still builds.
@Suite struct ContentSlugCLITests {
    static let rule = "lower-case letters, digits, `-` and `_`, starting with a letter or digit"

    /// Copies the fixture's `basics` quiz into `content/FOLDER`.
    static func copyBasics(to folder: String) -> @Sendable (URL) throws -> Void {
        { project in
            let content = project.appendingPathComponent("content")
            try FileManager.default.copyItem(at: content.appendingPathComponent("basics"),
                                             to: content.appendingPathComponent(folder))
        }
    }

    static let cases: [MalformedCase] = [
        MalformedCase(name: "quiz folder with markup", diagnostic: "content/a <b>:1:1: error: quiz folder name `a <b>` is not a slug: use \(rule) (it becomes the quiz's URL)",
                      breakProject: copyBasics(to: "a <b>")),
        MalformedCase(name: "quiz folder with capitals", diagnostic: "content/Basics2:1:1: error: quiz folder name `Basics2` is not a slug: use \(rule) (it becomes the quiz's URL)",
                      breakProject: copyBasics(to: "Basics2")),
        MalformedCase(name: "quiz folder of dots given as --content", arguments: ["build", "--content", "content/..lists"],
                      diagnostic: "content/..lists:1:1: error: quiz folder name `..lists` is not a slug: use \(rule) (it becomes the quiz's URL)",
                      breakProject: copyBasics(to: "..lists")),
        MalformedCase(name: "challenge file name with a space", diagnostic: "content/basics/Sum up.md:1:1: error: challenge file name `Sum up.md` is not a slug: use \(rule) (it becomes the challenge's id in URLs), or set `id:` in the front matter",
                      breakProject: { project in
                          let basics = project.appendingPathComponent("content/basics")
                          try FileManager.default.moveItem(at: basics.appendingPathComponent("01-sum.md"),
                                                           to: basics.appendingPathComponent("Sum up.md"))
                      }),
        MalformedCase(name: "challenge id with capitals", diagnostic: "content/basics/01-sum.md:2:5: error: invalid `id`: expected a slug (\(rule)), found `Sum`",
                      breakProject: MalformedContentTests.write(MalformedContentTests.challenge(front: "id: Sum\ntype: predict-output\n",
                                                                                              body: MalformedContentTests.sumBody),
                                                                MalformedContentTests.sum)),
        MalformedCase(name: "unusual but valid folder", expectedStatus: 0, diagnostic: "built 5 challenges in 3 quizzes in ",
                      breakProject: copyBasics(to: "0_basics-2")),
    ]

    @Test(arguments: cases)
    func nonSlugNamesAreDiagnosedAndKeepThePreviousOutput(_ malformed: MalformedCase) throws {
        let project = FileManager.default.temporaryDirectory.appendingPathComponent("quizc-slug-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: MalformedContentTests.base, to: project)
        defer { try? FileManager.default.removeItem(at: project) }
        let output = project.appendingPathComponent("output")
        let before = try BuildTests.snapshot(output)
        try malformed.breakProject(project)
        let result = try runQuizc(malformed.arguments, cwd: project)
        #expect(result.status == malformed.expectedStatus, "\(result.stderr)")
        if malformed.expectedStatus == 0 {
            #expect(result.stdout.hasPrefix(malformed.diagnostic), "\(result.stdout)")
            return
        }
        let diagnostics = result.stderr.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("quizc: ") }
        #expect(diagnostics.first.map(String.init) == malformed.diagnostic, "\(result.stderr)")
        #expect(try BuildTests.snapshot(output) == before)
    }
}
