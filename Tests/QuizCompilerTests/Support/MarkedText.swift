import Foundation
import QuizCore

/// A fixture whose text marks expected diagnostic positions with `1️⃣`…`9️⃣` and lists the expected
/// diagnostics in a final `<!-- expect ... -->` block (`1️⃣ error: message`, one per line). Markers and the
/// block are removed before the text is compiled, so line and column numbers are the ones of the clean file.
struct MarkedText {
    struct Expectation: Hashable, CustomStringConvertible {
        var location: SourceLocation
        var severity: Diagnostic.Severity
        var message: String

        var description: String { "\(location): \(severity.rawValue): \(message)" }
    }

    static let markers = ["1️⃣", "2️⃣", "3️⃣", "4️⃣", "5️⃣", "6️⃣", "7️⃣", "8️⃣", "9️⃣"]

    var text: String
    var expectations: [Expectation]

    init(_ marked: String, path: String) throws {
        var body = marked
        var expectLines: [Substring] = []
        if let start = marked.range(of: "<!-- expect\n") {
            guard let end = marked.range(of: "-->", range: start.upperBound..<marked.endIndex) else {
                throw FixtureError("\(path): `<!-- expect` block is not closed")
            }
            expectLines = marked[start.upperBound..<end.lowerBound].split(separator: "\n")
            body = String(marked[..<start.lowerBound])
        }
        var positions: [String: SourceLocation] = [:]
        var clean = ""
        var line = 1, column = 1
        var index = body.startIndex
        while index < body.endIndex {
            if let marker = Self.markers.first(where: { body[index...].hasPrefix($0) }) {
                positions[marker] = SourceLocation(file: path, line: line, column: column)
                index = body.index(index, offsetBy: marker.count)
                continue
            }
            let character = body[index]
            clean.append(character)
            if character == "\n" {
                line += 1
                column = 1
            } else {
                column += character.utf8.count
            }
            index = body.index(after: index)
        }
        text = clean
        expectations = try expectLines.map { raw in
            let entry = raw.trimmingCharacters(in: .whitespaces)
            guard let marker = Self.markers.first(where: { entry.hasPrefix($0) }), let location = positions[marker] else {
                throw FixtureError("\(path): expectation `\(entry)` names no marker in the text")
            }
            let rest = entry.dropFirst(marker.count).trimmingCharacters(in: .whitespaces)
            guard let colon = rest.firstIndex(of: ":"),
                  let severity = Diagnostic.Severity(rawValue: String(rest[..<colon])) else {
                throw FixtureError("\(path): expectation `\(entry)` must read `N️⃣ error: message`")
            }
            let message = rest[rest.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            return Expectation(location: location, severity: severity, message: message)
        }
    }
}

struct FixtureError: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) {
        self.description = description
    }
}

/// Folder of this test target's fixtures (copied into the repo; no SwiftPM resources).
let fixturesURL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures")
