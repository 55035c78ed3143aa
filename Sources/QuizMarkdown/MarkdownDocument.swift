import QuizCore

/// A Markdown file parsed into plain values: front matter, and the body's top-level blocks with file positions.
public struct MarkdownDocument: Sendable, Hashable {
    public var source: SourceText
    public var frontMatter: FrontMatter?
    /// File line where the body (after the front matter) starts.
    public var bodyFirstLine: Int
    public var blocks: [MarkdownBlock]
    /// The parse `blocks` came from, kept to render their HTML without parsing their Markdown again; nil (render by
    /// parsing) when the file may define link references or the site allows unsafe HTML (see `html(of:)`). Not part
    /// of the document's value: equality and hashing ignore it.
    let tree: CmarkTree?

    public init(source: SourceText, frontMatter: FrontMatter?, bodyFirstLine: Int, blocks: [MarkdownBlock]) {
        self.init(source: source, frontMatter: frontMatter, bodyFirstLine: bodyFirstLine, blocks: blocks, tree: nil)
    }

    init(source: SourceText, frontMatter: FrontMatter?, bodyFirstLine: Int, blocks: [MarkdownBlock], tree: CmarkTree?) {
        self.source = source
        self.frontMatter = frontMatter
        self.bodyFirstLine = bodyFirstLine
        self.blocks = blocks
        self.tree = tree
    }

    public static func == (lhs: MarkdownDocument, rhs: MarkdownDocument) -> Bool {
        lhs.source == rhs.source && lhs.frontMatter == rhs.frontMatter && lhs.bodyFirstLine == rhs.bodyFirstLine
            && lhs.blocks == rhs.blocks
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(source)
        hasher.combine(frontMatter)
        hasher.combine(bodyFirstLine)
        hasher.combine(blocks)
    }

    public var path: String { source.path }

    /// The HTML of `blocks` (blocks of this document, in order), the same as `QuizMarkdown.html(markdown)` where
    /// `markdown` is their Markdown (`markdown(of:)`, or their slices joined by line feeds). Rendered from the
    /// document's own parse when it has one: parsing each challenge's prompt, hint and explanation again took about
    /// three times as long as rendering them. Parsed again when the document kept no tree: the file may define link
    /// references (`[x]: url`, which a fragment parsed alone does not see unless it holds them) or unsafe HTML is on
    /// (cmark records an HTML block ending in a closing tag one line short, so its slice, and the HTML rendered from
    /// it, ends early).
    public func html(of blocks: [MarkdownBlock], markdown: String, unsafeHTML: Bool) -> String {
        guard let tree, !unsafeHTML else {
            return QuizMarkdown.html(markdown, unsafeHTML: unsafeHTML)
        }
        var indices: [Int] = []
        indices.reserveCapacity(blocks.count)
        for block in blocks {
            guard let index = block.index else { return QuizMarkdown.html(markdown, unsafeHTML: unsafeHTML) }
            indices.append(index)
        }
        return tree.html(ofBlocksAt: indices, unsafeHTML: unsafeHTML)
    }

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
    /// Its position among the top-level blocks of the parse it came from (nil for a block made by hand).
    public var index: Int?

    public init(kind: Kind, location: SourceLocation, startLine: Int, endLine: Int, index: Int? = nil) {
        self.kind = kind
        self.location = location
        self.startLine = startLine
        self.endLine = endLine
        self.index = index
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
