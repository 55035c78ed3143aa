import QuizSite
import SnippetInterpreter

/// The reference `PythonScanner` is checked against: spans around the tokens of the interpreter's own
/// `PythonLexer.highlightTokens()`, as `quizc`'s `PythonHighlighter` wrote them before the scanner existed.
enum LexerHighlighter {
    static let builtins: Set<String> = [
        "print", "len", "range", "enumerate", "zip", "min", "max", "sum", "abs", "round", "int", "float", "str",
        "bool", "list", "tuple", "dict", "set", "isinstance", "sorted", "reversed", "any", "all", "super", "type",
        "map", "filter", "repr", "True", "False", "None",
    ]

    static func highlight(_ code: String) -> String {
        let bytes = Array(code.utf8)
        var html = ""
        var cursor = 0
        for token in PythonLexer(code).highlightTokens() where token.range.lowerBound >= cursor {
            let style: String
            switch token.kind {
            case .keyword: style = builtins.contains(token.text) ? "tok-builtin" : "tok-kw"
            case .name: style = builtins.contains(token.text) ? "tok-builtin" : "tok-name"
            case .number: style = "tok-num"
            case .string: style = "tok-str"
            case .comment: style = "tok-com"
            case .op: style = "tok-op"
            case .newline, .indent, .dedent, .end: continue
            }
            html += HTML.escape(String(decoding: bytes[cursor..<token.range.lowerBound], as: UTF8.self))
            html += "<span class=\"\(style)\">" + HTML.escape(String(decoding: bytes[token.range], as: UTF8.self)) + "</span>"
            cursor = token.range.upperBound
        }
        return html + HTML.escape(String(decoding: bytes[cursor...], as: UTF8.self))
    }

    /// Whether the lexer accepts `code` (the scanner must give up exactly when it does not).
    static func lexes(_ code: String) -> Bool {
        (try? PythonLexer(code).tokenize(includeComments: true)) != nil
    }
}
