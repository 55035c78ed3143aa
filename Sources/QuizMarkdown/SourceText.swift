import QuizCore

/// A content file decoded as UTF-8 and split into lines, so every later stage can slice by line.
public struct SourceText: Sendable, Hashable {
    public var path: String
    public private(set) var text: String
    /// Lines without their terminator (`\n` or `\r\n`); index 0 is file line 1.
    public private(set) var lines: [String]
    /// UTF-8 offset in `text` where each line starts; nil when the text has a `\r`, so lines are not plain slices.
    private var lineStarts: [Int]?

    /// Decodes bytes, refusing binary data and invalid UTF-8 with a located diagnostic.
    public static func decode(path: String, bytes: [UInt8]) -> Result<SourceText, Diagnostic> {
        if let nul = bytes.firstIndex(of: 0) {
            return .failure(.error("file is binary, not Markdown text", at: location(path, of: nul, in: bytes),
                                   rule: "invalid-file"))
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            let offset = firstInvalidUTF8Offset(bytes)
            return .failure(.error("file is not valid UTF-8", at: location(path, of: offset, in: bytes),
                                   rule: "invalid-file"))
        }
        return .success(SourceText(path: path, text: text))
    }

    public init(path: String, text: String) {
        self.path = path
        self.text = text
        var text = text
        (lines, lineStarts) = text.withUTF8(Self.lines)
    }

    /// The lines of UTF-8 text split at `\n`, a `\r` right before it dropped: the same as splitting the Characters at
    /// `"\n"` and `"\r\n"` (a line feed is always a Character of its own, except in `\r\n`), in one pass over bytes.
    private static func lines(_ bytes: UnsafeBufferPointer<UInt8>) -> (lines: [String], starts: [Int]?) {
        var lines: [String] = []
        var starts: [Int] = []
        var start = 0
        for index in 0..<bytes.count where bytes[index] == 0x0A {
            let end = index > start && bytes[index - 1] == 0x0D ? index - 1 : index
            lines.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))
            starts.append(start)
            start = index + 1
        }
        if start < bytes.count {
            lines.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self))
            starts.append(start)
        }
        return (lines, bytes.contains(0x0D) ? nil : starts)
    }

    /// File lines `range` (1-based, inclusive) joined with `\n`, each with a trailing newline.
    public func slice(_ range: ClosedRange<Int>) -> String {
        let lower = max(range.lowerBound, 1), upper = min(range.upperBound, lines.count)
        guard lower <= upper else { return "" }
        if let lineStarts {
            // Without `\r`, the lines are the text between line feeds: copy the span, adding a last line feed if absent.
            let utf8 = text.utf8
            let start = lineStarts[lower - 1]
            let end = upper < lines.count ? lineStarts[upper] : utf8.count
            var slice = String(text[utf8.index(utf8.startIndex, offsetBy: start)..<utf8.index(utf8.startIndex, offsetBy: end)])
            if upper == lines.count, utf8.last != 0x0A { slice += "\n" }
            return slice
        }
        let selected = lines[(lower - 1)...(upper - 1)]
        var out = ""
        out.reserveCapacity(selected.reduce(0) { $0 + $1.utf8.count + 1 })
        for line in selected {
            out += line
            out += "\n"
        }
        return out
    }

    public func line(_ number: Int) -> String {
        number >= 1 && number <= lines.count ? lines[number - 1] : ""
    }

    private static func location(_ path: String, of offset: Int, in bytes: [UInt8]) -> SourceLocation {
        let before = bytes[..<offset]
        let line = before.count { $0 == 0x0A } + 1
        let lineStart = before.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
        return SourceLocation(file: path, line: line, column: offset - lineStart + 1)
    }

    private static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int {
        var low = 0, high = bytes.count
        // The longest valid prefix ends at most 3 bytes before the first bad sequence; scan linearly.
        while low < high {
            let end = min(low + 4, high)
            var valid = false
            for length in 1...(end - low) where String(validating: bytes[low..<(low + length)], as: UTF8.self) != nil {
                low += length
                valid = true
                break
            }
            if !valid { return low }
        }
        return low
    }
}
