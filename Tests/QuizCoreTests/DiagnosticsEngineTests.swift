import QuizCore
import Testing

@Suite struct DiagnosticsEngineTests {
    static let b = Diagnostic.warning("b", at: SourceLocation(file: "q/02.md", line: 3, column: 1))
    static let a2 = Diagnostic.error("z", at: SourceLocation(file: "q/01.md", line: 9, column: 2))
    static let a1 = Diagnostic.error("y", at: SourceLocation(file: "q/01.md", line: 9, column: 1))
    static let a0 = Diagnostic.warning("x", at: SourceLocation(file: "q/01.md", line: 9, column: 1))

    @Test func sortsByFileLineColumnThenSeverityAndCounts() {
        var engine = DiagnosticsEngine([Self.b, Self.a2])
        engine.emit(contentsOf: [Self.a0, Self.a1])
        #expect(engine.sorted == [Self.a1, Self.a0, Self.a2, Self.b])
        #expect(engine.errorCount == 2)
        #expect(engine.warningCount == 2)
        #expect(engine.hasErrors)
        #expect(engine.summary == "2 errors, 2 warnings")
        #expect(DiagnosticsEngine([Self.b]).summary == "0 errors, 1 warning")
        #expect(!DiagnosticsEngine([Self.b]).hasErrors)
    }
}
