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

    /// Pieces of Markdown that stress block boundaries: lists that could merge, setext underlines, lazy lines, raw
    /// HTML, indented and tabbed code, hard breaks, task items.
    static let pieces = [
        "Para line one\nline two", "- a\n- b", "* c\n\n* d", "1. one\n2. two", "3) three", "+ plus",
        "```python\nprint(1)\n```", "~~~\ncode ~~~\n~~~~", "    indented code\n\n    more", "\tTabbed code",
        "> quote\nlazy", "# H1", "## H2 *em*", "Setext\n===", "Setext2\n---", "***", "- - -",
        "<div>\nraw\n</div>", "<!-- comment -->", "<pre>\n\nkept\n</pre>",
        "Text <b>inline</b> & `code`, [link](http://x.y \"t\"), *em* __strong__ ![img](a.png)",
        "Two spaces  \nnext", "Line\\\nhard break", "- [x] task\n- [ ] other", "- item\n\n  continued para",
        "<https://auto.link> &amp; &copy; \\*", "{{ output }} is 1.5", "  indented para", "-\n  empty first line",
        "```\nunclosed", "Ünïcode – “quotes”", "> - nested\n>   list", "<!-- two\nlines -->", "<script>\nx\n</script>",
        "<![CDATA[\nx\n]]>", "> <pre>\n> quoted\n> </pre>", "- <pre>\n  item\n  </pre>",
    ]

    /// A deterministic mix of pieces joined by no, one or two blank lines.
    static func mixedDocument(_ seed: Int) -> String {
        var state = UInt64(seed) &* 6364136223846793005 &+ 1442695040888963407
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        var text = ""
        for _ in 0..<(3 + next(5)) {
            text += pieces[next(pieces.count)] + ["\n", "\n\n", "\n\n\n"][next(3)]
        }
        return text
    }

    @Test(arguments: [false, true]) func renderedHTMLIsWhatRenderingTheMarkdownGives(unsafe: Bool) throws {
        var taken = 0, alone = 0
        for seed in 0..<400 {
            let text = Self.mixedDocument(seed)
            let document = try QuizMarkdown.parse(SourceText(path: "q.md", text: text), unsafeHTML: unsafe).get()
            // Documents with a raw HTML block at the top level leave the fast path.
            guard document.blocksRenderAlone else { continue }
            alone += 1
            #expect(document.html == QuizMarkdown.html(text, unsafeHTML: unsafe))
            let blocks = document.blocks
            for start in blocks.indices {
                for end in start..<blocks.count {
                    let run = Array(blocks[start...end])
                    guard let html = document.renderedHTML(of: run, unsafeHTML: unsafe) else { continue }
                    taken += 1
                    let joined = run.map { document.source.slice($0.startLine...$0.endLine) }.joined(separator: "\n")
                    #expect(html == QuizMarkdown.html(joined, unsafeHTML: unsafe), "seed \(seed), blocks \(start)...\(end)")
                    #expect(html == QuizMarkdown.html(document.markdown(of: run), unsafeHTML: unsafe),
                            "seed \(seed), blocks \(start)...\(end)")
                }
            }
        }
        #expect(alone > 100)
        #expect(taken > 1000)
    }

    @Test func renderedHTMLNeedsConsecutiveBlocksOfTheDocument() throws {
        let document = try QuizMarkdown.parse(SourceText(path: "q.md", text: "- a\n\n```python setup\nx = 1\n```\n\n- b\n")).get()
        #expect(document.blocks.count == 3)
        // Without the fence the two lists would merge into one loose list: the text must be rendered again.
        #expect(document.renderedHTML(of: [document.blocks[0], document.blocks[2]], unsafeHTML: false) == nil)
        #expect(QuizMarkdown.html("- a\n\n- b\n") == "<ul>\n<li>\n<p>a</p>\n</li>\n<li>\n<p>b</p>\n</li>\n</ul>\n")
        #expect(document.renderedHTML(of: [document.blocks[0]], unsafeHTML: false) == "<ul>\n<li>a</li>\n</ul>\n")
        #expect(document.renderedHTML(of: [document.blocks[0]], unsafeHTML: true) == nil)
        #expect(document.renderedHTML(of: [], unsafeHTML: false) == "")
    }

    /// cmark ends a setext heading on the line after its underline when that line starts the next block.
    @Test func renderedHTMLIsNilForBlocksReachingIntoTheNext() throws {
        let document = try QuizMarkdown.parse(SourceText(path: "q.md", text: "Title\n-\n  next\n")).get()
        #expect(document.blocks.map(\.startLine) == [1, 3])
        #expect(document.blocks.map(\.endLine) == [3, 3])
        #expect(document.renderedHTML(of: [document.blocks[0]], unsafeHTML: false) == nil)
        #expect(document.renderedHTML(of: [document.blocks[1]], unsafeHTML: false) == "<p>next</p>\n")
    }

    @Test(arguments: ["[x]: /url\n\n[x]\n", "[x]\n\n[x]:\n  /url\n", "Line\rbreak\n"])
    func renderedHTMLIsNilWhereBlocksDependOnOtherText(text: String) throws {
        let document = try QuizMarkdown.parse(SourceText(path: "q.md", text: text)).get()
        #expect(!document.blocksRenderAlone)
        #expect(document.renderedHTML(of: document.blocks, unsafeHTML: false) == nil)
    }
}
