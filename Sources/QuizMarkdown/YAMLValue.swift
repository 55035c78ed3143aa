import QuizCore

/// A decoded YAML value with the position of every node, so diagnostics can point at the value.
public indirect enum YAMLValue: Sendable, Hashable {
    /// A scalar as written; `quoted` tells `"2:00"` from `2:00`.
    case scalar(String, quoted: Bool, SourceLocation)
    case sequence([YAMLValue], SourceLocation)
    case mapping([YAMLEntry], SourceLocation)

    public var location: SourceLocation {
        switch self {
        case .scalar(_, _, let location), .sequence(_, let location), .mapping(_, let location): location
        }
    }

    /// The scalar's text, or nil for a sequence or mapping.
    public var string: String? {
        if case .scalar(let text, _, _) = self { return text }
        return nil
    }

    /// `null`, `~` or an empty value.
    public var isNull: Bool {
        if case .scalar(let text, let quoted, _) = self {
            return !quoted && ["", "~", "null", "Null", "NULL"].contains(text)
        }
        return false
    }

    /// What kind of node this is, for messages like `expected a string, found a list`.
    public var kindDescription: String {
        switch self {
        case .scalar: "a scalar"
        case .sequence: "a list"
        case .mapping: "a mapping"
        }
    }
}

/// One `key: value` pair of a YAML mapping, in file order.
public struct YAMLEntry: Sendable, Hashable {
    public var key: String
    public var keyLocation: SourceLocation
    public var value: YAMLValue

    public init(key: String, keyLocation: SourceLocation, value: YAMLValue) {
        self.key = key
        self.keyLocation = keyLocation
        self.value = value
    }
}
