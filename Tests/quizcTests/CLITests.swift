import Foundation
import Testing

/// Runs the built `quizc` binary and compares stdout, stderr and exit status.
@Suite struct CLITests {
    @Test func printsVersion() throws {
        let result = try runQuizc(["--version"])
        #expect(result.status == 0)
        #expect(result.stdout == "0.1.0\n")
    }
}

struct ProcessResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// The `quizc` executable next to the test bundle in the build folder.
func quizcBinary() -> URL {
    var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    for _ in 0..<4 {
        let candidate = dir.appendingPathComponent("quizc")
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        dir = dir.deletingLastPathComponent()
    }
    return URL(fileURLWithPath: ".build/debug/quizc")
}

func runQuizc(_ arguments: [String], stdin: String? = nil, cwd: URL? = nil) throws -> ProcessResult {
    let process = Process()
    process.executableURL = quizcBinary()
    process.arguments = arguments
    if let cwd { process.currentDirectoryURL = cwd }
    let out = Pipe(), err = Pipe(), inp = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = inp
    try process.run()
    if let stdin { inp.fileHandleForWriting.write(Data(stdin.utf8)) }
    try inp.fileHandleForWriting.close()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return ProcessResult(status: process.terminationStatus,
                         stdout: String(decoding: outData, as: UTF8.self),
                         stderr: String(decoding: errData, as: UTF8.self))
}

/// This target's fixtures folder (copied into the repo; no SwiftPM resources).
let fixturesURL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

/// A scratch copy of the fixture content, removed by the caller.
func scratchCopy() throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("quizc-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    try FileManager.default.copyItem(at: fixturesURL.appendingPathComponent("content"), to: dir.appendingPathComponent("content"))
    try FileManager.default.copyItem(at: fixturesURL.appendingPathComponent("recorded.json"), to: dir.appendingPathComponent("recorded.json"))
    return dir
}
