import Testing
@testable import SnippetInterpreter

@Suite struct SnippetInterpreterSmokeTests {
    @Test func moduleLinks() {
        #expect(Bool(true))
    }
}
