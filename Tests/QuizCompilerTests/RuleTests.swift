import QuizCore
import Testing
@testable import QuizCompiler

/// Runs every rule's triggering and non-triggering examples through the whole compiler (SwiftLint style).
@Suite struct RuleTests {
    static let rules = QuizCompiler.allRuleDescriptions

    static func diagnostics(for example: RuleExample) async -> [Diagnostic] {
        let executor = RecordedExecutor([:], fallback: example.result)
        return await QuizCompiler.compile(example.bundle, executor: executor).diagnostics
    }

    @Test(arguments: rules.map(\.id))
    func triggeringExamplesTrigger(_ id: String) async throws {
        let rule = try #require(Self.rules.first { $0.id == id })
        #expect(!rule.triggeringExamples.isEmpty)
        for example in rule.triggeringExamples {
            let found = await Self.diagnostics(for: example)
            #expect(found.contains { $0.rule == id }, "\(id) did not trigger on:\n\(example.files)\n\(found)")
        }
    }

    @Test(arguments: rules.map(\.id))
    func nonTriggeringExamplesDoNotTrigger(_ id: String) async throws {
        let rule = try #require(Self.rules.first { $0.id == id })
        #expect(!rule.nonTriggeringExamples.isEmpty)
        for example in rule.nonTriggeringExamples {
            let found = await Self.diagnostics(for: example)
            #expect(!found.contains { $0.rule == id }, "\(id) triggered on:\n\(example.files)\n\(found)")
        }
    }

    @Test func ruleIDsAreUnique() {
        #expect(Set(Self.rules.map(\.id)).count == Self.rules.count)
    }
}
