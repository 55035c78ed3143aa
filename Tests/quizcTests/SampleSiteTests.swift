import Foundation
import Testing

/// The sample content in `content/` must check clean, and the committed `output/` must be exactly what
/// `quizc build` makes of it today (so the repo never ships a stale site).
@Suite struct SampleSiteTests {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test func sampleContentChecksClean() throws {
        let result = try runQuizc(["check", "content", "--no-cache"], cwd: Self.repo)
        #expect(result.status == 0, "quizc check content failed:\n\(result.stdout)\(result.stderr)")
    }

    @Test func committedOutputIsTheCurrentBuild() throws {
        let fresh = FileManager.default.temporaryDirectory.appendingPathComponent("quizc-sample-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: fresh) }
        let result = try runQuizc(["build", "--no-cache", "--output", fresh.path], cwd: Self.repo)
        try #require(result.status == 0, "quizc build failed:\n\(result.stderr)")
        let built = try BuildTests.snapshot(fresh)
        let committed = try BuildTests.snapshot(Self.repo.appendingPathComponent("output"))
        let stale = Set(built.keys).union(committed.keys).filter { built[$0] != committed[$0] }.sorted()
        #expect(stale.isEmpty, "output/ is stale (\(stale.joined(separator: ", "))): run `swift run quizc build` and commit output/")
    }
}
