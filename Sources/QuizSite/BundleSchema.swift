/// JSON Schemas (draft 2020-12) of the bundles, written to `api/schema/`. Tests validate every bundle against them.
enum BundleSchema {
    static var all: [(String, JSONValue)] {
        [("index.schema.json", index), ("quiz.schema.json", quiz)]
    }

    private static func type(_ name: String) -> JSONValue { .object(["type": .string(name)]) }
    private static func nullable(_ name: String) -> JSONValue { .object(["type": .array([.string(name), .string("null")])]) }
    private static func array(of items: JSONValue) -> JSONValue { .object(["type": .string("array"), "items": items]) }
    private static func ref(_ name: String) -> JSONValue { .object(["$ref": .string("#/$defs/\(name)")]) }

    private static func object(_ properties: [String: JSONValue], optional: Set<String> = []) -> JSONValue {
        .object([
            "type": .string("object"),
            "properties": .object(properties),
            "required": .array(properties.keys.filter { !optional.contains($0) }.sorted().map(JSONValue.string)),
            "additionalProperties": .bool(false),
        ])
    }

    private static let difficulty: JSONValue = .object([
        "enum": .array(["beginner", "intermediate", "advanced", "expert"].map(JSONValue.string)),
    ])

    private static let pass: JSONValue = .object([
        "oneOf": .array([
            object(["rule": .object(["const": .string("all")])]),
            object(["rule": .object(["const": .string("percent")]),
                    "percent": .object(["type": .string("integer"), "minimum": .int(0), "maximum": .int(100)])]),
        ]),
    ])

    private static let rich: JSONValue = object(["markdown": type("string"), "html": type("string")])
    private static let nullableRich: JSONValue = .object(["oneOf": .array([type("null"), rich])])

    private static func document(id: String, title: String, root: JSONValue, defs: [String: JSONValue]) -> JSONValue {
        guard case .object(var members) = root else { return root }
        members["$schema"] = .string("https://json-schema.org/draft/2020-12/schema")
        members["$id"] = .string(id)
        members["title"] = .string(title)
        members["$defs"] = .object(defs)
        return .object(members)
    }

    static let index: JSONValue = document(
        id: "index.schema.json", title: "quizc catalog bundle",
        root: object([
            "$schema": type("string"), "compilerVersion": type("string"),
            "site": object(["title": type("string"), "description": type("string"),
                            "baseURL": type("string"), "language": type("string")]),
            "quizzes": array(of: object([
                "slug": type("string"), "title": type("string"), "description": type("string"),
                "tags": array(of: type("string")), "badge": nullable("string"), "pass": ref("pass"),
                "challengeCount": type("integer"), "totalTimeSeconds": type("integer"),
                "difficulties": object(["beginner": type("integer"), "intermediate": type("integer"),
                                        "advanced": type("integer"), "expert": type("integer")]),
                "contentHash": type("string"), "page": type("string"), "bundle": type("string"),
            ])),
        ]),
        defs: ["pass": pass])

    static let quiz: JSONValue = document(
        id: "quiz.schema.json", title: "quizc quiz bundle",
        root: object([
            "$schema": type("string"), "compilerVersion": type("string"), "contentHash": type("string"),
            "salt": type("string"), "answerHash": type("string"),
            "quiz": object([
                "slug": type("string"), "title": type("string"), "description": type("string"),
                "intro": ref("rich"), "badge": nullable("string"), "pass": ref("pass"),
                "tags": array(of: type("string")), "totalTimeSeconds": type("integer"),
            ]),
            "challenges": array(of: object([
                "id": type("string"), "number": type("integer"),
                "type": .object(["enum": .array(["predict-output", "multiple-choice", "debug", "conceptual"].map(JSONValue.string))]),
                "label": type("string"), "difficulty": ref("difficulty"),
                "timeSeconds": type("integer"), "attempts": type("integer"), "tolerance": nullable("number"),
                "multiple": type("boolean"), "tags": array(of: type("string")), "title": type("string"),
                "prompt": ref("rich"),
                "code": array(of: object(["language": type("string"), "role": .object(["enum": .array([.string("run"), .string("norun")])]),
                                          "code": type("string")])),
                "choices": array(of: object(["index": type("integer"), "markdown": type("string"),
                                             "html": type("string"), "code": nullable("string")])),
                "answer": object(["mode": .object(["enum": .array(["choice", "text", "reveal"].map(JSONValue.string))]),
                                  "key": nullable("string")]),
                "hint": ref("nullableRich"), "explanation": ref("nullableRich"),
                "output": .object(["oneOf": .array([type("null"),
                                                    object(["stdout": type("string"), "error": nullable("string")])])]),
            ])),
        ]),
        defs: ["pass": pass, "rich": rich, "nullableRich": nullableRich, "difficulty": difficulty])
}
