import Foundation
import QuizCompiler
import QuizCore

/// Results recorded in a JSON object keyed by challenge path (or id), for tests and offline checks.
enum RecordedResults {
    static func load(path: String) throws -> RecordedExecutor {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let results = try JSONDecoder().decode([String: ExecutionResult].self, from: data)
        return RecordedExecutor(results)
    }
}
