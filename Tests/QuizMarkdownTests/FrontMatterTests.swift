import QuizCore
import QuizMarkdown
import Testing

@Suite struct FrontMatterTests {
    @Test func splitKeepsFileLineNumbers() {
        let source = SourceText(path: "q.md", text: "---\ntype: debug\n---\n# T\n")
        #expect(FrontMatter.split(source) == .found(yaml: "type: debug\n", firstLine: 2, bodyFirstLine: 4))
        #expect(FrontMatter.split(SourceText(path: "q.md", text: "# T\n")) == .none)
        #expect(FrontMatter.split(SourceText(path: "q.md", text: "---\ntype: debug\n")) == .unclosed)
    }

    @Test func decodesValuesWithTheirPositions() throws {
        let yaml = "type: debug\ntime: \"2:00\"\ntags: [a, b]\n"
        let frontMatter = try FrontMatter.decode(yaml, path: "q.md", firstLine: 2).get()
        #expect(frontMatter.entries.map(\.key) == ["type", "time", "tags"])
        #expect(frontMatter["type"]?.keyLocation == SourceLocation(file: "q.md", line: 2, column: 1))
        #expect(frontMatter["type"]?.value == .scalar("debug", quoted: false, SourceLocation(file: "q.md", line: 2, column: 7)))
        #expect(frontMatter["time"]?.value == .scalar("2:00", quoted: true, SourceLocation(file: "q.md", line: 3, column: 7)))
        let tags = try #require(frontMatter["tags"]?.value)
        guard case .sequence(let items, let location) = tags else {
            Issue.record("tags is not a sequence")
            return
        }
        #expect(items.compactMap(\.string) == ["a", "b"])
        #expect(location == SourceLocation(file: "q.md", line: 4, column: 7))
    }

    @Test func invalidYAMLReportsYamsLineAndColumnInFileCoordinates() {
        let result = FrontMatter.decode("type: debug\ntags: [a\n", path: "q.md", firstLine: 2)
        #expect(throws: Diagnostic.error("invalid YAML: did not find expected ',' or ']' while parsing a flow sequence",
                                        at: SourceLocation(file: "q.md", line: 4, column: 1), rule: "invalid-yaml")) {
            try result.get()
        }
    }

    @Test func aScalarIsNotAMapping() {
        let result = FrontMatter.decode("just text\n", path: "q.md", firstLine: 2)
        #expect(throws: Diagnostic.error("front matter must be a mapping of `key: value` lines, found a scalar",
                                        at: SourceLocation(file: "q.md", line: 2, column: 1), rule: "invalid-yaml")) {
            try result.get()
        }
    }

    /// Keys are checked for duplicates by their text and YAML type: a plain `1` (an int) and a quoted `"1"` (a string)
    /// are different keys, a plain and a quoted `a` the same; explicit tags count. The fast composition (no type
    /// resolution) must keep every one of these outcomes.
    @Test(arguments: [
        ("1: a\n\"1\": b\n", ["1", "1"]),
        ("true: a\n\"true\": b\n", ["true", "true"]),
        ("!!str 1: a\n1: b\n", ["1", "1"]),
        ("a: 1\nb: [x, \"y\"]\nc: {d: 1, \"e\": 2}\n", ["a", "b", "c"]),
    ])
    func keysOfDifferentTypesAreNotDuplicates(yaml: String, keys: [String]) throws {
        #expect(try FrontMatter.decode(yaml, path: "q.md", firstLine: 2).get().entries.map(\.key) == keys)
    }

    @Test(arguments: [
        ("a: 1\n\"a\": 2\n", "a"),
        ("!!int 1: a\n1: b\n", "1"),
        ("m: {x: 1, 'x': 2}\n", "x"),
        ("a: 1\nb: 2\na: 3\n", "a"),
    ])
    func duplicateKeysAreInvalid(yaml: String, key: String) {
        let result = FrontMatter.decode(yaml, path: "q.md", firstLine: 2)
        guard case .failure(let diagnostic) = result else {
            Issue.record("\(yaml) decoded")
            return
        }
        #expect(diagnostic.message == "invalid YAML: duplicate key \(key)")
        #expect(diagnostic.rule == "invalid-yaml")
    }

    @Test func markersMayHaveTrailingSpacesButNothingElse() {
        #expect(FrontMatter.split(SourceText(path: "q.md", text: "--- \t\na: 1\n...  \n# T\n"))
            == .found(yaml: "a: 1\n", firstLine: 2, bodyFirstLine: 4))
        #expect(FrontMatter.split(SourceText(path: "q.md", text: "---x\na: 1\n---\n")) == .none)
        #expect(FrontMatter.split(SourceText(path: "q.md", text: "---\na: 1\n----\n")) == .unclosed)
        #expect(FrontMatter.split(SourceText(path: "q.md", text: "---\u{301}\na: 1\n---\n")) == .none)
    }
}
