import Testing
@testable import QuizSite

@Suite struct JSONValueTests {
    @Test func sortsKeysAndIndents() {
        let value = JSONValue.object(["b": .int(1), "a": .array([.bool(true), .null]), "c": .object([:]), "d": .array([])])
        #expect(value.serialized() == """
            {
              "a": [
                true,
                null
              ],
              "b": 1,
              "c": {},
              "d": []
            }

            """)
    }

    @Test func escapesStringsSoTheyCanSitInsideAScriptElement() {
        #expect(JSONValue.string("a\"b\\c\n</script>&\u{1}").serialized() == "\"a\\\"b\\\\c\\n\\u003c/script\\u003e\\u0026\\u0001\"\n")
    }

    @Test func doublesUseShortestRoundTripForm() {
        #expect(JSONValue.double(1e-4).serialized() == "0.0001\n")
        #expect(JSONValue.double(.nan).serialized() == "null\n")
    }

    @Test func optionalStringsBecomeNull() {
        #expect(JSONValue.string(nil as String?) == .null)
    }
}
