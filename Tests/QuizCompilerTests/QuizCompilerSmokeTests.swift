import Testing
@testable import QuizCompiler

@Suite struct QuizCompilerSmokeTests {
    @Test func moduleLinks() {
        #expect(Bool(true))
    }
}
