/// Salted SHA-256 answer keys: the page and the bundles carry the hash of the right answer, never the answer.
/// `assets/quiz.js` computes exactly the same strings in the browser.
public enum AnswerKey {
    /// What a typed answer is compared as: `\r\n` → `\n`, trailing spaces and tabs of every line dropped,
    /// trailing newlines dropped.
    public static func normalize(_ text: String) -> String {
        let unified = text.replacing("\r\n", with: "\n").replacing("\r", with: "\n")
        var lines = unified.split(separator: "\n", omittingEmptySubsequences: false).map { line -> Substring in
            var line = line
            while let last = line.last, last == " " || last == "\t" { line.removeLast() }
            return line
        }
        while let last = lines.last, last.isEmpty { lines.removeLast() }
        return lines.joined(separator: "\n")
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
