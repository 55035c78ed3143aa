/// Salted SHA-256 answer keys: the page and the bundles carry the hash of the right answer, never the answer.
/// `assets/quiz.js` computes exactly the same strings in the browser.
public enum AnswerKey {
    /// What a typed answer is compared as: `\r\n` → `\n`, trailing spaces and tabs of every line dropped,
    /// trailing newlines dropped.
    public static func normalize(_ text: String) -> String {
        var text = text
        if let normalized = text.withUTF8(normalizeASCII) { return normalized }
        let unified = text.replacing("\r\n", with: "\n").replacing("\r", with: "\n")
        var lines = unified.split(separator: "\n", omittingEmptySubsequences: false).map { line -> Substring in
            var line = line
            while let last = line.last, last == " " || last == "\t" { line.removeLast() }
            return line
        }
        while let last = lines.last, last.isEmpty { lines.removeLast() }
        return lines.joined(separator: "\n")
    }

    /// `normalize` in one pass over the bytes of ASCII text without `\r` (where bytes and characters agree; `\r\n` is
    /// one character in Swift, which the general path handles); nil otherwise.
    private static func normalizeASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        /// Length of `out` up to the last line that is not empty after trimming.
        var kept = 0
        var lineStart = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            guard byte < 0x80, byte != 0x0D else { return nil }
            if byte == 0x0A {
                while out.count > lineStart, out[out.count - 1] == 0x20 || out[out.count - 1] == 0x09 { out.removeLast() }
                if out.count > lineStart { kept = out.count }
                out.append(0x0A)
                lineStart = out.count
                index += 1
                continue
            }
            out.append(byte)
            index += 1
        }
        while out.count > lineStart, out[out.count - 1] == 0x20 || out[out.count - 1] == 0x09 { out.removeLast() }
        if out.count > lineStart { kept = out.count }
        return String(decoding: out[..<kept], as: UTF8.self)
    }

    /// The value hashed for a set of chosen choices: `choice:0,2` (indices ascending, 0-based).
    public static func choiceValue(_ indices: [Int]) -> String {
        "choice:" + indices.sorted().map(String.init).joined(separator: ",")
    }

    /// The value hashed for typed text: `text:` followed by the normalised text.
    public static func textValue(_ text: String) -> String {
        "text:" + normalize(text)
    }

    /// `sha256(salt + "\n" + challengeID + "\n" + value)` in lower-case hex.
    public static func hash(salt: String, challengeID: String, value: String) -> String {
        SHA256.hex(salt + "\n" + challengeID + "\n" + value)
    }
}
