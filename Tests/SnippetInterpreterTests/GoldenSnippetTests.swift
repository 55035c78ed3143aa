import Testing
@testable import SnippetInterpreter
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs every `Fixtures/python/NAME.py` and compares with the stdout/traceback CPython 3.11 recorded
/// (`record.py` in that folder re-records them).
@Suite struct GoldenSnippetTests {
    static let folder = String(#filePath.dropLast("GoldenSnippetTests.swift".count)) + "Fixtures/python/"

    static var cases: [String] {
        guard let dir = opendir(folder) else { return [] }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name.hasSuffix(".py") && name != "record.py" { names.append(String(name.dropLast(3))) }
        }
        return names.sorted()
    }

    static func read(_ path: String) -> String? {
        guard let file = fopen(path, "rb") else { return nil }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = fread(&buffer, 1, buffer.count, file)
            if count <= 0 { break }
            bytes.append(contentsOf: buffer[0..<count])
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// CPython 3.11 prints `^^^` markers under some lines; the interpreter does not, so both sides drop them.
    static func withoutCarets(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { line in !(line.contains { $0 == "^" || $0 == "~" } && line.allSatisfy { $0 == " " || $0 == "^" || $0 == "~" }) }
            .joined(separator: "\n")
    }

    @Test(arguments: cases)
    func matchesCPython(_ name: String) throws {
        let source = try #require(Self.read(Self.folder + name + ".py"))
        let expectedOut = try #require(Self.read(Self.folder + name + ".out"))
        let outcome = SnippetSession(filename: "snippet.py").run(source)
        #expect(outcome.stdout == expectedOut, "stdout differs for \(name)")
        if let expectedErr = Self.read(Self.folder + name + ".err") {
            let error = try #require(outcome.error, "expected an error for \(name)")
            #expect(Self.withoutCarets(error.traceback) == Self.withoutCarets(expectedErr))
            #expect(expectedErr.hasSuffix(error.lastLine + "\n"))
        } else {
            #expect(outcome.error == nil, "unexpected error: \(outcome.error?.traceback ?? "")")
        }
    }
}
