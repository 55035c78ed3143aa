/// What a Python token is; the site's highlighter keys colours off this.
public enum PythonTokenKind: Sendable, Equatable {
    case name, keyword, number, string, op, comment, newline, indent, dedent, end
}

/// One token with its text and position (line 1-based, column 0-based in UTF-8 bytes, like CPython's tokenizer).
public struct PythonToken: Sendable, Equatable {
    public var kind: PythonTokenKind
    public var text: String
    public var line: Int
    public var column: Int
    /// Byte offsets of the token in the UTF-8 source.
    public var range: Range<Int>
    /// Which operator or keyword this is, decided while lexing so the parser tests integers, not strings.
    var code: TokenCode = .none

    /// The token with its text cut from the source it was lexed from (an indent's range spans its whitespace; its
    /// text is empty).
    init(_ token: LexToken, in bytes: [UInt8]) {
        (kind, line, column, range, code) = (token.kind, token.line, token.column, token.range, token.code)
        text = token.kind == .indent ? "" : String(decoding: bytes[token.range], as: UTF8.self)
    }
}

/// A token as the lexer makes it and the parser reads it: positions only, no text (a plain value, so the parser's
/// copies and the token array's release cost nothing per token); `Parser.text(_:)` cuts a name's or literal's text
/// from the source bytes when it is needed.
struct LexToken {
    var kind: PythonTokenKind
    var line: Int
    var column: Int
    var range: Range<Int>
    var code: TokenCode = .none
}

/// A lexing failure, reported by the interpreter as `SyntaxError` (or `IndentationError`).
public struct PythonLexError: Error, Sendable, Equatable {
    public var type: String
    public var message: String
    public var line: Int
    public var column: Int
}

/// Python 3 tokenizer: INDENT/DEDENT, implicit joining inside brackets, `\` continuation, every literal form.
public struct PythonLexer: Sendable {
    public static let keywords: Set<String> = [
        "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
        "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in",
        "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
    ]
    /// Length of the operator or delimiter starting with bytes `c0 c1 c2` (longest match, as CPython), 0 if none;
    /// byte tests instead of a table scan so lexing allocates nothing per operator.
    static func operatorLength(_ c0: UInt8, _ c1: UInt8, _ c2: UInt8) -> Int {
        switch c0 {
        case 0x2A, 0x2F, 0x3C, 0x3E: // * / < >: doubled, optionally augmented (** **= // //= << <<= >> >>=)
            if c1 == c0 { return c2 == 0x3D ? 3 : 2 }
            return c1 == 0x3D ? 2 : 1
        case 0x2E: // . ...
            return c1 == 0x2E && c2 == 0x2E ? 3 : 1
        case 0x2D: // - -= ->
            return c1 == 0x3D || c1 == 0x3E ? 2 : 1
        case 0x2B, 0x25, 0x26, 0x7C, 0x5E, 0x40, 0x3D, 0x3A: // + % & | ^ @ = : and their `=` forms (== :=)
            return c1 == 0x3D ? 2 : 1
        case 0x21: // != (a lone ! is not an operator)
            return c1 == 0x3D ? 2 : 0
        case 0x7E, 0x28, 0x29, 0x5B, 0x5D, 0x7B, 0x7D, 0x2C, 0x3B: // ~ ( ) [ ] { } , ;
            return 1
        default:
            return 0
        }
    }

    public let source: String
    public init(_ source: String) { self.source = source }

    /// Tokenizes the whole source; `includeComments` keeps comment tokens (for highlighting).
    public func tokenize(includeComments: Bool = false) throws(PythonLexError) -> [PythonToken] {
        let (tokens, bytes) = try lex(includeComments: includeComments)
        return tokens.map { PythonToken($0, in: bytes) }
    }

    /// The tokens without their texts, and the source's bytes they point into (what the parser reads).
    func lex(includeComments: Bool = false) throws(PythonLexError) -> (tokens: [LexToken], bytes: [UInt8]) {
        var state = LexState(bytes: Array(source.utf8), includeComments: includeComments)
        try state.run()
        return (state.tokens, state.bytes)
    }

    /// Tokens for syntax highlighting: never throws; on a lexing error the rest is one plain token.
    public func highlightTokens() -> [PythonToken] {
        var state = LexState(bytes: Array(source.utf8), includeComments: true)
        do { try state.run() } catch {
            var start = state.tokens.last?.range.upperBound ?? 0
            while start < state.bytes.count && (state.bytes[start] == 0x20 || state.bytes[start] == 0x09) { start += 1 }
            if start < state.bytes.count {
                state.tokens.append(LexToken(kind: .op, line: error.line, column: 0, range: start..<state.bytes.count))
            }
        }
        return state.tokens.compactMap {
            $0.kind == .indent || $0.kind == .dedent || $0.kind == .end ? nil : PythonToken($0, in: state.bytes)
        }
    }
}

private struct LexState {
    let bytes: [UInt8]
    let includeComments: Bool
    var tokens: [LexToken] = []
    var pos = 0
    var line = 1
    var lineStart = 0
    var depth: Int { brackets.count }
    var brackets: [(char: UInt8, line: Int, column: Int)] = []
    var indents: [Int] = [0]
    var atLineStart = true

    init(bytes: [UInt8], includeComments: Bool) {
        self.bytes = bytes
        self.includeComments = includeComments
        // At most about one token per two bytes of snippet code: reserved once instead of regrown from empty.
        tokens.reserveCapacity(bytes.count / 2 + 8)
    }

    func peek(_ offset: Int = 0) -> UInt8 {
        let index = pos + offset
        return index < bytes.count ? bytes[index] : 0
    }

    func fail(_ message: String, type: String = "SyntaxError", column: Int? = nil) -> PythonLexError {
        PythonLexError(type: type, message: message, line: line, column: column ?? (pos - lineStart))
    }

    mutating func add(_ kind: PythonTokenKind, from start: Int, line tokenLine: Int, column: Int, code: TokenCode = .none) {
        tokens.append(LexToken(kind: kind, line: tokenLine, column: column, range: start..<pos, code: code))
    }

    mutating func run() throws(PythonLexError) {
        while pos < bytes.count {
            if atLineStart && depth == 0 {
                if try handleIndentation() { continue }
            }
            let c = peek()
            if c == 0x20 || c == 0x09 || c == 0x0C { pos += 1; continue }
            if c == 0x23 { // '#'
                let start = pos
                while pos < bytes.count && bytes[pos] != 0x0A && bytes[pos] != 0x0D { pos += 1 }
                if includeComments { add(.comment, from: start, line: line, column: start - lineStart) }
                continue
            }
            if c == 0x5C { // backslash continuation
                if peek(1) == 0x0A || (peek(1) == 0x0D && peek(2) == 0x0A) {
                    pos += peek(1) == 0x0D ? 3 : 2
                    line += 1; lineStart = pos
                    continue
                }
                throw fail("unexpected character after line continuation character")
            }
            if c == 0x0A || c == 0x0D {
                let start = pos
                pos += (c == 0x0D && peek(1) == 0x0A) ? 2 : 1
                if depth == 0 {
                    if let last = tokens.last, last.kind != .newline {
                        add(.newline, from: start, line: line, column: start - lineStart)
                    }
                    atLineStart = true
                }
                line += 1; lineStart = pos
                continue
            }
            try lexToken()
        }
        if let last = tokens.last, last.kind != .newline && last.kind != .dedent && last.kind != .indent {
            tokens.append(LexToken(kind: .newline, line: line, column: pos - lineStart, range: pos..<pos))
        }
        if let open = brackets.last {
            throw PythonLexError(type: "SyntaxError", message: "'\(LexState.character(open.char))' was never closed", line: open.line, column: open.column)
        }
        while indents.count > 1 {
            indents.removeLast()
            tokens.append(LexToken(kind: .dedent, line: line, column: 0, range: pos..<pos))
        }
        tokens.append(LexToken(kind: .end, line: line, column: 0, range: pos..<pos))
    }

    /// Measures the indentation of a logical line; returns true when the line was blank or a comment.
    mutating func handleIndentation() throws(PythonLexError) -> Bool {
        var width = 0
        var scan = pos
        while scan < bytes.count {
            let c = bytes[scan]
            if c == 0x20 { width += 1 } else if c == 0x09 { width = (width / 8 + 1) * 8 } else if c == 0x0C { width = 0 } else { break }
            scan += 1
        }
        let next: UInt8 = scan < bytes.count ? bytes[scan] : 0
        if next == 0x0A || next == 0x0D || next == 0x23 || next == 0 {
            pos = scan
            if next == 0x23 {
                let start = pos
                while pos < bytes.count && bytes[pos] != 0x0A && bytes[pos] != 0x0D { pos += 1 }
                if includeComments { add(.comment, from: start, line: line, column: start - lineStart) }
            }
            if pos < bytes.count {
                pos += (bytes[pos] == 0x0D && pos + 1 < bytes.count && bytes[pos + 1] == 0x0A) ? 2 : 1
                line += 1; lineStart = pos
            }
            return true
        }
        pos = scan
        atLineStart = false
        if width > indents[indents.count - 1] {
            indents.append(width)
            tokens.append(LexToken(kind: .indent, line: line, column: 0, range: lineStart..<pos))
        } else {
            while width < indents[indents.count - 1] {
                indents.removeLast()
                tokens.append(LexToken(kind: .dedent, line: line, column: pos - lineStart, range: pos..<pos))
            }
            if width != indents[indents.count - 1] {
                throw fail("unindent does not match any outer indentation level", type: "IndentationError")
            }
        }
        return false
    }

    static func isIdentStart(_ c: UInt8) -> Bool { (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A) || c == 0x5F || c >= 0x80 }
    static func isIdentChar(_ c: UInt8) -> Bool { isIdentStart(c) || isDigit(c) }
    /// r b f u in either case: the letters a string prefix is made of.
    static func isPrefixLetter(_ c: UInt8) -> Bool {
        let lower = c | 0x20
        return lower == 0x72 || lower == 0x62 || lower == 0x66 || lower == 0x75
    }
    /// Whether lower-cased prefix letters `first` and `second` (0: none) are a valid prefix: r b f u rb br rf fr.
    static func isStringPrefix(_ first: UInt8, _ second: UInt8) -> Bool {
        if second == 0 { return true }
        return (first == 0x72 && (second == 0x62 || second == 0x66)) || ((first == 0x62 || first == 0x66) && second == 0x72)
    }
    static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }

    static func character(_ c: UInt8) -> String { String(UnicodeScalar(c)) }

    mutating func lexToken() throws(PythonLexError) {
        let start = pos
        let column = pos - lineStart
        let startLine = line
        let c = peek()
        if LexState.isIdentStart(c) {
            // String prefixes: one or two of r b f u (any case) right before a quote.
            if LexState.isPrefixLetter(c) {
                var prefixEnd = pos + 1
                if prefixEnd < bytes.count && LexState.isPrefixLetter(bytes[prefixEnd]) { prefixEnd += 1 }
                if prefixEnd < bytes.count && (bytes[prefixEnd] == 0x27 || bytes[prefixEnd] == 0x22) {
                    let first = c | 0x20
                    let second = prefixEnd - pos == 2 ? bytes[pos + 1] | 0x20 : 0
                    if LexState.isStringPrefix(first, second) {
                        pos = prefixEnd
                        try lexString(start: start, column: column, raw: first == 0x72 || second == 0x72)
                        return
                    }
                }
            }
            while pos < bytes.count && LexState.isIdentChar(bytes[pos]) { pos += 1 }
            let code = TokenCode.keyword(bytes[start..<pos])
            tokens.append(LexToken(kind: code == .none ? .name : .keyword, line: startLine, column: column,
                                   range: start..<pos, code: code))
            return
        }
        if LexState.isDigit(c) || (c == 0x2E && LexState.isDigit(peek(1))) {
            try lexNumber(start: start, column: column)
            return
        }
        if c == 0x27 || c == 0x22 {
            try lexString(start: start, column: column, raw: false)
            return
        }
        let length = PythonLexer.operatorLength(c, peek(1), peek(2))
        if length > 0 {
            let code = TokenCode.op(c, peek(1), peek(2), length: length)
            pos += length
            if length == 1 && (c == 0x28 || c == 0x5B || c == 0x7B) { // ( [ {
                if brackets.count >= 200 { throw fail("too many nested parentheses", column: column) }
                brackets.append((c, line, column))
            }
            if length == 1 && (c == 0x29 || c == 0x5D || c == 0x7D) { // ) ] }
                guard let open = brackets.popLast() else { throw fail("unmatched '\(LexState.character(c))'", column: column) }
                let expected: UInt8 = open.char == 0x28 ? 0x29 : open.char == 0x5B ? 0x5D : 0x7D
                if c != expected {
                    let op = LexState.character(c)
                    let opening = LexState.character(open.char)
                    let message = open.line == line
                        ? "closing parenthesis '\(op)' does not match opening parenthesis '\(opening)'"
                        : "closing parenthesis '\(op)' does not match opening parenthesis '\(opening)' on line \(open.line)"
                    throw fail(message, column: column)
                }
            }
            add(.op, from: start, line: startLine, column: column, code: code)
            return
        }
        if c == 0x21 { throw fail("invalid syntax", column: column) }
        var scalarEnd = pos + 1
        while scalarEnd < bytes.count && bytes[scalarEnd] & 0xC0 == 0x80 { scalarEnd += 1 }
        let char = String(decoding: bytes[pos..<scalarEnd], as: UTF8.self)
        throw fail("invalid character '\(char)' (U+\(String(char.unicodeScalars.first?.value ?? 0, radix: 16, uppercase: true)))", column: column)
    }

    mutating func lexNumber(start: Int, column: Int) throws(PythonLexError) {
        func digits(_ valid: (UInt8) -> Bool) {
            while pos < bytes.count && (valid(bytes[pos]) || (bytes[pos] == 0x5F && pos + 1 < bytes.count && valid(bytes[pos + 1]))) { pos += 1 }
        }
        if peek() == 0x30 && "xXoObB".utf8.contains(peek(1)) {
            let kind = peek(1) | 0x20
            pos += 2
            if kind == 0x78 {
                digits { LexState.isDigit($0) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x66) }
            } else if kind == 0x6F {
                digits { $0 >= 0x30 && $0 <= 0x37 }
            } else {
                digits { $0 == 0x30 || $0 == 0x31 }
            }
        } else {
            digits(LexState.isDigit)
            if peek() == 0x2E { pos += 1; digits(LexState.isDigit) }
            if peek() | 0x20 == 0x65 {
                let save = pos
                pos += 1
                if peek() == 0x2B || peek() == 0x2D { pos += 1 }
                if LexState.isDigit(peek()) { digits(LexState.isDigit) } else { pos = save }
            }
            if peek() | 0x20 == 0x6A { pos += 1 }
        }
        if pos < bytes.count && LexState.isIdentStart(bytes[pos]) {
            throw fail("invalid decimal literal", column: column)
        }
        add(.number, from: start, line: line, column: column)
    }

    mutating func lexString(start: Int, column: Int, raw: Bool) throws(PythonLexError) {
        let quote = peek()
        let startLine = line
        let triple = peek(1) == quote && peek(2) == quote
        pos += triple ? 3 : 1
        while true {
            if pos >= bytes.count {
                if triple {
                    throw PythonLexError(type: "SyntaxError", message: "unterminated triple-quoted string literal (detected at line \(line))", line: startLine, column: column)
                }
                throw PythonLexError(type: "SyntaxError", message: "unterminated string literal (detected at line \(startLine))", line: startLine, column: column)
            }
            let c = bytes[pos]
            if c == 0x5C {
                pos += 2
                if pos - 1 < bytes.count && bytes[pos - 1] == 0x0A { line += 1; lineStart = pos }
                continue
            }
            if c == 0x0A {
                if !triple {
                    throw PythonLexError(type: "SyntaxError", message: "unterminated string literal (detected at line \(startLine))", line: startLine, column: column)
                }
                pos += 1; line += 1; lineStart = pos
                continue
            }
            if c == quote {
                if !triple { pos += 1; break }
                if peek(1) == quote && peek(2) == quote { pos += 3; break }
            }
            pos += 1
        }
        tokens.append(LexToken(kind: .string, line: startLine, column: column, range: start..<pos))
    }
}
