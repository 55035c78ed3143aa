import Foundation
import Testing
@testable import QuizSite

@Suite struct PythonScannerTests {
    /// Every Python fixture of the interpreter's tests: real snippets of the kind quizzes hold.
    static let fixtures: [String] = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("SnippetInterpreterTests/Fixtures")
        let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "py" } ?? []
        return files.sorted { $0.path < $1.path }.compactMap { try? String(contentsOf: $0, encoding: .utf8) }
    }()

    /// Edge cases of the token rules, valid and broken.
    static let edgeCases: [String] = [
        "x = 1\n", "", "\n\n", "   \n", "# only a comment", "x = 1  # c <b> & 'q'\r\ny = 2\r", "x\ry\r\n",
        "if a:\n    b\n  c\n", "if a:\n\tb\n        c\n", "if a:\n  \u{0C}  b\n", "if a:\n    b\nc\n", "  x = 1\n",
        "x = (1,\n  2)\n", "x = (1,\n", "x = [1, 2)\n", "x = 1)\n", "x = {1: [2, (3,)]}\n", String(repeating: "(", count: 201),
        "s = 'a\\'b' + \"c\\\"d\"\n", "s = '''a\n'b'\n\"\"\"'''\n", "s = \"\"\"x\n", "s = 'x\n", "s = 'x\\\ny'\n", "s = 'x\\",
        "r'\\d' b'x' f\"{x}\" u'x' rb'x' Rb'x' bR'x' BR'x' fr'x' rf'x' ur'x' uR'x' bu'x' rbx'x'\n",
        "rb", "b", "r''", "br\"\"\"x\"\"\"",
        "0x1F 0XaB 0o17 0b101 1_000 1e-3 1E+5 1.5j .5 1. 1.e5 1e 1ex 0x 1_ 3J\n", "1x\n", "0b12\n", "0o9\n",
        "a **= b //= c >>= d <<= e ... -> := += -= *= /= %= &= |= ^= @= == != <= >= ** // << >> + - * / % & | ^ ~ @ < > , : . ; =\n",
        "a <> b\n", "a ! b\n", "a $ b\n", "a ? b\n", "`x`\n", "x = 1 \\\n  + 2\n", "x = 1 \\\r\n  + 2\n", "x = 1 \\ + 2\n",
        "x = 1 \\", "π = 3.14  # ü\nprint(π, 'é😀')\n", "naïve_x = 1\n", "x\u{0B}= 1\n", "print(None, True, False, len, isinstance)\n",
        "def f(*args, **kwargs) -> None:\n    return [i for i in range(3) if i is not None]\n",
        "class A(B):\n    async def f(self): await g(); yield\n", "x = \"<script>&amp;</script>\"\n",
        "if x:\n    pass\n\n# trailing\n   \n", "if x:\n    y\n   # odd comment\n  \n    z\n",
    ]

    /// `code` cut at several character boundaries: unterminated strings, unclosed brackets, half tokens.
    static func truncations(of code: String) -> [String] {
        let characters = Array(code)
        let step = max(1, characters.count / 12)
        return stride(from: 0, to: characters.count, by: step).map { String(characters[..<$0]) }
    }

    static func check(_ code: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let fast = PythonScanner.highlight(code)
        #expect((fast != nil) == LexerHighlighter.lexes(code), "scanner and lexer disagree on lexing \(code.debugDescription)",
                sourceLocation: sourceLocation)
        if let fast {
            #expect(fast == LexerHighlighter.highlight(code), "different HTML for \(code.debugDescription)", sourceLocation: sourceLocation)
        }
    }

    @Test func fixturesAreReadAndLex() throws {
        #expect(Self.fixtures.count > 100)
        #expect(Self.fixtures.filter { PythonScanner.highlight($0) != nil }.count > 100)
    }

    @Test func matchesTheLexerOnEveryFixture() {
        for code in Self.fixtures { Self.check(code) }
    }

    @Test func matchesTheLexerOnTruncatedFixtures() {
        for code in Self.fixtures {
            for cut in Self.truncations(of: code) { Self.check(cut) }
        }
    }

    @Test(arguments: edgeCases)
    func matchesTheLexerOnEdgeCases(code: String) {
        Self.check(code)
    }

    @Test func coloursEveryTokenKindAndEscapes() {
        #expect(PythonScanner.highlight("if x: print(1.5, 'a<b') # &\n") == """
            <span class="tok-kw">if</span> <span class="tok-name">x</span><span class="tok-op">:</span> \
            <span class="tok-builtin">print</span><span class="tok-op">(</span><span class="tok-num">1.5</span>\
            <span class="tok-op">,</span> <span class="tok-str">&#39;a&lt;b&#39;</span><span class="tok-op">)</span> \
            <span class="tok-com"># &amp;</span>

            """)
    }

    @Test func givesUpWhereTheLexerFails() {
        #expect(PythonScanner.highlight("s = 'unclosed\n") == nil)
        #expect(PythonScanner.highlight("if a:\n    b\n  c\n") == nil)
        #expect(PythonScanner.highlight("x\0") == nil)
    }
}
