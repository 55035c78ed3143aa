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

    /// Every escape, long plain runs between them, and the separators JavaScript treats as line ends.
    @Test func escapesEveryKindOfByte() {
        let plain = String(repeating: "abc é ", count: 200)
        let text = plain + "\u{0}\u{1F}\t\r\n\"\\<>&\u{2028}x\u{2029}\u{2027}" + plain
        let expected = "\"" + plain + "\\u0000\\u001f\\t\\r\\n\\\"\\\\\\u003c\\u003e\\u0026\\u2028x\\u2029\u{2027}" + plain + "\"\n"
        #expect(JSONValue.string(text).serialized() == expected)
        #expect(JSONValue.string("").serialized() == "\"\"\n")
    }

    @Test func sortsKeysByUTF8Bytes() {
        let value = JSONValue.object(["é": .int(1), "z": .int(2), "Z": .int(3), "ab": .int(4), "a": .int(5)])
        #expect(value.serialized() == "{\n  \"Z\": 3,\n  \"a\": 5,\n  \"ab\": 4,\n  \"z\": 2,\n  \"é\": 1\n}\n")
    }

    /// Escapes character by character, as JSON for a `<script>` element wants: the oracle for the table-driven escape.
    static func referenceEscaped(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<": out += "\\u003c"
            case ">": out += "\\u003e"
            case "&": out += "\\u0026"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u00" + (hex.count == 1 ? "0" : "") + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// Each kind of escaped byte (U+2028 and U+2029 are three bytes, U+2027 shares their first) at every offset of short
    /// and longer texts, and runs of escapes back to back.
    @Test(arguments: ["\"", "\\", "\n", "\u{1}", "\u{1F}", "<", ">", "&", "\u{2028}", "\u{2029}", "\u{2027}", "é", "<span>&\"\n"])
    func escapesAtEveryOffsetAsCharacterByCharacter(special: String) {
        for length in [15, 16, 17, 31, 33, 48] {
            for offset in 0...length {
                let plain = String(repeating: "abcdefgh", count: 8)
                let text = String(plain.prefix(offset)) + special + String(plain.prefix(length - offset))
                #expect(JSONValue.string(text).serialized() == Self.referenceEscaped(text) + "\n", "offset \(offset) of \(length)")
            }
        }
        let dense = String(repeating: special + "x", count: 40)
        #expect(JSONValue.string(dense).serialized() == Self.referenceEscaped(dense) + "\n")
    }
}
