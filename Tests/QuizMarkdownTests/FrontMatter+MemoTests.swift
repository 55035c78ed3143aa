import QuizCore
@testable import QuizMarkdown
import Testing

/// The memo must hand out exactly what a fresh decode at the same place gives.
@Suite struct FrontMatterMemoTests {
    static let texts = [
        "type: debug\ntime: \"2:00\"\ntags: [a, b]\n",
        "\n# a comment\nlabel: x\nnested:\n  - {a: 1, b: [2, 3]}\n  - plain\n",
        "",
        "~\n",
    ]

    @Test(arguments: texts)
    func aRememberedDecodeEqualsAFreshOneAtEveryPlace(yaml: String) {
        for (path, firstLine) in [("a/01.md", 2), ("b/02.md", 2), ("site.yml", 1), ("c/03.md", 7), ("a/01.md", 2)] {
            #expect(FrontMatter.decodeRemembered(yaml, path: path, firstLine: firstLine)
                    == FrontMatter.decode(yaml, path: path, firstLine: firstLine))
        }
    }

    @Test func failuresAreDecodedAtTheirOwnPlace() {
        let yaml = "type: debug\ntype: debug\n"
        for (path, firstLine) in [("a/01.md", 2), ("b/02.md", 5)] {
            let result = FrontMatter.decodeRemembered(yaml, path: path, firstLine: firstLine)
            #expect(result == FrontMatter.decode(yaml, path: path, firstLine: firstLine))
            guard case .failure(let diagnostic) = result else {
                Issue.record("a duplicate key decoded")
                continue
            }
            #expect(diagnostic.location == SourceLocation(file: path, line: firstLine, column: 1))
        }
    }

    @Test func movingShiftsEveryLineAndReplacesEveryFile() throws {
        let decoded = try FrontMatter.decode("a: [x, {b: y}]\n", path: "", firstLine: 1).get()
        let moved = decoded.moved(to: "q.md", firstLine: 4)
        #expect(moved == (try FrontMatter.decode("a: [x, {b: y}]\n", path: "q.md", firstLine: 4).get()))
        #expect(moved.entries[0].keyLocation == SourceLocation(file: "q.md", line: 4, column: 1))
    }
}
