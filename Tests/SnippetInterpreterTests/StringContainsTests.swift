import Testing
@testable import SnippetInterpreter

/// `needle in text` for strings takes a byte search when both are ASCII; it must answer as `String.contains`
/// (whole characters) does, which it replaced, and leave every other pair to it.
@Suite struct StringContainsTests {
    static let pairs: [(String, String)] = [
        ("weight", "."), ("a.b", "."), ("in_proj_weight", "proj"), ("abc", "abcd"), ("abc", "abc"), ("abc", "c"),
        ("aab", "ab"), ("", "a"), ("x\r\ny", "y"), ("x\r\ny", "\n"), ("x\r\ny", "\r"), ("x\r\ny", "x\r"),
        ("caf\u{E9}", "f"), ("e\u{301}", "e"), ("a long haystack with words", "with w"),
    ]

    @Test(arguments: pairs)
    func matchesCharacterSearch(_ text: String, _ needle: String) {
        if let fast = Interpreter.asciiContains(text, needle) {
            #expect(fast == text.contains(needle), "\(text.debugDescription) \(needle.debugDescription)")
        }
    }

    @Test func leavesLineBreaksAndNonASCIIToCharacterSearch() {
        #expect(Interpreter.asciiContains("x\r\ny", "\n") == nil)
        #expect(Interpreter.asciiContains("e\u{301}", "e") == nil)
        #expect(Interpreter.asciiContains("weight", ".") == false)
        #expect(Interpreter.asciiContains("a.b", ".") == true)
    }

    @Test func inOperatorOnStrings() {
        let outcome = Snippet.run("print('.' in 'a.b', '.' in 'ab', 'pro' in 'in_proj', '' in 'x', 'xyz' in 'xy')\n")
        #expect(outcome.error == nil)
        #expect(outcome.stdout == "True False True True False\n")
    }
}
