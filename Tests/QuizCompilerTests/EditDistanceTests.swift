import Testing
@testable import QuizCompiler

@Suite struct EditDistanceTests {
    @Test(arguments: [("kitten", "sitting", 3), ("", "abc", 3), ("Tags", "tags", 0), ("dificulty", "difficulty", 1)])
    func levenshtein(_ a: String, _ b: String, _ expected: Int) {
        #expect(editDistance(a, b) == expected)
    }

    @Test func suggestsAPrefixedNameThenTheClosestWithinAThird() {
        let keys = ["type", "label", "difficulty", "time", "tags", "attempts"]
        #expect(closestName(to: "dificulty", in: keys) == "difficulty")
        #expect(closestName(to: "attempt", in: keys) == "attempts")
        #expect(closestName(to: "tag", in: keys) == "tags")
        #expect(closestName(to: "colour", in: keys) == nil)
        #expect(closestName(to: "predict", in: ["predict-output", "debug"]) == "predict-output")
    }
}
