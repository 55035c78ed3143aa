import Foundation
import Testing
@testable import SnippetInterpreter

/// One recorded nn case: `Fixtures/nn/NAME.py` with PyTorch 2.15's stdout (`.out`) and, for failing
/// snippets, the last stderr line (`.err`), recorded from /work/torchenv.
struct NNFixtureCase: CustomTestStringConvertible, Sendable {
    let name: String
    var testDescription: String { name }

    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures").appendingPathComponent("nn")

    /// Cases whose file names start with one of `prefixes`, sorted.
    static func named(_ prefixes: [String]) -> [NNFixtureCase] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return files.filter { $0.hasSuffix(".py") }
            .map { String($0.dropLast(3)) }
            .filter { name in prefixes.contains { name.hasPrefix($0) } }
            .sorted()
            .map(NNFixtureCase.init(name:))
    }

    func text(_ suffix: String) -> String? {
        try? String(contentsOf: NNFixtureCase.directory.appendingPathComponent(name + suffix), encoding: .utf8)
    }

    /// Runs the snippet and checks stdout (exactly, or within one unit of each printed number's last digit
    /// when `tolerant`) and the error's last line.
    func check(tolerant: Bool) throws {
        let source = try #require(text(".py"))
        let outcome = Snippet.run(source, filename: name + ".py")
        let expected = text(".out") ?? ""
        if tolerant {
            #expect(NNFixtureCase.matchesWithinLastDigit(outcome.stdout, expected), "stdout differs:\n\(outcome.stdout)\nexpected:\n\(expected)")
        } else {
            #expect(outcome.stdout == expected)
        }
        if let expectedError = text(".err") {
            #expect(outcome.error?.lastLine == expectedError.trimmingCharacters(in: .newlines))
        } else {
            #expect(outcome.error == nil, "unexpected error: \(outcome.error?.traceback ?? "")")
        }
    }

    /// Equal text, except that numbers may differ by one unit in their last printed digit (BLAS-dependent
    /// results such as `addmm`, see torch-semantics §5.3).
    static func matchesWithinLastDigit(_ actual: String, _ expected: String) -> Bool {
        let a = tokens(actual), e = tokens(expected)
        guard a.count == e.count else { return false }
        for (x, y) in zip(a, e) where x != y {
            guard let dx = Double(x), let dy = Double(y) else { return false }
            let decimals = y.split(separator: ".").dropFirst().first.map { $0.prefix { $0.isNumber }.count } ?? 0
            let unit = pow(10.0, Double(-decimals))
            if abs(dx - dy) > unit * 1.0001 { return false }
        }
        return true
    }

    /// Splits text into numbers and single non-number characters (whitespace included).
    static func tokens(_ text: String) -> [String] {
        var result: [String] = []
        var number = ""
        for ch in text {
            if ch.isNumber || ch == "." || (ch == "-" && number.isEmpty) {
                number.append(ch)
            } else {
                if !number.isEmpty { result.append(number); number = "" }
                result.append(String(ch))
            }
        }
        if !number.isEmpty { result.append(number) }
        return result
    }
}
