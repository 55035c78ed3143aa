import Testing
@testable import QuizSite

@Suite struct QuizSiteSmokeTests {
    @Test func moduleLinks() {
        #expect(Bool(true))
    }
}
