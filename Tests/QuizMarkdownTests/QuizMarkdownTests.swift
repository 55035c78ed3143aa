import QuizCore
import QuizMarkdown
import Testing

@Suite struct QuizMarkdownTests {
    static let text = """
        ---
        type: multiple-choice
        ---

        # Output *shape*

        Intro <b>bold</b>.

        ```python norun
        print(x)
        ```

        ## Choices

        - [x] `torch.Size([4, 10, 64])`
        - [ ] RuntimeError: `batch2`
          second line
        * plain item

        """

    static func document(unsafe: Bool = false) throws -> MarkdownDocument {
        try QuizMarkdown.parse(SourceText(path: "q/01.md", text: text), unsafeHTML: unsafe).get()
    }

    @Test func blocksCarryFileLines() throws {
        let document = try Self.document()
        #expect(document.bodyFirstLine == 4)
        #expect(document.frontMatter?["type"]?.value.string == "multiple-choice")
        // `*` after `-` items starts a new list, as CommonMark says.
        #expect(document.blocks.map(\.startLine) == [5, 7, 9, 13, 15, 18])
        #expect(document.blocks[0].kind == .heading(level: 1, text: "Output shape"))
        #expect(document.blocks[0].location == SourceLocation(file: "q/01.md", line: 5, column: 1))
    }

    @Test func fencesKeepInfoCodeAndPositions() throws {
        let document = try Self.document()
        guard case .code(let fence) = document.blocks[2].kind else {
            Issue.record("block 2 is not code")
            return
        }
        #expect(fence == CodeFence(info: "python norun", code: "print(x)\n",
                                   location: SourceLocation(file: "q/01.md", line: 9, column: 1),
                                   firstCodeLine: 10, closingLine: 11, isFenced: true))
    }

    @Test func unclosedFenceHasNoClosingLine() throws {
        let source = SourceText(path: "q.md", text: "# T\n\n```python\nprint(1)\n\n## Answer\n")
        let document = try QuizMarkdown.parse(source).get()
        guard case .code(let fence) = document.blocks[1].kind else {
            Issue.record("block 1 is not code")
            return
        }
        #expect(fence.closingLine == nil)
        #expect(fence.code == "print(1)\n\n## Answer\n")
    }

    @Test func taskItemsCarryMarkerCodeSpansAndHTML() throws {
        let document = try Self.document()
        guard case .list(let items) = document.blocks[4].kind else {
            Issue.record("block 4 is not a list")
            return
        }
        #expect(items.count == 2)
        #expect(items[0].task == .checked)
        #expect(items[0].markdown == "`torch.Size([4, 10, 64])`")
        #expect(items[0].html == "<p><code>torch.Size([4, 10, 64])</code></p>\n")
        #expect(items[0].codeSpans == ["torch.Size([4, 10, 64])"])
        #expect(items[0].taskMarkerLocation == SourceLocation(file: "q/01.md", line: 15, column: 3))
        #expect(items[1].task == .unchecked)
        #expect(items[1].markdown == "RuntimeError: `batch2`\nsecond line")
        #expect(items[1].startLine == 16)
        #expect(items[1].endLine == 17)
    }

    @Test func rawHTMLIsOmittedUnlessUnsafe() {
        #expect(QuizMarkdown.html("Intro <b>bold</b>.") == "<p>Intro <!-- raw HTML omitted -->bold<!-- raw HTML omitted -->.</p>\n")
        #expect(QuizMarkdown.html("Intro <b>bold</b>.", unsafeHTML: true) == "<p>Intro <b>bold</b>.</p>\n")
    }

    @Test func unclosedFrontMatterIsLocated() {
        #expect(throws: Diagnostic.error("front matter opened with `---` is never closed; add a `---` line after it",
                                        at: SourceLocation(file: "q.md", line: 1), rule: "unclosed-front-matter")) {
            try QuizMarkdown.parse(SourceText(path: "q.md", text: "---\ntype: debug\n# T\n")).get()
        }
    }
}
