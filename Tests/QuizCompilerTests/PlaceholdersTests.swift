import QuizCore
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

    @Test func fillsKnownValuesEscapedInCode() {
        #expect(Placeholders.fill(Self.text, with: Self.result, unsafeHTML: false) == """
            <p>Weights <code>tensor([[0.6405, 0.3595]]) &lt;x&gt;</code>
            then <code>tensor([[1.7191, 2.7191]])</code> and {{ nope }}.</p>

            """)
    }
}
