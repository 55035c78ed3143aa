import Testing
import QuizMarkdown

@Suite struct CmarkLinkTests {
    @Test func linksSystemCmark() {
        #expect(QuizMarkdown.cmarkVersion.hasPrefix("0."))
    }
}
