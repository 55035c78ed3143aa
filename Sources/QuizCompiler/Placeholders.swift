import QuizCore
import QuizMarkdown

/// `{{ name }}` in hints and explanations: the printed value of a snippet variable, `{{ output }}` the whole stdout.
public enum Placeholders {
    public struct Occurrence: Sendable, Hashable {
        public var name: String
        /// Range of `{{ name }}` in the Markdown text.
        public var range: Range<String.Index>
        public var location: SourceLocation?
    }

    /// Every placeholder in `text`, located in the file when the text is.
    public static func occurrences(in text: RichText) -> [Occurrence] {
        occurrences(in: text, located: true)
    }

    /// `occurrences(in:)`, without locations unless `located` (finding one counts the lines before it).
    static func occurrences(in text: RichText, located: Bool) -> [Occurrence] {
        let markdown = text.markdown
        let utf8 = markdown.utf8
        return spans(in: markdown).map { span in
            // `{` and `}` are ASCII, so every offset found is a character boundary of the string.
            let start = utf8.index(utf8.startIndex, offsetBy: span.whole.lowerBound)
            let upper = utf8.index(utf8.startIndex, offsetBy: span.whole.upperBound)
            return Occurrence(name: name(of: span, in: markdown), range: start..<upper,
                              location: located ? text.location.map { locate(start, in: markdown, from: $0) } : nil)
        }
    }

    /// The placeholder's name: the text between the braces without surrounding spaces and tabs.
    static func name(of span: Span, in markdown: String) -> String {
        if let name = span.asciiName { return name }
        let utf8 = markdown.utf8
        let inner = utf8.index(utf8.startIndex, offsetBy: span.whole.lowerBound + 2)
        return markdown[inner..<utf8.index(inner, offsetBy: span.whole.count - 4)].trimmingCharacters(in: " \t")
    }

    /// A `{{ … }}` as UTF-8 offsets, with its name when the text between the braces is ASCII (else nil: trimming
    /// spaces next to other characters follows Swift's character rules, left to `trimmingCharacters`).
    struct Span {
        var whole: Range<Int>
        var asciiName: String?
    }

    /// The `{{ … }}` spans of `markdown` in one pass over its bytes: each `{{` up to the first `}}` after it.
    static func spans(in markdown: String) -> [Span] {
        var markdown = markdown
        return markdown.withUTF8 { bytes in
            let open = UInt8(ascii: "{"), close = UInt8(ascii: "}")
            let count = bytes.count
            var result: [Span] = []
            var index = 0
            while index < count {
                guard bytes[index] == open else {
                    index += 1
                    continue
                }
                guard index + 1 < count else { break }
                guard bytes[index + 1] == open else {
                    index += 1
                    continue
                }
                let inner = index + 2
                var end = inner
                while end + 1 < count, !(bytes[end] == close && bytes[end + 1] == close) { end += 1 }
                guard end + 1 < count else { break }
                var nameStart = inner, nameEnd = end
                var ascii = true
                for offset in inner..<end where bytes[offset] >= 0x80 {
                    ascii = false
                    break
                }
                var name: String?
                if ascii {
                    while nameStart < nameEnd, bytes[nameStart] == 0x20 || bytes[nameStart] == 0x09 { nameStart += 1 }
                    while nameEnd > nameStart, bytes[nameEnd - 1] == 0x20 || bytes[nameEnd - 1] == 0x09 { nameEnd -= 1 }
                    name = String(decoding: UnsafeBufferPointer(rebasing: bytes[nameStart..<nameEnd]), as: UTF8.self)
                }
                result.append(Span(whole: index..<(end + 2), asciiName: name))
                index = end + 2
            }
            return result
        }
    }

    /// The globals whose printed values `challenge`'s hint and explanation can use: the ones named by placeholders,
    /// or every one (nil) when a text has a digit outside its placeholders, since quoted numbers are checked
    /// against every printed value (`QuotedNumbersMatch`). Part of the result cache's key.
    public static func variablesNeeded(by challenge: Challenge) -> Set<String>? {
        var names: Set<String> = []
        /// False when `markdown` has a digit outside its placeholders.
        func add(_ markdown: String) -> Bool {
            let found = spans(in: markdown)
            if hasDigit(outside: found, in: markdown) { return false }
            for span in found { names.insert(name(of: span, in: markdown)) }
            return true
        }
        if let hint = challenge.hint?.markdown, !add(hint) { return nil }
        if let explanation = challenge.explanation?.markdown, !add(explanation) { return nil }
        return names
    }

    /// Whether `markdown` has an ASCII digit outside the spans (in order, not overlapping).
    static func hasDigit(outside spans: [Span], in markdown: String) -> Bool {
        var markdown = markdown
        return markdown.withUTF8 { bytes in
            func hasDigit(_ range: Range<Int>) -> Bool {
                bytes[range].contains { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
            }
            var start = 0
            for span in spans {
                if hasDigit(start..<span.whole.lowerBound) { return true }
                start = span.whole.upperBound
            }
            return hasDigit(start..<bytes.count)
        }
    }

    /// The value a placeholder stands for, or nil when the snippet has no such variable.
    public static func value(of name: String, in result: ExecutionResult?) -> String? {
        guard let result else { return nil }
        if name == "output" { return withoutFinalLineFeed(result.stdout) }
        return result.variables[name]
    }

    /// `text` without a final `"\n"` Character (a final `"\r\n"` is one Character, which stays), found by bytes:
    /// `dropLast()` on a String counts every Character first.
    static func withoutFinalLineFeed(_ text: String) -> String {
        let utf8 = text.utf8
        guard utf8.last == 0x0A else { return text }
        let last = utf8.index(before: utf8.endIndex)
        if last > utf8.startIndex, utf8[utf8.index(before: last)] == 0x0D { return text }
        return String(text[..<last])
    }

    /// The text's HTML with each known `{{ name }}` replaced by its HTML-escaped value in a `<code>`.
    public static func fill(_ text: RichText, with result: ExecutionResult?, unsafeHTML: Bool) -> String {
        let found = occurrences(in: text, located: false)
        guard !found.isEmpty else { return text.html }
        return fillRendered(text, found, with: result) ?? fillByRendering(text, found, with: result, unsafeHTML: unsafeHTML)
    }

    /// `fill` by rendering the Markdown with each known placeholder swapped for a token, then the tokens for values.
    static func fillByRendering(_ text: RichText, _ found: [Occurrence], with result: ExecutionResult?, unsafeHTML: Bool) -> String {
        // Swap each placeholder for a token cmark leaves alone, render, then put the values in.
        var markdown = text.markdown
        var tokens: [(String, String)] = []
        for (index, occurrence) in found.enumerated().reversed() {
            guard let value = value(of: occurrence.name, in: result) else { continue }
            let token = "QUIZCPLACEHOLDER\(index)X"
            markdown.replaceSubrange(occurrence.range, with: token)
            tokens.append((token, "<code>\(escapeHTML(value))</code>"))
        }
        var html = QuizMarkdown.html(markdown, unsafeHTML: unsafeHTML)
        for (token, replacement) in tokens {
            html = replacingASCII(token, with: replacement, in: html) ?? html.replacing(token, with: replacement)
        }
        return html
    }

    /// `fill` without rendering again, for Markdown with no inline syntax and placeholders on one line each (see
    /// `isPlain`): there cmark copies every `{{ … }}` into the HTML unchanged, where swapping it for its value gives what
    /// rendering the swapped Markdown would. Nil when that does not hold, or the HTML's placeholders are not the
    /// Markdown's (say, HTML not rendered from it).
    static func fillRendered(_ text: RichText, _ found: [Occurrence], with result: ExecutionResult?) -> String? {
        guard isPlain(text.markdown, found) else { return nil }
        let html = text.html
        let rendered = spans(in: html)
        guard rendered.count == found.count else { return nil }
        let utf8 = html.utf8
        var out = ""
        out.reserveCapacity(utf8.count + 256)
        var copied = utf8.startIndex
        for (span, occurrence) in zip(rendered, found) {
            let start = utf8.index(utf8.startIndex, offsetBy: span.whole.lowerBound)
            let end = utf8.index(utf8.startIndex, offsetBy: span.whole.upperBound)
            guard html[start..<end] == text.markdown[occurrence.range] else { return nil }
            guard let value = value(of: occurrence.name, in: result) else { continue }
            out += html[copied..<start]
            out += "<code>"
            out += escapeHTML(value)
            out += "</code>"
            copied = end
        }
        out += html[copied...]
        return out
    }

    /// ASCII Markdown without the characters that start inline syntax (`\`, `` ` ``, `*`, `_`, `[`, `]`, `<`, `>`,
    /// `!`, `&`, `~`) and with no placeholder spanning lines: a placeholder and a token in its place then render the
    /// same blocks around them, each copied as it is.
    static func isPlain(_ markdown: String, _ found: [Occurrence]) -> Bool {
        guard markdown.utf8.allSatisfy({ !inlineSyntax[Int($0)] }) else { return false }
        return found.allSatisfy { !markdown[$0.range].utf8.contains(0x0A) && !markdown[$0.range].utf8.contains(0x0D) }
    }

    /// Per byte: not ASCII, or one of the characters `isPlain` rules out.
    private static let inlineSyntax: [Bool] = (0...255).map { byte in byte >= 0x80 || "\\`*_[]<>!&~".utf8.contains(UInt8(byte)) }

    /// `text.replacing(token, with: replacement)` for an ASCII token, over bytes; nil when a match has a non-ASCII
    /// byte beside it (where Swift's character rules might not see a match) and the caller must use `replacing`.
    static func replacingASCII(_ token: String, with replacement: String, in text: String) -> String? {
        var text = text, token = token, replacement = replacement
        return text.withUTF8 { bytes in
            token.withUTF8 { token in
                replacement.withUTF8 { replacement -> String? in
                    guard let first = token.first else { return nil }
                    var out: [UInt8] = []
                    var copied = 0
                    var index = 0
                    while index + token.count <= bytes.count {
                        guard bytes[index] == first, (1..<token.count).allSatisfy({ bytes[index + $0] == token[$0] }) else {
                            index += 1
                            continue
                        }
                        let end = index + token.count
                        if index > 0 && bytes[index - 1] >= 0x80 || end < bytes.count && bytes[end] >= 0x80 { return nil }
                        if out.isEmpty { out.reserveCapacity(bytes.count + replacement.count) }
                        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<index]))
                        out.append(contentsOf: replacement)
                        index = end
                        copied = end
                    }
                    guard copied > 0 else { return String(decoding: bytes, as: UTF8.self) }
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied...]))
                    return String(decoding: out, as: UTF8.self)
                }
            }
        }
    }

    /// Escapes `&`, `<`, `>` and `"`; ASCII text byte by byte, other text by characters (a combining mark after `&`
    /// makes a character that is not `&`).
    static func escapeHTML(_ text: String) -> String {
        var text = text
        if let escaped = text.withUTF8({ bytes -> String? in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 64)
            var runStart = 0
            for index in 0..<bytes.count {
                let entity: StaticString
                switch bytes[index] {
                case 0x26: entity = "&amp;"
                case 0x3C: entity = "&lt;"
                case 0x3E: entity = "&gt;"
                case 0x22: entity = "&quot;"
                case 0x80...: return nil
                default: continue
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                entity.withUTF8Buffer { out.append(contentsOf: $0) }
                runStart = index + 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
            return String(decoding: out, as: UTF8.self)
        }) {
            return escaped
        }
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(character)
            }
        }
        return out
    }

    /// File position of `index` in `text`, whose first character sits at `start`.
    static func locate(_ index: String.Index, in text: String, from start: SourceLocation) -> SourceLocation {
        let before = text[..<index]
        // Lines are counted in characters, where `\r\n` is one character and no line feed: bytes agree without `\r`.
        if !before.utf8.contains(0x0D) {
            var newlines = 0, lineStart = 0, offset = 0
            for byte in before.utf8 {
                offset += 1
                if byte == 0x0A {
                    newlines += 1
                    lineStart = offset
                }
            }
            if newlines == 0 { return SourceLocation(file: start.file, line: start.line, column: start.column + offset) }
            return SourceLocation(file: start.file, line: start.line + newlines, column: offset - lineStart + 1)
        }
        let newlines = before.count { $0 == "\n" }
        if newlines == 0 {
            return SourceLocation(file: start.file, line: start.line, column: start.column + before.utf8.count)
        }
        let lastLine = before[before.index(after: before.lastIndex(of: "\n")!)...]
        return SourceLocation(file: start.file, line: start.line + newlines, column: lastLine.utf8.count + 1)
    }
}
