import Foundation
import QuizCore
import Testing
@testable import QuizMarkdown

/// Front matter read from libyaml's events must decode exactly as composing with Yams does, values, positions and
/// errors alike; texts the event reader declines go to Yams.
@Suite struct FrontMatterEventsTests {
    static let plain: [String] = [
        "type: predict-output\ndifficulty: beginner\ntags: [attention, sdpa]\n",
        "title: \"Quoted: title\"\ndescription: 'single ''quoted'''\npass: 80%\n",
        "time: 2:00\nattempts: 3\ntolerance: 1e-4\nmultiple: yes\nlabel:\n",
        "# a comment\ntags:\n  - a\n  - \"b\"\n  -   c   # trailing\n",
        "nested:\n  a: 1\n  b: [x, {y: 2}]\nblock: |\n  line one\n  line two\nfolded: >\n  folded\n  text\n",
        "title: Ünïcode ☃ text\ndescription: tab\there\n",
        "anchor: &a value\nempty: \"\"\nnull: ~\n",
        "plain scalar: multi\n  line\n  scalar\n",
        "a: 1\n...\n",
        "{flow: mapping, other: [1, 2]}\n",
        "just a scalar\n",
        "- a\n- b\n",
        "# only a comment\n",
    ]

    static let declined: [String] = [
        "",
        "a: 1\na: 2\n",
        "1: a\n\"1\": b\n",
        "!!str 1: a\n1: b\n",
        "title: Hello!\n",
        "? [a, b]\n: c\n",
        "type: debug\ntags: [a\n",
        "a: 1\n---\nb: 2\n",
        "a: *b\n",
    ]

    /// Every front matter of the repository's content and test fixtures.
    static var files: [String] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        var texts: [String] = []
        for folder in ["content", "Tests"] {
            let enumerator = FileManager.default.enumerator(at: root.appendingPathComponent(folder), includingPropertiesForKeys: nil)
            while let url = enumerator?.nextObject() as? URL {
                guard url.pathExtension == "md" || url.lastPathComponent == "site.yml",
                      let text = try? String(contentsOf: url, encoding: .utf8) else { continue }
                if url.pathExtension != "md" {
                    texts.append(text)
                } else if case .found(let yaml, _, _) = FrontMatter.split(SourceText(path: "f.md", text: text)) {
                    texts.append(yaml)
                }
            }
        }
        return texts
    }

    @Test(arguments: plain)
    func plainTextIsReadFromEventsAsYamsComposesIt(yaml: String) {
        #expect(FrontMatter.readEvents(yaml, path: "q.md", firstLine: 2) != nil)
        #expect(FrontMatter.decode(yaml, path: "q.md", firstLine: 2, readingEvents: true)
            == FrontMatter.decode(yaml, path: "q.md", firstLine: 2, readingEvents: false))
    }

    @Test(arguments: declined)
    func otherTextIsLeftToYams(yaml: String) {
        #expect(FrontMatter.readEvents(yaml, path: "q.md", firstLine: 2) == nil)
    }

    @Test func everyFrontMatterInTheRepositoryDecodesTheSame() {
        let texts = Self.files
        #expect(texts.count > 30)
        for yaml in texts {
            #expect(FrontMatter.decode(yaml, path: "q.md", firstLine: 2, readingEvents: true)
                == FrontMatter.decode(yaml, path: "q.md", firstLine: 2, readingEvents: false), "\(yaml)")
        }
    }

    @Test func budgetsMatchYams() {
        let wide = "tags: [" + Array(repeating: "x", count: 10_001).joined(separator: ", ") + "]\n"
        #expect(FrontMatter.readEvents(wide, path: "q.md", firstLine: 2) == nil)
        let deep = String(repeating: "[", count: 70) + String(repeating: "]", count: 70) + "\n"
        #expect(FrontMatter.readEvents(deep, path: "q.md", firstLine: 2) == nil)
        let fits = String(repeating: "[", count: 60) + String(repeating: "]", count: 60) + "\n"
        #expect(FrontMatter.readEvents(fits, path: "q.md", firstLine: 2) != nil)
    }
}
