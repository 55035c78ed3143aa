import Foundation
import Testing
@testable import quizc

@Suite struct OutputWriterTests {
    static func scratch() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("quizc-writer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    static func tree(_ root: URL) throws -> [String: String] {
        var files: [String: String] = [:]
        let base = root.standardizedFileURL.path
        for case let url as URL in FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])! {
            if try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true {
                files[String(url.standardizedFileURL.path.dropFirst(base.count + 1))] = try String(contentsOf: url, encoding: .utf8)
            }
        }
        return files
    }

    @Test func replacesTheWholeFolderAndLeavesNoStagingBehind() throws {
        let root = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let writer = OutputWriter(destination: root.appendingPathComponent("output"))
        try writer.write(["index.html": Array("one".utf8), "old/only.txt": Array("gone soon".utf8)])
        try writer.write(["index.html": Array("two".utf8), "a/b/c.json": Array("{}".utf8)])
        #expect(try Self.tree(writer.destination) == ["index.html": "two", "a/b/c.json": "{}"])
        // Beside the output only the spare: the replaced output's folders and files, as they were.
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).sorted() == [".output.quizc-spare", "output"])
        #expect(try Self.tree(writer.spareFolder) == ["index.html": "one", "old/only.txt": "gone soon"])
    }

    /// A spare's file is written over in place (same inode) and cut to the new length.
    @Test func aSpareFileIsWrittenOverAndCutToLength() throws {
        let root = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let writer = OutputWriter(destination: root.appendingPathComponent("output"))
        try writer.write(["index.html": Array("a long first page".utf8), "a.json": Array("{}".utf8)])
        try writer.write(["index.html": Array("second".utf8), "a.json": Array("{\"a\": 1}".utf8)])
        let spare = writer.spareFolder.appendingPathComponent("index.html").path
        let inode = try #require(BuildState.stamp(of: spare, contentHash: "")).inode
        try writer.write(["index.html": Array("3rd".utf8), "a.json": Array("{\"a\": [1, 2, 3]}".utf8)])
        #expect(try Self.tree(writer.destination) == ["index.html": "3rd", "a.json": "{\"a\": [1, 2, 3]}"])
        #expect(BuildState.stamp(of: writer.destination.appendingPathComponent("index.html").path, contentHash: "")?.inode == inode)
        #expect(try Self.tree(writer.spareFolder) == ["index.html": "second", "a.json": "{\"a\": 1}"])
    }

    /// The next output is staged into the spare's folders: folders it does not use are gone, and a file may take
    /// the place of a spare folder.
    @Test func theSpareFoldersAreReusedAndTidied() throws {
        let root = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let writer = OutputWriter(destination: root.appendingPathComponent("output"))
        try writer.write(["index.html": Array("one".utf8), "old/deep/only.txt": Array("x".utf8), "quiz/a.html": Array("a".utf8)])
        try writer.write(["index.html": Array("two".utf8), "quiz/a.html": Array("a".utf8)], reusing: [])
        // The spare now holds old/, old/deep/ and quiz/; the next output keeps quiz/ and makes "old" a file.
        try writer.write(["index.html": Array("three".utf8), "old": Array("file".utf8), "quiz/b.html": Array("b".utf8)])
        #expect(try Self.tree(writer.destination) == ["index.html": "three", "old": "file", "quiz/b.html": "b"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: writer.destination.path).sorted() == ["index.html", "old", "quiz"])
        try writer.write(["index.html": Array("four".utf8)])
        #expect(try FileManager.default.contentsOfDirectory(atPath: writer.destination.path) == ["index.html"])
        #expect(try Self.tree(writer.spareFolder) == ["index.html": "three", "old": "file", "quiz/b.html": "b"])
    }

    /// A file shared by the spare and the live output (a reused page) is never written through: the spare's link is
    /// dropped, and writing the next output leaves the live one as it was until the swap.
    @Test func aSpareNeverWritesThroughTheLiveOutput() throws {
        let root = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let writer = OutputWriter(destination: root.appendingPathComponent("output"))
        try writer.write(["index.html": Array("one".utf8), "quiz/a.html": Array("kept".utf8)])
        try writer.write(["index.html": Array("two".utf8)], reusing: ["quiz/a.html"])
        // quiz/a.html is now one inode in the output; the spare holds only files of its own.
        let staging = try writer.begin()
        try staging.add("quiz/a.html", Array("rewritten".utf8))
        try staging.add("index.html", Array("three".utf8))
        #expect(try Self.tree(writer.destination) == ["index.html": "two", "quiz/a.html": "kept"])
        try staging.commit()
        #expect(try Self.tree(writer.destination) == ["index.html": "three", "quiz/a.html": "rewritten"])
        // A reused file missing from the live output fails, even where the spare has a file of that name.
        try writer.write(["index.html": Array("four".utf8)])
        #expect(FileManager.default.fileExists(atPath: writer.spareFolder.appendingPathComponent("quiz/a.html").path))
        let error = try #require(throws: OutputWriter.Failure.self) {
            try writer.write(["index.html": Array("five".utf8)], reusing: ["quiz/a.html"])
        }
        #expect(error.description.hasSuffix("quiz/a.html to reuse it"))
        #expect(try Self.tree(writer.destination) == ["index.html": "four"])
    }

    @Test func reusedFilesAreLinkedFromThePreviousOutput() throws {
        let root = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let writer = OutputWriter(destination: root.appendingPathComponent("output"))
        try writer.write(["index.html": Array("one".utf8), "quiz/index.html": Array("kept".utf8), "drop.txt": Array("x".utf8)])
        let kept = writer.destination.appendingPathComponent("quiz/index.html").path
        let inode = try #require(BuildState.stamp(of: kept, contentHash: "")).inode
        try writer.write(["index.html": Array("two".utf8)], reusing: ["quiz/index.html"])
        #expect(try Self.tree(writer.destination) == ["index.html": "two", "quiz/index.html": "kept"])
        #expect(BuildState.stamp(of: kept, contentHash: "")?.inode == inode)
    }

    @Test func aReusedFileThatIsGoneFailsTheWriteAndKeepsTheOutput() throws {
        let root = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let writer = OutputWriter(destination: root.appendingPathComponent("output"))
        try writer.write(["index.html": Array("one".utf8)])
        let error = try #require(throws: OutputWriter.Failure.self) {
            try writer.write(["index.html": Array("two".utf8)], reusing: ["missing.html"])
        }
        #expect(error.description == "cannot read \(writer.destination.appendingPathComponent("missing.html").path) to reuse it")
        #expect(try Self.tree(writer.destination) == ["index.html": "one"])
        #expect(!FileManager.default.fileExists(atPath: writer.stagingFolder.path))
    }

    @Test func aFailedWriteLeavesThePreviousOutputIntact() throws {
        let root = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let writer = OutputWriter(destination: root.appendingPathComponent("output"))
        try writer.write(["index.html": Array("good".utf8)])
        // A file where a folder must go makes the staging write fail half-way.
        let error = try #require(throws: OutputWriter.Failure.self) {
            try writer.write(["a": Array("file".utf8), "a/b.html": Array("x".utf8)])
        }
        #expect(error.description.hasPrefix("cannot "))
        #expect(try Self.tree(writer.destination) == ["index.html": "good"])
        #expect(!FileManager.default.fileExists(atPath: writer.stagingFolder.path))
    }

    @Test func refusesPathsThatEscapeTheOutputFolder() throws {
        let root = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let writer = OutputWriter(destination: root.appendingPathComponent("output"))
        let error = try #require(throws: OutputWriter.Failure.self) { try writer.write(["../evil.html": [1]]) }
        #expect(error.description == "refusing to write outside the output folder: ../evil.html")
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("evil.html").path))
    }

    @Test func recoversOutputMovedAsideByAnInterruptedSwap() throws {
        let root = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let writer = OutputWriter(destination: root.appendingPathComponent("output"))
        try writer.write(["index.html": Array("previous".utf8)])
        try FileManager.default.moveItem(at: writer.destination, to: writer.retiredFolder)
        writer.recoverInterruptedSwap()
        #expect(try Self.tree(writer.destination) == ["index.html": "previous"])
    }
}
