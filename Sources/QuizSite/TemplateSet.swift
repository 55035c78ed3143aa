import Mustache
import QuizCore

/// The Mustache templates and static assets a site is rendered with. The built-in set is the repository's
/// `templates/` folder compiled into the binary; `quizc build --templates DIR` overlays a site's own files.
public struct TemplateSet: Sendable {
    /// One file of the set: its text and the path shown in diagnostics.
    public struct File: Sendable, Hashable {
        public var path: String
        public var bytes: [UInt8]

        public init(path: String, bytes: [UInt8]) {
            self.path = path
            self.bytes = bytes
        }
    }

    /// Keyed by the path relative to the templates folder: `layout.mustache`, `partials/choices.mustache`,
    /// `assets/quiz.css`.
    public var files: [String: File]

    public init(files: [String: File]) {
        self.files = files
    }

    /// The defaults from `templates/`, embedded at build time (see `DefaultTemplates.swift`).
    public static var builtIn: TemplateSet { builtInSet }

    private static let builtInSet: TemplateSet = {
        var files: [String: File] = [:]
        for (name, text) in DefaultTemplates.files {
            files[name] = File(path: "templates/" + name, bytes: Array(text.utf8))
        }
        return TemplateSet(files: files)
    }()

    /// Whether the `.mustache` files are the built-in ones, byte for byte (assets may differ): such a set renders with
    /// the templates compiled into quizc (`CompiledTemplates.builtIn`).
    var hasBuiltInTemplates: Bool {
        let builtIn = Self.builtInSet.files
        func templates(_ files: [String: File]) -> [String: [UInt8]] {
            files.filter { $0.key.hasSuffix(".mustache") }.mapValues(\.bytes)
        }
        return templates(files) == templates(builtIn)
    }

    /// This set with every file of `overrides` replacing the file of the same relative path.
    public func overlaid(with overrides: TemplateSet) -> TemplateSet {
        TemplateSet(files: files.merging(overrides.files) { _, new in new })
    }

    /// Files under `assets/`, keyed by their path relative to that folder.
    var assets: [(name: String, bytes: [UInt8])] {
        files.keys.filter { $0.hasPrefix("assets/") }.sorted().map { key in
            (String(key.dropFirst("assets/".count)), files[key]!.bytes)
        }
    }

    /// Parses every `.mustache` file into a library; partials are registered by file name without folder
    /// and extension (`partials/choices.mustache` → `{{> choices}}`).
    func library() throws(QuizSiteError) -> MustacheLibrary {
        try parsed().library
    }

    /// `library()` and the templates it registered by name (what `parsedTemplates()` returns), each parsed once.
    func parsed() throws(QuizSiteError) -> (library: MustacheLibrary, templates: [String: MustacheTemplate]) {
        var library = MustacheLibrary()
        var templates: [String: MustacheTemplate] = [:]
        var diagnostics: [Diagnostic] = []
        for key in files.keys.sorted() where key.hasSuffix(".mustache") {
            let file = files[key]!
            let name = String(key.split(separator: "/").last!.dropLast(".mustache".count))
            guard let text = String(validating: file.bytes, as: UTF8.self), !text.contains("\0") else {
                diagnostics.append(.error("template error: the file is not UTF-8 text", at: SourceLocation(file: file.path, line: 1),
                                          rule: "template-syntax"))
                continue
            }
            do {
                let template = try MustacheTemplate(string: text)
                library.register(template, named: name)
                templates[name] = template
            } catch let error as MustacheTemplate.ParserError {
                let location = SourceLocation(file: file.path, line: error.context.lineNumber,
                                              column: max(1, error.context.columnNumber))
                diagnostics.append(.error("template error: \(TemplateSet.describe(error.error))", at: location,
                                          notes: [.init(error.context.line)], rule: "template-syntax"))
            } catch {
                diagnostics.append(.error("template error: \(error)", at: SourceLocation(file: file.path, line: 1),
                                          rule: "template-syntax"))
            }
        }
        for required in ["layout", "catalog", "quiz"] where library.getTemplate(named: required) == nil
            && !diagnostics.contains(where: { $0.location.file.hasSuffix("/\(required).mustache") }) {
            diagnostics.append(.error("missing template '\(required).mustache'",
                                      at: SourceLocation(file: "templates/\(required).mustache", line: 1),
                                      rule: "template-missing"))
        }
        if diagnostics.isEmpty { diagnostics += missingPartials(in: library) }
        if !diagnostics.isEmpty { throw QuizSiteError(diagnostics: diagnostics) }
        return (library, templates)
    }

    /// The templates `library()` registers, by the same names; only meaningful once `library()` succeeded.
    func parsedTemplates() -> [String: MustacheTemplate] {
        var templates: [String: MustacheTemplate] = [:]
        for key in files.keys.sorted() where key.hasSuffix(".mustache") {
            let name = String(key.split(separator: "/").last!.dropLast(".mustache".count))
            guard let text = String(validating: files[key]!.bytes, as: UTF8.self),
                  let template = try? MustacheTemplate(string: text) else { continue }
            templates[name] = template
        }
        return templates
    }

    /// `{{> name}}` tags naming no registered template: Mustache would render them as nothing, silently.
    private func missingPartials(in library: MustacheLibrary) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for key in files.keys.sorted() where key.hasSuffix(".mustache") && Self.hasPartialTag(files[key]!.bytes) {
            let file = files[key]!
            for (index, line) in String(decoding: file.bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).enumerated()
                where Self.hasPartialTag(line.utf8) && line.contains("{{>") {
                let tags = Self.asciiPartialTags(in: line) ?? line.matches(of: /\{\{>\s*([^\s}]+)\s*\}\}/).map { match in
                    (name: String(match.1), column: line.distance(from: line.startIndex, to: match.range.lowerBound) + 1)
                }
                for tag in tags where library.getTemplate(named: tag.name) == nil {
                    diagnostics.append(.error("template error: partial '\(tag.name)' does not exist",
                                              at: SourceLocation(file: file.path, line: index + 1, column: tag.column),
                                              notes: [.init(String(line))], rule: "template-missing"))
                }
            }
        }
        return diagnostics
    }

    /// The `{{> name }}` tags of an ASCII line without `\r`, as the regular expression `\{\{>\s*([^\s}]+)\s*\}\}` finds them (its
    /// greedy parts never need to give anything back), with 1-based columns; nil for other lines, left to the regex.
    static func asciiPartialTags(in line: Substring) -> [(name: String, column: Int)]? {
        let bytes = Array(line.utf8)
        // Beyond ASCII, and with `\r\n` (one character), columns in characters and bytes part.
        guard !bytes.contains(where: { $0 >= 0x80 || $0 == 0x0D }) else { return nil }
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }
        let open = Array("{{>".utf8), brace = UInt8(ascii: "}")
        var tags: [(name: String, column: Int)] = []
        var start = 0
        while start + 3 <= bytes.count {
            guard bytes[start..<start + 3].elementsEqual(open) else {
                start += 1
                continue
            }
            var index = start + 3
            while index < bytes.count, isSpace(bytes[index]) { index += 1 }
            let nameStart = index
            while index < bytes.count, !isSpace(bytes[index]), bytes[index] != brace { index += 1 }
            let nameEnd = index
            while index < bytes.count, isSpace(bytes[index]) { index += 1 }
            guard nameEnd > nameStart, index + 2 <= bytes.count, bytes[index] == brace, bytes[index + 1] == brace else {
                start += 1
                continue
            }
            tags.append((String(decoding: bytes[nameStart..<nameEnd], as: UTF8.self), start + 1))
            start = index + 2
        }
        return tags
    }

    /// Whether the bytes hold `{{>`: a cheap test before the character-level search.
    private static func hasPartialTag(_ bytes: some Sequence<UInt8>) -> Bool {
        var braces = 0
        for byte in bytes {
            if byte == UInt8(ascii: ">"), braces >= 2 { return true }
            braces = byte == UInt8(ascii: "{") ? braces + 1 : 0
        }
        return false
    }

    private static func describe(_ error: any Error) -> String {
        switch error {
        case MustacheTemplate.Error.sectionCloseNameIncorrect: return "section closed with the wrong name"
        case MustacheTemplate.Error.unfinishedName: return "unfinished tag name"
        case MustacheTemplate.Error.expectedSectionEnd: return "section is never closed"
        case MustacheTemplate.Error.invalidSetDelimiter: return "invalid set-delimiter tag"
        default: return "\(error)"
        }
    }
}

/// Rendering failed: template diagnostics located in the template files.
public struct QuizSiteError: Error, Sendable {
    public var diagnostics: [Diagnostic]

    public init(diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }
}
