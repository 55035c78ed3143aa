/// Identity of an operator, delimiter or keyword token, set by the lexer from its bytes: the parser's many
/// "is this `(`?" tests become integer compares instead of string compares, switches and hashes.
enum TokenCode: UInt8 {
    case none
    // Delimiters.
    case lparen, rparen, lbracket, rbracket, lbrace, rbrace, comma, colon, semicolon, dot, ellipsis, assign, arrow, walrus
    // Operators (`at` is also the decorator sign).
    case plus, minus, star, slash, doubleSlash, percent, at, doubleStar, amp, pipe, caret, tilde, lshift, rshift
    case eq, ne, lt, le, gt, ge
    /// Any augmented assignment (`+=`, `//=`, `**=`, ...); the parser reads which from the text.
    case augmented
    // Keywords.
    case kwFalse, kwNone, kwTrue, kwAnd, kwAs, kwAssert, kwAsync, kwAwait, kwBreak, kwClass, kwContinue, kwDef, kwDel
    case kwElif, kwElse, kwExcept, kwFinally, kwFor, kwFrom, kwGlobal, kwIf, kwImport, kwIn, kwIs, kwLambda, kwNonlocal
    case kwNot, kwOr, kwPass, kwRaise, kwReturn, kwTry, kwWhile, kwWith, kwYield

    /// The keyword spelled by `word` (exactly `PythonLexer.keywords`), or `.none` for a plain name. The word's bytes
    /// are packed little-endian into one integer (no keyword is longer than 8 bytes and names hold no zero byte, so
    /// the packing is one-to-one) and switched on: no table, no byte-by-byte compare.
    static func keyword(_ word: ArraySlice<UInt8>) -> TokenCode {
        guard word.count >= 2 && word.count <= 8 else { return .none }
        var key: UInt64 = 0
        var shift: UInt64 = 0
        for byte in word {
            key |= UInt64(byte) << shift
            shift += 8
        }
        return switch key {
        case 0x7361: .kwAs // as
        case 0x6669: .kwIf // if
        case 0x6E69: .kwIn // in
        case 0x7369: .kwIs // is
        case 0x726F: .kwOr // or
        case 0x646E61: .kwAnd // and
        case 0x666564: .kwDef // def
        case 0x6C6564: .kwDel // del
        case 0x726F66: .kwFor // for
        case 0x746F6E: .kwNot // not
        case 0x797274: .kwTry // try
        case 0x656E6F4E: .kwNone // None
        case 0x65757254: .kwTrue // True
        case 0x66696C65: .kwElif // elif
        case 0x65736C65: .kwElse // else
        case 0x6D6F7266: .kwFrom // from
        case 0x73736170: .kwPass // pass
        case 0x68746977: .kwWith // with
        case 0x65736C6146: .kwFalse // False
        case 0x636E797361: .kwAsync // async
        case 0x7469617761: .kwAwait // await
        case 0x6B61657262: .kwBreak // break
        case 0x7373616C63: .kwClass // class
        case 0x6573696172: .kwRaise // raise
        case 0x656C696877: .kwWhile // while
        case 0x646C656979: .kwYield // yield
        case 0x747265737361: .kwAssert // assert
        case 0x747065637865: .kwExcept // except
        case 0x6C61626F6C67: .kwGlobal // global
        case 0x74726F706D69: .kwImport // import
        case 0x6164626D616C: .kwLambda // lambda
        case 0x6E7275746572: .kwReturn // return
        case 0x796C6C616E6966: .kwFinally // finally
        case 0x65756E69746E6F63: .kwContinue // continue
        case 0x6C61636F6C6E6F6E: .kwNonlocal // nonlocal
        default: .none
        }
    }

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
