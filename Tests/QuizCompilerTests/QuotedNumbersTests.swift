import Testing
@testable import QuizCompiler

@Suite struct QuotedNumbersTests {
    static func claims(_ text: String, names: [String] = []) -> [String] {
        QuotedNumbers.claims(in: text, skipping: [], names: names).map { claim in
            switch claim.kind {
            case .list: "list \(claim.text)"
            case .single: "single \(claim.text) \(claim.subject ?? "-") \(claim.decimalsOverride.map(String.init) ?? "-")"
            case .arithmetic(let expression, _): "arithmetic \(expression)"
            }
        }
    }

    @Test func findsListsSinglesAndArithmetic() {
        #expect(Self.claims("It is approximately [[1.718, 2.718]] and (4, 10, 64).")
                == ["list [[1.718, 2.718]]"])
        #expect(Self.claims("So 64 / 8 = 8 and 1/√3 ≈ 0.577; the weight is 0.64.", names: ["weights"])
                == ["arithmetic 64 / 8", "arithmetic 1/√3", "single 0.64 weights -"])
        #expect(Self.claims("The weight of the first key is near 1, the head count is 8.", names: ["weights", "keys"])
                == ["single 1 weights 1"])
        #expect(Self.claims("A dropout of 0.1 and 3 heads.") == [])
    }

    @Test(arguments: [
        (1.718, 3, 1.7191, 4, false),
        (1.719, 3, 1.7191, 4, true),
        (0.64, 2, 0.6405, 4, true),
        (0.6, 1, 0.6405, 4, true),
        (0.7, 1, 0.6405, 4, false),
    ] as [(Double, Int, Double, Int, Bool)])
    func agreesAtThePrecisionWritten(_ claimed: Double, _ decimals: Int, _ computed: Double, _ computedDecimals: Int, _ expected: Bool) {
        let number = NumberScanner.Number(value: claimed, decimals: decimals, hasFraction: true, text: "",
                                          range: "".startIndex..<"".endIndex)
        #expect(QuotedNumbers.agrees(number, computed, computedDecimals: computedDecimals) == expected)
    }

    @Test func evaluatesArithmetic() throws {
        let (expression, value) = try #require(Arithmetic.trailingExpression("so (2 + 6) × 2^3 / √4"))
        #expect(expression == "(2 + 6) × 2^3 / √4")
        #expect(value == 32)
        #expect(Arithmetic.trailingExpression("the size d") == nil)
        #expect(Arithmetic.trailingExpression("the value 64") == nil)
    }
}
