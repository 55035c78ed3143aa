import Testing
import QuizCore

@Suite struct SourceLocationTests {
    @Test func printsAsPathLineColumn() {
        #expect(SourceLocation(file: "content/q/01.md", line: 12, column: 3).description == "content/q/01.md:12:3")
    }
}
