import QuizCore

/// A Markdown file parsed into plain values: front matter, and the body's top-level blocks with file positions.
public struct MarkdownDocument: Sendable, Hashable {
    public var source: SourceText
    public var frontMatter: FrontMatter?
    /// File line where the body (after the front matter) starts.
    public var bodyFirstLine: Int
    public var blocks: [MarkdownBlock]
    /// The HTML cmark renders for the body, each block's in turn at its `htmlRange`; empty unless `blocksRenderAlone`.
    public var html: String
    /// Whether each block's HTML is what cmark renders for the block's lines alone: false when the body may define
    /// link references (it has a `]:`), which resolve across blocks, has a `\r` line break, which `SourceText` does
    /// not count as one, or has a raw HTML block, whose line range cmark may end before its closing tag.
    public var blocksRenderAlone: Bool
    /// Whether `html` keeps raw HTML (cmark's unsafe mode).
    public var unsafeHTML: Bool

    public init(source: SourceText, frontMatter: FrontMatter?, bodyFirstLine: Int, blocks: [MarkdownBlock], html: String = "",
                blocksRenderAlone: Bool = false, unsafeHTML: Bool = false) {
        self.source = source
        self.frontMatter = frontMatter
        self.bodyFirstLine = bodyFirstLine
        self.blocks = blocks
        self.html = html
        self.blocksRenderAlone = blocksRenderAlone
        self.unsafeHTML = unsafeHTML
    }

    public var path: String { source.path }

    /// The Markdown source of `blocks`, from the first block's line to the last block's line.
    public func markdown(of blocks: some Collection<MarkdownBlock>) -> String {
        guard let first = blocks.first, let last = blocks.max(by: { $0.endLine < $1.endLine }) else { return "" }
        return source.slice(first.startLine...last.endLine)
    }

    /// `markdown(of:)` for an array, the common case, without generic calls or copies of the blocks.
    public func markdown(of blocks: [MarkdownBlock]) -> String {
        guard !blocks.isEmpty else { return "" }
        var lastLine = blocks[0].endLine
        for index in blocks.indices.dropFirst() where blocks[index].endLine > lastLine { lastLine = blocks[index].endLine }
        return source.slice(blocks[0].startLine...lastLine)
    }

    /// What `QuizMarkdown.html` gives for the Markdown of `run` (`markdown(of:)`, or the blocks' own lines joined with
    /// blank lines), taken from the body's HTML without parsing again; nil unless `run` is blocks of this document that
    /// follow each other with only blank lines between them (none reaching into the next block's lines), rendered with
    /// `unsafeHTML`, and `blocksRenderAlone`. There the text parses to the same blocks, and cmark renders each top-level
    /// block alone (every block's HTML ends with a line feed, so the next starts afresh).
    public func renderedHTML(of run: [MarkdownBlock], unsafeHTML: Bool) -> String? {
        guard blocksRenderAlone, unsafeHTML == self.unsafeHTML else { return nil }
        guard let first = run.first else { return "" }
        guard let start = blocks.firstIndex(where: { $0.startLine == first.startLine }), blocks.count - start >= run.count else {
            return nil
        }
        for (offset, block) in run.enumerated() {
            let own = blocks[start + offset]
            guard own.startLine == block.startLine, own.endLine == block.endLine, own.htmlRange == block.htmlRange else { return nil }
            // A setext heading's lines can reach into the next block's first line; its text would then render differently.
            if start + offset + 1 < blocks.count, blocks[start + offset + 1].startLine <= own.endLine { return nil }
            if offset > 0 {
                let gap = (run[offset - 1].endLine + 1)..<block.startLine
                guard gap.allSatisfy({ source.lineText($0).utf8.allSatisfy { $0 == 0x20 || $0 == 0x09 } }) else { return nil }
            }
        }
        let utf8 = html.utf8, lower = first.htmlRange.lowerBound, upper = run[run.count - 1].htmlRange.upperBound
        guard lower <= upper, upper <= utf8.count else { return nil }
        return String(html[utf8.index(utf8.startIndex, offsetBy: lower)..<utf8.index(utf8.startIndex, offsetBy: upper)])
    }
}

/// One top-level block of the body, with its file line range.
public struct MarkdownBlock: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case heading(level: Int, text: String)
        case code(CodeFence)
        case list([ListItem])
        case paragraph
        case other
    }

    public var kind: Kind
    public var location: SourceLocation
    public var startLine: Int
    public var endLine: Int
    /// UTF-8 offsets of the block's HTML in its document's `html`.
    public var htmlRange: Range<Int>

    public init(kind: Kind, location: SourceLocation, startLine: Int, endLine: Int, htmlRange: Range<Int> = 0..<0) {
        self.kind = kind
        self.location = location
        self.startLine = startLine
        self.endLine = endLine
        self.htmlRange = htmlRange
    }
}

/// A code block as written: info string, literal code, and whether its closing fence exists.
public struct CodeFence: Sendable, Hashable {
    public var info: String
    public var code: String
    public var location: SourceLocation
    /// File line of the first code line (the line after the opening fence).
    public var firstCodeLine: Int
    /// File line of the closing fence, or nil when the fence was never closed.
    public var closingLine: Int?
    /// False for an indented (four-space) code block.
    public var isFenced: Bool
    /// File line inside the code that opens another fence (```` ```text ````): the sign of a missing closing fence.
    public var innerOpeningLine: Int?

    public init(info: String, code: String, location: SourceLocation, firstCodeLine: Int, closingLine: Int?,
                isFenced: Bool, innerOpeningLine: Int? = nil) {
        self.innerOpeningLine = innerOpeningLine
        self.info = info
        self.code = code
        self.location = location
        self.firstCodeLine = firstCodeLine
        self.closingLine = closingLine
        self.isFenced = isFenced
    }
}

/// An item of a bullet list; `task` is set for `- [x]` / `- [ ]` items.
public struct ListItem: Sendable, Hashable {
    public enum Task: Sendable, Hashable {
        case checked, unchecked
    }

    public var task: Task?
    /// The item's Markdown without its bullet and task marker, continuation lines dedented.
    public var markdown: String
    public var html: String
    /// Literal text of every inline code span, in order.
    public var codeSpans: [String]
    /// Literal text of a code block inside the item, if any.
    public var codeBlock: String?
    /// Position of the bullet.
    public var location: SourceLocation
    /// Position of the `[` of the task marker, for rewriting it in place.
    public var taskMarkerLocation: SourceLocation?
    public var startLine: Int
    public var endLine: Int

    public init(task: Task?, markdown: String, html: String, codeSpans: [String], codeBlock: String?,
                location: SourceLocation, taskMarkerLocation: SourceLocation?, startLine: Int, endLine: Int) {
        self.task = task
        self.markdown = markdown
        self.html = html
        self.codeSpans = codeSpans
        self.codeBlock = codeBlock
        self.location = location
        self.taskMarkerLocation = taskMarkerLocation
        self.startLine = startLine
        self.endLine = endLine
    }
}

/// A heading and the blocks it opens: everything up to the next heading of level `maxLevel` or less.
public struct MarkdownSection: Sendable, Hashable {
    public var heading: MarkdownBlock
    public var level: Int
    public var title: String
    public var blocks: [MarkdownBlock]

    public init(heading: MarkdownBlock, level: Int, title: String, blocks: [MarkdownBlock]) {
        self.heading = heading
        self.level = level
        self.title = title
        self.blocks = blocks
    }
}

extension MarkdownDocument {
    /// The blocks before the first heading of level `maxLevel` or less, then one section per such heading.
    /// Deeper headings stay inside their section's blocks.
    public func sections(maxLevel: Int = 2) -> (preamble: [MarkdownBlock], sections: [MarkdownSection]) {
        var preamble: [MarkdownBlock] = []
        var sections: [MarkdownSection] = []
        for block in blocks {
            if case .heading(let level, let title) = block.kind, level <= maxLevel {
                sections.append(MarkdownSection(heading: block, level: level, title: title, blocks: []))
            } else if sections.isEmpty {
                preamble.append(block)
            } else {
                sections[sections.count - 1].blocks.append(block)
            }
        }
        return (preamble, sections)
    }
}
