import Testing
@testable import SnippetInterpreter

/// A string token's prefix and the text between its quotes, cut by bytes for ASCII and by Characters otherwise.
@Suite struct StringLiteralTests {
    @Test(arguments: [
        ("'a'", "", "a"), ("\"\"", "", ""), ("''''''", "", ""), ("\"\"\"doc \"quoted\" here\"\"\"", "", "doc \"quoted\" here"),
        ("rB'x\\n'", "rb", "x\\n"), ("F\"{x!r:>4}\"", "f", "{x!r:>4}"), ("'''a\nb'''", "", "a\nb"),
        ("'\"\"\"'", "", "\"\"\""), ("\"'\"", "", "'"), ("'é'", "", "é"), ("u'na\u{0308}ve'", "u", "na\u{0308}ve"),
        ("'''x\r\ny'''", "", "x\r\ny"),
    ])
    func literalParts(token: String, prefix: String, content: String) {
        let parts = Parser.literalParts(token)
        #expect(parts.prefix == prefix)
        #expect(parts.content == content)
    }

    @Test func snippetsSeeTheSameStrings() throws {
        let session = SnippetSession(filename: "s.py")
        let outcome = session.run("print(len('''ab\ncd'''), 'x' 'y', r'\\n', f'{1 + 1}!', \"é\", '\\u00e9')\n", firstLine: 1)
        #expect(outcome.error == nil)
        #expect(outcome.stdout == "5 xy \\n 2! é é\n")
    }
}
