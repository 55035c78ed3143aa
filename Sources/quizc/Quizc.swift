import ArgumentParser
import Foundation
import SnippetInterpreter

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
        keepFreedHeap()
        // The commands that run snippets start building an interpreter's world (modules, the `torch.nn` prelude) on
        // another core while the arguments are parsed and the content is read.
        let snippetCommands: [any ParsableCommand.Type] = [Build.self, CheckCommand.self, FixCommand.self, Serve.self]
        let runsSnippets = snippetCommands.compactMap { $0.configuration.commandName }
        if let command = CommandLine.arguments.dropFirst().first, runsSnippets.contains(command) {
            Snippet.prewarm(1)
        }
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

/// Keeps 64 MiB of freed heap instead of handing it back to the system after each large free (glibc's `M_TOP_PAD`): a
/// build frees and allocates page-sized buffers all the time, and every page given back is faulted in again (half of a
/// course build's ~10,000 page faults). Only freed memory is kept; `mallopt` is looked up because `malloc.h` is not
/// part of the Glibc module.
private func keepFreedHeap() {
    typealias MallOpt = @convention(c) (Int32, Int32) -> Int32
    let topPad: Int32 = -2  // M_TOP_PAD
    _ = libCFunction("mallopt", as: MallOpt.self)?(topPad, 64 << 20)
}
