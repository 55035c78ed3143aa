import QuizCore
import QuizMarkdown

/// Reads typed values out of front matter, reporting unknown keys and bad values with their positions.
struct FrontMatterReader {
    let frontMatter: FrontMatter?
    let fallbackLocation: SourceLocation
    private(set) var diagnostics: [Diagnostic] = []

    init(_ frontMatter: FrontMatter?, at fallbackLocation: SourceLocation, knownKeys: [String], fileKind: String) {
        self.frontMatter = frontMatter
        self.fallbackLocation = fallbackLocation
        diagnostics += UnknownFrontMatterKey.check(frontMatter?.entries ?? [], knownKeys: knownKeys, fileKind: fileKind)
    }

    func location(of key: String) -> SourceLocation {
        frontMatter?[key]?.value.location ?? fallbackLocation
    }

    func has(_ key: String) -> Bool {
        guard let value = frontMatter?[key]?.value else { return false }
        return !value.isNull
    }

    private mutating func scalar(_ key: String, expected: String) -> String? {
        guard let value = frontMatter?[key]?.value, !value.isNull else { return nil }
        guard let text = value.string else {
            diagnostics.append(InvalidFrontMatterValue.diagnostic(key: key, expected: expected,
                                                                  found: value.kindDescription, at: value.location))
            return nil
        }
        return text
    }

    mutating func string(_ key: String) -> String? {
        scalar(key, expected: "a string")
    }

    mutating func oneOf<T: RawRepresentable & CaseIterable>(_ key: String, _: T.Type) -> T? where T.RawValue == String {
        // A present string value needs no message: the names are listed only when something is wrong.
        if let value = frontMatter?[key]?.value, case .scalar(let text, _, _) = value, !value.isNull,
           let known = T(rawValue: text) {
            return known
        }
        let names = T.allCases.map(\.rawValue)
        let expected = "one of " + names.joined(separator: ", ")
        guard let text = scalar(key, expected: expected) else { return nil }
        if let value = T(rawValue: text) { return value }
        fail(key, expected: expected, found: "`\(text)`", suggestion: closestName(to: text, in: names))
        return nil
    }

    /// `"m:ss"` or a number of seconds, greater than zero.
    mutating func duration(_ key: String) -> Int? {
        let expected = "a duration as \"m:ss\" or a number of seconds"
        guard let text = scalar(key, expected: expected) else { return nil }
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        if parts.count == 1, let seconds = Int(text), seconds > 0 { return seconds }
        if parts.count == 2, let minutes = Int(parts[0]), let seconds = Int(parts[1]),
           parts[1].count == 2, minutes >= 0, (0..<60).contains(seconds), minutes * 60 + seconds > 0 {
            return minutes * 60 + seconds
        }
        fail(key, expected: expected, found: "`\(text)`")
        return nil
    }

    mutating func positiveInt(_ key: String) -> Int? {
        let expected = "a whole number of at least 1"
        guard let text = scalar(key, expected: expected) else { return nil }
        if let value = Int(text), value >= 1 { return value }
        fail(key, expected: expected, found: "`\(text)`")
        return nil
    }

    mutating func nonNegativeDouble(_ key: String) -> Double? {
        let expected = "a number of at least 0 (e.g. 1e-4)"
        guard let text = scalar(key, expected: expected) else { return nil }
        if let value = Double(text), value >= 0, value.isFinite { return value }
        fail(key, expected: expected, found: "`\(text)`")
        return nil
    }

    mutating func bool(_ key: String) -> Bool? {
        let expected = "true or false"
        guard let text = scalar(key, expected: expected) else { return nil }
        switch text {
        case "true", "True", "TRUE", "yes": return true
        case "false", "False", "FALSE", "no": return false
        default:
            fail(key, expected: expected, found: "`\(text)`")
            return nil
        }
    }

    /// A YAML list of strings; a single string counts as a one-element list.
    mutating func stringList(_ key: String) -> [String] {
        guard let value = frontMatter?[key]?.value, !value.isNull else { return [] }
        switch value {
        case .scalar(let text, _, _):
            return [text]
        case .sequence(let items, _):
            var result: [String] = []
            for item in items {
                if let text = item.string { result.append(text) } else {
                    diagnostics.append(InvalidFrontMatterValue.diagnostic(key: key, expected: "a list of strings",
                                                                          found: "an item that is \(item.kindDescription)",
                                                                          at: item.location))
                }
            }
            return result
        case .mapping:
            diagnostics.append(InvalidFrontMatterValue.diagnostic(key: key, expected: "a list of strings",
                                                                  found: value.kindDescription, at: value.location))
            return []
        }
    }

    mutating func fail(_ key: String, expected: String, found: String, suggestion: String? = nil) {
        diagnostics.append(InvalidFrontMatterValue.diagnostic(key: key, expected: expected, found: found,
                                                              at: location(of: key), suggestion: suggestion))
    }

    mutating func missing(_ key: String, expected: String) {
        diagnostics.append(.error("missing front-matter key `\(key)`: expected \(expected)", at: fallbackLocation,
                                  rule: InvalidFrontMatterValue.description.id))
    }
}
