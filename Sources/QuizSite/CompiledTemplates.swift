import Mustache

/// The parsed Mustache templates turned into a tree that renders straight into a byte buffer with typed values, for
/// the subset of Mustache quizc's templates use (variables, sections, inverted sections, partials). swift-mustache
/// still parses every template, so whitespace and standalone-tag rules are its own; its token tree is read once by
/// reflection. A template set using anything else (lambdas, transforms, blocks, dynamic partials, content types)
/// yields nil and renders with swift-mustache itself. The output matches swift-mustache's byte for byte.
struct CompiledTemplates: Sendable, Equatable {
    indirect enum Node: Sendable, Equatable {
        case text([UInt8])
        case variable(path: Path, escaped: Bool)
        case section(path: Path, body: [Node], inverted: Bool)
        case partial(name: String, indentation: String?)
    }

    /// A tag name: `.` (the current object), `a.b.c` looked up from the innermost object that has `a`, or `.a.b`
    /// looked up in the current object only.
    struct Path: Sendable, Equatable {
        var names: [String]
        var currentOnly: Bool
    }

    var templates: [String: [Node]]

    /// Nil when some template uses a feature outside the subset.
    init?(_ parsed: [String: MustacheTemplate]) {
        var templates: [String: [Node]] = [:]
        for (name, template) in parsed {
            guard let nodes = CompiledTemplates.nodes(of: template) else { return nil }
            templates[name] = nodes
        }
        self.templates = templates
    }

    private static func nodes(of template: MustacheTemplate) -> [Node]? {
        guard let tokens = Mirror(reflecting: template).children.first(where: { $0.label == "tokens" })?.value,
              Mirror(reflecting: tokens).displayStyle == .collection else { return nil }
        var result: [Node] = []
        for token in Mirror(reflecting: tokens).children.map(\.value) {
            let mirror = Mirror(reflecting: token)
            guard mirror.displayStyle == .enum, let payload = mirror.children.first, let kind = payload.label else { return nil }
            if kind == "text" {
                guard let text = payload.value as? String else { return nil }
                result.append(.text(Array(text.utf8)))
                continue
            }
            // Only tags have fields worth a (slow) reflection; text needs none.
            let fields = Array(Mirror(reflecting: payload.value).children)
            func field(_ label: String) -> Any? { fields.first { $0.label == label }?.value }
            /// An optional payload field: nil when absent or not optional, else whether it holds a value and which.
            func optionalField(_ label: String) -> Any?? {
                guard let value = field(label) else { return nil }
                let mirror = Mirror(reflecting: value)
                guard mirror.displayStyle == .optional else { return nil }
                return .some(mirror.children.first?.value)
            }
            switch kind {
            case "variable", "unescapedVariable":
                guard let name = field("name") as? String, (field("transforms") as? [String])?.isEmpty == true,
                      let tagPath = path(name) else { return nil }
                result.append(.variable(path: tagPath, escaped: kind == "variable"))
            case "section", "invertedSection":
                guard let name = field("name") as? String, (field("transforms") as? [String])?.isEmpty == true,
                      let tagPath = path(name), let body = field("template") as? MustacheTemplate,
                      let bodyNodes = nodes(of: body) else { return nil }
                result.append(.section(path: tagPath, body: bodyNodes, inverted: kind == "invertedSection"))
            case "partial":
                guard let name = field(".0") as? String, let indentation = optionalField("indentation"),
                      indentation == nil || indentation is String, let inherits = optionalField("inherits"),
                      inherits == nil else { return nil }
                result.append(.partial(name: name, indentation: indentation as? String))
            default:
                return nil
            }
        }
        return result
    }

    /// Names that could reach a stored property of a non-dictionary value through swift-mustache's `Mirror` lookup
    /// (`_value`, `_guts`) are left to swift-mustache.
    private static func path(_ name: String) -> Path? {
        let names = name.split(separator: ".").map(String.init)
        guard !name.isEmpty, !names.contains(where: { $0.hasPrefix("_") }) else { return nil }
        return Path(names: name == "." ? [] : names, currentOnly: name.first == ".")
    }

    /// Renders template `name` with `context` as the only object on the stack, into a buffer of `capacity` bytes to
    /// start with.
    func render(_ name: String, context: TemplateValue, capacity: Int = 1 << 16) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(capacity)
        var stack = [context]
        if let nodes = templates[name] { render(nodes, stack: &stack, indentation: nil, into: &out) }
        return out
    }

    private func render(_ nodes: [Node], stack: inout [TemplateValue], indentation: String?, into out: inout [UInt8]) {
        guard let indentation, !indentation.isEmpty else {
            for node in nodes { render(node, stack: &stack, indentation: indentation, into: &out) }
            return
        }
        // As swift-mustache indents a partial: before any non-empty token output that starts a new line of this
        // template's own output.
        let start = out.count
        for node in nodes {
            let before = out.count
            render(node, stack: &stack, indentation: indentation, into: &out)
            if out.count > before, before > start, out[before - 1] == 0x0A, before - 1 == start || out[before - 2] != 0x0D {
                out.insert(contentsOf: indentation.utf8, at: before)
            }
        }
    }

    private func render(_ node: Node, stack: inout [TemplateValue], indentation: String?, into out: inout [UInt8]) {
        switch node {
        case .text(let bytes):
            out.append(contentsOf: bytes)
        case .variable(let path, let escaped):
            guard let value = lookup(path, in: stack) else { return }
            value.write(escaped: escaped, into: &out)
        case .section(let path, let body, inverted: false):
            switch lookup(path, in: stack) {
            case .none:
                return
            case .bool(let flag):
                if flag { render(body, stack: &stack, indentation: indentation, into: &out) }
            case .array(let items, _):
                for item in items {
                    stack.append(item)
                    render(body, stack: &stack, indentation: indentation, into: &out)
                    stack.removeLast()
                }
            case .some(let value):
                stack.append(value)
                render(body, stack: &stack, indentation: indentation, into: &out)
                stack.removeLast()
            }
        case .section(let path, let body, inverted: true):
            switch lookup(path, in: stack) {
            case .none:
                render(body, stack: &stack, indentation: indentation, into: &out)
            case .bool(let flag):
                if !flag { render(body, stack: &stack, indentation: indentation, into: &out) }
            case .array(let items, let original) where items.isEmpty:
                stack.append(.array(items, original: original))
                render(body, stack: &stack, indentation: indentation, into: &out)
                stack.removeLast()
            case .some:
                return
            }
        case .partial(let name, let indented):
            guard let nodes = templates[name] else { return }
            let inner = indented.map { (indentation ?? "") + $0 } ?? indentation
            render(nodes, stack: &stack, indentation: inner, into: &out)
        }
    }

    private func lookup(_ path: Path, in stack: [TemplateValue]) -> TemplateValue? {
        guard let first = path.names.first else { return stack.last }
        var value: TemplateValue?
        if path.currentOnly {
            value = stack.last?.child(first)
        } else {
            // By index, innermost first: each object is asked in place rather than copied out.
            var index = stack.count - 1
            while index >= 0 {
                if let child = stack[index].child(first) {
                    value = child
                    break
                }
                index -= 1
            }
        }
        for name in path.names.dropFirst() {
            value = value?.child(name)
        }
        return value
    }
}

/// A Mustache context value with its type known. Page contexts are built as these directly; `anyValue` rebuilds the
/// `[String: Any]` swift-mustache takes (for template sets beyond the compiled subset, and for what a list or an object
/// prints as, `String(describing:)`).
enum TemplateValue {
    case string(String)
    /// UTF-8 text rendered earlier (a page body, a JSON document), kept as bytes so it is never decoded to be copied.
    case html([UInt8])
    case int(Int)
    case bool(Bool)
    case array([TemplateValue], original: Original)
    case object(TemplateObject, original: Original)

    /// The Swift value behind a list or an object: the one converted from, or one rebuilt in the types quizc's
    /// contexts use (`[String]`, `[[String: Any]]`, `[String: Any]`).
    enum Original {
        case given(Any)
        case strings
        case objects
        case object
    }

    static func object(_ members: TemplateObject) -> TemplateValue { .object(members, original: .object) }
    static func strings(_ items: [String]) -> TemplateValue { .array(items.map(TemplateValue.string), original: .strings) }
    static func objects(_ items: [TemplateValue]) -> TemplateValue { .array(items, original: .objects) }

    /// The value as swift-mustache is given it.
    var anyValue: Any {
        switch self {
        case .string(let string): string
        case .html(let bytes): String(decoding: bytes, as: UTF8.self)
        case .int(let int): int
        case .bool(let bool): bool
        case .array(_, .given(let value)), .object(_, .given(let value)): value
        case .array(let items, .strings): items.map { $0.anyValue as! String }
        case .array(let items, _): items.map { $0.anyValue as! [String: Any] }
        case .object(let members, _): members.dictionary.mapValues(\.anyValue)
        }
    }

    /// Nil for a value of a type swift-mustache treats in a way this renderer does not copy.
    init?(_ value: Any) {
        switch value {
        case let string as String: self = .string(string)
        case let int as Int: self = .int(int)
        case let bool as Bool: self = .bool(bool)
        case let object as [String: Any]:
            var members = TemplateObject()
            for (key, member) in object {
                guard let converted = TemplateValue(member) else { return nil }
                members[key] = converted
            }
            self = .object(members, original: .given(value))
        case let array as [Any]:
            var items: [TemplateValue] = []
            items.reserveCapacity(array.count)
            for item in array {
                guard let converted = TemplateValue(item) else { return nil }
                items.append(converted)
            }
            self = .array(items, original: .given(value))
        default:
            return nil
        }
    }

    func child(_ name: String) -> TemplateValue? {
        if case .object(let members, _) = self { return members[name] }
        return nil
    }

    /// What `{{name}}` (escaped) or `{{{name}}}` writes: `String(describing:)` of the value, HTML-escaped by
    /// character as swift-mustache does.
    func write(escaped: Bool, into out: inout [UInt8]) {
        var text: String
        switch self {
        case .string(let string): text = string
        case .html(let bytes):
            guard escaped else { out.append(contentsOf: bytes); return }
            text = String(decoding: bytes, as: UTF8.self)
        case .int(let int): text = String(int)
        case .bool(let bool): text = bool ? "true" : "false"
        case .array, .object: text = String(describing: anyValue)
        }
        guard escaped else { out.append(contentsOf: text.utf8); return }
        let ascii = text.withUTF8 { bytes -> Bool in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return false }
            HTML.escape(bytes, into: &out)
            return true
        }
        if ascii { return }
        // Character by character: a `<` carrying a combining mark is one character, which swift-mustache leaves as is.
        for character in text {
            switch character {
            case "<": out.append(contentsOf: "&lt;".utf8)
            case ">": out.append(contentsOf: "&gt;".utf8)
            case "&": out.append(contentsOf: "&amp;".utf8)
            case "\"": out.append(contentsOf: "&quot;".utf8)
            case "'": out.append(contentsOf: "&#39;".utf8)
            default: out.append(contentsOf: character.utf8)
            }
        }
    }
}

/// The nodes as text and back, so the built-in templates ship compiled (`DefaultTemplates.compiled`): reading this
/// form is far cheaper than parsing the Mustache and reading swift-mustache's tokens by reflection, once per build.
/// Each template is `#` and its name, then its nodes: `t` text, `v`/`u` escaped/unescaped variable, `s`/`i`
/// section/inverted section up to `e`, `p` partial; strings as `<UTF-8 length>:<bytes>`, paths as `.` (current object
/// only) or `-`, then their names joined with `.`.
extension CompiledTemplates {
    /// The built-in templates (`DefaultTemplates.compiledTemplates`, generated with `DefaultTemplates.files`).
    static let builtIn = CompiledTemplates(serialized: DefaultTemplates.compiledTemplates)

    var serialized: String {
        var out: [UInt8] = []
        func string(_ bytes: some Collection<UInt8>) {
            out += String(bytes.count).utf8
            out.append(UInt8(ascii: ":"))
            out += bytes
        }
        func path(_ path: Path) {
            out.append(UInt8(ascii: path.currentOnly ? "." : "-"))
            string(path.names.joined(separator: ".").utf8)
        }
        func write(_ nodes: [Node]) {
            for node in nodes {
                switch node {
                case .text(let bytes):
                    out.append(UInt8(ascii: "t"))
                    string(bytes)
                case .variable(let tagPath, let escaped):
                    out.append(UInt8(ascii: escaped ? "v" : "u"))
                    path(tagPath)
                case .section(let tagPath, let body, let inverted):
                    out.append(UInt8(ascii: inverted ? "i" : "s"))
                    path(tagPath)
                    write(body)
                    out.append(UInt8(ascii: "e"))
                case .partial(let name, let indentation):
                    out.append(UInt8(ascii: "p"))
                    string(name.utf8)
                    if let indentation { string(indentation.utf8) } else { out.append(UInt8(ascii: "-")) }
                }
            }
        }
        for name in templates.keys.sorted() {
            out.append(UInt8(ascii: "#"))
            string(name.utf8)
            write(templates[name]!)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The templates `serialized` wrote; nil for text it cannot have written.
    init?(serialized text: String) {
        var reader = SerializedReader(bytes: Array(text.utf8))
        var templates: [String: [Node]] = [:]
        while reader.index < reader.bytes.count {
            guard reader.take(UInt8(ascii: "#")), let name = reader.string(),
                  let nodes = reader.nodes(), templates.updateValue(nodes, forKey: name) == nil else { return nil }
        }
        self.templates = templates
    }

    private struct SerializedReader {
        let bytes: [UInt8]
        var index = 0

        /// Consumes `byte` if it comes next.
        mutating func take(_ byte: UInt8) -> Bool {
            guard index < bytes.count, bytes[index] == byte else { return false }
            index += 1
            return true
        }

        mutating func count() -> Int? {
            var value = 0
            let start = index
            while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9"), index - start < 9 {
                value = value * 10 + Int(bytes[index] - UInt8(ascii: "0"))
                index += 1
            }
            guard index > start, take(UInt8(ascii: ":")), value <= bytes.count - index else { return nil }
            return value
        }

        mutating func slice() -> ArraySlice<UInt8>? {
            guard let count = count() else { return nil }
            defer { index += count }
            return bytes[index..<(index + count)]
        }

        mutating func string() -> String? {
            slice().map { String(decoding: $0, as: UTF8.self) }
        }

        mutating func path() -> Path? {
            let currentOnly = take(UInt8(ascii: "."))
            guard currentOnly || take(UInt8(ascii: "-")), let joined = string() else { return nil }
            return Path(names: joined.isEmpty ? [] : joined.split(separator: ".").map(String.init), currentOnly: currentOnly)
        }

        /// Nodes up to the `e` that ends a section (consumed) or, outside one, up to the next template or the end.
        mutating func nodes(inSection: Bool = false) -> [Node]? {
            var nodes: [Node] = []
            while index < bytes.count, bytes[index] != UInt8(ascii: "#") {
                let kind = bytes[index]
                index += 1
                switch kind {
                case UInt8(ascii: "t"):
                    guard let text = slice() else { return nil }
                    nodes.append(.text(Array(text)))
                case UInt8(ascii: "v"), UInt8(ascii: "u"):
                    guard let path = path() else { return nil }
                    nodes.append(.variable(path: path, escaped: kind == UInt8(ascii: "v")))
                case UInt8(ascii: "s"), UInt8(ascii: "i"):
                    guard let path = path(), let body = self.nodes(inSection: true) else { return nil }
                    nodes.append(.section(path: path, body: body, inverted: kind == UInt8(ascii: "i")))
                case UInt8(ascii: "p"):
                    guard let name = string() else { return nil }
                    if take(UInt8(ascii: "-")) {
                        nodes.append(.partial(name: name, indentation: nil))
                    } else {
                        guard let indentation = string() else { return nil }
                        nodes.append(.partial(name: name, indentation: indentation))
                    }
                case UInt8(ascii: "e") where inSection:
                    return nodes
                default:
                    return nil
                }
            }
            return inSection ? nil : nodes
        }
    }
}
