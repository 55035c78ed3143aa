/// Identity of an operator, delimiter or keyword token, set by the lexer from its bytes: the parser's many
/// "is this `(`?" tests become integer compares instead of string compares, switches and hashes.
enum TokenCode: UInt8 {
    case none
    // Delimiters.
    case lparen, rparen, lbracket, rbracket, lbrace, rbrace, comma, colon, semicolon, dot, ellipsis, assign, arrow, walrus
    // Operators (`at` is also the decorator sign). Each binary precedence level is a run of adjacent cases
    // (`Parser.level`): + -, then * / // % @, then << >>.
    case plus, minus, star, slash, doubleSlash, percent, at, doubleStar, amp, pipe, caret, tilde, lshift, rshift
    case eq, ne, lt, le, gt, ge
    /// Any augmented assignment (`+=`, `//=`, `**=`, ...); the parser reads which from the text.
    case augmented
    // Keywords.
    case kwFalse, kwNone, kwTrue, kwAnd, kwAs, kwAssert, kwAsync, kwAwait, kwBreak, kwClass, kwContinue, kwDef, kwDel
    case kwElif, kwElse, kwExcept, kwFinally, kwFor, kwFrom, kwGlobal, kwIf, kwImport, kwIn, kwIs, kwLambda, kwNonlocal
    case kwNot, kwOr, kwPass, kwRaise, kwReturn, kwTry, kwWhile, kwWith, kwYield

    /// The keyword spelled by `word` (exactly `PythonLexer.keywords`), or `.none` for a plain name.
    static func keyword(_ word: ArraySlice<UInt8>) -> TokenCode {
        guard word.count >= 2 && word.count <= 8 else { return .none }
        let entries = keywordTable[word.count]
        for (spelling, code) in entries where spelling.elementsEqual(word) { return code }
        return .none
    }

    /// `PythonLexer.keywords` with their codes, grouped by length.
    private static let keywordTable: [[(bytes: [UInt8], code: TokenCode)]] = {
        let all: [(String, TokenCode)] = [
            ("False", .kwFalse), ("None", .kwNone), ("True", .kwTrue), ("and", .kwAnd), ("as", .kwAs), ("assert", .kwAssert),
            ("async", .kwAsync), ("await", .kwAwait), ("break", .kwBreak), ("class", .kwClass), ("continue", .kwContinue),
            ("def", .kwDef), ("del", .kwDel), ("elif", .kwElif), ("else", .kwElse), ("except", .kwExcept),
            ("finally", .kwFinally), ("for", .kwFor), ("from", .kwFrom), ("global", .kwGlobal), ("if", .kwIf),
            ("import", .kwImport), ("in", .kwIn), ("is", .kwIs), ("lambda", .kwLambda), ("nonlocal", .kwNonlocal),
            ("not", .kwNot), ("or", .kwOr), ("pass", .kwPass), ("raise", .kwRaise), ("return", .kwReturn), ("try", .kwTry),
            ("while", .kwWhile), ("with", .kwWith), ("yield", .kwYield),
        ]
        var table = [[(bytes: [UInt8], code: TokenCode)]](repeating: [], count: 9)
        for (word, code) in all { table[word.utf8.count].append((Array(word.utf8), code)) }
        return table
    }()

    /// The operator of `length` bytes starting with `c0 c1 c2` (as `PythonLexer.operatorLength` measured it).
    static func op(_ c0: UInt8, _ c1: UInt8, _ c2: UInt8, length: Int) -> TokenCode {
        if length == 1 {
            switch c0 {
            case UInt8(ascii: "("): return .lparen
            case UInt8(ascii: ")"): return .rparen
            case UInt8(ascii: "["): return .lbracket
            case UInt8(ascii: "]"): return .rbracket
            case UInt8(ascii: "{"): return .lbrace
            case UInt8(ascii: "}"): return .rbrace
            case UInt8(ascii: ","): return .comma
            case UInt8(ascii: ":"): return .colon
            case UInt8(ascii: ";"): return .semicolon
            case UInt8(ascii: "."): return .dot
            case UInt8(ascii: "="): return .assign
            case UInt8(ascii: "+"): return .plus
            case UInt8(ascii: "-"): return .minus
            case UInt8(ascii: "*"): return .star
            case UInt8(ascii: "/"): return .slash
            case UInt8(ascii: "%"): return .percent
            case UInt8(ascii: "@"): return .at
            case UInt8(ascii: "&"): return .amp
            case UInt8(ascii: "|"): return .pipe
            case UInt8(ascii: "^"): return .caret
            case UInt8(ascii: "~"): return .tilde
            case UInt8(ascii: "<"): return .lt
            case UInt8(ascii: ">"): return .gt
            default: return .none
            }
        }
        if length == 3 {
            if c0 == UInt8(ascii: ".") { return .ellipsis }
            return .augmented // **= //= <<= >>=
        }
        switch (c0, c1) {
        case (UInt8(ascii: "*"), UInt8(ascii: "*")): return .doubleStar
        case (UInt8(ascii: "/"), UInt8(ascii: "/")): return .doubleSlash
        case (UInt8(ascii: "<"), UInt8(ascii: "<")): return .lshift
        case (UInt8(ascii: ">"), UInt8(ascii: ">")): return .rshift
        case (UInt8(ascii: "="), UInt8(ascii: "=")): return .eq
        case (UInt8(ascii: "!"), UInt8(ascii: "=")): return .ne
        case (UInt8(ascii: "<"), UInt8(ascii: "=")): return .le
        case (UInt8(ascii: ">"), UInt8(ascii: "=")): return .ge
        case (UInt8(ascii: ":"), UInt8(ascii: "=")): return .walrus
        case (UInt8(ascii: "-"), UInt8(ascii: ">")): return .arrow
        case (_, UInt8(ascii: "=")): return .augmented // += -= *= /= %= @= &= |= ^=
        default: return .none
        }
    }

    var compareOp: CompareOp? {
        switch self {
        case .eq: .eq
        case .ne: .ne
        case .lt: .lt
        case .le: .le
        case .gt: .gt
        case .ge: .ge
        default: nil
        }
    }

    var binaryOp: BinaryOp? {
        switch self {
        case .plus: .add
        case .minus: .sub
        case .star: .mul
        case .slash: .div
        case .doubleSlash: .floorDiv
        case .percent: .mod
        case .doubleStar: .pow
        case .at: .matmul
        case .lshift: .lshift
        case .rshift: .rshift
        case .amp: .bitAnd
        case .pipe: .bitOr
        case .caret: .bitXor
        default: nil
        }
    }
}
