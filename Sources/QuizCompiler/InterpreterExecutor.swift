import QuizCore
import SnippetInterpreter

/// Runs a challenge's `python` and `python setup` fences, in order, in one `SnippetSession` (one namespace).
/// Errors are located in the Markdown file: each fence runs with `firstLine:` set to its first code line.
public struct InterpreterExecutor: ChallengeExecutor {
    public var limits: SnippetLimits

    public init(limits: SnippetLimits = .default) {
        self.limits = limits
    }

    public func execute(_ challenge: Challenge) async -> ExecutionResult {
        let session = SnippetSession(filename: challenge.path, limits: limits)
        var stdout = ""
        var raised: ExecutionResult.RaisedError?
        for block in challenge.codeBlocks where block.role == .run || block.role == .setup {
            let outcome = session.run(block.code, firstLine: block.firstCodeLine)
            stdout += outcome.stdout
            if let error = outcome.error {
                let location = error.line.map {
                    SourceLocation(file: challenge.path, line: $0, column: error.column ?? 1)
                } ?? block.location
                raised = ExecutionResult.RaisedError(type: error.type, message: error.message, location: location)
                break
            }
        }
        var variables: [String: String] = [:]
        for name in session.globalNames {
            // Imported modules are globals too, but never something a hint should quote.
            if let value = session.displayString(of: name), !value.hasPrefix("<module ") { variables[name] = value }
        }
        return ExecutionResult(stdout: stdout, error: raised, variables: variables)
    }
}
