import Foundation
import QuizCompiler
import QuizCore

/// Placeholder until the interpreter-backed executor is plugged in: every snippet reports that it cannot run.
struct DefaultExecutor: ChallengeExecutor {
    func execute(_ challenge: Challenge) async -> ExecutionResult {
        let location = challenge.codeBlocks.first { $0.role == .run || $0.role == .setup }?.location
        return ExecutionResult(stdout: "", error: .init(type: "NotImplementedError",
                                                        message: "snippet execution is not available in this build",
                                                        location: location), variables: [:])
    }
}

/// Results recorded in a JSON object keyed by challenge path (or id), for tests and offline checks.
enum RecordedResults {
    static func load(path: String) throws -> RecordedExecutor {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let results = try JSONDecoder().decode([String: ExecutionResult].self, from: data)
        return RecordedExecutor(results)
    }
}
