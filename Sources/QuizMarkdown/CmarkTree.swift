import CCmark
import QuizCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Owns one cmark document tree; frees it with the last reference. Never changed after `init` (rendering only reads
/// it), so the documents holding it can cross tasks.
final class CmarkTree: @unchecked Sendable {
    private let root: OpaquePointer?
    /// The top-level blocks, in order: `MarkdownBlock.index` points here.
    private let topLevel: [OpaquePointer]

    init(markdown: String) {
        var markdown = markdown
        root = markdown.withUTF8 { buffer in
            buffer.baseAddress.flatMap { base in
                base.withMemoryRebound(to: CChar.self, capacity: max(buffer.count, 1)) {
                    cmark_parse_document($0, buffer.count, CMARK_OPT_DEFAULT)
                }
            } ?? cmark_parse_document("", 0, CMARK_OPT_DEFAULT)
        }
        topLevel = root.map(children(of:)) ?? []
    }

    deinit {
        if let root { cmark_node_free(root) }
    }

    /// The top-level blocks as values; `lineOffset` turns body lines into file lines.
    func blocks(source: SourceText, lineOffset: Int, unsafeHTML: Bool) -> [MarkdownBlock] {
        let walker = Walker(source: source, lineOffset: lineOffset, unsafeHTML: unsafeHTML)
        return topLevel.indices.map { index in
            var block = walker.block(topLevel[index])
            block.index = index
            return block
        }
    }

    /// The HTML of the top-level blocks at `indices`, each rendered from this tree (cmark renders a document as its
    /// blocks one after another, so this is the HTML of their Markdown parsed together, without parsing it again).
    func html(ofBlocksAt indices: [Int], unsafeHTML: Bool) -> String {
        let options = unsafeHTML ? CMARK_OPT_UNSAFE : CMARK_OPT_DEFAULT
        var html = ""
        for index in indices {
            guard let rendered = cmark_render_html(topLevel[index], options) else { continue }
            html += String(cString: rendered)
            free(rendered)
        }
        return html
    }
}

private func children(of node: OpaquePointer) -> [OpaquePointer] {
    var result: [OpaquePointer] = []
    var child = cmark_node_first_child(node)
    while let current = child {
        result.append(current)
        child = cmark_node_next(current)
    }
    return result
}

/// cmark lends these strings; copy them, never free them.
private func literal(_ node: OpaquePointer) -> String {
    cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
}

private struct Walker {
    let source: SourceText
    let lineOffset: Int
    let unsafeHTML: Bool

    func location(_ node: OpaquePointer) -> SourceLocation {
        SourceLocation(file: source.path, line: Int(cmark_node_get_start_line(node)) + lineOffset,
                       column: max(Int(cmark_node_get_start_column(node)), 1))
    }

    func lines(_ node: OpaquePointer) -> (start: Int, end: Int) {
        let start = Int(cmark_node_get_start_line(node)) + lineOffset
        return (start, max(Int(cmark_node_get_end_line(node)) + lineOffset, start))
    }

    func block(_ node: OpaquePointer) -> MarkdownBlock {
        let (start, end) = lines(node)
        let kind: MarkdownBlock.Kind
        switch cmark_node_get_type(node) {
        case CMARK_NODE_HEADING:
            kind = .heading(level: Int(cmark_node_get_heading_level(node)), text: inlineText(node))
        case CMARK_NODE_CODE_BLOCK:
            kind = .code(codeFence(node))
        case CMARK_NODE_LIST:
            kind = .list(children(of: node).map(listItem))
        case CMARK_NODE_PARAGRAPH:
            kind = .paragraph
        default:
            kind = .other
        }
        return MarkdownBlock(kind: kind, location: location(node), startLine: start, endLine: end)
    }

    func inlineText(_ node: OpaquePointer) -> String {
        children(of: node).map { child in
            switch cmark_node_get_type(child) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE: literal(child)
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: " "
            default: inlineText(child)
            }
        }.joined()
    }

    func codeFence(_ node: OpaquePointer) -> CodeFence {
        let (start, end) = lines(node)
        let (fenceChar, fenceLength, closingLine) = fenceShape(start: start, end: end)
        let isFenced = (fenceChar == "`" || fenceChar == "~") && fenceLength >= 3
        let info = cmark_node_get_fence_info(node).map { String(cString: $0) } ?? ""
        var innerOpeningLine: Int?
        if isFenced, let fenceChar, start + 1 <= end {
            let fence = String(repeating: fenceChar, count: 3)
            let fenceByte = fenceChar == "`" ? UInt8(ascii: "`") : UInt8(ascii: "~")
            innerOpeningLine = ((start + 1)...end).first { number in
                // Most code lines do not start with the fence character: a byte test rules them out.
                guard source.lineText(number).utf8.first(where: { $0 != 0x20 && $0 != 0x09 }) == fenceByte else { return false }
                let line = source.line(number).trimmingCharacters(in: " \t")
                guard line.hasPrefix(fence) else { return false }
                return line.drop { $0 == fenceChar }.first.map { $0.isLetter } ?? false
            }
        }
        return CodeFence(info: info.trimmingCharacters(in: " \t"), code: literal(node), location: location(node),
                         firstCodeLine: isFenced ? start + 1 : start, closingLine: isFenced ? closingLine : nil,
                         isFenced: isFenced, innerOpeningLine: innerOpeningLine)
    }

    /// The first character of the opening line after its indentation, how many times it repeats there, and `end` when
    /// that line is a closing fence for it (the character, at least as many times, alone but for spaces and tabs).
    /// Over bytes when both lines are ASCII (where bytes are characters: lines hold no `\n`), else over characters.
    private func fenceShape(start: Int, end: Int) -> (fenceChar: Character?, fenceLength: Int, closingLine: Int?) {
        func text(_ number: Int) -> Substring { number >= 1 && number <= source.lineCount ? source.lineText(number) : "" }
        let openingText = text(start), closingText = end > start ? text(end) : ""
        if openingText.utf8.allSatisfy({ $0 < 0x80 }), closingText.utf8.allSatisfy({ $0 < 0x80 }) {
            let opening = openingText.utf8.drop { $0 == 0x20 || $0 == 0x09 }
            guard let fenceByte = opening.first else { return (nil, 0, nil) }
            let fenceLength = opening.prefix { $0 == fenceByte }.count
            let fenceChar = Character(Unicode.Scalar(fenceByte))
            guard (fenceByte == UInt8(ascii: "`") || fenceByte == UInt8(ascii: "~")) && fenceLength >= 3, end > start else {
                return (fenceChar, fenceLength, nil)
            }
            let closing = closingText.utf8.drop { $0 == 0x20 || $0 == 0x09 }.reversed().drop { $0 == 0x20 || $0 == 0x09 }
            let closes = closing.count >= fenceLength && closing.allSatisfy { $0 == fenceByte }
            return (fenceChar, fenceLength, closes ? end : nil)
        }
        let opening = source.line(start).drop { $0 == " " || $0 == "\t" }
        let fenceChar = opening.first
        let fenceLength = opening.prefix { $0 == fenceChar }.count
        guard (fenceChar == "`" || fenceChar == "~") && fenceLength >= 3, end > start else { return (fenceChar, fenceLength, nil) }
        let closing = source.line(end).trimmingCharacters(in: " \t")
        let closes = closing.count >= fenceLength && closing.allSatisfy { $0 == fenceChar }
        return (fenceChar, fenceLength, closes ? end : nil)
    }

    func listItem(_ node: OpaquePointer) -> ListItem {
        let (start, end) = lines(node)
        let here = location(node)
        let firstLine = Array(source.line(start).utf8)
        // Skip the bullet (`-`, `*`, `+`, `1.`, `1)`) and the spaces after it.
        var index = max(here.column - 1, 0)
        while index < firstLine.count, firstLine[index] != 0x20, firstLine[index] != 0x09 { index += 1 }
        while index < firstLine.count, firstLine[index] == 0x20 || firstLine[index] == 0x09 { index += 1 }
        let contentIndent = index
        var task: ListItem.Task?
        var markerLocation: SourceLocation?
        if index + 3 <= firstLine.count {
            let marker = firstLine[index..<min(index + 3, firstLine.count)]
            let after = index + 3 < firstLine.count ? firstLine[index + 3] : 0x20
            if marker.count == 3, marker.first == 0x5B, marker.last == 0x5D, after == 0x20 || after == 0x09 {
                switch marker[marker.startIndex + 1] {
                case 0x78, 0x58: task = .checked
                case 0x20: task = .unchecked
                default: break
                }
            }
            if task != nil {
                markerLocation = SourceLocation(file: source.path, line: start, column: index + 1)
                index += 3
                while index < firstLine.count, firstLine[index] == 0x20 || firstLine[index] == 0x09 { index += 1 }
            }
        }
        var itemLines = [String(decoding: firstLine[min(index, firstLine.count)...], as: UTF8.self)]
        if end > start {
            for number in (start + 1)...end {
                itemLines.append(dedent(source.line(number), by: contentIndent))
            }
        }
        while itemLines.count > 1, itemLines.last?.trimmingCharacters(in: " \t").isEmpty == true { itemLines.removeLast() }
        let markdown = itemLines.joined(separator: "\n")
        var spans: [String] = []
        var codeBlock: String?
        collectCode(node, spans: &spans, codeBlock: &codeBlock)
        return ListItem(task: task, markdown: markdown, html: QuizMarkdown.html(markdown, unsafeHTML: unsafeHTML),
                        codeSpans: spans, codeBlock: codeBlock, location: here, taskMarkerLocation: markerLocation,
                        startLine: start, endLine: end)
    }

    func collectCode(_ node: OpaquePointer, spans: inout [String], codeBlock: inout String?) {
        for child in children(of: node) {
            switch cmark_node_get_type(child) {
            case CMARK_NODE_CODE: spans.append(literal(child))
            case CMARK_NODE_CODE_BLOCK: if codeBlock == nil { codeBlock = literal(child) }
            default: collectCode(child, spans: &spans, codeBlock: &codeBlock)
            }
        }
    }

    private func dedent(_ line: String, by count: Int) -> String {
        var removed = 0
        var rest = Substring(line)
        while removed < count, let first = rest.first, first == " " {
            rest = rest.dropFirst()
            removed += 1
        }
        return String(rest)
    }
}

extension StringProtocol {
    /// `self` without leading and trailing characters of `set`; ASCII text with an ASCII set byte by byte.
    public func trimmingCharacters(in set: String) -> String {
        trimmed(Substring(self), in: set)
    }
}

/// `trimmingCharacters(in:)` in one non-generic function, so no caller runs it through protocol witnesses.
private func trimmed(_ text: Substring, in set: String) -> String {
    var text = text, set = set
    if let trimmed = set.withUTF8({ members in text.withUTF8 { asciiTrimmed($0, members) } }) { return trimmed }
    let characters = Set(set)
    var slice = text
    while let first = slice.first, characters.contains(first) { slice = slice.dropFirst() }
    while let last = slice.last, characters.contains(last) { slice = slice.dropLast() }
    return String(slice)
}

/// Nil unless both `bytes` and `members` are ASCII and `members` has no `\r\n`: there every byte is a character but
/// `\r\n`, which is then no member, so its `\r` and `\n` never trim apart.
private func asciiTrimmed(_ bytes: UnsafeBufferPointer<UInt8>, _ members: UnsafeBufferPointer<UInt8>) -> String? {
    guard !members.contains(where: { $0 >= 0x80 }), !zip(members, members.dropFirst()).contains(where: { $0 == (0x0D, 0x0A) }),
          !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
    var start = 0, end = bytes.count
    while start < end, members.contains(bytes[start]) {
        if bytes[start] == 0x0D, start + 1 < end, bytes[start + 1] == 0x0A { break }
        start += 1
    }
    while end > start, members.contains(bytes[end - 1]) {
        if bytes[end - 1] == 0x0A, end - 1 > start, bytes[end - 2] == 0x0D { break }
        end -= 1
    }
    return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
}
