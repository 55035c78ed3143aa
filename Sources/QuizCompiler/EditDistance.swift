/// Levenshtein distance, for did-you-mean suggestions.
func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a.lowercased()), b = Array(b.lowercased())
    guard !a.isEmpty else { return b.count }
    guard !b.isEmpty else { return a.count }
    var previous = Array(0...b.count)
    for i in 1...a.count {
        var current = [i] + Array(repeating: 0, count: b.count)
        for j in 1...b.count {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        previous = current
    }
    return previous[b.count]
}

/// A name the word begins (`predict` → `predict-output`), else the closest name within a third of the
/// word's length (at least 1, at most 3 edits), if any.
func closestName(to word: String, in names: [String]) -> String? {
    if word.count >= 3, let prefixed = names.filter({ $0.lowercased().hasPrefix(word.lowercased()) && $0 != word }).min() {
        return prefixed
    }
    let limit = min(max(word.count / 3, 1), 3)
    let scored = names.map { ($0, editDistance(word, $0)) }.filter { $0.1 <= limit }
    return scored.min { $0.1 < $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }?.0
}
