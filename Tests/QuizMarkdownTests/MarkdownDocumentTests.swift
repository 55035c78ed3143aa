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

/// `MarkdownDocument.html(of:markdown:unsafeHTML:)` renders blocks from the file's own parse; it must give what cmark
/// gives for their Markdown parsed alone.
@Suite struct DocumentHTMLTests {
    static let text = """
    # Title

    A *paragraph* with `code`, a [link](https://example.com "t") & an entity: &copy;
    and a second line.

    - tight
    - list with **bold**

    1. loose

    2. ordered list

    > A quote
    > over two lines.

    ```python
    x = 1 < 2
    print("<b>")
    ```

        indented code

    ---

    <div>raw html</div>

    Setext heading
    --------------

    Last paragraph with <span>inline html</span>.

    """

    @Test func everyRunOfBlocksRendersAsItsMarkdownParsedAlone() throws {
        let document = try QuizMarkdown.parse(SourceText(path: "q.md", text: Self.text)).get()
        let blocks = document.blocks
        #expect(blocks.count == 11)
        for start in blocks.indices {
            for end in start..<blocks.count {
                let run = Array(blocks[start...end])
                let markdown = document.markdown(of: run)
                #expect(document.html(of: run, markdown: markdown, unsafeHTML: false) == QuizMarkdown.html(markdown),
                        "blocks \(start)...\(end)")
            }
        }
    }

    @Test func blocksWithGapsRenderAsTheirSlicesJoined() throws {
        let document = try QuizMarkdown.parse(SourceText(path: "q.md", text: Self.text)).get()
        let picked = [document.blocks[1], document.blocks[5], document.blocks[9]]
        let markdown = picked.map { document.source.slice($0.startLine...$0.endLine) }.joined(separator: "\n")
        let html = document.html(of: picked, markdown: markdown, unsafeHTML: false)
        #expect(html == QuizMarkdown.html(markdown))
        #expect(html.hasPrefix("<p>A <em>paragraph</em> with <code>code</code>"))
        #expect(html.hasSuffix("<h2>Setext heading</h2>\n"))
    }

    @Test func aFileWithLinkReferencesIsParsedAgain() throws {
        let document = try QuizMarkdown.parse(SourceText(path: "q.md", text: """
        # Title

        See [the docs][docs].

        [docs]: https://example.com

        """)).get()
        #expect(document.source.mayDefineLinkReferences)
        let prompt = [document.blocks[1]]
        let markdown = document.markdown(of: prompt)
        // Parsed alone, the paragraph does not see the definition below it: as before, its text stays literal.
        #expect(document.html(of: prompt, markdown: markdown, unsafeHTML: false) == "<p>See [the docs][docs].</p>\n")
    }

    @Test func htmlBlocksKeepWhatFollowsThem() throws {
        // cmark records the `<pre>` block as ending a line before `</pre>`: a prompt built from each block's slice and
        // parsed again ran the block to the end and lost the rest of the prompt (its question and code).
        let document = try QuizMarkdown.parse(SourceText(path: "q.md", text: """
        # Title

        <pre>
        kept
        </pre>

        More text.

        """)).get()
        let prompt = Array(document.blocks.dropFirst())
        let markdown = prompt.map { document.source.slice($0.startLine...$0.endLine) }.joined(separator: "\n")
        #expect(document.html(of: prompt, markdown: markdown, unsafeHTML: false) == "<!-- raw HTML omitted -->\n<p>More text.</p>\n")
    }

    @Test func linkReferenceCheckLooksForTheColonAfterABracket() {
        #expect(!SourceText(path: "q.md", text: "[a] : b\n[c](d)\nx]\n").mayDefineLinkReferences)
        #expect(SourceText(path: "q.md", text: "text\n[a]: /url\n").mayDefineLinkReferences)
        #expect(SourceText(path: "q.md", text: "[multi\nline]: /url").mayDefineLinkReferences)
    }
}
