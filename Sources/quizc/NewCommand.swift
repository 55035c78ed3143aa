import ArgumentParser
import Foundation
import QuizCompiler
import QuizCore

/// `quizc new quiz NAME` / `quizc new question QUIZ NAME --type T`: scaffold files to fill in.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Create a quiz folder or a challenge file from a template.",
        subcommands: [NewQuiz.self, NewQuestion.self]
    )
}

extension ChallengeType: ExpressibleByArgument {}

struct NewQuiz: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "quiz", abstract: "Create CONTENT/NAME/quiz.md.")

    @Argument(help: "The quiz's title; its folder is the slug of it.")
    var name: String

    @Option(help: "The content folder.")
    var content: String = "content"

    func run() throws {
        let slug = Scaffold.slugify(name)
        guard !slug.isEmpty else {
            throw ValidationError("cannot make a folder name from \"\(name)\": the title needs an ASCII letter or digit")
        }
        let folder = content + "/" + slug
        let path = folder + "/quiz.md"
        try create(path, Scaffold.quiz(title: name))
    }
}

struct NewQuestion: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "question",
                                                    abstract: "Create the next numbered challenge file in a quiz.")

    @Argument(help: "The quiz folder name (under the content folder).")
    var quiz: String

    @Argument(help: "The challenge's title; the file name is the next number plus the slug of it.")
    var name: String

    @Option(help: "predict-output, multiple-choice, debug or conceptual.")
    var type: ChallengeType = .predictOutput

    @Option(help: "The content folder.")
    var content: String = "content"

    func run() throws {
        let folder = content + "/" + quiz
        guard FileManager.default.fileExists(atPath: folder + "/quiz.md") else {
            FileHandle.standardError.write(Data("error: \(folder)/quiz.md not found; create the quiz first with `quizc new quiz`\n".utf8))
            throw ExitCode(2)
        }
        let existing = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        let file = Scaffold.challengeFileName(name: name, existing: existing.filter { $0.hasSuffix(".md") && $0 != "quiz.md" })
        try create(folder + "/" + file, Scaffold.challenge(type: type, title: name))
    }
}

/// Writes a new file, refusing to overwrite one; prints the path so the author can open it.
func create(_ path: String, _ text: String) throws {
    let manager = FileManager.default
    guard !manager.fileExists(atPath: path) else {
        FileHandle.standardError.write(Data("error: \(path) already exists\n".utf8))
        throw ExitCode(2)
    }
    do {
        try manager.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
    } catch {
        FileHandle.standardError.write(Data("error: \(path): cannot write file\n".utf8))
        throw ExitCode(2)
    }
    print("created \(path)")
}
