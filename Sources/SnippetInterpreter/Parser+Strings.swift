extension Parser {
    /// Adjacent string literals concatenate; any f-string part makes the whole an f-string.
    mutating func strings() throws(ParseError) -> Expr {
        let start = current
        if let plain = plainString(start), peekToken().kind != .string {
            index += 1
            return make(.string(plain), start)
        }
        var parts: [FStringPart] = []
        var isFString = false
        var isBytes = false
        while current.kind == .string {
            let token = current
            index += 1
            let (prefix, content) = Self.literalParts(text(token))
            let raw = prefix.utf8.contains(UInt8(ascii: "r"))
            if prefix.utf8.contains(UInt8(ascii: "b")) { isBytes = true }
            if prefix.utf8.contains(UInt8(ascii: "f")) {
                isFString = true
                parts.append(contentsOf: try parseFString(content, raw: raw, token: token))
            } else {
                parts.append(.literal(raw ? content : try decodeEscapes(content, token: token)))
            }
        }
        if isFString { return make(.fstring(parts), start) }
        var joined = ""
        for case .literal(let s) in parts { joined += s }
        return make(isBytes ? .bytes(joined) : .string(joined), start)
    }

    /// The value of a string token without prefix, escapes or non-ASCII bytes (most literals), cut straight from the
    /// source; nil for any other, which `literalParts` and `decodeEscapes` handle.
    func plainString(_ token: LexToken) -> String? {
        let range = token.range
        let quote = bytes[range.lowerBound]
        guard quote == UInt8(ascii: "'") || quote == UInt8(ascii: "\"") else { return nil }
        for byte in bytes[range] where byte >= 0x80 || byte == UInt8(ascii: "\\") { return nil }
        let quoteLength = range.count >= 6 && bytes[range.lowerBound + 1] == quote && bytes[range.lowerBound + 2] == quote ? 3 : 1
        guard range.count >= 2 * quoteLength else { return nil }
        return String(decoding: bytes[(range.lowerBound + quoteLength)..<(range.upperBound - quoteLength)], as: UTF8.self)
    }

    /// A string token's prefix (lower-cased: `r`, `b`, `f`, ...) and the text between its quotes. ASCII tokens (the
    /// prelude's docstrings and messages, nearly every snippet's strings) are cut by bytes; others by Characters,
    /// as a quote may carry a combining mark.
    static func literalParts(_ text: String) -> (prefix: String, content: String) {
        var text = text
        if let cut = text.withUTF8({ bytes -> (prefix: String, content: String)? in
            guard bytes.allSatisfy({ $0 < 0x80 }),
                  let quote = bytes.firstIndex(where: { $0 == UInt8(ascii: "'") || $0 == UInt8(ascii: "\"") }) else { return nil }
            let body = UnsafeBufferPointer(rebasing: bytes[quote...])
            let quoteLength = body.count >= 6 && body[0] == body[1] && body[1] == body[2] ? 3 : 1
            guard body.count >= 2 * quoteLength else { return nil }
            return (String(decoding: UnsafeBufferPointer(rebasing: bytes[..<quote]), as: UTF8.self).lowercased(),
                    String(decoding: UnsafeBufferPointer(rebasing: body[quoteLength..<(body.count - quoteLength)]), as: UTF8.self))
        }) {
            return cut
        }
        var prefixLength = 0
        for c in text { if c == "'" || c == "\"" { break }; prefixLength += 1 }
        let prefix = text.prefix(prefixLength).lowercased()
        let body = Array(text.dropFirst(prefixLength))
        let quoteLength = body.count >= 6 && body[0] == body[1] && body[1] == body[2] ? 3 : 1
        return (prefix, String(body[quoteLength..<(body.count - quoteLength)]))
    }

    func decodeEscapes(_ content: String, token: LexToken) throws(ParseError) -> String {
        // A byte search: `String.contains(String)` goes through Foundation's locale-aware `range(of:)`.
        if !content.utf8.contains(UInt8(ascii: "\\")) { return content }
        var result = ""
        var chars = Array(content.unicodeScalars)[...]
        while let c = chars.popFirst() {
            guard c == "\\", let next = chars.popFirst() else {
                result.unicodeScalars.append(c)
                continue
            }
            switch next {
            case "n": result += "\n"
            case "t": result += "\t"
            case "r": result += "\r"
            case "\\": result += "\\"
            case "'": result += "'"
            case "\"": result += "\""
            case "a": result += "\u{07}"
            case "b": result += "\u{08}"
            case "f": result += "\u{0C}"
            case "v": result += "\u{0B}"
            case "\n": break
            case "x", "u", "U":
                let count = next == "x" ? 2 : next == "u" ? 4 : 8
                let hex = String(String.UnicodeScalarView(chars.prefix(count)))
                guard hex.count == count, let value = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(value) else {
                    throw error("(unicode error) 'unicodeescape' codec can't decode bytes: truncated \\\(next)XX escape", at: token)
                }
                chars = chars.dropFirst(count)
                result.unicodeScalars.append(scalar)
            case "0"..."7":
                var digits = String(next)
                while digits.count < 3, let d = chars.first, ("0"..."7").contains(d) {
                    digits.unicodeScalars.append(d)
                    chars = chars.dropFirst()
                }
                result.unicodeScalars.append(Unicode.Scalar(UInt32(digits, radix: 8)!)!)
            default:
                result += "\\"
                result.unicodeScalars.append(next)
            }
        }
        return result
    }

    /// Splits f-string content into literal text and `{expr!c:spec}` fields (specs may nest fields).
    func parseFString(_ content: String, raw: Bool, token: LexToken) throws(ParseError) -> [FStringPart] {
        let chars = Array(content)
        var parts: [FStringPart] = []
        var literal = ""
        var i = 0
        func flush() throws(ParseError) {
            if !literal.isEmpty {
                parts.append(.literal(raw ? literal : try decodeEscapes(literal, token: token)))
                literal = ""
            }
        }
        while i < chars.count {
            let c = chars[i]
            if c == "{" {
                if i + 1 < chars.count && chars[i + 1] == "{" { literal.append("{"); i += 2; continue }
                try flush()
                let (field, next) = try parseField(chars, from: i + 1, raw: raw, token: token)
                parts.append(field)
                i = next
            } else if c == "}" {
                if i + 1 < chars.count && chars[i + 1] == "}" { literal.append("}"); i += 2; continue }
                throw error("f-string: single '}' is not allowed", at: token)
            } else {
                literal.append(c)
                i += 1
            }
        }
        try flush()
        return parts
    }

    private func parseField(_ chars: [Character], from start: Int, raw: Bool, token: LexToken) throws(ParseError) -> (FStringPart, Int) {
        var i = start
        var depth = 0
        var quote: Character?
        while i < chars.count {
            let c = chars[i]
            if let q = quote {
                if c == q { quote = nil }
            } else if c == "'" || c == "\"" {
                quote = c
            } else if c == "(" || c == "[" || c == "{" {
                depth += 1
            } else if c == ")" || c == "]" || c == "}" {
                if depth == 0 { break }
                depth -= 1
            } else if depth == 0 && (c == "!" || c == ":") {
                if c == "!" && i + 1 < chars.count && chars[i + 1] == "=" { i += 2; continue }
                break
            } else if depth == 0 && c == "=" && !(i > 0 && "=!<>".contains(chars[i - 1])) && !(i + 1 < chars.count && chars[i + 1] == "=") {
                var k = i + 1
                while k < chars.count && chars[k] == " " { k += 1 }
                if k < chars.count && "}!:".contains(chars[k]) { break }
            }
            i += 1
        }
        var exprText = String(chars[start..<min(i, chars.count)])
        var debugText: String?
        if i < chars.count && chars[i] == "=" {
            var k = i + 1
            while k < chars.count && chars[k] == " " { k += 1 }
            debugText = String(chars[start..<k])
            i = k
        }
        guard !exprText.trimmingSpaces.isEmpty else { throw error("f-string: empty expression not allowed", at: token) }
        exprText = exprText.replacingOccurrences("\n", " ")
        let expr = try parseEmbedded(exprText, token: token)
        var conversion: Character?
        if i < chars.count && chars[i] == "!" {
            guard i + 1 < chars.count, "rsa".contains(chars[i + 1]) else {
                throw error("f-string: invalid conversion character: expected 's', 'r', or 'a'", at: token)
            }
            conversion = chars[i + 1]
            i += 2
        }
        var spec: [FStringPart]?
        if i < chars.count && chars[i] == ":" {
            i += 1
            var specParts: [FStringPart] = []
            var literal = ""
            while i < chars.count && chars[i] != "}" {
                if chars[i] == "{" {
                    if !literal.isEmpty { specParts.append(.literal(literal)); literal = "" }
                    let (nested, next) = try parseField(chars, from: i + 1, raw: raw, token: token)
                    specParts.append(nested)
                    i = next
                } else {
                    literal.append(chars[i])
                    i += 1
                }
            }
            if !literal.isEmpty { specParts.append(.literal(literal)) }
            spec = specParts
        }
        guard i < chars.count, chars[i] == "}" else { throw error("f-string: expecting '}'", at: token) }
        if debugText != nil && conversion == nil && spec == nil { conversion = "r" }
        return (.field(expr, conversion: conversion, spec: spec, debugText: debugText), i + 1)
    }

    func parseEmbedded(_ text: String, token: LexToken) throws(ParseError) -> Expr {
        let lexed: (tokens: [LexToken], bytes: [UInt8])
        do {
            lexed = try PythonLexer("(" + text + ")").lex()
        } catch {
            throw ParseError(message: "f-string: " + error.message, line: token.line + lineOffset, column: token.column + 1)
        }
        var sub = Parser(tokens: lexed.tokens.map { var t = $0; t.line = token.line; t.column = token.column; return t },
                         bytes: lexed.bytes, lineOffset: lineOffset)
        sub.scopes = scopes
        sub.filename = filename
        let expr = try sub.expression()
        guard sub.current.kind == .newline || sub.current.kind == .end else {
            throw error("f-string: invalid syntax", at: token)
        }
        return expr
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" || f == "\n" || f == "\r" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "\n" || l == "\r" { s = s.dropLast() }
        return String(s)
    }
}
