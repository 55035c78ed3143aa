import QuizCore
import QuizMarkdown
import Testing

/// Hostile front matter: alias bombs are refused before Yams expands them, deep or huge YAML ends in a located
/// error instead of a crash. (How fast is measured in docs/FUZZING.md, not here.)
@Suite struct FrontMatterAliasesTests {
    static func aliasError(_ alias: String, line: Int, column: Int) -> Diagnostic {
        .error("YAML aliases are not supported in front matter, found `\(alias)`; write the value out, or quote it if the `*` is text",
               at: SourceLocation(file: "q.md", line: line, column: column), rule: "invalid-yaml")
    }

    /// Nine levels of nine: 9^9 (387 million) scalars once expanded.
    static let billionLaughs = "a: &a [x, x, x, x, x, x, x, x, x]\n"
        + "bcdefghi".map { level in
            let previous = Character(UnicodeScalar(level.asciiValue! - 1))
            return "\(level): &\(level) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ", ") + "]\n"
        }.joined()
        + "title: *i\n"

    @Test func billionLaughsIsRefusedAtTheFirstAlias() {
        #expect(throws: Self.aliasError("*a", line: 3, column: 8)) {
            try FrontMatter.decode(Self.billionLaughs, path: "q.md", firstLine: 2).get()
        }
    }

    @Test func anAliasAsAMappingKeyIsRefused() {
        // Yams hashes mapping keys to find duplicates, so a key that is an alias would be expanded there.
        let yaml = "a: &a [x, x]\nb: &b [*a, *a]\n? *b\n: 1\n"
        #expect(throws: Self.aliasError("*a", line: 3, column: 8)) {
            try FrontMatter.decode(yaml, path: "q.md", firstLine: 2).get()
        }
    }

    /// YAML that uses an alias, and where the scan must find it (line and column within the YAML).
    static let triggering: [(yaml: String, alias: String, line: Int, column: Int)] = [
        ("a: &x 1\nb: *x\n", "*x", 2, 4),
        ("tags: [a, *b]\n", "*b", 1, 11),
        ("tags: [*b]\n", "*b", 1, 8),
        ("tags:\n  - a\n  - *b\n", "*b", 3, 5),
        ("m: {k: *v}\n", "*v", 1, 8),
        ("? *k\n: 1\n", "*k", 1, 3),
        ("a: !!str *x\n", "*x", 1, 10),
        ("a: \"q\"\nb: *x # comment\n", "*x", 2, 4),
        ("text: |\n  *no\nb: *yes\n", "*yes", 3, 4),
        ("title: 'it''s'\nb: *x\n", "*x", 2, 4),
        ("a: \"multi\n  line *no\"\nb: *x\n", "*x", 3, 4),
    ]

    @Test(arguments: triggering)
    func aliasesAreFoundWhereverYAMLPutsANode(_ example: (yaml: String, alias: String, line: Int, column: Int)) {
        #expect(throws: Self.aliasError(example.alias, line: example.line + 1, column: example.column)) {
            try FrontMatter.decode(example.yaml, path: "q.md", firstLine: 2).get()
        }
    }

    /// `*` that is text, not an alias: these decode as before, with the value shown.
    static let nonTriggering: [(yaml: String, value: String)] = [
        ("title: a *b* c\n", "a *b* c"),
        ("title: 2 * 3\n", "2 * 3"),
        ("title: \"*quoted\"\n", "*quoted"),
        ("title: '*quoted'\n", "*quoted"),
        ("title: x # *comment\n", "x"),
        ("title: |\n  *literal\n", "*literal\n"),
        ("title: >\n  *folded\n", "*folded\n"),
        ("title: http://a/*b\n", "http://a/*b"),
        ("title: a, *b\n", "a, *b"),
        ("title: Q & A\n", "Q & A"),
        ("title: &anchor only\n", "only"),
    ]

    @Test(arguments: nonTriggering)
    func starsInTextAreNotAliases(_ example: (yaml: String, value: String)) throws {
        let frontMatter = try FrontMatter.decode(example.yaml, path: "q.md", firstLine: 2).get()
        #expect(frontMatter["title"]?.value.string == example.value)
    }

    @Test func flowNestingTenThousandTimesDeeperThanLibYAMLAllowsIsALocatedError() {
        let deep = "title: " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "\n"
        #expect(throws: Diagnostic.error(
            "invalid YAML: Maximum nesting level reached, set with yaml_set_max_nest_level()) while parsing",
            at: SourceLocation(file: "q.md", line: 2, column: 9), rule: "invalid-yaml")) {
            try FrontMatter.decode(deep, path: "q.md", firstLine: 2).get()
        }
    }

    static let tooLarge = Diagnostic.error(
        "front matter is too large or too deeply nested: at most 10000 values and 64 levels of lists and mappings",
        at: SourceLocation(file: "q.md", line: 2, column: 1), rule: "invalid-yaml")

    @Test func nestingWithinLibYAMLsLimitButBeyondSixtyFourLevelsIsRefused() throws {
        let nested = { (depth: Int) in "title: " + String(repeating: "[", count: depth) + "x" + String(repeating: "]", count: depth) + "\n" }
        #expect(throws: Self.tooLarge) { try FrontMatter.decode(nested(900), path: "q.md", firstLine: 2).get() }
        let blockNested = (0..<900).map { String(repeating: " ", count: $0 * 2) + "- \n" }.joined()
        #expect(throws: Self.tooLarge) { try FrontMatter.decode("title:\n" + blockNested, path: "q.md", firstLine: 2).get() }
        #expect(try FrontMatter.decode(nested(63), path: "q.md", firstLine: 2).get()["title"] != nil)
    }

    @Test func moreThanTenThousandValuesAreRefused() throws {
        let list = { (count: Int) in "tags: [" + Array(repeating: "t", count: count).joined(separator: ", ") + "]\n" }
        #expect(throws: Self.tooLarge) { try FrontMatter.decode(list(10_000), path: "q.md", firstLine: 2).get() }
        // The mapping, the key's value and 9 998 items: exactly at the limit.
        let atLimit = try FrontMatter.decode(list(9_998), path: "q.md", firstLine: 2).get()
        guard case .sequence(let items, _) = atLimit["tags"]?.value else {
            Issue.record("tags is not a list")
            return
        }
        #expect(items.count == 9_998)
    }
}
