import Foundation
import Testing
@testable import QuizSite

@Suite struct BundleSchemaTests {
    static let output = QuizSiteTests.output

    static func validator(_ name: String) throws -> SchemaValidator {
        try SchemaValidator(schema: Data(try #require(output["api/schema/\(name)"])))
    }

    @Test func catalogBundleMatchesItsSchema() throws {
        #expect(try Self.validator("index.schema.json").validate(Data(try #require(Self.output["api/index.json"]))) == [])
    }

    @Test(arguments: ["api/self-attention-master.json", "api/tensor-basics.json"])
    func quizBundlesMatchTheirSchema(path: String) throws {
        #expect(try Self.validator("quiz.schema.json").validate(Data(try #require(Self.output[path]))) == [])
    }

    @Test func validatorRejectsBundlesThatBreakTheSchema() throws {
        let validator = try Self.validator("quiz.schema.json")
        var text = String(decoding: try #require(Self.output["api/tensor-basics.json"]), as: UTF8.self)
        text = text.replacing("\"difficulty\": \"beginner\"", with: "\"difficulty\": \"easy\"")
            .replacing("\"attempts\": 2,", with: "\"attempts\": \"2\",")
            .replacing("\"salt\":", with: "\"pepper\":")
        let errors = try validator.validate(Data(text.utf8))
        #expect(errors == [
            ": missing required property 'salt'",
            "/challenges/0/attempts: expected integer, got string",
            "/challenges/0/difficulty: \"easy\" is not one of [\"beginner\", \"intermediate\", \"advanced\", \"expert\"]",
            "/challenges/1/difficulty: \"easy\" is not one of [\"beginner\", \"intermediate\", \"advanced\", \"expert\"]",
            ": unexpected property 'pepper'",
        ])
    }

    @Test func bundlesHaveNoPlainAnswers() throws {
        let text = String(decoding: try #require(Self.output["api/self-attention-master.json"]), as: UTF8.self)
        #expect(!text.contains("isMarked"))
        #expect(text.contains("\"key\": \""))
    }
}
