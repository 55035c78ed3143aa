import Testing
@testable import SnippetInterpreter

@Suite struct PythonLexerTests {
    func kinds(_ source: String) throws -> [PythonTokenKind] {
        try PythonLexer(source).tokenize().map(\.kind)
    }

    @Test func indentationProducesIndentAndDedent() throws {
        let tokens = try PythonLexer("if x:\n    y = 1\nz\n").tokenize()
        #expect(tokens.map(\.kind) == [.keyword, .name, .op, .newline, .indent, .name, .op, .number, .newline, .dedent, .name, .newline, .end])
        let y = try #require(tokens.first { $0.text == "y" })
        #expect(y.line == 2 && y.column == 4 && y.range == 10..<11)
    }

    @Test func bracketsJoinLinesAndBackslashContinues() throws {
        #expect(try kinds("f(1,\n  2)\n") == [.name, .op, .number, .op, .number, .op, .newline, .end])
        #expect(try kinds("x = 1 + \\\n    2\n") == [.name, .op, .number, .op, .number, .newline, .end])
    }

    @Test(arguments: ["1e-9", "1_000", "0x1F", "0o7", "0b1", "-0.", ".5", "1.", "3.14e+2"])
    func numberLiterals(_ literal: String) throws {
        let tokens = try PythonLexer(literal).tokenize().filter { $0.kind == .number }
        #expect(tokens.map(\.text).joined() == (literal.hasPrefix("-") ? String(literal.dropFirst()) : literal))
    }

    @Test(arguments: ["'a'", "\"b\"", "r'\\n'", "f'{x:>{w}}'", "'''tri\nple'''", "\"\"\"doc\"\"\"", "rb'x'", "'it\\'s'"])
    func stringLiterals(_ literal: String) throws {
        let tokens = try PythonLexer(literal).tokenize()
        #expect(tokens.first?.kind == .string)
        #expect(tokens.first?.text == literal)
    }

    @Test func commentsAreKeptForHighlighting() {
        let tokens = PythonLexer("x = 1  # note\n").highlightTokens()
        #expect(tokens.map(\.kind) == [.name, .op, .number, .comment, .newline])
        #expect(tokens[3].text == "# note")
    }

    @Test func highlightingSurvivesUnterminatedStrings() {
        let tokens = PythonLexer("x = 'open\n").highlightTokens()
        #expect(tokens.first?.text == "x")
        #expect(tokens.last?.text == "'open\n")
    }

    @Test func errorsCarryPositions() {
        #expect(throws: PythonLexError(type: "SyntaxError", message: "unterminated string literal (detected at line 2)", line: 2, column: 4)) {
            try PythonLexer("x = 1\ny = 'abc\n").tokenize()
        }
        #expect(throws: PythonLexError(type: "IndentationError", message: "unindent does not match any outer indentation level", line: 3, column: 2)) {
            try PythonLexer("if x:\n    a\n  b\n").tokenize()
        }
        #expect(throws: PythonLexError(type: "SyntaxError", message: "'[' was never closed", line: 1, column: 4)) {
            try PythonLexer("x = [1, 2\n").tokenize()
        }
    }
    @Test func everyKeywordGetsItsOwnCode() throws {
        var seen: Set<TokenCode> = []
        for word in PythonLexer.keywords {
            let token = try #require(try PythonLexer(word).tokenize().first)
            #expect(token.kind == .keyword, "\(word)")
            #expect(token.code != .none, "\(word)")
            #expect("\(token.code)" == "kw" + word.prefix(1).uppercased() + word.dropFirst(), "\(word)")
            seen.insert(token.code)
        }
        #expect(seen.count == PythonLexer.keywords.count)
    }

    @Test(arguments: ["x", "iff", "Nonee", "none", "true", "async_", "_", "printf", "lambda2", "nonlocals", "élif"])
    func namesNearKeywordsStayNames(_ word: String) throws {
        let token = try #require(try PythonLexer(word).tokenize().first)
        #expect(token.kind == .name)
        #expect(token.code == .none)
    }

    @Test func operatorCodesTellOperatorsApart() throws {
        let pairs: [(String, TokenCode)] = [
            (",", .comma), (":", .colon), (";", .semicolon), (".", .dot), ("...", .ellipsis), ("=", .assign),
            ("->", .arrow), (":=", .walrus), ("+", .plus), ("-", .minus), ("*", .star), ("**", .doubleStar),
            ("/", .slash), ("//", .doubleSlash), ("%", .percent), ("@", .at), ("&", .amp), ("|", .pipe), ("^", .caret),
            ("~", .tilde), ("<<", .lshift), (">>", .rshift), ("==", .eq), ("!=", .ne), ("<", .lt), ("<=", .le),
            (">", .gt), (">=", .ge),
        ]
        for (text, code) in pairs {
            let tokens = try PythonLexer("a \(text) b").tokenize()
            #expect(tokens[1].text == text)
            #expect(tokens[1].code == code, "\(text)")
        }
        let brackets = try PythonLexer("([{}])").tokenize().prefix(6).map(\.code)
        #expect(brackets == [.lparen, .lbracket, .lbrace, .rbrace, .rbracket, .rparen])
        for text in ["+=", "-=", "*=", "/=", "//=", "%=", "@=", "&=", "|=", "^=", "<<=", ">>=", "**="] {
            let tokens = try PythonLexer("a \(text) b").tokenize()
            #expect(tokens[1].text == text)
            #expect(tokens[1].code == .augmented, "\(text)")
        }
    }
}
