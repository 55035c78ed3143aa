import Foundation
import Testing

@Suite struct NewCommandTests {
    @Test func aTitleWithoutASCIILettersIsRefusedNotWrittenIntoTheContentRoot() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("quizc-new-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = try runQuizc(["new", "quiz", "日本語"], cwd: dir)
        #expect(result.status != 0)
        #expect(result.stderr.contains("cannot make a folder name from \"日本語\": the title needs an ASCII letter or digit"))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("content/quiz.md").path))
    }

    @Test func scaffoldsAQuizAndNumberedQuestions() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("quizc-new-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }

        let quiz = try runQuizc(["new", "quiz", "Masks and Padding"], cwd: dir)
        #expect(quiz.status == 0)
        #expect(quiz.stdout == "created content/masks-and-padding/quiz.md\n")
        let quizText = try String(contentsOf: dir.appendingPathComponent("content/masks-and-padding/quiz.md"), encoding: .utf8)
        #expect(quizText.hasPrefix("---\ntitle: Masks and Padding\n"))

        let first = try runQuizc(["new", "question", "masks-and-padding", "Causal mask", "--type", "debug"], cwd: dir)
        #expect(first.stdout == "created content/masks-and-padding/01-causal-mask.md\n")
        let second = try runQuizc(["new", "question", "masks-and-padding", "Padding"], cwd: dir)
        #expect(second.stdout == "created content/masks-and-padding/02-padding.md\n")
        let text = try String(contentsOf: dir.appendingPathComponent("content/masks-and-padding/01-causal-mask.md"), encoding: .utf8)
        #expect(text.hasPrefix("---\ntype: debug\nlabel: Debug\n"))

        let again = try runQuizc(["new", "quiz", "Masks and Padding"], cwd: dir)
        #expect(again.status == 2)
        #expect(again.stderr == "error: content/masks-and-padding/quiz.md already exists\n")
        let missing = try runQuizc(["new", "question", "nope", "X"], cwd: dir)
        #expect(missing.status == 2)
        #expect(missing.stderr == "error: content/nope/quiz.md not found; create the quiz first with `quizc new quiz`\n")
    }
}
