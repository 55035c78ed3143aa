import Foundation
import Testing
@testable import quizc

/// `quizc build` reuses the quizzes that did not change since the last build into the same output folder; the
/// site it writes is always byte-identical to a full build.
@Suite struct IncrementalBuildTests {
    static func inode(_ url: URL) throws -> UInt64 {
        try #require(BuildState.stamp(of: url.path, contentHash: "")).inode
    }

    static func edit(_ file: URL, replacing old: String, with new: String) throws {
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.contains(old))
        try text.replacingOccurrences(of: old, with: new).write(to: file, atomically: true, encoding: .utf8)
    }

    /// The output of a full `--no-cache` build of the same content into a fresh folder.
    static func fullBuild(_ project: URL) throws -> [String: Data] {
        let result = try runQuizc(["build", "--no-cache", "--output", "full"], cwd: project)
        #expect(result.status == 0)
        return try BuildTests.snapshot(project.appendingPathComponent("full"))
    }

    @Test func anEditRendersOnlyItsQuizAndTheCatalog() throws {
        let project = try BuildTests.project()
        defer { try? FileManager.default.removeItem(at: project) }
        #expect(try runQuizc(["build"], cwd: project).status == 0)
        let output = project.appendingPathComponent("output")
        let listsPage = output.appendingPathComponent("lists/index.html")
        let basicsPage = output.appendingPathComponent("basics/index.html")
        let listsInode = try Self.inode(listsPage), basicsInode = try Self.inode(basicsPage)

        try Self.edit(project.appendingPathComponent("content/basics/01-sum.md"), replacing: "`range(4)` stops before 4.",
                      with: "`range(4)` stops before 4, so 4 is not added.")
        let rebuilt = try runQuizc(["build"], cwd: project)
        #expect(timeless(rebuilt.stdout) == "built 3 challenges in 2 quizzes in T s (2 cached, 1 quiz unchanged), wrote 10 files to output\n")
        #expect(rebuilt.stderr == "")
        #expect(try Self.inode(listsPage) == listsInode)  // linked from the previous output, not written again
        #expect(try Self.inode(basicsPage) != basicsInode)
        #expect(try String(contentsOf: basicsPage, encoding: .utf8).contains("so 4 is not added"))
        #expect(try BuildTests.snapshot(output) == Self.fullBuild(project))
    }

    @Test func anOutputFileChangedByHandIsRenderedAgain() throws {
        let project = try BuildTests.project()
        defer { try? FileManager.default.removeItem(at: project) }
        #expect(try runQuizc(["build"], cwd: project).status == 0)
        let output = project.appendingPathComponent("output")
        let before = try BuildTests.snapshot(output)
        try "tampered".write(to: output.appendingPathComponent("lists/index.html"), atomically: false, encoding: .utf8)
        try FileManager.default.removeItem(at: output.appendingPathComponent("assets/quiz.css"))
        let rebuilt = try runQuizc(["build"], cwd: project)
        #expect(timeless(rebuilt.stdout) == "built 3 challenges in 2 quizzes in T s (2 cached, 1 quiz unchanged), wrote 10 files to output\n")
        #expect(try BuildTests.snapshot(output) == before)
    }

    @Test func aTemplateChangeRebuildsEveryQuiz() throws {
        let project = try BuildTests.project()
        defer { try? FileManager.default.removeItem(at: project) }
        #expect(try runQuizc(["build"], cwd: project).status == 0)
        let templates = project.appendingPathComponent("templates/assets")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        try "body { color: red; }\n".write(to: templates.appendingPathComponent("extra.css"), atomically: true, encoding: .utf8)
        let rebuilt = try runQuizc(["build"], cwd: project)
        #expect(timeless(rebuilt.stdout) == "built 3 challenges in 2 quizzes in T s (2 cached), wrote 11 files to output\n")
        #expect(try BuildTests.snapshot(project.appendingPathComponent("output"))["assets/extra.css"] == Data("body { color: red; }\n".utf8))
    }

    @Test func warningsOfAReusedQuizAreReportedAgain() throws {
        let project = try BuildTests.project()
        defer { try? FileManager.default.removeItem(at: project) }
        let reverse = project.appendingPathComponent("content/lists/01-reverse.md")
        let text = try String(contentsOf: reverse, encoding: .utf8)
        try (text + "\n## Notes\n\nSee the docs.\n").write(to: reverse, atomically: true, encoding: .utf8)
        let first = try runQuizc(["build"], cwd: project)
        #expect(first.status == 0)
        let warning = "content/lists/01-reverse.md:26:1: warning: unknown section `## Notes`\n    known sections: Choices, Answer, Hint, Explanation\n"
        #expect(first.stderr == warning)
        let second = try runQuizc(["build"], cwd: project)
        #expect(timeless(second.stdout).contains("(2 cached, 2 quizzes unchanged)"))
        #expect(second.stderr == warning)
    }

    @Test func addedRemovedAndRenamedQuizzesAreFollowed() throws {
        let project = try BuildTests.project()
        defer { try? FileManager.default.removeItem(at: project) }
        #expect(try runQuizc(["build"], cwd: project).status == 0)
        let content = project.appendingPathComponent("content")
        try FileManager.default.moveItem(at: content.appendingPathComponent("lists"), to: content.appendingPathComponent("slices"))
        let rebuilt = try runQuizc(["build"], cwd: project)
        #expect(timeless(rebuilt.stdout) == "built 3 challenges in 2 quizzes in T s (1 cached, 1 quiz unchanged), wrote 10 files to output\n")
        let files = try BuildTests.snapshot(project.appendingPathComponent("output"))
        #expect(files["slices/index.html"] != nil && files["lists/index.html"] == nil && files["api/lists.json"] == nil)
        #expect(files == (try Self.fullBuild(project)))
    }

    @Test func aCorruptBuildStateMeansAFullBuild() throws {
        let project = try BuildTests.project()
        defer { try? FileManager.default.removeItem(at: project) }
        #expect(try runQuizc(["build"], cwd: project).status == 0)
        let before = try BuildTests.snapshot(project.appendingPathComponent("output"))
        let cache = project.appendingPathComponent(".quizc-cache")
        let states = try FileManager.default.contentsOfDirectory(atPath: cache.path).filter { $0.hasPrefix("build-") && $0.hasSuffix(".json") }
        #expect(states.count == 1)
        for state in states { try Data("{\"format\": 1, \"key\": ".utf8).write(to: cache.appendingPathComponent(state)) }
        let rebuilt = try runQuizc(["build"], cwd: project)
        #expect(timeless(rebuilt.stdout) == "built 3 challenges in 2 quizzes in T s (2 cached), wrote 10 files to output\n")
        #expect(try BuildTests.snapshot(project.appendingPathComponent("output")) == before)
    }

    /// The recorded build state of `project` (one output folder).
    static func state(_ project: URL) throws -> BuildState {
        let cache = project.appendingPathComponent(".quizc-cache")
        let names = try FileManager.default.contentsOfDirectory(atPath: cache.path).filter { $0.hasPrefix("build-") && $0.hasSuffix(".json") }
        try #require(names.count == 1)
        return try #require(BuildState.loadUnverified(from: cache.appendingPathComponent(names[0])))
    }

    /// Settled content files are not read again while their stamps match; an edit shows in the stamps even when it
    /// keeps the size and the modification time, and a file changed less than a second before a build is read next time.
    @Test func unchangedFoldersAreNotReadAndEditsAlwaysShow() throws {
        let project = try BuildTests.project()
        defer { try? FileManager.default.removeItem(at: project) }
        Thread.sleep(forTimeInterval: 1.1)  // the copied files settle (their change time is a second old)
        #expect(try runQuizc(["build"], cwd: project).status == 0)
        let recorded = try Self.state(project).quizzes.values.map(\.sources)
        #expect(recorded.count == 2 && recorded.allSatisfy { $0 != nil })
        // The digests are also kept alone, for the next build to read before the JSON.
        let cache = project.appendingPathComponent(".quizc-cache")
        let sources = try #require(try FileManager.default.contentsOfDirectory(atPath: cache.path).first { $0.hasSuffix(".sources") })
        let digests = BuildState.loadSources(for: cache.appendingPathComponent(sources).deletingPathExtension().appendingPathExtension("json"))
        #expect(Set(digests.values) == Set(recorded.compactMap { $0 }) && digests.count == 2)

        let unchanged = try runQuizc(["build"], cwd: project)
        #expect(timeless(unchanged.stdout) == "built 3 challenges in 2 quizzes in T s (2 cached, 2 quizzes unchanged), wrote 10 files to output\n")

        let file = project.appendingPathComponent("content/basics/01-sum.md")
        let modified = try #require(try FileManager.default.attributesOfItem(atPath: file.path)[.modificationDate] as? Date)
        try Self.edit(file, replacing: "`range(4)` stops before 4.", with: "`range(4)` stops before 5.")
        try FileManager.default.setAttributes([.modificationDate: modified], ofItemAtPath: file.path)
        let edited = try runQuizc(["build"], cwd: project)
        #expect(timeless(edited.stdout) == "built 3 challenges in 2 quizzes in T s (2 cached, 1 quiz unchanged), wrote 10 files to output\n")
        let page = project.appendingPathComponent("output/basics/index.html")
        #expect(try String(contentsOf: page, encoding: .utf8).contains("stops before 5."))
        // Just edited: not settled, so its folder is read again by the next build instead of trusted.
        #expect(try Self.state(project).quizzes["content/basics"]?.sources == nil)
        try Self.edit(file, replacing: "stops before 5.", with: "stops before 6.")
        try FileManager.default.setAttributes([.modificationDate: modified], ofItemAtPath: file.path)
        #expect(try runQuizc(["build"], cwd: project).status == 0)
        #expect(try String(contentsOf: page, encoding: .utf8).contains("stops before 6."))
        #expect(try BuildTests.snapshot(project.appendingPathComponent("output")) == Self.fullBuild(project))
    }

    /// Every stamp the state records describes the output as it is after the build (the stamps were once taken from
    /// the staging folder after the swap, when it already held the old output).
    @Test func theRecordedStampsDescribeTheOutput() throws {
        let project = try BuildTests.project()
        defer { try? FileManager.default.removeItem(at: project) }
        for _ in 0..<3 {
            #expect(try runQuizc(["build"], cwd: project).status == 0)
            let state = try Self.state(project)
            let output = project.appendingPathComponent("output")
            let recorded = state.quizzes.values.flatMap(\.files) + Array(state.shared)
            #expect(recorded.count == 10)
            for (path, stamp) in recorded { #expect(BuildState.isIntact(path, in: output, as: stamp), "\(path)") }
        }
    }

    /// A digest file that disagrees with the state (a build killed between the two writes, or edited by hand) is
    /// only a hint: the folder is read and the site is right.
    @Test func aStaleDigestFileIsNotTrusted() throws {
        let project = try BuildTests.project()
        defer { try? FileManager.default.removeItem(at: project) }
        Thread.sleep(forTimeInterval: 1.1)
        #expect(try runQuizc(["build"], cwd: project).status == 0)
        let cache = project.appendingPathComponent(".quizc-cache")
        let sources = try #require(try FileManager.default.contentsOfDirectory(atPath: cache.path).first { $0.hasSuffix(".sources") })
        let file = project.appendingPathComponent("content/basics/01-sum.md")
        try Self.edit(file, replacing: "`range(4)` stops before 4.", with: "`range(4)` stops before 7.")
        Thread.sleep(forTimeInterval: 1.1)
        // Forge the digest file so it matches the edited folder, as if a build had recorded it.
        var reader = ContentReader()
        reader.unchanged = [:]
        let read = try reader.readStamped(["content"].map { project.appendingPathComponent($0).path })
        let basics = try #require(read.bundle.quizzes.first { $0.path.hasSuffix("content/basics") })
        var stamps: [String: SourceStamp] = [:]
        for f in [basics.quizFile].compactMap({ $0 }) + basics.challengeFiles { stamps[f.path.replacingOccurrences(of: project.path + "/", with: "")] = read.stamps[f.path] }
        try Data("\(SourceStamp.digest(stamps)) content/basics\n".utf8).write(to: cache.appendingPathComponent(sources))
        #expect(try runQuizc(["build"], cwd: project).status == 0)
        let page = project.appendingPathComponent("output/basics/index.html")
        #expect(try String(contentsOf: page, encoding: .utf8).contains("stops before 7."))
    }

    @Test func fingerprintsTellBytesApart() {
        #expect(Fingerprint.of([]) != Fingerprint.of([0]))
        #expect(Fingerprint.of(Array("abcdefgh".utf8)) != Fingerprint.of(Array("abcdefgi".utf8)))
        #expect(Fingerprint.of(Array("abcdefgh12".utf8)) != Fingerprint.of(Array("abcdefgh21".utf8)))
        #expect(Fingerprint.of(Array(repeating: 0, count: 8)) != Fingerprint.of(Array(repeating: 0, count: 16)))
        #expect(Fingerprint.of(Array("same".utf8)) == Fingerprint.of(Array("same".utf8)))
        #expect(Fingerprint.of(Array("same".utf8)).count == 32)
    }

    @Test func fingerprintsOfLongInputsSeeEveryByteAndItsPlace() {
        // 32-byte blocks go through four lanes at once: a change in any lane, in the tail, or blocks in another
        // order must all show.
        let base = (0..<100).map { UInt8(truncatingIfNeeded: $0 &* 37) }
        var seen: Set<String> = [Fingerprint.of(base)]
        for index in [0, 7, 8, 15, 16, 23, 24, 31, 32, 63, 64, 95, 96, 99] {
            var changed = base
            changed[index] ^= 1
            seen.insert(Fingerprint.of(changed))
        }
        let swapped = Array(base[32..<64] + base[0..<32] + base[64...])
        seen.insert(Fingerprint.of(swapped))
        #expect(seen.count == 16)
        #expect(Fingerprint.of(Array(repeating: 0, count: 32)) != Fingerprint.of(Array(repeating: 0, count: 64)))
        #expect(Fingerprint.of(base) == Fingerprint.of(base))
    }
}
