import Foundation
import Testing
@testable import quizc

/// `ContentReader` reads quiz files without an `lstat` each: a symbolic link shows up when it is opened without
/// following links, and is then checked and read like before.
@Suite struct ContentReaderTests {
    /// A content folder with one quiz: `quiz.md`, `01-plain.md`, and whatever `extra` adds.
    private func makeContent(_ extra: (URL) throws -> Void) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("quizc-reader-\(UUID().uuidString)")
        let quiz = root.appendingPathComponent("content/basics")
        try FileManager.default.createDirectory(at: quiz, withIntermediateDirectories: true)
        try Data("---\ntitle: Basics\n---\n".utf8).write(to: quiz.appendingPathComponent("quiz.md"))
        try Data("plain bytes\n".utf8).write(to: quiz.appendingPathComponent("01-plain.md"))
        try extra(root.appendingPathComponent("content"))
        return root
    }

    @Test func aLinkInsideTheContentIsReadThroughAndNotStamped() throws {
        let root = try makeContent { content in
            let shared = content.appendingPathComponent("shared")
            try FileManager.default.createDirectory(at: shared, withIntermediateDirectories: true)
            try Data("linked bytes\n".utf8).write(to: shared.appendingPathComponent("target.txt"))
            try FileManager.default.createSymbolicLink(atPath: content.appendingPathComponent("basics/02-linked.md").path,
                                                       withDestinationPath: "../shared/target.txt")
        }
        defer { try? FileManager.default.removeItem(at: root) }
        let content = root.appendingPathComponent("content").path
        let read = try ContentReader().readStamped([content])
        let basics = try #require(read.bundle.quizzes.first { $0.path.hasSuffix("basics") })
        let files = Dictionary(uniqueKeysWithValues: basics.challengeFiles.map { ($0.path, $0.bytes) })
        #expect(files[content + "/basics/01-plain.md"] == Array("plain bytes\n".utf8))
        #expect(files[content + "/basics/02-linked.md"] == Array("linked bytes\n".utf8))
        // Files old enough get stamps; a link's stamp (of its target) is never kept.
        Thread.sleep(forTimeInterval: 1.1)
        let again = try ContentReader().readStamped([content])
        #expect(again.stamps[content + "/basics/01-plain.md"] != nil)
        #expect(again.stamps[content + "/basics/02-linked.md"] == nil)
    }
}
