import Foundation
import QuizCore
import Testing
@testable import quizc

@Suite struct CacheFileTests {
    @Test func aFileIsWrittenIntoFoldersCreatedForItAndReplacedWhole() throws {
        let folder = try scratchFolder("cachefile")
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("a/b/entry.json")
        try CacheFile.write(Data("first, longer text".utf8), to: target)
        #expect(try String(contentsOf: target, encoding: .utf8) == "first, longer text")
        try CacheFile.write(Data("second".utf8), to: target)
        #expect(try String(contentsOf: target, encoding: .utf8) == "second")
        // Only the final name is left: the temporary sibling was renamed over it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("a/b").path) == ["entry.json"])
    }

    @Test func aFolderThatCannotBeMadeIsAnErrorNamingIt() throws {
        let folder = try scratchFolder("cachefile")
        defer { try? FileManager.default.removeItem(at: folder) }
        let blocker = folder.appendingPathComponent("file")
        try Data("x".utf8).write(to: blocker)
        do {
            try CacheFile.write(Data("y".utf8), to: blocker.appendingPathComponent("sub/entry.json"))
            Issue.record("writing below a file succeeded")
        } catch {
            #expect(error.description.hasPrefix("cannot create \(blocker.path)"))
        }
    }

    @Test func aStoredResultReadsBackThroughTheCache() throws {
        let folder = try scratchFolder("cachefile")
        defer { try? FileManager.default.removeItem(at: folder) }
        let cache = ResultCache(folder: folder, quizcVersion: "0.1.0", numericsVersion: "1", executorID: "interpreter")
        let result = ExecutionResult(stdout: "tensor([1.])\n", error: nil, variables: ["x": "1"])
        try cache.store(result, key: "k1")
        #expect(cache.lookup("k1") == .hit(result))
        // A torn entry (what a crash can leave without the flush) is rejected, never trusted.
        try Data("{\"format\":".utf8).write(to: cache.url(forKey: "k1"))
        #expect(cache.lookup("k1") == .rejected("not a cache entry"))
    }
}
