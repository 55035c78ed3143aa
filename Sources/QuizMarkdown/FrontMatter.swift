import QuizCore
import Yams

/// The YAML between the leading `---` lines of a Markdown file (or a whole `site.yml`), decoded.
public struct FrontMatter: Sendable, Hashable {
    public var entries: [YAMLEntry]
    /// Where the mapping starts (the first key), or the opening `---`.
    public var location: SourceLocation

    public init(entries: [YAMLEntry], location: SourceLocation) {
        self.entries = entries
        self.location = location
    }

    public subscript(key: String) -> YAMLEntry? {
        entries.first { $0.key == key }
    }

    /// How a file starts: with closed front matter, with an unclosed `---`, or with no front matter.
    public enum Split: Sendable, Hashable {
        case none
        case unclosed
        /// The YAML text, the file line it starts on, and the first line of the body after the closing `---`.
        case found(yaml: String, firstLine: Int, bodyFirstLine: Int)
    }

    /// Splits `---` front matter off `source` line by line, keeping file line numbers exact.
    public static func split(_ source: SourceText) -> Split {
        guard source.lineCount > 0, isMarker(source.lineText(1), "---") else { return .none }
        for index in 1..<source.lineCount {
            let line = source.lineText(index + 1)
            if isMarker(line, "---") || isMarker(line, "...") {
                let yaml = index > 1 ? source.slice(2...index) : ""
                return .found(yaml: yaml, firstLine: 2, bodyFirstLine: index + 2)
            }
        }
        return .unclosed
    }

    /// True when `line` is `marker` followed by nothing but spaces and tabs.
    private static func isMarker(_ line: Substring, _ marker: StaticString) -> Bool {
        let bytes = line.utf8
        guard bytes.count >= marker.utf8CodeUnitCount else { return false }
        return marker.withUTF8Buffer { marker in
            var index = bytes.startIndex
            for byte in marker {
                guard bytes[index] == byte else { return false }
                index = bytes.index(after: index)
            }
            return bytes[index...].allSatisfy { $0 == 0x20 || $0 == 0x09 }
        }
    }

    /// Decodes YAML text whose first line is file line `firstLine`; errors carry Yams' line and column.
    public static func decode(_ yaml: String, path: String, firstLine: Int) -> Result<FrontMatter, Diagnostic> {
        let start = SourceLocation(file: path, line: firstLine, column: 1)
        if let alias = firstAlias(in: yaml) {
            return .failure(.error("YAML aliases are not supported in front matter, found `\(alias.name)`; write the value out, "
                                   + "or quote it if the `*` is text",
                                   at: SourceLocation(file: path, line: firstLine + alias.line - 1, column: alias.column),
                                   rule: "invalid-yaml"))
        }
        // Yams resolves the tag of every mapping key with seven regular expressions to check for duplicate keys, most of
        // its time. Without explicit tags (no `!`) the basic resolver (every plain scalar a string) finds a duplicate
        // wherever the default one does, so a text that composes with it, with only scalar keys, has the same values;
        // anything else (an error, a list or mapping as a key) is composed again with the default resolver.
        var basic = !yaml.utf8.contains(UInt8(ascii: "!"))
        while true {
            let node: Node?
            do {
                // An empty constructor: composing constructs no values, and `Constructor.default` builds three tables.
                node = try Yams.compose(yaml: yaml, basic ? .basic : .default, Constructor([:], [:], [:]), .utf8)
            } catch {
                if basic {
                    basic = false
                    continue
                }
                if let error = error as? YamlError { return .failure(diagnostic(for: error, path: path, firstLine: firstLine)) }
                return .failure(.error("invalid YAML: \(error)", at: start, rule: "invalid-yaml"))
            }
            guard let node else { return .success(FrontMatter(entries: [], location: start)) }
            var converter = Converter(path: path, firstLine: firstLine)
            let value = converter.convert(node, depth: 0)
            if basic && converter.sawComplexKey {
                basic = false
                continue
            }
            guard let value else {
                return .failure(.error("front matter is too large or too deeply nested: at most \(Converter.maxNodes) values "
                                       + "and \(Converter.maxDepth) levels of lists and mappings",
                                       at: start, rule: "invalid-yaml"))
            }
            return result(value, start: start)
        }
    }

    private static func result(_ value: YAMLValue, start: SourceLocation) -> Result<FrontMatter, Diagnostic> {
        switch value {
        case .mapping(let entries, let location):
            return .success(FrontMatter(entries: entries, location: location))
        case .scalar where value.isNull:
            return .success(FrontMatter(entries: [], location: start))
        default:
            return .failure(.error("front matter must be a mapping of `key: value` lines, found \(value.kindDescription)",
                                   at: value.location, rule: "invalid-yaml"))
        }
    }

    fileprivate static func location(_ mark: Mark?, path: String, firstLine: Int) -> SourceLocation {
        guard let mark else { return SourceLocation(file: path, line: firstLine, column: 1) }
        return SourceLocation(file: path, line: firstLine + mark.line - 1, column: mark.column)
    }

    /// Turns Yams nodes into located `YAMLValue`s within a budget, so no front matter can cost more than a few
    /// thousand values or recurse deeper than a small stack allows.
    private struct Converter {
        static let maxNodes = 10_000
        static let maxDepth = 64
        let path: String
        let firstLine: Int
        var nodes = 0
        /// Whether a mapping key was a list or a mapping (its text then depends on the resolver).
        var sawComplexKey = false

        init(path: String, firstLine: Int) {
            self.path = path
            self.firstLine = firstLine
        }

        mutating func convert(_ node: Node, depth: Int) -> YAMLValue? {
            nodes += 1
            guard nodes <= Self.maxNodes, depth <= Self.maxDepth else { return nil }
            let here = FrontMatter.location(node.mark, path: path, firstLine: firstLine)
            switch node {
            case .scalar(let scalar):
                return .scalar(scalar.string, quoted: scalar.style != .plain, here)
            case .sequence(let sequence):
                var items: [YAMLValue] = []
                for item in sequence {
                    guard let value = convert(item, depth: depth + 1) else { return nil }
                    items.append(value)
                }
                return .sequence(items, here)
            case .mapping(let mapping):
                var entries: [YAMLEntry] = []
                for pair in mapping {
                    if case .scalar = pair.key {} else { sawComplexKey = true }
                    guard let value = convert(pair.value, depth: depth + 1) else { return nil }
                    entries.append(YAMLEntry(key: pair.key.string ?? "\(pair.key)",
                                             keyLocation: FrontMatter.location(pair.key.mark, path: path, firstLine: firstLine),
                                             value: value))
                }
                return .mapping(entries, here)
            case .alias(let alias):
                return .scalar("*\(alias.anchor)", quoted: false, here)
            }
        }
    }

    private static func diagnostic(for error: YamlError, path: String, firstLine: Int) -> Diagnostic {
        let start = SourceLocation(file: path, line: firstLine, column: 1)
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            var message = "invalid YAML: \(problem)"
            if let context { message += " \(context.text)" }
            return .error(message, at: location(mark, path: path, firstLine: firstLine), rule: "invalid-yaml")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return .error("invalid YAML: duplicate key \(duplicates.joined(separator: ", "))",
                          at: location(context.mark, path: path, firstLine: firstLine), rule: "invalid-yaml")
        default:
            return .error("invalid YAML: \(error)", at: start, rule: "invalid-yaml")
        }
    }
}
