import QuizCore
import QuizMarkdown
import Testing

@Suite struct MarkdownDocumentTests {
    static func document() throws -> MarkdownDocument {
        try QuizMarkdown.parse(SourceText(path: "q.md", text: """
        Before.

        # Title

        Prompt.

        ### Deeper

        Still the title's.

        ## Hint

        Think.

        """)).get()
    }

    @Test func sectionsOpenAtHeadingsUpToMaxLevel() throws {
        let document = try Self.document()
        let (preamble, sections) = document.sections(maxLevel: 2)
        #expect(preamble.map(\.startLine) == [1])
        #expect(sections.map(\.title) == ["Title", "Hint"])
        #expect(sections.map(\.level) == [1, 2])
        #expect(sections[0].blocks.map(\.startLine) == [5, 7, 9])
        #expect(sections[1].heading.location == SourceLocation(file: "q.md", line: 11, column: 1))
        #expect(document.markdown(of: sections[1].blocks) == "Think.\n")
    }

    @Test func deeperMaxLevelSplitsSubheadings() throws {
        #expect(try Self.document().sections(maxLevel: 3).sections.map(\.title) == ["Title", "Deeper", "Hint"])
    }
}
