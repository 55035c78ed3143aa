import ArgumentParser
import Foundation
import SnippetInterpreter

/// `quizc run FILE.py` / `quizc run -`: executes one snippet with the quiz interpreter, like `python FILE.py`.
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a Python snippet with the quiz interpreter (stdout as Python prints it; errors as a traceback on stderr)."
    )

    @Argument(help: "The snippet file, or - to read standard input.")
    var file: String

    @Option(help: "Maximum interpreter steps (statements, loop iterations and calls).")
    var maxSteps = SnippetLimits.default.maxSteps

    @Option(name: .customLong("max-memory-mb"), help: "Memory budget for tensors and large values, in MiB.")
    var maxMemoryMB = SnippetLimits.default.maxMemoryBytes >> 20

    @Option(help: "Maximum Python call depth.")
    var maxRecursion = SnippetLimits.default.maxRecursionDepth

    @Option(name: .customLong("max-output-kb"), help: "Maximum output, in KiB.")
    var maxOutputKB = SnippetLimits.default.maxOutputBytes >> 10

    func validate() throws {
        for (name, value) in [("--max-steps", maxSteps), ("--max-memory-mb", maxMemoryMB), ("--max-recursion", maxRecursion), ("--max-output-kb", maxOutputKB)]
        where value <= 0 {
            throw ValidationError("\(name) must be positive")
        }
    }

    func run() throws {
        let source: String
        let filename: String
        if file == "-" {
            source = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
            filename = "<stdin>"
        } else {
            guard let data = FileManager.default.contents(atPath: file) else {
                FileHandle.standardError.write(Data("error: cannot read \(file)\n".utf8))
                throw ExitCode(2)
            }
            source = String(decoding: data, as: UTF8.self)
            filename = file
        }
        let limits = SnippetLimits(
            maxSteps: maxSteps, maxMemoryBytes: maxMemoryMB << 20, maxRecursionDepth: maxRecursion, maxOutputBytes: maxOutputKB << 10)
        let outcome = Snippet.run(source, filename: filename, limits: limits)
        FileHandle.standardOutput.write(Data(outcome.stdout.utf8))
        if let error = outcome.error {
            FileHandle.standardError.write(Data(error.traceback.utf8))
            throw ExitCode(1)
        }
    }
}
