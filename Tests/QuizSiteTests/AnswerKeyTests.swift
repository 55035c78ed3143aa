import Testing
@testable import QuizSite

@Suite struct AnswerKeyTests {
    @Test(arguments: [
        ("tensor([1., 2.])\n", "tensor([1., 2.])"),
        ("tensor([1., 2.])   \n\n\n", "tensor([1., 2.])"),
        ("a  \r\nb\t\r\n", "a\nb"),
        ("  leading kept\n", "  leading kept"),
        ("x\n\ny\n", "x\n\ny"),
        ("", ""),
    ])
    func normalisesTrailingWhitespaceAndFinalNewlines(input: String, expected: String) {
        #expect(AnswerKey.normalize(input) == expected)
    }

    @Test func choiceValueSortsIndices() {
        #expect(AnswerKey.choiceValue([2, 0]) == "choice:0,2")
        #expect(AnswerKey.choiceValue([1]) == "choice:1")
    }

    /// The digest was computed with Python: `hashlib.sha256(b'salt123\n01-q\ntext:tensor([1., 2.])')`.
    @Test func hashIsSaltIdAndValueJoinedByNewlines() {
        #expect(AnswerKey.hash(salt: "salt123", challengeID: "01-q", value: AnswerKey.textValue("tensor([1., 2.])  \n"))
            == "34092b8cfdd995a38a5a23f5e9b82054f4f2bb877a657801a64d3f18a08edfec")
    }
}
