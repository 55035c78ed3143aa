import QuizCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A content file decoded as UTF-8 and split into lines, so every later stage can slice by line.
public struct SourceText: Sendable, Hashable {
    public var path: String
    public private(set) var text: String
    /// UTF-8 offsets in `text` of each line without its terminator (`\n` or `\r\n`); index 0 is file line 1. Lines
    /// become strings only when asked for: most of a body is only ever sliced.
    private var lineRanges: [Range<Int>]
    /// Whether `text` has a `\r`; without one, a run of lines is a plain span of the text.
    private var hasCarriageReturn: Bool

    /// Decodes bytes, refusing binary data and invalid UTF-8 with a located diagnostic.
    public static func decode(path: String, bytes: [UInt8]) -> Result<SourceText, Diagnostic> {
        if let nul = bytes.withUnsafeBufferPointer(firstNUL) {
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
        (lineRanges, hasCarriageReturn) = text.withUTF8(Self.lineRanges)
    }

    /// The lines of UTF-8 text split at `\n`, a `\r` right before it dropped: the same as splitting the Characters at
    /// `"\n"` and `"\r\n"` (a line feed is always a Character of its own, except in `\r\n`). The line feeds and any
    /// `\r` are found with `memchr`, many bytes at a time.
    private static func lineRanges(_ bytes: UnsafeBufferPointer<UInt8>) -> (ranges: [Range<Int>], hasCarriageReturn: Bool) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return ([], false) }
        var ranges: [Range<Int>] = []
        var start = 0
        while start < bytes.count, let found = memchr(base + start, 0x0A, bytes.count - start) {
            let index = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
            let end = index > start && bytes[index - 1] == 0x0D ? index - 1 : index
            ranges.append(start..<end)
            start = index + 1
        }
        if start < bytes.count { ranges.append(start..<bytes.count) }
        return (ranges, memchr(base, 0x0D, bytes.count) != nil)
    }

    /// Offset of the first NUL byte, found with `memchr`.
    private static func firstNUL(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = bytes.baseAddress, let found = memchr(base, 0, bytes.count) else { return nil }
        return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
    }

    /// Lines without their terminator (`\n` or `\r\n`); index 0 is file line 1.
    public var lines: [String] {
        lineRanges.indices.map { line($0 + 1) }
    }

    public var lineCount: Int { lineRanges.count }

    /// False when no `]:` occurs anywhere, so the file defines no link reference (`[label]: destination`): then a
    /// fragment's links resolve alike parsed alone or in the whole file.
    public var mayDefineLinkReferences: Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return false }
            var start = 0
            while start < bytes.count, let found = memchr(base + start, 0x5D, bytes.count - start) {
                let index = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
                if index + 1 < bytes.count, bytes[index + 1] == 0x3A { return true }
                start = index + 1
            }
            return false
        }
    }

    /// File lines `range` (1-based, inclusive) joined with `\n`, each with a trailing newline.
    public func slice(_ range: ClosedRange<Int>) -> String {
        let lower = max(range.lowerBound, 1), upper = min(range.upperBound, lineCount)
        guard lower <= upper else { return "" }
        let utf8 = text.utf8
        if !hasCarriageReturn {
            // The lines are the text between line feeds: copy the span, adding a last line feed if absent.
            let start = lineRanges[lower - 1].lowerBound
            let end = upper < lineCount ? lineRanges[upper].lowerBound : utf8.count
            var slice = String(text[utf8.index(utf8.startIndex, offsetBy: start)..<utf8.index(utf8.startIndex, offsetBy: end)])
            if upper == lineCount, utf8.last != 0x0A { slice += "\n" }
            return slice
        }
        var out = ""
        out.reserveCapacity(lineRanges[lower - 1].lowerBound.distance(to: lineRanges[upper - 1].upperBound) + 1)
        for number in lower...upper {
            out += lineText(number)
            out += "\n"
        }
        return out
    }

    public func line(_ number: Int) -> String {
        number >= 1 && number <= lineCount ? String(lineText(number)) : ""
    }

    /// Line `number` (1-based, in range) as a view of `text`, without copying it.
    func lineText(_ number: Int) -> Substring {
        let range = lineRanges[number - 1], utf8 = text.utf8
        return text[utf8.index(utf8.startIndex, offsetBy: range.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: range.upperBound)]
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
