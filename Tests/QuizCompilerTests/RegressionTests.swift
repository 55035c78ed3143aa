import Foundation
import QuizCore
import Testing
@testable import QuizCompiler

/// The seed challenge as it was published (`Fixtures/regression/seed-original`, written by the content
/// author) must be rejected for exactly its two mistakes. Its snippet's result was recorded with PyTorch
/// 2.15.0 into `Fixtures/recorded/seed-original.json`.
@Suite struct RegressionTests {
    static let folder = fixturesURL.appendingPathComponent("regression/seed-original")

    @Test(.enabled(if: FileManager.default.fileExists(atPath: folder.path), "seed-original fixture is merged"))
    func seedOriginalIsFlaggedForItsTwoMistakes() async throws {
        func file(_ name: String) throws -> ContentFile {
            ContentFile(path: "seed-original/\(name)", bytes: Array(try Data(contentsOf: Self.folder.appendingPathComponent(name))))
        }
        let bundle = ContentBundle(siteFile: nil, quizzes: [.init(path: "seed-original", quizFile: try file("quiz.md"),
                                                                  challengeFiles: [try file("01-sdpa-output.md")])])
        let data = try Data(contentsOf: fixturesURL.appendingPathComponent("recorded/seed-original.json"))
        let executor = RecordedExecutor(try JSONDecoder().decode([String: ExecutionResult].self, from: data))
        let output = await QuizCompiler.compile(bundle, executor: executor)
        let found = DiagnosticsEngine(output.diagnostics).sorted.map { "\($0.location): \($0.rule ?? ""): \($0.message)" }
        #expect(found == [
            "seed-original/01-sdpa-output.md:33:1: answer-mismatch: stated answer does not match the computed output",
            "seed-original/01-sdpa-output.md:43:33: number-mismatch: quoted number 1 matches no computed value of `weights`",
        ])
    }
}
