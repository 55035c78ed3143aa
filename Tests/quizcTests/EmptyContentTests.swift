import Foundation
import Testing

/// A content folder without a single quiz is an error for `check` and `build`, never an empty site.
@Suite struct EmptyContentTests {
    static let diagnostic = """
        content:1:1: error: no quizzes found in `content`: a content folder holds one folder per quiz, each with a quiz.md
            start one with `quizc new quiz NAME`

        """

    static func project() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("quizc-empty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("content"), withIntermediateDirectories: true)
        return folder
    }

    @Test func checkReportsIt() throws {
        let project = try Self.project()
        defer { try? FileManager.default.removeItem(at: project) }
        let result = try runQuizc(["check", "content"], cwd: project)
        #expect(result.status == 1)
        #expect(result.stdout.hasPrefix(Self.diagnostic))
        #expect(result.stdout.hasSuffix(": 1 error, 0 warnings\n"))
    }

    @Test func buildWritesNothing() throws {
        let project = try Self.project()
        defer { try? FileManager.default.removeItem(at: project) }
        let result = try runQuizc(["build"], cwd: project)
        #expect(result.status == 1)
        #expect(result.stderr == Self.diagnostic)
        #expect(!FileManager.default.fileExists(atPath: project.appendingPathComponent("output").path))
    }
}
