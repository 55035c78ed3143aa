/// Collects every diagnostic of a run, counts them, and hands them to printers in a stable order.
public struct DiagnosticsEngine: Sendable {
    public private(set) var diagnostics: [Diagnostic] = []

    public init(_ diagnostics: [Diagnostic] = []) {
        self.diagnostics = diagnostics
    }

    public mutating func emit(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    public mutating func emit(contentsOf more: some Sequence<Diagnostic>) {
        diagnostics.append(contentsOf: more)
    }

    public var errorCount: Int { diagnostics.count { $0.severity == .error } }
    public var warningCount: Int { diagnostics.count { $0.severity == .warning } }
    public var hasErrors: Bool { errorCount > 0 }

    /// Sorted by file, line, column, then severity and message, so output never depends on scheduling.
    public var sorted: [Diagnostic] {
        diagnostics.sorted { a, b in
            if a.location != b.location { return a.location < b.location }
            if a.severity != b.severity { return a.severity.rank < b.severity.rank }
            return a.message < b.message
        }
    }

    /// `2 errors, 1 warning` — the summary line of a run.
    public var summary: String {
        func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        return "\(plural(errorCount, "error")), \(plural(warningCount, "warning"))"
    }

    public func render(with printer: some DiagnosticPrinter) -> String {
        printer.render(sorted)
    }
}

extension Diagnostic.Severity {
    fileprivate var rank: Int {
        switch self {
        case .error: 0
        case .warning: 1
        case .note: 2
        }
    }
}
