/// One finding about the content, printed as `path:line:col: error: message` plus notes.
public struct Diagnostic: Sendable, Hashable, Codable {
    public enum Severity: String, Sendable, Hashable, Codable {
        case error, warning, note
    }

    /// Extra lines under a diagnostic: expected vs computed values, a diff, a did-you-mean.
    public struct Note: Sendable, Hashable, Codable {
        public var message: String
        public var location: SourceLocation?

        public init(_ message: String, at location: SourceLocation? = nil) {
            self.message = message
            self.location = location
        }
    }

    public var severity: Severity
    public var location: SourceLocation
    public var message: String
    public var notes: [Note]
    /// A stable identifier of the rule that produced it (`answer-mismatch`), for JSON output and tests.
    public var rule: String?

    public init(_ severity: Severity, at location: SourceLocation, _ message: String,
                notes: [Note] = [], rule: String? = nil) {
        self.severity = severity
        self.location = location
        self.message = message
        self.notes = notes
        self.rule = rule
    }

    public static func error(_ message: String, at location: SourceLocation, notes: [Note] = [], rule: String? = nil) -> Diagnostic {
        Diagnostic(.error, at: location, message, notes: notes, rule: rule)
    }

    public static func warning(_ message: String, at location: SourceLocation, notes: [Note] = [], rule: String? = nil) -> Diagnostic {
        Diagnostic(.warning, at: location, message, notes: notes, rule: rule)
    }
}

/// A diagnostic can be thrown or carried in a `Result` by stages that stop at their first problem.
extension Diagnostic: Error {}
