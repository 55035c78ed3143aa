import Testing
@testable import QuizSite

@Suite struct TemplateObjectTests {
    /// The string a member holds, or nil.
    static func text(_ object: TemplateObject, _ name: String) -> String? {
        if case .string(let text)? = object[name] { return text }
        return nil
    }

    @Test func findsEveryMemberOfALiteralAndNothingElse() {
        // `abcd` and `abxd` hash alike (same length and end bytes): the names themselves tell them apart.
        let object: TemplateObject = ["abcd": .string("1"), "abxd": .string("2"), "": .string("empty"), "é": .string("e")]
        #expect(object.count == 4)
        #expect(Self.text(object, "abcd") == "1")
        #expect(Self.text(object, "abxd") == "2")
        #expect(Self.text(object, "") == "empty")
        #expect(Self.text(object, "é") == "e")
        #expect(object["abyd"] == nil)
        #expect(object["ab"] == nil)
        #expect(TemplateObject()["abcd"] == nil)
    }

    @Test func setsReplacesAndRemovesMembers() {
        var object = TemplateObject()
        for index in 0..<100 { object["key\(index)"] = .int(index) }
        object["key7"] = .string("seven")
        object["key8"] = nil
        object["missing"] = nil
        #expect(object.count == 99)
        #expect(Self.text(object, "key7") == "seven")
        #expect(object["key8"] == nil)
        for index in 0..<100 where index != 7 && index != 8 {
            guard case .int(let value)? = object["key\(index)"] else {
                Issue.record("key\(index) is missing")
                continue
            }
            #expect(value == index)
        }
        #expect(object.dictionary.keys.sorted() == (0..<100).filter { $0 != 8 }.map { "key\($0)" }.sorted())
    }
}
