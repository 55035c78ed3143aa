import Foundation
import Testing
@testable import SnippetInterpreter

/// The recorded PyTorch 2.15 reference examples: every print example's stdout byte for byte, every error
/// example's exception type and message exactly.
@Suite struct ReferenceJSONTests {
    struct PrintExample: Decodable {
        let code: String
        let stdout: String
    }

    struct ErrorExample: Decodable {
        let code: String
        let error_type: String
        let message: String
    }

    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func load<T: Decodable>(_ file: String, as type: [T].Type) -> [T] {
        guard let data = try? Data(contentsOf: fixtures.appendingPathComponent(file)) else { return [] }
        return (try? JSONDecoder().decode(type, from: data)) ?? []
    }

    static let printExamples = load("torch-print-examples.json", as: [PrintExample].self)
    static let errorExamples = load("torch-error-examples.json", as: [ErrorExample].self)

    /// Print examples (by index) that do not pass yet.
    static let knownPrintFailures: [Int: String] = [
        57: "kernel: no uint8 dtype",
        62: "kernel: no float16 dtype",
        63: "kernel: no bfloat16 dtype",
        81: "autograd (backward, .grad) is not supported",
        89: "kernel: float32 exp then log of 1 gives 0.99999994 instead of 1",
    ]

    /// Error examples (by index) that do not pass yet.
    static let knownErrorFailures: [Int: String] = [:]

    @Test func examplesArePresent() {
        #expect(Self.printExamples.count == 154)
        #expect(Self.errorExamples.count == 137)
    }

    @Test(arguments: 0..<154)
    func printExample(_ index: Int) throws {
        try #require(index < Self.printExamples.count)
        let example = Self.printExamples[index]
        let check = {
            let outcome = SnippetSession(filename: "example.py").run(example.code)
            #expect(outcome.error == nil, "\(example.code)\n\(outcome.error?.traceback ?? "")")
            #expect(outcome.stdout == example.stdout, "\(example.code)\n\(OutputDiff.describe(expected: example.stdout, actual: outcome.stdout))")
        }
        if let reason = Self.knownPrintFailures[index] {
            withKnownIssue(Comment(rawValue: reason)) { check() }
        } else {
            check()
        }
    }

    @Test(arguments: 0..<137)
    func errorExample(_ index: Int) throws {
        try #require(index < Self.errorExamples.count)
        let example = Self.errorExamples[index]
        let check = {
            let outcome = SnippetSession(filename: "example.py").run(example.code)
            #expect(outcome.error?.type == example.error_type, "\(example.code)")
            #expect(outcome.error?.message == example.message, "\(example.code)")
        }
        if let reason = Self.knownErrorFailures[index] {
            withKnownIssue(Comment(rawValue: reason)) { check() }
        } else {
            check()
        }
    }
}
