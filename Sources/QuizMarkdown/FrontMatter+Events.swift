import CYaml
import QuizCore

extension FrontMatter {
    /// What reading libyaml's events directly found: no document, or the root value.
    enum EventOutcome {
        case empty
        case value(YAMLValue)
    }

    /// The located values of `yaml` built from the events of libyaml (the parser Yams wraps) without Yams' node tree,
    /// for the plain front matter nearly every file has. Nil wherever Yams' composition could say something else, so the
    /// caller composes with Yams: a parse error, an alias, a tag, a key that is not a scalar, two keys with the same
    /// text (Yams decides by their types whether they are duplicates), a second document, or a budget overrun.
    static func readEvents(_ yaml: String, path: String, firstLine: Int) -> EventOutcome? {
        var yaml = yaml
        return yaml.withUTF8 { bytes -> EventOutcome? in
            guard let base = bytes.baseAddress, !bytes.isEmpty, !bytes.contains(UInt8(ascii: "!")) else { return nil }
            let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
            defer { parser.deallocate() }
            guard yaml_parser_initialize(parser) == 1 else { return nil }
            defer { yaml_parser_delete(parser) }
            yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(parser, base, bytes.count)
            var reader = EventReader(parser: parser, path: path, firstLine: firstLine)
            return reader.stream()
        }
    }
}

/// Builds `YAMLValue`s from libyaml's events as `FrontMatter.Converter` builds them from Yams' nodes: the same
/// positions (libyaml's marks, 1-based), the same node budget (values counted before their children, keys not
/// counted) and depth limit.
private struct EventReader {
    /// One event, owned: deleted once read.
    struct Event {
        var type: yaml_event_type_t
        var line: Int
        var column: Int
        var scalar: String = ""
        var plain = false
    }

    let parser: UnsafeMutablePointer<yaml_parser_t>
    let path: String
    let firstLine: Int
    var nodes = 0

    init(parser: UnsafeMutablePointer<yaml_parser_t>, path: String, firstLine: Int) {
        self.parser = parser
        self.path = path
        self.firstLine = firstLine
    }

    /// The next event, nil on a parse error.
    func next() -> Event? {
        var raw = yaml_event_t()
        guard yaml_parser_parse(parser, &raw) == 1 else { return nil }
        defer { yaml_event_delete(&raw) }
        var event = Event(type: raw.type, line: Int(raw.start_mark.line) + 1, column: Int(raw.start_mark.column) + 1)
        if raw.type == YAML_SCALAR_EVENT {
            event.scalar = String(decoding: UnsafeBufferPointer(start: raw.data.scalar.value, count: raw.data.scalar.length),
                                  as: UTF8.self)
            event.plain = raw.data.scalar.style == YAML_PLAIN_SCALAR_STYLE
        }
        return event
    }

    /// The one document of the stream, as Yams' `singleRoot()` reads it.
    mutating func stream() -> FrontMatter.EventOutcome? {
        guard next()?.type == YAML_STREAM_START_EVENT, let start = next() else { return nil }
        if start.type == YAML_STREAM_END_EVENT { return .empty }
        guard start.type == YAML_DOCUMENT_START_EVENT, let rootEvent = next(), let root = value(rootEvent, depth: 0),
              next()?.type == YAML_DOCUMENT_END_EVENT, next()?.type == YAML_STREAM_END_EVENT else { return nil }
        return .value(root)
    }

    func location(_ event: Event) -> SourceLocation {
        SourceLocation(file: path, line: firstLine + event.line - 1, column: event.column)
    }

    mutating func value(_ event: Event, depth: Int) -> YAMLValue? {
        nodes += 1
        guard nodes <= FrontMatter.Converter.maxNodes, depth <= FrontMatter.Converter.maxDepth else { return nil }
        let here = location(event)
        switch event.type {
        case YAML_SCALAR_EVENT:
            return .scalar(event.scalar, quoted: !event.plain, here)
        case YAML_SEQUENCE_START_EVENT:
            var items: [YAMLValue] = []
            while true {
                guard let item = next() else { return nil }
                if item.type == YAML_SEQUENCE_END_EVENT { break }
                guard let converted = value(item, depth: depth + 1) else { return nil }
                items.append(converted)
            }
            return .sequence(items, here)
        case YAML_MAPPING_START_EVENT:
            var entries: [YAMLEntry] = []
            var keys: Set<String> = []
            while true {
                guard let key = next() else { return nil }
                if key.type == YAML_MAPPING_END_EVENT { break }
                guard key.type == YAML_SCALAR_EVENT, keys.insert(key.scalar).inserted,
                      let valueEvent = next(), let converted = value(valueEvent, depth: depth + 1) else { return nil }
                entries.append(YAMLEntry(key: key.scalar, keyLocation: location(key), value: converted))
            }
            return .mapping(entries, here)
        default:
            return nil
        }
    }
}
