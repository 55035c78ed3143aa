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
        let limits = self.limits
        return Snippet.onInterpreterThread { Self.run(challenge, limits: limits) }
    }

    /// All of them in one hand-off to the interpreter thread (a hand-off per challenge was ~7 % of a course build).
    public func execute(batch challenges: [Challenge]) async -> [ExecutionResult] {
        let limits = self.limits
        return Snippet.onInterpreterThread { challenges.map { Self.run($0, limits: limits) } }
    }

    private static func run(_ challenge: Challenge, limits: SnippetLimits) -> ExecutionResult {
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
        // Printing a value nobody quotes (four tensors a challenge) was a fifth of a cold build: only the
        // globals the texts can use are printed (`Placeholders.variablesNeeded`); modules are never variables.
        var variables: [String: String] = [:]
        var globals: [String] = []
        for (name, printed) in session.globals(printing: Placeholders.variablesNeeded(by: challenge)) {
            globals.append(name)
            if let printed { variables[name] = printed }
        }
        return ExecutionResult(stdout: stdout, error: raised, variables: variables, globals: globals)
    }
}
