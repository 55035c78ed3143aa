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
        let markdown = text.markdown
        let utf8 = markdown.utf8
        // A byte scan: `{` and `}` are ASCII, so every index found is a character boundary of the string.
        let open = UInt8(ascii: "{"), close = UInt8(ascii: "}")
        var result: [Occurrence] = []
        var i = utf8.startIndex
        while let start = utf8[i...].firstIndex(of: open) {
            let next = utf8.index(after: start)
            guard next < utf8.endIndex else { break }
            guard utf8[next] == open else {
                i = next
                continue
            }
            let inner = utf8.index(after: next)
            var j = inner
            var end: String.Index?
            while let candidate = utf8[j...].firstIndex(of: close) {
                let after = utf8.index(after: candidate)
                if after < utf8.endIndex, utf8[after] == close {
                    end = candidate
                    break
                }
                j = after
            }
            guard let end else { break }
            let upper = utf8.index(end, offsetBy: 2)
            let name = markdown[inner..<end].trimmingCharacters(in: " \t")
            result.append(Occurrence(name: name, range: start..<upper,
                                     location: text.location.map { locate(start, in: markdown, from: $0) }))
            i = upper
        }
        return result
    }

    /// The globals whose printed values `challenge`'s hint and explanation can use: the ones named by placeholders,
    /// or every one (nil) when a text has a digit outside its placeholders, since quoted numbers are checked
    /// against every printed value (`QuotedNumbersMatch`). Part of the result cache's key.
    public static func variablesNeeded(by challenge: Challenge) -> Set<String>? {
        var names: Set<String> = []
        for text in [challenge.hint, challenge.explanation].compactMap({ $0 }) {
            let found = occurrences(in: text)
            var rest = Substring(text.markdown)
            for occurrence in found.reversed() { rest.replaceSubrange(occurrence.range, with: "") }
            if rest.utf8.contains(where: { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) { return nil }
            for occurrence in found { names.insert(occurrence.name) }
        }
        return names
    }

    /// The value a placeholder stands for, or nil when the snippet has no such variable.
    public static func value(of name: String, in result: ExecutionResult?) -> String? {
        guard let result else { return nil }
        if name == "output" {
            return result.stdout.hasSuffix("\n") ? String(result.stdout.dropLast()) : result.stdout
        }
        return result.variables[name]
    }

    /// The text's HTML with each known `{{ name }}` replaced by its HTML-escaped value in a `<code>`.
    public static func fill(_ text: RichText, with result: ExecutionResult?, unsafeHTML: Bool) -> String {
        let found = occurrences(in: text)
        guard !found.isEmpty else { return text.html }
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
            html = html.replacing(token, with: replacement)
        }
        return html
    }

    static func escapeHTML(_ text: String) -> String {
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
        let newlines = before.count { $0 == "\n" }
        if newlines == 0 {
            return SourceLocation(file: start.file, line: start.line, column: start.column + before.utf8.count)
        }
        let lastLine = before[before.index(after: before.lastIndex(of: "\n")!)...]
        return SourceLocation(file: start.file, line: start.line + newlines, column: lastLine.utf8.count + 1)
    }
}
