import Foundation
import QuizCompiler
import QuizCore
import QuizSite
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A fast 128-bit hash of bytes, for telling whether inputs or outputs changed between builds (not for security:
/// authors hash their own content). 64-bit multiply-fold lanes over 8-byte words, lengths mixed in: four independent
/// lanes over each 32 bytes (a build hashes every file it writes, about 11 MB for 1,000 challenges, and one lane
/// waiting on the last multiply ran at a third of the speed), then two over what is left.
struct Fingerprint {
    private var a: UInt64 = 0x243F_6A88_85A3_08D3
    private var b: UInt64 = 0x1319_8A2E_0370_7344

    private static func fold(_ x: UInt64, _ k: UInt64) -> UInt64 {
        let product = x.multipliedFullWidth(by: k)
        return product.high ^ product.low
    }

    mutating func combine(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { combine(raw: $0) }
    }

    mutating func combine(_ text: String) {
        var text = text
        text.withUTF8 { combine(raw: UnsafeRawBufferPointer($0)) }
    }

    mutating func combine(raw buffer: UnsafeRawBufferPointer) {
        let count = buffer.count
        var offset = 0
        if count >= 32 {
            var c: UInt64 = 0x0801_F2E2_858E_FC16, d: UInt64 = 0x6367_2A0F_2A5C_2B1E
            while offset + 32 <= count {
                a = Self.fold(a ^ buffer.loadUnaligned(fromByteOffset: offset, as: UInt64.self), 0xA076_1D64_78BD_642F)
                b = Self.fold(b ^ buffer.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self), 0xE703_7ED1_A0B4_28DB)
                c = Self.fold(c ^ buffer.loadUnaligned(fromByteOffset: offset + 16, as: UInt64.self), 0x8EBC_6AF0_9C88_C6E3)
                d = Self.fold(d ^ buffer.loadUnaligned(fromByteOffset: offset + 24, as: UInt64.self), 0x5899_65CC_7537_4CC3)
                offset += 32
            }
            a = Self.fold(a ^ c, 0x1D8E_4E27_C47D_124F)
            b = Self.fold(b ^ d, 0xA076_1D64_78BD_642F) &+ a
        }
        while offset + 8 <= count {
            let word = buffer.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            a = Self.fold(a ^ word, 0xA076_1D64_78BD_642F)
            b = Self.fold(b ^ word, 0xE703_7ED1_A0B4_28DB) &+ a
            offset += 8
        }
        var tail: UInt64 = 0
        for index in offset..<count { tail = tail << 8 | UInt64(buffer[index]) }
        a = Self.fold(a ^ tail ^ UInt64(count), 0x8EBC_6AF0_9C88_C6E3)
        b = Self.fold(b ^ tail ^ UInt64(truncatingIfNeeded: count) << 32, 0x5899_65CC_7537_4CC3) &+ a
    }

    var hex: String {
        let high = Self.fold(a, 0x1D8E_4E27_C47D_124F) ^ b
        let low = Self.fold(b, 0xA076_1D64_78BD_642F) ^ a
        return String(high, radix: 16).leftPadded(16) + String(low, radix: 16).leftPadded(16)
    }

    static func of(_ bytes: [UInt8]) -> String {
        var hasher = Fingerprint()
        hasher.combine(bytes)
        return hasher.hex
    }
}

private extension String {
    func leftPadded(_ width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}

/// What the last successful `build` into one output folder produced, so the next build reuses every quiz whose
/// files and outputs are unchanged: it is neither loaded, run, validated nor rendered again, and its pages are
/// hard-linked into the new output. Kept in `.quizc-cache/build-<output>.json`; a missing, corrupt or stale state
/// (other quizc version, numerics, site.yml, templates) means a full build.
struct BuildState: Codable, Equatable {
    static let formatVersion = 3

    /// How an output file looked right after quizc wrote it; any difference means it was touched since.
    struct Stamp: Codable, Equatable {
        var size: Int64
        var modifiedNanoseconds: Int64
        var inode: UInt64
        var contentHash: String
    }

    struct QuizEntry: Codable, Equatable {
        /// Hash of the quiz folder's path and of every file in it.
        var fingerprint: String
        var summary: QuizSummary
        /// Warnings the quiz produced; replayed when it is reused (a quiz with errors is never recorded).
        var warnings: [Diagnostic]
        /// Challenges with code, reported as cached when the quiz is reused.
        var runnableChallenges: Int
        var files: [String: Stamp]
        /// Digest of the folder's content file stamps when all had settled (`SourceStamp.digest`; nil: read the
        /// folder next time).
        var sources: String?
    }

    var format = BuildState.formatVersion
    /// Hash of everything every page depends on: quizc and numerics versions, executor, site.yml, templates.
    var key: String
    /// By quiz folder path.
    var quizzes: [String: QuizEntry] = [:]
    /// The catalog, bundles index, schemas and assets.
    var shared: [String: Stamp] = [:]

    /// `.quizc-cache/build-<hash of the output folder's absolute path>.json`.
    static func url(cacheFolder: URL, output: URL) -> URL {
        cacheFolder.appendingPathComponent("build-\(Fingerprint.of(Array(output.standardizedFileURL.path.utf8)).prefix(16)).json")
    }

    /// The recorded state in the current format, or nil when there is none or it does not decode; the caller checks
    /// its key (which depends on site.yml, read after the state is needed to skip unchanged files).
    static func loadUnverified(from url: URL) -> BuildState? {
        guard let bytes = ContentReader.readAll(url.path),
              let state = try? JSONDecoder().decode(BuildState.self, from: Data(bytes)),
              state.format == formatVersion else { return nil }
        return state
    }

    /// Written beside its final name and renamed over it, so a killed build never leaves half a state. The folders'
    /// source digests are also written alone (`loadSources`): a build reads them before it can afford the JSON.
    /// `encoded` is `encoded()` (a build encodes the state while its output is committed).
    func save(_ encoded: Data, to url: URL) {
        var lines = ""
        for (path, entry) in quizzes.sorted(by: { $0.key < $1.key }) {
            if let digest = entry.sources { lines += "\(digest) \(path)\n" }
        }
        // Best effort: a state that cannot be written only costs the next build its reuse.
        try? CacheFile.write(Data(lines.utf8), to: Self.sourcesURL(for: url))
        try? CacheFile.write(encoded, to: url)
    }

    static func sourcesURL(for url: URL) -> URL {
        url.deletingPathExtension().appendingPathExtension("sources")
    }

    /// Quiz folder path → digest of its sources as the last build recorded them (`save`); empty when unreadable.
    /// Only a hint: a folder skipped on it counts only if the state's JSON agrees.
    static func loadSources(for url: URL) -> [String: String] {
        guard let bytes = ContentReader.readAll(sourcesURL(for: url).path) else { return [:] }
        var result: [String: String] = [:]
        for line in bytes.split(separator: UInt8(ascii: "\n")) {
            guard let space = line.firstIndex(of: UInt8(ascii: " ")) else { continue }
            result[String(decoding: line[line.index(after: space)...], as: UTF8.self)] = String(decoding: line[..<space], as: UTF8.self)
        }
        return result
    }

    func encoded() -> Data? {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try? encoder.encode(self)
    }

    /// The hash of a quiz folder's path and files, as read for this build.
    static func fingerprint(_ folder: ContentBundle.QuizFolder) -> String {
        var hasher = Fingerprint()
        hasher.combine("quiz \(folder.path)\n")
        for file in [folder.quizFile].compactMap({ $0 }) + folder.challengeFiles {
            hasher.combine("file \(file.path) \(file.bytes.count)\n")
            hasher.combine(file.bytes)
        }
        return hasher.hex
    }

    /// Size, modification time and inode of the running executable: a rebuilt quizc (a changed renderer, even with the
    /// same version number) never reuses pages written by another binary.
    static let executableIdentity: String = {
        #if os(Linux)
        let path = "/proc/self/exe"
        #else
        let path = CommandLine.arguments.first ?? ""
        #endif
        var info = stat()
        guard stat(path, &info) == 0 else { return "unknown" }
        #if canImport(Darwin)
        let modified = "\(info.st_mtimespec.tv_sec).\(info.st_mtimespec.tv_nsec)"
        #else
        let modified = "\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
        #endif
        return "\(info.st_size) \(modified) \(info.st_ino)"
    }()

    /// The stamp of a regular file (not followed through a symlink), or nil.
    static func stamp(of path: String, contentHash: String) -> Stamp? {
        var info = stat()
        guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        #if canImport(Darwin)
        let modified = Int64(info.st_mtimespec.tv_sec) * 1_000_000_000 + Int64(info.st_mtimespec.tv_nsec)
        #else
        let modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        #endif
        return Stamp(size: Int64(info.st_size), modifiedNanoseconds: modified, inode: UInt64(info.st_ino), contentHash: contentHash)
    }

    /// True when the file under `output` is still exactly what `recorded` describes.
    static func isIntact(_ path: String, in output: URL, as recorded: Stamp) -> Bool {
        stamp(of: output.appendingPathComponent(path).path, contentHash: recorded.contentHash) == recorded
    }
}
