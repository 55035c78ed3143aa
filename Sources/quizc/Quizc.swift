import ArgumentParser

@main
struct Quizc: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quizc",
        abstract: "Compile Markdown ML quizzes into a validated static quiz site.",
        version: "0.1.0",
        subcommands: [Build.self, Serve.self]
    )
}
