/// Turns source code into HTML at build time. Spans use the classes `tok-kw`, `tok-str`, `tok-num`, `tok-com`,
/// `tok-op`, `tok-name` and `tok-builtin`, which `assets/quiz.css` colours.
public protocol CodeHighlighter: Sendable {
    /// HTML for the inside of `<code>`: every `<`, `>`, `&` and `"` of `code` escaped.
    func highlight(_ code: String, language: String) -> String
}

/// The default highlighter: escapes the code and adds no colour.
public struct PlainHighlighter: CodeHighlighter {
    public init() {}

    public func highlight(_ code: String, language: String) -> String {
        HTML.escape(code)
    }
}

/// Small HTML helpers shared by rendering and highlighting.
public enum HTML {
    /// Escapes `&`, `<`, `>`, `"` and `'`.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Reverses the escapes cmark writes inside code blocks.
    static func unescape(_ text: String) -> String {
        text.replacing("&lt;", with: "<").replacing("&gt;", with: ">").replacing("&quot;", with: "\"")
            .replacing("&#39;", with: "'").replacing("&amp;", with: "&")
    }

    /// Rewrites every `<pre><code class="language-X">…</code></pre>` that cmark produced with the highlighter's
    /// output, so code inside prompts and explanations is coloured at build time.
    static func highlightCodeBlocks(in html: String, with highlighter: any CodeHighlighter) -> String {
        let open = "<pre><code"
        let close = "</code></pre>"
        var result = ""
        var rest = html[...]
        while let start = rest.firstRange(of: open) {
            guard let tagEnd = rest[start.upperBound...].firstIndex(of: ">"),
                  let end = rest[tagEnd...].firstRange(of: close) else { break }
            let attributes = String(rest[start.upperBound..<tagEnd])
            let language = languageName(inAttributes: attributes)
            let code = unescape(String(rest[rest.index(after: tagEnd)..<end.lowerBound]))
            result += rest[..<start.lowerBound]
            let languageClass = language.isEmpty ? "" : " class=\"language-\(escape(language))\""
            result += "<pre class=\"code\"><code\(languageClass)>" + highlighter.highlight(code, language: language) + close
            rest = rest[end.upperBound...]
        }
        return result + rest
    }

    private static func languageName(inAttributes attributes: String) -> String {
        guard let range = attributes.firstRange(of: "language-") else { return "" }
        return String(attributes[range.upperBound...].prefix { $0 != "\"" && $0 != " " })
    }
}
