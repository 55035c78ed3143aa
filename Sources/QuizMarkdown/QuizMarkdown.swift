import CCmark
import QuizCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads content files into plain values; the only module that sees cmark pointers.
public enum QuizMarkdown {
    /// The libcmark version quizc is linked against, e.g. "0.30.2".
    public static var cmarkVersion: String { String(cString: cmark_version_string()) }

    /// HTML for a Markdown fragment. Raw HTML is omitted (cmark's safe mode) unless `unsafeHTML`.
    public static func html(_ markdown: String, unsafeHTML: Bool = false) -> String {
        let options = unsafeHTML ? CMARK_OPT_UNSAFE : CMARK_OPT_DEFAULT
        var markdown = markdown
        guard let rendered = markdown.withUTF8({ buffer in
            buffer.isEmpty ? nil : buffer.baseAddress.flatMap { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    cmark_markdown_to_html($0, buffer.count, options)
                }
            }
        }) else { return "" }
        defer { free(rendered) }
        return String(cString: rendered)
    }

    /// Parses a whole Markdown file: front matter (located), then the body's blocks (located).
    public static func parse(_ source: SourceText, unsafeHTML: Bool = false) -> Result<MarkdownDocument, Diagnostic> {
        var frontMatter: FrontMatter?
        var bodyFirstLine = 1
        switch FrontMatter.split(source) {
        case .none:
            break
        case .unclosed:
            return .failure(.error("front matter opened with `---` is never closed; add a `---` line after it",
                                   at: SourceLocation(file: source.path, line: 1), rule: "unclosed-front-matter"))
        case .found(let yaml, let firstLine, let bodyLine):
            switch FrontMatter.decodeRemembered(yaml, path: source.path, firstLine: firstLine) {
            case .success(let decoded): frontMatter = decoded
            case .failure(let diagnostic): return .failure(diagnostic)
            }
            bodyFirstLine = bodyLine
        }
        let body = source.slice(bodyFirstLine...max(source.lineCount, bodyFirstLine))
        let (blocks, html) = CmarkTree(markdown: body).blocks(source: source, lineOffset: bodyFirstLine - 1, unsafeHTML: unsafeHTML)
        return .success(MarkdownDocument(source: source, frontMatter: frontMatter, bodyFirstLine: bodyFirstLine, blocks: blocks,
                                         html: html ?? "", blocksRenderAlone: html != nil && blocksRenderAlone(body),
                                         unsafeHTML: unsafeHTML))
    }

    /// False when `body` has a `]:` (it may define a link reference, which any block can use) or a `\r` (after `slice`,
    /// a line break cmark counts and `SourceText` does not).
    static func blocksRenderAlone(_ body: String) -> Bool {
        var body = body
        return body.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return true }
            if memchr(base, 0x0D, bytes.count) != nil { return false }
            var start = 0
            while start < bytes.count, let found = memchr(base + start, 0x5D, bytes.count - start) {
                let index = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
                if index + 1 < bytes.count, bytes[index + 1] == 0x3A { return false }
                start = index + 1
            }
            return true
        }
    }
}
