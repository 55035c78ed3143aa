/// Compares a stated output with the computed one: exactly (trailing spaces ignored) or with a numeric tolerance.
public enum OutputComparison {
    /// Lines without trailing spaces, and without trailing empty lines.
    public static func normalized(_ text: String) -> [String] {
        if let lines = normalizedASCII(text) { return lines.map { String(decoding: $0, as: UTF8.self) } }
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).map { line in
            var line = Substring(line)
            while let last = line.last, last == " " || last == "\t" || last == "\r" { line = line.dropLast() }
            return String(line)
        }
        while lines.last == "" { lines.removeLast() }
        return lines
    }

    /// `normalized` for ASCII text, as byte slices of one buffer: split at `\n`, trailing spaces, tabs and `\r`
    /// dropped (which drops the `\r` of `\r\n` too); nil for other text, where Swift's characters decide.
    static func normalizedASCII(_ text: String) -> [ArraySlice<UInt8>]? {
        var text = text
        return text.withUTF8 { bytes -> [ArraySlice<UInt8>]? in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
            let buffer = Array(bytes)
            var lines: [ArraySlice<UInt8>] = []
            var start = 0
            for index in 0...buffer.count where index == buffer.count || buffer[index] == 0x0A {
                var end = index
                while end > start, buffer[end - 1] == 0x20 || buffer[end - 1] == 0x09 || buffer[end - 1] == 0x0D { end -= 1 }
                lines.append(buffer[start..<end])
                start = index + 1
            }
            while lines.last?.isEmpty == true { lines.removeLast() }
            return lines
        }
    }

    /// True when `stated` and `computed` agree: every line equal once trailing spaces are dropped, or, with a
    /// tolerance, every printed number within it of its counterpart and all other text equal (runs of spaces
    /// count as one, since PyTorch pads columns to the widest number).
    public static func matches(_ stated: String, _ computed: String, tolerance: Double? = nil) -> Bool {
        if let a = normalizedASCII(stated), let b = normalizedASCII(computed) {
            if a == b { return true }
            if tolerance == nil { return false }
        }
        let a = normalized(stated), b = normalized(computed)
        if a == b { return true }
        guard let tolerance else { return false }
        let left = NumberScanner.segments(a.joined(separator: "\n")), right = NumberScanner.segments(b.joined(separator: "\n"))
        guard left.count == right.count else { return false }
        for (x, y) in zip(left, right) {
            switch (x, y) {
            case (.text(let s), .text(let t)):
                if collapseSpaces(s) != collapseSpaces(t) { return false }
            case (.number(let p), .number(let q)):
                if abs(p.value - q.value) > tolerance * (1 + 1e-9) { return false }
            default:
                return false
            }
        }
        return true
    }

    private static func collapseSpaces(_ text: String) -> String {
        var out = ""
        var lastWasSpace = false
        for character in text {
            if character == " " {
                if !lastWasSpace { out.append(" ") }
                lastWasSpace = true
            } else {
                out.append(character)
                lastWasSpace = false
            }
        }
        return out
    }

    /// A unified diff from `stated` (`-`) to `computed` (`+`), one hunk with full context.
    public static func unifiedDiff(stated: String, computed: String, statedName: String = "stated answer",
                                   computedName: String = "computed output") -> String {
        let a = normalized(stated), b = normalized(computed)
        var lcs = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
            }
        }
        var lines = ["--- \(statedName)", "+++ \(computedName)", "@@ -1,\(a.count) +1,\(b.count) @@"]
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, a[i] == b[j] {
                lines.append(" " + a[i])
                i += 1
                j += 1
            } else if i < a.count, j == b.count || lcs[i + 1][j] >= lcs[i][j + 1] {
                lines.append("-" + a[i])
                i += 1
            } else {
                lines.append("+" + b[j])
                j += 1
            }
        }
        return lines.joined(separator: "\n")
    }
}
