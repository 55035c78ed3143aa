import QuizCore
import QuizMarkdown
import Testing

@Suite struct SourceTextTests {
    @Test func splitsLinesWithEitherTerminator() throws {
        let source = try SourceText.decode(path: "a.md", bytes: Array("one\r\ntwo\nthree\n".utf8)).get()
        #expect(source.lines == ["one", "two", "three"])
        #expect(source.slice(2...3) == "two\nthree\n")
        #expect(source.line(4) == "")
    }

    @Test func refusesBinaryAtTheFirstNulByte() {
        let result = SourceText.decode(path: "b.md", bytes: [0x61, 0x0A, 0x62, 0x00, 0x63])
        #expect(throws: Diagnostic.error("file is binary, not Markdown text",
                                        at: SourceLocation(file: "b.md", line: 2, column: 2), rule: "invalid-file")) {
            try result.get()
        }
    }

    @Test func refusesInvalidUTF8AtTheBadByte() {
        let result = SourceText.decode(path: "c.md", bytes: Array("ok\nné".utf8) + [0xFF, 0x41])
        #expect(throws: Diagnostic.error("file is not valid UTF-8",
                                        at: SourceLocation(file: "c.md", line: 2, column: 4), rule: "invalid-file")) {
            try result.get()
        }
    }

    /// Lines split at `\n` and `\r\n` exactly as Swift's characters split them: a lone `\r` stays in its line.
    @Test(arguments: ["", "a", "a\n", "a\n\n", "\n", "a\r\nb", "a\r\r\nb\r", "\r\n\r\n", "a\rb\n", "é\u{301}\r\nñ\n\n x"])
    func splitsAsCharactersDo(text: String) {
        var expected = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }.map(String.init)
        if expected.last == "" { expected.removeLast() }
        let source = SourceText(path: "a.md", text: text)
        #expect(source.lines == expected)
        #expect(source.slice(1...max(source.lines.count, 1)) == expected.map { $0 + "\n" }.joined())
    }
}
