import Foundation
import Testing

/// One broken input: how to break a copy of the build fixture, the command to run, and what stderr must say.
struct MalformedCase: Sendable, CustomTestStringConvertible {
    var name: String
    var arguments: [String] = ["build"]
    var expectedStatus: Int32 = 1
    /// How stderr must start: a located diagnostic (`path:line:col: error: ...`); for a valid input, how stdout starts.
    var diagnostic: String
    var breakProject: @Sendable (URL) throws -> Void

    var testDescription: String { name }
}

/// Malformed content, templates and output paths: each gets a located diagnostic and a non-zero exit, never a crash,
/// and the previous `output/` stays byte-identical.
@Suite struct MalformedContentTests {
    static func write(_ text: String, _ path: String) -> @Sendable (URL) throws -> Void {
        { project in
            let url = project.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
    }

    static func bytes(_ bytes: [UInt8], _ path: String) -> @Sendable (URL) throws -> Void {
        { project in
            let url = project.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: url)
        }
    }

    static func link(_ path: String, to destination: String) -> @Sendable (URL) throws -> Void {
        { project in
            try FileManager.default.createSymbolicLink(atPath: project.appendingPathComponent(path).path,
                                                       withDestinationPath: destination)
        }
    }

    static func challenge(front: String, body: String) -> String {
        "---\n\(front)\(front.contains("difficulty:") ? "" : "difficulty: beginner\n")---\n\n\(body)"
    }

    static let sumBody = """
        # Sum of a range

        What does this print?

        ```python
        total = sum(range(4))
        print(total)
        ```

        ## Answer

        ```text
        6
        ```

        ## Hint

        `range(4)` stops before 4.

        ## Explanation

        The total is {{ total }}.

        """

    static let sum = "content/basics/01-sum.md"
    static let quiz = "content/basics/quiz.md"
    static let site = "content/site.yml"

    static let cases: [MalformedCase] = [
        MalformedCase(name: "site.yml invalid YAML", diagnostic: "content/site.yml:2:1: error: invalid YAML: did not find expected ',' or ']' while parsing a flow sequence", breakProject: write("title: [unclosed\n", site)),
        MalformedCase(name: "site.yml wrong type", diagnostic: "content/site.yml:1:8: error: invalid `title`: expected a string, found a list", breakProject: write("title: [a, b]\n", site)),
        MalformedCase(name: "site.yml is a list", diagnostic: "content/site.yml:1:1: error: front matter must be a mapping of `key: value` lines, found a list", breakProject: write("- a\n- b\n", site)),
        MalformedCase(name: "site.yml bad bool", diagnostic: "content/site.yml:1:14: error: invalid `unsafe_html`: expected true or false, found `maybe`", breakProject: write("unsafe_html: maybe\n", site)),
        MalformedCase(name: "site.yml binary", diagnostic: "content/site.yml:1:1: error: file is binary, not Markdown text", breakProject: bytes([0, 1, 2, 3], site)),
        MalformedCase(name: "quiz.md invalid YAML", diagnostic: "content/basics/quiz.md:3:1: error: invalid YAML: found unexpected end of stream while scanning a quoted scalar", breakProject: write("---\ntitle: \"open\n---\n\nIntro.\n", quiz)),
        MalformedCase(name: "quiz.md unclosed front matter", diagnostic: "content/basics/quiz.md:1:1: error: front matter opened with `---` is never closed; add a `---` line after it", breakProject: write("---\ntitle: x\n\nIntro.\n", quiz)),
        MalformedCase(name: "quiz.md bad pass", diagnostic: "content/basics/quiz.md:3:7: error: invalid `pass`: expected `all` or a percentage like `80%`, found `most`", breakProject: write("---\ntitle: x\npass: most\n---\n\nIntro.\n", quiz)),
        MalformedCase(name: "quiz.md negative attempts", diagnostic: "content/basics/quiz.md:3:11: error: invalid `attempts`: expected a whole number of at least 1, found `-1`", breakProject: write("---\ntitle: x\nattempts: -1\n---\n\nIntro.\n", quiz)),
        MalformedCase(name: "quiz.md bad time", diagnostic: "content/basics/quiz.md:3:7: error: invalid `time`: expected a duration as \"m:ss\" or a number of seconds, found `soon`", breakProject: write("---\ntitle: x\ntime: soon\n---\n\nIntro.\n", quiz)),
        MalformedCase(name: "quiz.md tags not a list", diagnostic: "content/basics/quiz.md:3:7: error: invalid `tags`: expected a list of strings, found a mapping", breakProject: write("---\ntitle: x\ntags: {a: 1}\n---\n\nIntro.\n", quiz)),
        MalformedCase(name: "quiz.md front matter is a list", diagnostic: "content/basics/quiz.md:2:1: error: front matter must be a mapping of `key: value` lines, found a list", breakProject: write("---\n- a\n---\n\nIntro.\n", quiz)),
        MalformedCase(name: "quiz.md missing", diagnostic: "content/basics/quiz.md:1:1: error: quiz folder `content/basics` has no quiz.md", breakProject: { try FileManager.default.removeItem(at: $0.appendingPathComponent(quiz)) }),
        MalformedCase(name: "quiz.md empty", diagnostic: "content/basics/quiz.md:1:1: error: file is empty", breakProject: write("", quiz)),
        MalformedCase(name: "YAML alias bomb", diagnostic: "content/basics/quiz.md:3:8: error: YAML aliases are not supported in front matter, found `*a`; write the value out, or quote it if the `*` is text", breakProject: write(
            "---\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
            + "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]\n"
            + "g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]\nh: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]\ntitle: *h\n---\n\nIntro.\n", quiz)),
        MalformedCase(name: "deeply nested YAML", diagnostic: "content/basics/quiz.md:2:9: error: invalid YAML: Maximum nesting level reached, set with yaml_set_max_nest_level()) while parsing", breakProject: write(
            "---\ntitle: " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "\n---\n\nIntro.\n", quiz)),
        MalformedCase(name: "challenge unknown type", diagnostic: "content/basics/01-sum.md:2:7: error: invalid `type`: expected one of predict-output, multiple-choice, debug, conceptual, found `essay`", breakProject: write(challenge(front: "type: essay\n", body: sumBody), sum)),
        MalformedCase(name: "challenge missing type", diagnostic: "content/basics/01-sum.md:1:1: error: missing front-matter key `type`: expected one of predict-output, multiple-choice, debug, conceptual", breakProject: write(challenge(front: "difficulty: beginner\n", body: sumBody), sum)),
        MalformedCase(name: "challenge bad difficulty", diagnostic: "content/basics/01-sum.md:3:13: error: invalid `difficulty`: expected one of beginner, intermediate, advanced, expert, found `7`", breakProject: write(challenge(front: "type: predict-output\ndifficulty: 7\n", body: sumBody), sum)),
        MalformedCase(name: "challenge attempts is a string", diagnostic: "content/basics/01-sum.md:3:11: error: invalid `attempts`: expected a whole number of at least 1, found `many`", breakProject: write(challenge(front: "type: predict-output\nattempts: many\n", body: sumBody), sum)),
        MalformedCase(name: "challenge tolerance negative", diagnostic: "content/basics/01-sum.md:3:12: error: invalid `tolerance`: expected a number of at least 0 (e.g. 1e-4), found `-1`", breakProject: write(challenge(front: "type: predict-output\ntolerance: -1\n", body: sumBody), sum)),
        MalformedCase(name: "challenge without front matter", diagnostic: "content/basics/01-sum.md:1:1: error: missing front-matter key `difficulty`: expected one of beginner, intermediate, advanced, expert", breakProject: write(sumBody, sum)),
        MalformedCase(name: "challenge front matter only", diagnostic: "content/basics/01-sum.md:1:1: error: missing front-matter key `difficulty`: expected one of beginner, intermediate, advanced, expert", breakProject: write("---\ntype: predict-output\n---\n", sum)),
        MalformedCase(name: "challenge missing answer", diagnostic: "content/basics/01-sum.md:6:1: error: challenge has no answer", breakProject: write(challenge(front: "type: predict-output\n",
            body: sumBody.replacingOccurrences(of: "## Answer\n\n```text\n6\n```\n\n", with: "")), sum)),
        MalformedCase(name: "challenge missing heading", diagnostic: "content/basics/01-sum.md:5:1: error: challenge has no title; start the body with a `# Title` line", breakProject: write(challenge(front: "type: predict-output\n",
            body: sumBody.replacingOccurrences(of: "# Sum of a range\n\n", with: "")), sum)),
        MalformedCase(name: "challenge missing hint", diagnostic: "content/basics/01-sum.md:6:1: error: challenge has no hint", breakProject: write(challenge(front: "type: predict-output\n",
            body: sumBody.replacingOccurrences(of: "## Hint\n\n`range(4)` stops before 4.\n\n", with: "")), sum)),
        MalformedCase(name: "challenge unterminated fence", diagnostic: "content/basics/01-sum.md:6:1: error: challenge has no answer", breakProject: write(challenge(front: "type: predict-output\n",
            body: "# T\n\n```python\nprint(1)\n"), sum)),
        MalformedCase(name: "challenge python syntax error", diagnostic: "content/basics/01-sum.md:11:9: error: snippet raised SyntaxError: invalid syntax", breakProject: write(challenge(front: "type: predict-output\n",
            body: sumBody.replacingOccurrences(of: "total = sum(range(4))", with: "total = = 4")), sum)),
        MalformedCase(name: "challenge unknown placeholder", diagnostic: "content/basics/01-sum.md:27:14: error: unknown variable `{{ nothing }}`", breakProject: write(challenge(front: "type: predict-output\n",
            body: sumBody.replacingOccurrences(of: "{{ total }}", with: "{{ nothing }}")), sum)),
        MalformedCase(name: "challenge deeply nested quotes", expectedStatus: 0, diagnostic: "built 3 challenges in 2 quizzes in ", breakProject: write(challenge(front: "type: predict-output\n",
            body: sumBody + String(repeating: ">", count: 100_000) + " deep\n"), sum)),
        MalformedCase(name: "challenge deeply nested lists", expectedStatus: 0, diagnostic: "built 3 challenges in 2 quizzes in ", breakProject: write(challenge(front: "type: predict-output\n",
            body: sumBody + (0..<800).map { String(repeating: " ", count: $0 * 2) + "- x\n" }.joined()), sum)),
        MalformedCase(name: "empty challenge file", diagnostic: "content/basics/01-sum.md:1:1: error: file is empty", breakProject: write("", sum)),
        MalformedCase(name: "whitespace-only challenge file", diagnostic: "content/basics/01-sum.md:1:1: error: file is empty", breakProject: write(" \n\n\t\n", sum)),
        MalformedCase(name: "binary challenge file", diagnostic: "content/basics/01-sum.md:1:5: error: file is binary, not Markdown text", breakProject: bytes([0x7F, 0x45, 0x4C, 0x46, 0, 0, 1], sum)),
        MalformedCase(name: "invalid UTF-8 challenge file", diagnostic: "content/basics/01-sum.md:4:6: error: file is not valid UTF-8", breakProject: bytes(Array("---\ntype: predict-output\n---\n# Caf".utf8) + [0xE9, 0x0A], sum)),
        MalformedCase(name: "UTF-16 challenge file", diagnostic: "content/basics/01-sum.md:1:4: error: file is binary, not Markdown text", breakProject: bytes([0xFF, 0xFE] + Array("# x\n".utf8).flatMap { [$0, 0] }, sum)),
        MalformedCase(name: "NUL inside a challenge", diagnostic: "content/basics/01-sum.md:8:5: error: file is binary, not Markdown text", breakProject: write(challenge(front: "type: predict-output\n",
            body: sumBody.replacingOccurrences(of: "What does", with: "What\u{0}does")), sum)),
        MalformedCase(name: "50 MB challenge file", diagnostic: "content/basics/01-sum.md:1:1: error: file is too large: ", breakProject: { project in
            var text = challenge(front: "type: predict-output\n", body: sumBody)
            text += String(repeating: "filler line to make the file enormous, far beyond any real challenge.\n", count: 730_000)
            try Data(text.utf8).write(to: project.appendingPathComponent(sum))
        }),
        MalformedCase(name: "challenge that is a folder", diagnostic: "content:1:1: error: cannot read the content: content/basics/03-folder.md: cannot read file", breakProject: { project in
            try FileManager.default.createDirectory(at: project.appendingPathComponent("content/basics/03-folder.md"),
                                                    withIntermediateDirectories: true)
        }),
        MalformedCase(name: "symlink loop", diagnostic: "content:1:1: error: cannot read the content: content/basics/03-loop.md: cannot resolve the path (a symbolic-link loop or a dangling link)", breakProject: link("content/basics/03-loop.md", to: "03-loop.md")),
        MalformedCase(name: "dangling symlink", diagnostic: "content:1:1: error: cannot read the content: content/basics/03-gone.md: cannot resolve the path (a symbolic-link loop or a dangling link)", breakProject: link("content/basics/03-gone.md", to: "nowhere.md")),
        MalformedCase(name: "challenge link outside content", diagnostic: "content:1:1: error: cannot read the content: content/basics/03-outside.md: links outside the content folder; content must live inside content", breakProject: { project in
            try Data(challenge(front: "type: predict-output\n", body: sumBody).utf8).write(to: project.appendingPathComponent("outside.md"))
            try FileManager.default.createSymbolicLink(atPath: project.appendingPathComponent("content/basics/03-outside.md").path,
                                                       withDestinationPath: "../../outside.md")
        }),
        MalformedCase(name: "quiz folder link outside content", diagnostic: "content:1:1: error: cannot read the content: content/linked: links outside the content folder; content must live inside content", breakProject: { project in
            try FileManager.default.copyItem(at: project.appendingPathComponent("content/lists"), to: project.appendingPathComponent("elsewhere"))
            try FileManager.default.createSymbolicLink(atPath: project.appendingPathComponent("content/linked").path,
                                                       withDestinationPath: "../elsewhere")
        }),
        MalformedCase(name: "two-link loop", diagnostic: "content:1:1: error: cannot read the content: content/basics/03-a.md: cannot resolve the path (a symbolic-link loop or a dangling link)", breakProject: { project in
            try link("content/basics/03-a.md", to: "03-b.md")(project)
            try link("content/basics/03-b.md", to: "03-a.md")(project)
        }),
        MalformedCase(name: "site.yml link outside content", diagnostic: "content:1:1: error: cannot read the content: content/site.yml: links outside the content folder; content must live inside content", breakProject: { project in
            try FileManager.default.removeItem(at: project.appendingPathComponent(site))
            try FileManager.default.createSymbolicLink(atPath: project.appendingPathComponent(site).path, withDestinationPath: "/etc/hostname")
        }),
        MalformedCase(name: "duplicate challenge ids", diagnostic: "content/basics/03-sum.md:2:5: error: duplicate challenge id `sum`", breakProject: { project in
            try Data(challenge(front: "id: sum\ntype: predict-output\n", body: sumBody).utf8).write(to: project.appendingPathComponent(sum))
            try Data(challenge(front: "id: sum\ntype: predict-output\n", body: sumBody).utf8)
                .write(to: project.appendingPathComponent("content/basics/03-sum.md"))
        }),
        MalformedCase(name: "id traversal", diagnostic: "content/basics/01-sum.md:2:5: error: invalid `id`: expected a slug (lower-case letters, digits, `-` and `_`, starting with a letter or digit), found `../../etc`", breakProject: write(challenge(front: "id: ../../etc\ntype: predict-output\n", body: sumBody), sum)),
        MalformedCase(name: "id absolute", diagnostic: "content/basics/01-sum.md:2:5: error: invalid `id`: expected a slug (lower-case letters, digits, `-` and `_`, starting with a letter or digit), found `/etc/passwd`", breakProject: write(challenge(front: "id: /etc/passwd\ntype: predict-output\n", body: sumBody), sum)),
        MalformedCase(name: "id with markup", diagnostic: "content/basics/01-sum.md:2:5: error: invalid `id`: expected a slug (lower-case letters, digits, `-` and `_`, starting with a letter or digit), found `<script>`", breakProject: write(challenge(front: "id: \"<script>\"\ntype: predict-output\n", body: sumBody), sum)),
        MalformedCase(name: "template syntax error", diagnostic: "templates/catalog.mustache:3:1: error: template error: section is never closed", breakProject: write("{{#quizzes}}\n{{title}}\n", "templates/catalog.mustache")),
        MalformedCase(name: "template missing partial", diagnostic: "templates/catalog.mustache:1:7: error: template error: partial 'nothere' does not exist", breakProject: write("<main>{{> nothere}}</main>\n", "templates/catalog.mustache")),
        MalformedCase(name: "template binary", diagnostic: "templates/quiz.mustache:1:1: error: template error: the file is not UTF-8 text", breakProject: bytes([0xFF, 0xFE, 0x00], "templates/quiz.mustache")),
        MalformedCase(name: "templates option is a file", arguments: ["build", "--templates", "content/site.yml"], expectedStatus: 2, diagnostic: "content/site.yml:1:1: error: cannot read templates: content/site.yml is not a folder",
                      breakProject: { _ in }),
        MalformedCase(name: "content option is a file", arguments: ["build", "--content", "content/site.yml"], diagnostic: "content/quiz.md:1:1: error: quiz folder `content` has no quiz.md",
                      breakProject: { _ in }),
        MalformedCase(name: "output parent is a file", arguments: ["build", "--output", "content/site.yml/site"], expectedStatus: 2, diagnostic: "content/site.yml/site:1:1: error: cannot write ",
                      breakProject: { _ in }),
        MalformedCase(name: "output is a file", arguments: ["build", "--output", "content/site.yml"], expectedStatus: 2, diagnostic: "content/site.yml:1:1: error: content/site.yml is a file, not a folder; refusing to replace it",
                      breakProject: { _ in }),
    ]

    /// One successful build of the fixture, copied for every case.
    static let base: URL = {
        let project = try! BuildTests.project()
        let result = try! runQuizc(["build"], cwd: project)
        precondition(result.status == 0, result.stderr)
        return project
    }()

    @Test(arguments: cases)
    func brokenInputIsDiagnosedAndKeepsThePreviousOutput(_ malformed: MalformedCase) throws {
        let project = FileManager.default.temporaryDirectory.appendingPathComponent("quizc-malformed-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: Self.base, to: project)
        defer { try? FileManager.default.removeItem(at: project) }
        let output = project.appendingPathComponent("output")
        let before = try BuildTests.snapshot(output)
        let site = try Data(contentsOf: project.appendingPathComponent(Self.site))
        try malformed.breakProject(project)
        let result = try runQuizc(malformed.arguments, cwd: project)
        #expect(result.status == malformed.expectedStatus)
        guard malformed.expectedStatus != 0 else {
            // Deep but valid Markdown: it must build, not crash.
            #expect(result.stdout.hasPrefix(malformed.diagnostic))
            return
        }
        // Builds over a second print progress lines (`quizc: 1.0 s: ...`) on stderr first; skip them.
        let diagnostics = result.stderr.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("quizc: ") }.joined(separator: "\n")
        #expect(diagnostics.hasPrefix(malformed.diagnostic), "\(result.stderr)")
        #expect(try BuildTests.snapshot(output) == before)
        if malformed.arguments.contains("content/site.yml") {
            #expect(try Data(contentsOf: project.appendingPathComponent(Self.site)) == site)
        }
    }
}

/// `quizc check` over a quiz whose challenges loop forever or try to escape: each is reported with its Python
/// error, and the other challenges are still validated (the wrong answer in 04 is found).
@Suite struct HostileContentCheckTests {
    @Test func hostileChallengesAreReportedAndTheOthersStillChecked() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("quizc-hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.copyItem(at: fixturesURL.appendingPathComponent("hostile-content"), to: dir.appendingPathComponent("content"))
        let clock = ContinuousClock()
        var result: ProcessResult?
        let elapsed = try clock.measure { result = try runQuizc(["check", "--no-cache", "content"], cwd: dir) }
        #expect(result?.status == 1)
        let stdout = result?.stdout.replacing(/in [0-9.]+ s:/, with: "in T s:")
        #expect(stdout == """
            content/mixed/02-forever.md:12:1: error: snippet raised RuntimeError: snippet exceeded the step limit of 10000000 steps
                only `type: debug` challenges may raise; fix the snippet or change the type
            content/mixed/03-escape.md:11:1: error: snippet raised ModuleNotFoundError: No module named 'os' (only torch, torch.nn, torch.nn.functional and math are available in quiz snippets)
                only `type: debug` challenges may raise; fix the snippet or change the type
            content/mixed/04-wrong.md:18:1: error: stated answer does not match the computed output
                --- stated answer
                +++ computed output
                @@ -1,1 +1,1 @@
                -7
                +6
                run `quizc fix` to write the computed output into the answer
            checked 4 challenges in 1 quiz in T s: 3 errors, 0 warnings

            """)
        // The default 10 M steps take a few seconds in a debug build.
        #expect(elapsed < .seconds(30))
    }
}
