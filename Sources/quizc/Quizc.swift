import ArgumentParser
import Foundation

@main
struct Quizc: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quizc",
        abstract: "Compile Markdown ML quizzes into a validated static quiz site.",
        version: "0.1.0",
        subcommands: [Build.self, CheckCommand.self, FixCommand.self, NewCommand.self, Run.self, Serve.self]
    )

    /// Like the default entry point, but usage errors exit with 2 (DESIGN §5) instead of EX_USAGE (64).
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
