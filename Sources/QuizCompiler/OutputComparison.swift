/// Compares a stated output with the computed one: exactly (trailing spaces ignored) or with a numeric tolerance.
public enum OutputComparison {
    /// Lines without trailing spaces, and without trailing empty lines.
    public static func normalized(_ text: String) -> [String] {
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).map { line in
            var line = Substring(line)
            while let last = line.last, last == " " || last == "\t" || last == "\r" { line = line.dropLast() }
            return String(line)
        }
        while lines.last == "" { lines.removeLast() }
        return lines
    }

    /// True when `stated` and `computed` agree: every line equal once trailing spaces are dropped, or, with a
    /// tolerance, every printed number within it of its counterpart and all other text equal (runs of spaces
    /// count as one, since PyTorch pads columns to the widest number).
    public static func matches(_ stated: String, _ computed: String, tolerance: Double? = nil) -> Bool {
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
