import QuizCore
import QuizMarkdown
import Testing
@testable import QuizCompiler

@Suite struct PlaceholdersTests {
    static let text = RichText(markdown: "Weights {{ weights }}\nthen {{output}} and {{ nope }}.\n", html: "",
                               location: SourceLocation(file: "q.md", line: 40, column: 1))
    static let result = ExecutionResult(stdout: "tensor([[1.7191, 2.7191]])\n", error: nil,
                                        variables: ["weights": "tensor([[0.6405, 0.3595]]) <x>"])

    @Test func findsEveryPlaceholderWithItsFilePosition() {
        let found = Placeholders.occurrences(in: Self.text)
        #expect(found.map(\.name) == ["weights", "output", "nope"])
        #expect(found.map(\.location) == [
            SourceLocation(file: "q.md", line: 40, column: 9),
            SourceLocation(file: "q.md", line: 41, column: 6),
            SourceLocation(file: "q.md", line: 41, column: 21),
        ])
    }

    @Test func unlocatedOccurrencesHaveTheSameNamesAndRanges() {
        let located = Placeholders.occurrences(in: Self.text)
        let unlocated = Placeholders.occurrences(in: Self.text, located: false)
        #expect(unlocated.map(\.name) == located.map(\.name))
        #expect(unlocated.map(\.range) == located.map(\.range))
        #expect(unlocated.allSatisfy { $0.location == nil })
    }

    @Test func fillsKnownValuesEscapedInCode() {
        #expect(Placeholders.fill(Self.text, with: Self.result, unsafeHTML: false) == """
            <p>Weights <code>tensor([[0.6405, 0.3595]]) &lt;x&gt;</code>
            then <code>tensor([[1.7191, 2.7191]])</code> and {{ nope }}.</p>

            """)
    }

    static func challenge(hint: String?, explanation: String?) -> Challenge {
        var challenge = ChallengeExecutorTests.challenge(id: "01-a", path: "q/01-a.md")
        challenge.hint = hint.map { RichText(markdown: $0, html: "") }
        challenge.explanation = explanation.map { RichText(markdown: $0, html: "") }
        return challenge
    }

    /// Only placeholders' names are printed, unless a text quotes a number (checked against every printed value).
    @Test(arguments: [
        (nil, nil, Set<String>?.some([])),
        ("Look at the shapes.", "It prints {{ output }}.", ["output"]),
        ("{{ w1 }} then {{weights}}", "Compare {{ w1 }}.", ["w1", "weights"]),
        ("The row sums to 1.", nil, nil),
        (nil, "See {{ w }}: about 0.5 each.", nil),
    ] as [(String?, String?, Set<String>?)])
    func variablesNeededFollowPlaceholdersAndQuotedDigits(_ hint: String?, _ explanation: String?, _ expected: Set<String>?) {
        #expect(Placeholders.variablesNeeded(by: Self.challenge(hint: hint, explanation: explanation)) == expected)
    }

    /// The executor prints exactly the needed globals and names every global (modules left out) in binding order.
    @Test func theExecutorPrintsOnlyTheNeededGlobals() async {
        var challenge = Self.challenge(hint: nil, explanation: "Then {{ b }} and {{ output }}.")
        challenge.codeBlocks = [CodeBlock(info: "python", language: "python", role: .run,
                                          code: "import math\nb = [1, 2]\na = 'x'\nprint(a)\n",
                                          location: SourceLocation(file: "q/01-a.md", line: 5), firstCodeLine: 6)]
        let named = await InterpreterExecutor().execute(challenge)
        #expect(named == ExecutionResult(stdout: "x\n", error: nil, variables: ["b": "[1, 2]"], globals: ["b", "a"]))
        challenge.hint = RichText(markdown: "Two items.", html: "")
        #expect(Placeholders.variablesNeeded(by: challenge) == ["b", "output"])
        challenge.hint = RichText(markdown: "2 items.", html: "")
        let all = await InterpreterExecutor().execute(challenge)
        #expect(all.variables == ["b": "[1, 2]", "a": "x"])
        #expect(all.globals == ["b", "a"])
    }

    /// Names are trimmed of spaces and tabs; an unclosed `{{` ends the scan; positions count bytes in the line, and a
    /// `\r\n` (one character) is no line break for them.
    @Test func scanEdgeCases() {
        let text = RichText(markdown: "{x} {{{ a\t}} é {{ ü }}\r\n{{b}} {{ c", html: "",
                            location: SourceLocation(file: "q.md", line: 3, column: 5))
        let found = Placeholders.occurrences(in: text)
        #expect(found.map(\.name) == ["{ a", "ü", "b"])
        #expect(found.map(\.location) == [
            SourceLocation(file: "q.md", line: 3, column: 9),
            SourceLocation(file: "q.md", line: 3, column: 21),
            SourceLocation(file: "q.md", line: 3, column: 31),
        ])
        #expect(found.map { String(text.markdown[$0.range]) } == ["{{{ a\t}}", "{{ ü }}", "{{b}}"])
    }

    @Test func valuesAreEscapedByCharacter() {
        #expect(Placeholders.escapeHTML("a<b>&\"c'") == "a&lt;b&gt;&amp;&quot;c'")
        // A combining mark makes `&\u{301}` one character that is not `&`: left as it is.
        #expect(Placeholders.escapeHTML("é<&\u{301}") == "é&lt;&\u{301}")
    }

    /// `{{ output }}` drops one final `"\n"` Character; `"\r\n"` is one Character of its own and stays.
    @Test(arguments: [("a\n", "a"), ("\n", ""), ("", ""), ("é\n", "é"), ("a\n\n", "a\n"), ("a\r\n", "a\r\n"),
                      ("a\n\u{301}", "a\n\u{301}"), ("a", "a")])
    func outputDropsItsFinalLineFeed(stdout: String, expected: String) {
        let result = ExecutionResult(stdout: stdout, error: nil, variables: [:])
        #expect(Placeholders.value(of: "output", in: result) == expected)
        #expect(Placeholders.value(of: "output", in: result) == (stdout.hasSuffix("\n") ? String(stdout.dropLast()) : stdout))
    }

    @Test func valuesAreEscapedRunByRun() {
        #expect(Placeholders.escapeHTML("") == "")
        #expect(Placeholders.escapeHTML("plain") == "plain")
        #expect(Placeholders.escapeHTML("&&<>\"\"x") == "&amp;&amp;&lt;&gt;&quot;&quot;x")
    }

    /// Filling plain text in its rendered HTML gives what rendering with tokens gives, over many random texts made of
    /// the blocks and characters plain text may hold (lists, headings, indented code, setext underlines, quotes).
    @Test func fillingRenderedPlainTextEqualsRenderingAgain() throws {
        var generator = SplitMix(seed: 6)
        let pieces = ["{{ output }}", "{{ w }}", "{{missing}}", "{{ w}}", "{{\tw }}", "a", "Word", "1.5", "(x, y)", "\"q\"",
                      "'s", ":", "-", "+", "#", "1.", "2)", "=", "---", "===", "{", "}", "{{", "}}", "%", "/", "$", "?"]
        let starts = ["", "", "", "- ", "1. ", "# ", "    ", "  ", "\t", "> "]
        let result = ExecutionResult(stdout: "tensor([1, 2])\n", error: nil, variables: ["w": "<b> & \"c\""])
        var checked = 0
        for _ in 0..<3000 {
            var lines: [String] = []
            for _ in 0..<Int(generator.next() % 5 + 1) {
                var line = starts[Int(generator.next() % UInt64(starts.count))]
                for _ in 0..<Int(generator.next() % 5) {
                    line += pieces[Int(generator.next() % UInt64(pieces.count))] + (generator.next() % 3 == 0 ? "" : " ")
                }
                lines.append(line)
                if generator.next() % 4 == 0 { lines.append("") }
            }
            let markdown = lines.joined(separator: "\n") + "\n"
            let text = RichText(markdown: markdown, html: QuizMarkdown.html(markdown))
            let found = Placeholders.occurrences(in: text)
            guard !found.isEmpty, let filled = Placeholders.fillRendered(text, found, with: result) else { continue }
            #expect(filled == Placeholders.fillByRendering(text, found, with: result, unsafeHTML: false), "\(markdown.debugDescription)")
            checked += 1
        }
        #expect(checked > 1000)
    }

    @Test func onlyPlainTextIsFilledInItsHTML() {
        let result = ExecutionResult(stdout: "1\n", error: nil, variables: [:])
        for markdown in ["*{{ output }}*", "`{{ output }}`", "a_{{ output }}", "é {{ output }}", "[{{ output }}]", "{{ out\nput }}"] {
            let text = RichText(markdown: markdown, html: QuizMarkdown.html(markdown))
            #expect(Placeholders.fillRendered(text, Placeholders.occurrences(in: text), with: result) == nil)
        }
        // HTML that is not the Markdown's rendering is left to rendering.
        let stale = RichText(markdown: "See {{ output }}.", html: "")
        #expect(Placeholders.fillRendered(stale, Placeholders.occurrences(in: stale), with: result) == nil)
        #expect(Placeholders.fill(stale, with: result, unsafeHTML: false) == "<p>See <code>1</code>.</p>\n")
    }

    @Test func tokensAreReplacedOnlyAsWholeCharacters() {
        #expect(Placeholders.replacingASCII("TOKX", with: "<v>", in: "a TOKX b TOKX") == "a <v> b <v>")
        #expect(Placeholders.replacingASCII("TOKX", with: "v", in: "none") == "none")
        // A combining mark after the token joins its last character: left to `replacing`, which finds no match.
        #expect(Placeholders.replacingASCII("TOKX", with: "v", in: "TOKX\u{301}") == nil)
        #expect("TOKX\u{301}".replacing("TOKX", with: "v") == "TOKX\u{301}")
    }
}

/// A small deterministic generator (SplitMix64), so the random texts are the same on every run.
struct SplitMix {
    var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
