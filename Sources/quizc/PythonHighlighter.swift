import QuizSite
import SnippetInterpreter

/// Colours Python code at build time with the interpreter's own token rules, so the page highlights exactly the
/// tokens quizc runs; other languages are only escaped. `PythonScanner` does it in one pass; code that does not
/// lex goes through the lexer itself, whose error recovery keeps broken code whole.
struct PythonHighlighter: CodeHighlighter {
    static let builtins: Set<String> = [
        "print", "len", "range", "enumerate", "zip", "min", "max", "sum", "abs", "round", "int", "float", "str",
        "bool", "list", "tuple", "dict", "set", "isinstance", "sorted", "reversed", "any", "all", "super", "type",
        "map", "filter", "repr", "True", "False", "None",
    ]

    func highlight(_ code: String, language: String) -> String {
        guard language == "python" || language == "py" else { return HTML.escape(code) }
        return PythonScanner.highlight(code) ?? Self.lexerHighlight(code)
    }

    /// The reference: spans around the tokens of `PythonLexer.highlightTokens()`.
    static func lexerHighlight(_ code: String) -> String {
        let bytes = Array(code.utf8)
        var html = ""
        var cursor = 0
        for token in PythonLexer(code).highlightTokens() where token.range.lowerBound >= cursor {
            guard let style = Self.cssClass(for: token) else { continue }
            html += HTML.escape(String(decoding: bytes[cursor..<token.range.lowerBound], as: UTF8.self))
            let text = HTML.escape(String(decoding: bytes[token.range], as: UTF8.self))
            html += "<span class=\"\(style)\">\(text)</span>"
            cursor = token.range.upperBound
        }
        return html + HTML.escape(String(decoding: bytes[cursor...], as: UTF8.self))
    }

    static func cssClass(for token: PythonToken) -> String? {
        switch token.kind {
        case .keyword: builtins.contains(token.text) ? "tok-builtin" : "tok-kw"
        case .name: builtins.contains(token.text) ? "tok-builtin" : "tok-name"
        case .number: "tok-num"
        case .string: "tok-str"
        case .comment: "tok-com"
        case .op: "tok-op"
        case .newline, .indent, .dedent, .end: nil
        }
    }
}
