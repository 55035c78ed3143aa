import Foundation
import Testing

/// Golden files under `Fixtures/golden/`; `QUIZC_RECORD=1` rewrites them. A mismatch reports the first differing
/// lines with their numbers.
enum Golden {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/golden")

    static var recording: Bool { ProcessInfo.processInfo.environment["QUIZC_RECORD"] == "1" }

    static func check(_ actual: String, against name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = folder.appendingPathComponent(name)
        if recording {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        if expected != actual {
            Issue.record(Comment(rawValue: "golden \(name) differs (QUIZC_RECORD=1 re-records):\n" + diff(expected, actual)),
                         sourceLocation: sourceLocation)
        }
    }

    static func diff(_ expected: String, _ actual: String) -> String {
        let a = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let b = actual.split(separator: "\n", omittingEmptySubsequences: false)
        var lines: [String] = []
        for i in 0..<max(a.count, b.count) where lines.count < 12 {
            let left = i < a.count ? String(a[i]) : nil, right = i < b.count ? String(b[i]) : nil
            if left != right {
                if let left { lines.append("\(i + 1): - \(left)") }
                if let right { lines.append("\(i + 1): + \(right)") }
            }
        }
        return lines.joined(separator: "\n")
    }
}
