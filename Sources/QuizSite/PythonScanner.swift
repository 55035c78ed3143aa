/// Python syntax colouring in one pass over UTF-8, writing spans straight into a byte buffer. It follows the token
/// rules of SnippetInterpreter's `PythonLexer` for code the lexer accepts and gives up (returns nil) wherever the
/// lexer would report an error, so the caller can fall back to the lexer's own recovery and the HTML stays the same.
public enum PythonScanner {
    /// The HTML for the inside of `<code>`, or nil when `code` does not lex.
    public static func highlight(_ code: String) -> String? {
        var code = code
        return code.withUTF8 { bytes -> String? in
            // Room for the worst case: every byte escaped (six bytes) and a token of its own (a 33-byte span around it).
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count * 39 + 1) { buffer in
                var scanner = Scanner(bytes: bytes, out: buffer.baseAddress!)
                guard scanner.run() else { return nil }
                return String(decoding: UnsafeBufferPointer(start: buffer.baseAddress!, count: scanner.written), as: UTF8.self)
            }
        }
    }

    enum Style {
        case keyword, builtin, name, number, string, comment, op

        var openTag: StaticString {
            switch self {
            case .keyword: "<span class=\"tok-kw\">"
            case .builtin: "<span class=\"tok-builtin\">"
            case .name: "<span class=\"tok-name\">"
            case .number: "<span class=\"tok-num\">"
            case .string: "<span class=\"tok-str\">"
            case .comment: "<span class=\"tok-com\">"
            case .op: "<span class=\"tok-op\">"
            }
        }
    }

    /// Up to 16 bytes of an identifier packed into two words: a cheap exact key for the keyword tables.
    struct Word: Hashable {
        var low: UInt64 = 0
        var high: UInt64 = 0

        init?(_ bytes: UnsafeBufferPointer<UInt8>) {
            guard bytes.count <= 16 else { return nil }
            for (index, byte) in bytes.enumerated() {
                if index < 8 { low |= UInt64(byte) << UInt64(index * 8) } else { high |= UInt64(byte) << UInt64((index - 8) * 8) }
            }
        }

        init(_ text: String) {
            var text = text
            self = text.withUTF8 { Word($0)! }
        }
    }

    /// `PythonLexer.keywords` and the builtins the highlighter colours (`PythonHighlighter.builtins`); a word in both
    /// (`True`, `False`, `None`) is a builtin.
    static let words: WordTable = {
        let keywords = [
            "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
            "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in",
            "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
        ]
        let builtins = [
            "print", "len", "range", "enumerate", "zip", "min", "max", "sum", "abs", "round", "int", "float", "str",
            "bool", "list", "tuple", "dict", "set", "isinstance", "sorted", "reversed", "any", "all", "super", "type",
            "map", "filter", "repr", "True", "False", "None",
        ]
        var table = WordTable()
        for word in keywords { table.insert(Word(word), .keyword) }
        for word in builtins { table.insert(Word(word), .builtin) }
        return table
    }()

    /// A fixed open-addressing table from words to styles: every name of a snippet is looked up, and most are not
    /// there, which a multiply-shift hash and a probe or two answer faster than `Dictionary`'s seeded hashing.
    struct WordTable {
        private static let size = 256
        private var keys = [Word?](repeating: nil, count: size)
        private var styles = [Style](repeating: .name, count: size)

        private static func slot(_ word: Word) -> Int {
            Int(truncatingIfNeeded: ((word.low ^ word.high &* 0x2545_F491_4F6C_DD1D) &* 0x9E37_79B9_7F4A_7C15) >> 56)
        }

        subscript(word: Word) -> Style? {
            var index = Self.slot(word)
            while let key = keys[index] {
                if key == word { return styles[index] }
                index = (index + 1) & (Self.size - 1)
            }
            return nil
        }

        /// Adds `word`, or gives it a new style (the table holds far fewer words than slots).
        mutating func insert(_ word: Word, _ style: Style) {
            var index = Self.slot(word)
            while let key = keys[index], key != word { index = (index + 1) & (Self.size - 1) }
            keys[index] = word
            styles[index] = style
        }
    }

    private struct Scanner {
        let bytes: UnsafeBufferPointer<UInt8>
        /// The HTML so far: `written` bytes, with room for the worst case after them.
        let out: UnsafeMutablePointer<UInt8>
        var written = 0
        var pos = 0
        /// Start of the source not yet copied to `out`.
        var copied = 0
        var brackets: [UInt8] = []
        var indents: [Int] = [0]
        var atLineStart = true

        init(bytes: UnsafeBufferPointer<UInt8>, out: UnsafeMutablePointer<UInt8>) {
            self.bytes = bytes
            self.out = out
        }

        func peek(_ offset: Int = 0) -> UInt8 {
            let index = pos + offset
            return index < bytes.count ? bytes[index] : 0
        }

        /// Copies the plain text before `start`, then the token `start..<pos` wrapped in its span.
        mutating func emit(_ style: Style, from start: Int) {
            escape(copied..<start)
            write(style.openTag)
            escape(start..<pos)
            write("</span>")
            copied = pos
        }

        mutating func write(_ text: StaticString) {
            (out + written).update(from: text.utf8Start, count: text.utf8CodeUnitCount)
            written += text.utf8CodeUnitCount
        }

        /// The source bytes `range` with `&`, `<`, `>`, `"` and `'` escaped (as `HTML.escape`), byte by byte: the runs
        /// between tokens and most tokens are a few bytes long.
        mutating func escape(_ range: Range<Int>) {
            for index in range {
                let byte = bytes[index]
                switch byte {
                case 0x26: write("&amp;")
                case 0x3C: write("&lt;")
                case 0x3E: write("&gt;")
                case 0x22: write("&quot;")
                case 0x27: write("&#39;")
                default:
                    out[written] = byte
                    written += 1
                }
            }
        }

        /// False where `PythonLexer` would throw.
        mutating func run() -> Bool {
            if bytes.contains(0) { return false }
            while pos < bytes.count {
                if atLineStart && brackets.isEmpty {
                    guard let blank = indentation() else { return false }
                    if blank { continue }
                }
                let c = bytes[pos]
                if c == 0x20 || c == 0x09 || c == 0x0C { pos += 1; continue }
                if c == 0x23 { comment(); continue }
                if c == 0x5C {
                    if peek(1) == 0x0A { pos += 2; continue }
                    if peek(1) == 0x0D && peek(2) == 0x0A { pos += 3; continue }
                    return false
                }
                if c == 0x0A || c == 0x0D {
                    pos += (c == 0x0D && peek(1) == 0x0A) ? 2 : 1
                    if brackets.isEmpty { atLineStart = true }
                    continue
                }
                guard token() else { return false }
            }
            guard brackets.isEmpty else { return false }
            escape(copied..<bytes.count)
            return true
        }

        mutating func comment() {
            let start = pos
            while pos < bytes.count && bytes[pos] != 0x0A && bytes[pos] != 0x0D { pos += 1 }
            emit(.comment, from: start)
        }

        /// True for a blank or comment-only line (consumed with its line break), false for a logical line whose
        /// indentation is consistent, nil for an indentation error.
        mutating func indentation() -> Bool? {
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
                if next == 0x23 { comment() }
                if pos < bytes.count {
                    pos += (bytes[pos] == 0x0D && pos + 1 < bytes.count && bytes[pos + 1] == 0x0A) ? 2 : 1
                }
                return true
            }
            pos = scan
            atLineStart = false
            if width > indents[indents.count - 1] {
                indents.append(width)
            } else {
                while width < indents[indents.count - 1] { indents.removeLast() }
                if width != indents[indents.count - 1] { return nil }
            }
            return false
        }

        static func isIdentStart(_ c: UInt8) -> Bool { (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A) || c == 0x5F || c >= 0x80 }
        static func isIdentChar(_ c: UInt8) -> Bool { isIdentStart(c) || isDigit(c) }
        static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }

        /// One name, number, string or operator; false where the lexer would throw.
        mutating func token() -> Bool {
            let start = pos
            let c = bytes[pos]
            if Scanner.isIdentStart(c) {
                if stringPrefixLength() > 0 {
                    pos += stringPrefixLength()
                    return string(from: start)
                }
                while pos < bytes.count && Scanner.isIdentChar(bytes[pos]) { pos += 1 }
                let style = Word(UnsafeBufferPointer(rebasing: bytes[start..<pos])).flatMap { PythonScanner.words[$0] } ?? .name
                emit(style, from: start)
                return true
            }
            if Scanner.isDigit(c) || (c == 0x2E && Scanner.isDigit(peek(1))) { return number(from: start) }
            if c == 0x27 || c == 0x22 { return string(from: start) }
            let length = operatorLength()
            guard length > 0 else { return false }
            pos += length
            if c == 0x28 || c == 0x5B || c == 0x7B {
                if brackets.count >= 200 { return false }
                brackets.append(c)
            } else if c == 0x29 || c == 0x5D || c == 0x7D {
                guard let open = brackets.popLast() else { return false }
                let expected: UInt8 = open == 0x28 ? 0x29 : open == 0x5B ? 0x5D : 0x7D
                if c != expected { return false }
            }
            emit(.op, from: start)
            return true
        }

        /// The length of a string prefix (`r`, `b`, `f`, `u`, `rb`, `br`, `rf`, `fr`, any case) directly followed by
        /// a quote, else 0.
        func stringPrefixLength() -> Int {
            func lower(_ byte: UInt8) -> UInt8 { byte | 0x20 }
            func isPrefixByte(_ byte: UInt8) -> Bool {
                let l = lower(byte)
                return l == 0x72 || l == 0x62 || l == 0x66 || l == 0x75
            }
            var end = pos
            while end < bytes.count && end - pos < 2 && isPrefixByte(bytes[end]) { end += 1 }
            guard end > pos, end < bytes.count, bytes[end] == 0x27 || bytes[end] == 0x22 else { return 0 }
            if end - pos == 1 { return 1 }
            let (a, b) = (lower(bytes[pos]), lower(bytes[pos + 1]))
            let r: UInt8 = 0x72, bb: UInt8 = 0x62, f: UInt8 = 0x66
            let allowed = (a == r && b == bb) || (a == bb && b == r) || (a == r && b == f) || (a == f && b == r)
            return allowed ? 2 : 0
        }

        /// Longest match among Python's operators and delimiters, 0 when none starts here.
        func operatorLength() -> Int {
            let c = peek(), d = peek(1), e = peek(2)
            switch c {
            case 0x2A, 0x2F, 0x3E, 0x3C: // * / > <
                if d == c { return e == 0x3D ? 3 : 2 }
                if d == 0x3D { return 2 }
                return 1
            case 0x2E: // .
                return d == 0x2E && e == 0x2E ? 3 : 1
            case 0x2D: // -
                return d == 0x3E || d == 0x3D ? 2 : 1
            case 0x3A: // :
                return d == 0x3D ? 2 : 1
            case 0x2B, 0x25, 0x26, 0x7C, 0x5E, 0x40, 0x3D: // + % & | ^ @ =
                return d == 0x3D ? 2 : 1
            case 0x21: // !
                return d == 0x3D ? 2 : 0
            case 0x7E, 0x28, 0x29, 0x5B, 0x5D, 0x7B, 0x7D, 0x2C, 0x3B: // ~ ( ) [ ] { } , ;
                return 1
            default:
                return 0
            }
        }

        mutating func number(from start: Int) -> Bool {
            func digits(_ valid: (UInt8) -> Bool) {
                while pos < bytes.count && (valid(bytes[pos]) || (bytes[pos] == 0x5F && pos + 1 < bytes.count && valid(bytes[pos + 1]))) {
                    pos += 1
                }
            }
            let marker = peek(1)
            if peek() == 0x30 && (marker | 0x20 == 0x78 || marker | 0x20 == 0x6F || marker | 0x20 == 0x62) {
                let kind = marker | 0x20
                pos += 2
                if kind == 0x78 {
                    digits { Scanner.isDigit($0) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x66) }
                } else if kind == 0x6F {
                    digits { $0 >= 0x30 && $0 <= 0x37 }
                } else {
                    digits { $0 == 0x30 || $0 == 0x31 }
                }
            } else {
                digits(Scanner.isDigit)
                if peek() == 0x2E { pos += 1; digits(Scanner.isDigit) }
                if peek() | 0x20 == 0x65 {
                    let save = pos
                    pos += 1
                    if peek() == 0x2B || peek() == 0x2D { pos += 1 }
                    if Scanner.isDigit(peek()) { digits(Scanner.isDigit) } else { pos = save }
                }
                if peek() | 0x20 == 0x6A { pos += 1 }
            }
            if pos < bytes.count && Scanner.isIdentStart(bytes[pos]) { return false }
            emit(.number, from: start)
            return true
        }

        /// A string literal whose opening quote is at `pos` (prefix already skipped); escapes skip the next byte.
        mutating func string(from start: Int) -> Bool {
            let quote = peek()
            let triple = peek(1) == quote && peek(2) == quote
            pos += triple ? 3 : 1
            while true {
                if pos >= bytes.count { return false }
                let c = bytes[pos]
                if c == 0x5C { pos += 2; continue }
                if c == 0x0A {
                    if !triple { return false }
                    pos += 1
                    continue
                }
                if c == quote {
                    if !triple { pos += 1; break }
                    if peek(1) == quote && peek(2) == quote { pos += 3; break }
                }
                pos += 1
            }
            emit(.string, from: start)
            return true
        }
    }
}
