import Foundation

/// Turns sorted diagnostics into one output format (text, JSON, GitHub annotations).
public protocol DiagnosticPrinter: Sendable {
    func render(_ diagnostics: [Diagnostic]) -> String
}

/// `path:line:col: error: message` with indented notes, as compilers print; ANSI colour when asked.
public struct TextDiagnosticPrinter: DiagnosticPrinter {
    public var colored: Bool

    public init(colored: Bool = false) {
        self.colored = colored
    }

    public func render(_ diagnostics: [Diagnostic]) -> String {
        var out = ""
        for diagnostic in diagnostics {
            let label = "\(diagnostic.severity.rawValue):"
            out += "\(diagnostic.location): \(paint(label, diagnostic.severity)) \(diagnostic.message)\n"
            for note in diagnostic.notes {
                let prefix = note.location.map { "\($0): " } ?? ""
                for (index, line) in note.message.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                    out += index == 0 ? "    \(prefix)\(line)\n" : "    \(line)\n"
                }
            }
        }
        return out
    }

    private func paint(_ text: String, _ severity: Diagnostic.Severity) -> String {
        guard colored else { return text }
        let code = switch severity {
        case .error: "31"
        case .warning: "33"
        case .note: "36"
        }
        return "\u{1B}[1;\(code)m\(text)\u{1B}[0m"
    }
}

/// A JSON array of diagnostics with sorted keys, for tools.
public struct JSONDiagnosticPrinter: DiagnosticPrinter {
    public init() {}

    public func render(_ diagnostics: [Diagnostic]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(diagnostics) else { return "[]\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}

/// GitHub Actions workflow commands: `::error file=...,line=...,col=...::message`.
public struct GitHubDiagnosticPrinter: DiagnosticPrinter {
    public init() {}

    public func render(_ diagnostics: [Diagnostic]) -> String {
        var out = ""
        for diagnostic in diagnostics {
            let command = diagnostic.severity == .note ? "notice" : diagnostic.severity.rawValue
            let location = diagnostic.location
            var text = diagnostic.message
            for note in diagnostic.notes { text += "\n" + note.message }
            out += "::\(command) file=\(escapeProperty(location.file)),line=\(location.line),col=\(location.column)"
            if let rule = diagnostic.rule { out += ",title=\(escapeProperty(rule))" }
            out += "::\(escapeData(text))\n"
        }
        return out
    }

    private func escapeData(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25")
            .replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    private func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
