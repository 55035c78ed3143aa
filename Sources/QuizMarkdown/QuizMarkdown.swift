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
        let tree = CmarkTree(markdown: body)
        let blocks = tree.blocks(source: source, lineOffset: bodyFirstLine - 1, unsafeHTML: unsafeHTML)
        // The tree is kept only where HTML rendered from it equals its fragments parsed alone (see `html(of:)`).
        let keptTree = unsafeHTML || source.mayDefineLinkReferences ? nil : tree
        return .success(MarkdownDocument(source: source, frontMatter: frontMatter, bodyFirstLine: bodyFirstLine,
                                         blocks: blocks, tree: keptTree))
    }
}
