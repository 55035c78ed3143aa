import Foundation
import QuizCore
import Testing
@testable import QuizCompiler

/// Golden tests: one broken challenge per rule in `Fixtures/rules`, expected diagnostics marked in the text.
/// A fixture is `NAME.md` (+ optional `NAME.result.json`, an `ExecutionResult`) or a quiz folder `NAME/`
/// (+ optional `result.json`, results keyed by file name). See `Fixtures/rules/README.md`.
@Suite struct RuleFixtureTests {
    static let rulesURL = fixturesURL.appendingPathComponent("rules")

    static var fixtureNames: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: rulesURL.path)) ?? []
        return names.filter { !$0.hasSuffix(".json") && $0 != "README.md" }.sorted()
    }

    @Test func everyRuleHasAFixture() {
        let covered = Set(Self.fixtureNames.map { $0.hasSuffix(".md") ? String($0.dropLast(3)) : $0 }
            .map { $0.split(separator: "+").first.map(String.init) ?? $0 })
        for rule in QuizCompiler.allRuleDescriptions {
            #expect(covered.contains(rule.id), "no fixture for rule \(rule.id)")
        }
    }

    @Test(arguments: fixtureNames)
    func fixtureProducesExactlyTheMarkedDiagnostics(_ name: String) async throws {
        let url = Self.rulesURL.appendingPathComponent(name)
        var files: [(name: String, marked: MarkedText)] = []
        var results: [String: ExecutionResult] = [:]
        let decoder = JSONDecoder()
        if name.hasSuffix(".md") {
            let path = "rules/\(name)"
            files.append((name, try MarkedText(String(contentsOf: url, encoding: .utf8), path: path)))
            let resultURL = Self.rulesURL.appendingPathComponent(String(name.dropLast(3)) + ".result.json")
            if let data = FileManager.default.contents(atPath: resultURL.path) {
                results[path] = try decoder.decode(ExecutionResult.self, from: data)
            }
        } else {
            for file in try FileManager.default.contentsOfDirectory(atPath: url.path).sorted() where file.hasSuffix(".md") {
                let text = try String(contentsOf: url.appendingPathComponent(file), encoding: .utf8)
                files.append((file, try MarkedText(text, path: "rules/\(name)/\(file)")))
            }
            if let data = FileManager.default.contents(atPath: url.appendingPathComponent("result.json").path) {
                for (file, result) in try decoder.decode([String: ExecutionResult].self, from: data) {
                    results["rules/\(name)/\(file)"] = result
                }
            }
        }
        let folder = name.hasSuffix(".md") ? "rules" : "rules/\(name)"
        let quizFile = files.first { $0.name == "quiz.md" }.map { ContentFile(path: "\(folder)/quiz.md", text: $0.marked.text) }
            ?? ContentFile(path: "\(folder)/quiz.md", text: "---\ntitle: Rule fixtures\n---\n")
        let challenges = files.filter { $0.name != "quiz.md" }.map { ContentFile(path: "\(folder)/\($0.name)", text: $0.marked.text) }
        let bundle = ContentBundle(siteFile: nil, quizzes: [.init(path: folder, quizFile: quizFile, challengeFiles: challenges)])
        let output = await QuizCompiler.compile(bundle, executor: RecordedExecutor(results))

        let expected = Set(files.flatMap(\.marked.expectations))
        let actual = Set(DiagnosticsEngine(output.diagnostics).sorted.map {
            MarkedText.Expectation(location: $0.location, severity: $0.severity, message: $0.message)
        })
        #expect(!expected.isEmpty, "fixture \(name) expects nothing")
        #expect(actual == expected, """
            missing: \(expected.subtracting(actual).map(\.description).sorted())
            unexpected: \(actual.subtracting(expected).map(\.description).sorted())
            """)
    }
}
