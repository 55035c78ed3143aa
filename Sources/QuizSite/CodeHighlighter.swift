/// Turns source code into HTML at build time. Spans use the classes `tok-kw`, `tok-str`, `tok-num`, `tok-com`,
/// `tok-op`, `tok-name` and `tok-builtin`, which `assets/quiz.css` colours.
public protocol CodeHighlighter: Sendable {
    /// HTML for the inside of `<code>`: every `<`, `>`, `&` and `"` of `code` escaped.
    func highlight(_ code: String, language: String) -> String
}

/// The default highlighter: escapes the code and adds no colour.
public struct PlainHighlighter: CodeHighlighter {
    public init() {}

    public func highlight(_ code: String, language: String) -> String {
        HTML.escape(code)
    }
}

/// Small HTML helpers shared by rendering and highlighting.
public enum HTML {
    /// Escapes `&`, `<`, `>`, `"` and `'`.
    public static func escape(_ text: String) -> String {
        var copy = text
        return copy.withUTF8 { bytes in
            guard bytes.contains(where: needsEscape) else { return text }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 32)
            escape(bytes, into: &out)
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// Appends `bytes` to `out` with `&`, `<`, `>`, `"` and `'` escaped, copying the runs between them at once.
    public static func escape(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        var runStart = 0
        for index in 0..<bytes.count {
            let entity: StaticString
            switch bytes[index] {
            case 0x26: entity = "&amp;"
            case 0x3C: entity = "&lt;"
            case 0x3E: entity = "&gt;"
            case 0x22: entity = "&quot;"
            case 0x27: entity = "&#39;"
            default: continue
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
            entity.withUTF8Buffer { out.append(contentsOf: $0) }
            runStart = index + 1
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
    }

    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || byte == 0x27
    }

    /// Reverses the escapes cmark writes inside code blocks (`&lt;`, `&gt;`, `&quot;`, `&#39;`, `&amp;`) in one pass;
    /// the same result as replacing them one after another, `&amp;` last, since no replacement can form another.
    static func unescape(_ text: String) -> String {
        var copy = text
        return copy.withUTF8 { bytes in
            guard bytes.contains(0x26) else { return text }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            unescape(bytes, into: &out)
            return String(decoding: out, as: UTF8.self)
        }
    }

    private static func unescape(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        let entities: [(StaticString, UInt8)] = [("&lt;", 0x3C), ("&gt;", 0x3E), ("&quot;", 0x22), ("&#39;", 0x27), ("&amp;", 0x26)]
        var runStart = 0
        var index = 0
        scan: while index < bytes.count {
            guard bytes[index] == 0x26 else { index += 1; continue }
            for (entity, byte) in entities where hasPrefix(bytes, at: index, entity) {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                out.append(byte)
                index += entity.utf8CodeUnitCount
                runStart = index
                continue scan
            }
            index += 1
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
    }

    private static func hasPrefix(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, _ prefix: StaticString) -> Bool {
        let count = prefix.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        return prefix.withUTF8Buffer { prefix in
            for offset in 0..<count where bytes[index + offset] != prefix[offset] { return false }
            return true
        }
    }

    private static func find(_ needle: StaticString, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        let count = needle.utf8CodeUnitCount
        let first = needle.utf8Start.pointee
        var index = start
        while index + count <= bytes.count {
            if bytes[index] == first && hasPrefix(bytes, at: index, needle) { return index }
            index += 1
        }
        return nil
    }

    /// Rewrites every `<pre><code class="language-X">…</code></pre>` that cmark produced with the highlighter's
    /// output, so code inside prompts and explanations is coloured at build time.
    static func highlightCodeBlocks(in html: String, with highlighter: any CodeHighlighter) -> String {
        var copy = html
        return copy.withUTF8 { bytes in
            guard var start = find("<pre><code", in: bytes, from: 0) else { return html }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + bytes.count / 2)
            var rest = 0
            while true {
                let attributesStart = start + "<pre><code".utf8.count
                guard let tagEnd = bytes[attributesStart...].firstIndex(of: 0x3E),
                      let end = find("</code></pre>", in: bytes, from: tagEnd) else { break }
                let language = languageName(inAttributes: UnsafeBufferPointer(rebasing: bytes[attributesStart..<tagEnd]))
                var code: [UInt8] = []
                code.reserveCapacity(end - tagEnd)
                unescape(UnsafeBufferPointer(rebasing: bytes[(tagEnd + 1)..<end]), into: &code)
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[rest..<start]))
                out.append(contentsOf: "<pre class=\"code\"><code".utf8)
                if !language.isEmpty {
                    out.append(contentsOf: " class=\"language-".utf8)
                    out.append(contentsOf: escape(language).utf8)
                    out.append(0x22)
                }
                out.append(0x3E)
                out.append(contentsOf: highlighter.highlight(String(decoding: code, as: UTF8.self), language: language).utf8)
                out.append(contentsOf: "</code></pre>".utf8)
                rest = end + "</code></pre>".utf8.count
                guard let next = find("<pre><code", in: bytes, from: rest) else { break }
                start = next
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[rest...]))
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// The `X` of `language-X` up to the next `"` or space.
    private static func languageName(inAttributes attributes: UnsafeBufferPointer<UInt8>) -> String {
        guard let start = find("language-", in: attributes, from: 0) else { return "" }
        let nameStart = start + "language-".utf8.count
        var nameEnd = nameStart
        while nameEnd < attributes.count && attributes[nameEnd] != 0x22 && attributes[nameEnd] != 0x20 { nameEnd += 1 }
        return String(decoding: UnsafeBufferPointer(rebasing: attributes[nameStart..<nameEnd]), as: UTF8.self)
    }
}
