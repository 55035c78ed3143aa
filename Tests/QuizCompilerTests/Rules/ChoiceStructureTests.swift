import Testing
@testable import QuizCompiler

@Suite struct ChoiceStructureTests {
    /// Duplicate choices are compared with whitespace collapsed; the byte path for ASCII must split exactly where
    /// `Character.isWhitespace` does (`\r\n` is one character; U+001C–U+001F are not whitespace).
    @Test(arguments: ["", "a", "  a  b ", "a\tb\nc\r\nd\u{0B}e\u{0C}f\rg", "\r\n", "a\u{1C}b\u{1F}c", "x  `y`\n\n z",
                      "é  b", "a\u{85}b\u{A0}c", "\t\n"])
    func collapsedWhitespaceSplitsAtWhitespaceCharacters(text: String) {
        #expect(ChoiceStructure.collapsedWhitespace(text) == text.split(whereSeparator: \.isWhitespace).joined(separator: " "))
    }
}
