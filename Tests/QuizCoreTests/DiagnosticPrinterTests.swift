import Foundation
import QuizCore
import Testing

@Suite struct DiagnosticPrinterTests {
    static let diagnostic = Diagnostic.error(
        "stated answer does not match the computed output",
        at: SourceLocation(file: "content/q/01.md", line: 33, column: 1),
        notes: [.init("--- stated answer\n+++ computed output"), .init("first used here", at: SourceLocation(file: "content/q/02.md", line: 2, column: 5))],
        rule: "answer-mismatch")

    @Test func textIsCompilerStyleWithIndentedNotes() {
        #expect(TextDiagnosticPrinter().render([Self.diagnostic]) == """
            content/q/01.md:33:1: error: stated answer does not match the computed output
                --- stated answer
                +++ computed output
                content/q/02.md:2:5: first used here

            """)
    }

    @Test func textColoursTheSeverityOnlyWhenAsked() {
        let coloured = TextDiagnosticPrinter(colored: true).render([Self.diagnostic])
        #expect(coloured.hasPrefix("content/q/01.md:33:1: \u{1B}[1;31merror:\u{1B}[0m stated answer"))
    }

    @Test func githubAnnotationsEscapeNewlinesAndProperties() {
        let diagnostic = Diagnostic.warning("50% done,\nreally", at: SourceLocation(file: "a,b:c.md", line: 2, column: 3))
        #expect(GitHubDiagnosticPrinter().render([diagnostic, Self.diagnostic]) == """
            ::warning file=a%2Cb%3Ac.md,line=2,col=3::50%25 done,%0Areally
            ::error file=content/q/01.md,line=33,col=1,title=answer-mismatch::stated answer does not match the computed output%0A--- stated answer%0A+++ computed output%0Afirst used here

            """)
    }

    @Test func jsonIsSortedKeysAndRoundTrips() throws {
        let json = JSONDiagnosticPrinter().render([Self.diagnostic])
        #expect(json.contains("\"file\" : \"content/q/01.md\""))
        #expect(json.contains("\"rule\" : \"answer-mismatch\""))
        let decoded = try JSONDecoder().decode([Diagnostic].self, from: Data(json.utf8))
        #expect(decoded == [Self.diagnostic])
    }
}

