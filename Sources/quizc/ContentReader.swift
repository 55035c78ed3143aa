import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import QuizCompiler
import QuizCore

/// Reads the paths given on the command line into a `ContentBundle`: a content folder (site.yml + quiz
/// folders), a quiz folder (quiz.md + challenges), or single challenge files (with their folder's quiz.md).
struct ContentReader {
    struct ReadError: Error, CustomStringConvertible {
        var description: String
    }

    /// What one read found besides the bundle: the stamp of every file read or skipped (only those old enough to be
    /// trusted next time, see `SourceStamp.isSettled`), and the folders left unread because they matched `unchanged`.
    struct Stamped {
        var bundle: ContentBundle
        var stamps: [String: SourceStamp] = [:]
        var unread: Set<String> = []
    }

    let fileManager = FileManager.default
    /// The content root is resolved once per read, not once per file (each `realpath` walks every component).
    private let resolvedRoots = ResolvedRoots()
    /// Per quiz folder, the digest of its files' stamps at a previous build (`SourceStamp.digest`): a folder whose
    /// files (and quiz.md) have exactly those stamps is listed but not read; its files come back without bytes
    /// (see `Stamped.unread`).
    var unchanged: [String: String] = [:]

    func read(_ paths: [String]) throws -> ContentBundle {
        try readStamped(paths).bundle
    }

    func readStamped(_ paths: [String]) throws -> Stamped {
        var siteFile: ContentFile?
        var root = "."
        var folders: [String: (quiz: ContentFile?, challenges: [String: ContentFile])] = [:]
        var stamps: [String: SourceStamp] = [:]
        var unread: Set<String> = []
        let settledBefore = SourceStamp.settledBefore()

        /// `listed`: the folder's challenge file names when the caller has them already.
        func addFolder(_ folder: String, only files: [String]? = nil, listed: [String]? = nil) throws {
            try checkInside(folder, root: root)
            let names = try files ?? listed ?? challengeFileNames(in: folder)
            if files == nil, folders[folder] == nil, let known = unchanged[folder],
               let current = currentStamps(folder, names), SourceStamp.digest(current) == known {
                let quizPath = join(folder, "quiz.md")
                folders[folder] = (current[quizPath] == nil ? nil : ContentFile(path: quizPath, bytes: []),
                                   Dictionary(uniqueKeysWithValues: names.map { (join(folder, $0), ContentFile(path: join(folder, $0), bytes: [])) }))
                stamps.merge(current) { $1 }
                unread.insert(folder)
                return
            }
            let quizPath = join(folder, "quiz.md")
            var entry = try folders[folder] ?? (fileManager.fileExists(atPath: quizPath) ? pendingFile(quizPath, root: root) : nil, [:])
            for name in names {
                let path = join(folder, name)
                entry.challenges[path] = try pendingFile(path, root: root, inCheckedFolder: true)
            }
            folders[folder] = entry
        }

        /// Checks where `path` leads now and reads it later, with the others, in parallel. In a folder `checkInside`
        /// accepted, only a symbolic link can lead elsewhere: such a file is read without following links, and one that
        /// turns out to be a link is checked after the parallel read (no `lstat` of every file first).
        func pendingFile(_ path: String, root: String, inCheckedFolder: Bool = false) throws -> ContentFile {
            if inCheckedFolder {
                pending.append(PendingRead(path: path, root: root, followsLinks: false))
            } else {
                let link = isSymbolicLink(path)
                try checkInside(path, root: root)
                if link { links.insert(path) }
                pending.append(PendingRead(path: path, root: root, followsLinks: true))
            }
            return ContentFile(path: path, bytes: [])
        }
        var pending: [PendingRead] = []
        /// Pending files that are symbolic links: their stamps (of the target) are not kept.
        var links: Set<String> = []
        /// The first error of the scan below; thrown once the files scanned before it were checked for links leading
        /// outside, so the first failure in reading order is the one reported.
        var scanError: (any Error)?

        do {
            for path in paths {
                let trimmed = path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
                var isDirectory: ObjCBool = false
                guard fileManager.fileExists(atPath: trimmed, isDirectory: &isDirectory) else {
                    throw ReadError(description: "\(trimmed): no such file or folder")
                }
                root = isDirectory.boolValue && !fileManager.fileExists(atPath: join(trimmed, "quiz.md"))
                    ? trimmed : parent(of: isDirectory.boolValue ? trimmed : parent(of: trimmed))
                if isDirectory.boolValue {
                    if fileManager.fileExists(atPath: join(trimmed, "quiz.md")) {
                        try addFolder(trimmed)
                        let parentSite = join(parent(of: trimmed), "site.yml")
                        if siteFile == nil, fileManager.fileExists(atPath: parentSite) { siteFile = try file(parentSite, root: root) }
                    } else {
                        let site = join(trimmed, "site.yml")
                        if fileManager.fileExists(atPath: site) { siteFile = try file(site, root: root) }
                        for name in try contents(of: trimmed) {
                            let child = join(trimmed, name)
                            var childIsDirectory: ObjCBool = false
                            guard fileManager.fileExists(atPath: child, isDirectory: &childIsDirectory), childIsDirectory.boolValue,
                                  !name.hasPrefix(".") else { continue }
                            let names = try challengeFileNames(in: child)
                            if !names.isEmpty || fileManager.fileExists(atPath: join(child, "quiz.md")) {
                                try addFolder(child, listed: names)
                            }
                        }
                    }
                } else {
                    let folder = parent(of: trimmed)
                    let name = (trimmed as NSString).lastPathComponent
                    if name == "quiz.md" { try addFolder(folder) } else { try addFolder(folder, only: [name]) }
                    let parentSite = join(parent(of: folder), "site.yml")
                    if siteFile == nil, fileManager.fileExists(atPath: parentSite) { siteFile = try file(parentSite, root: root) }
                }
            }
        } catch {
            scanError = error
        }
        if let scanError {
            for file in pending where !file.followsLinks && isSymbolicLink(file.path) { try checkInside(file.path, root: file.root) }
            throw scanError
        }
        // Quiz files are read in parallel (a course is a thousand small files); the first failure in reading order
        // is reported.
        var reads = Self.readAllConcurrently(pending)
        for (index, read) in reads.enumerated() {
            guard case .symbolicLink = read else { continue }
            let file = pending[index]
            try checkInside(file.path, root: file.root)
            links.insert(file.path)
            reads[index] = Self.read(file.path)
        }
        var contents: [String: [UInt8]] = [:]
        contents.reserveCapacity(pending.count)
        for (file, read) in zip(pending, reads) {
            let path = file.path
            guard case .read(let bytes, let info) = read else { throw ReadError(description: "\(path): cannot read file") }
            if !links.contains(path), let stamp = SourceStamp(info), stamp.isSettled(before: settledBefore) { stamps[path] = stamp }
            contents[path] = bytes
        }
        func filled(_ file: ContentFile) -> ContentFile {
            contents[file.path].map { ContentFile(path: file.path, bytes: $0) } ?? file
        }
        let quizzes = folders.map { path, entry in
            ContentBundle.QuizFolder(path: path, quizFile: entry.quiz.map(filled), challengeFiles: entry.challenges.values.map(filled))
        }
        return Stamped(bundle: ContentBundle(siteFile: siteFile, quizzes: quizzes), stamps: stamps, unread: unread)
    }

    /// A file `readStamped` reads, the content root it must stay inside, and whether a symbolic link is followed
    /// (one that is not was not checked yet).
    struct PendingRead {
        var path: String
        var root: String
        var followsLinks: Bool
    }

    /// What reading one file gave: its bytes and `fstat`, a failure, or a symbolic link that was not followed.
    enum ReadOutcome {
        case read([UInt8], stat)
        case failed
        case symbolicLink
    }

    /// `read` of every file, spread over the cores.
    private static func readAllConcurrently(_ files: [PendingRead]) -> [ReadOutcome] {
        let results = UnsafeMutableBufferPointer<ReadOutcome>.allocate(capacity: files.count)
        results.initialize(repeating: .failed)
        defer { results.deinitialize(); results.deallocate() }
        let slots = UnsafeSendableBuffer(results)
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            slots.buffer[index] = read(files[index].path, followingLinks: files[index].followsLinks)
        }
        return Array(results)
    }

    /// The stamps of a folder's quiz.md (when present) and `names`, or nil when one is not a plain regular file.
    private func currentStamps(_ folder: String, _ names: [String]) -> [String: SourceStamp]? {
        var result: [String: SourceStamp] = [:]
        let quizPath = join(folder, "quiz.md")
        var info = stat()
        if lstat(quizPath, &info) == 0 {
            guard let stamp = SourceStamp(info) else { return nil }
            result[quizPath] = stamp
        }
        for name in names {
            let path = join(folder, name)
            guard lstat(path, &info) == 0, let stamp = SourceStamp(info) else { return nil }
            result[path] = stamp
        }
        return result
    }

    /// Markdown files of a quiz folder other than quiz.md and README.md, by name.
    func challengeFileNames(in folder: String) throws -> [String] {
        try contents(of: folder).filter { name in
            name.hasSuffix(".md") && name != "quiz.md" && name.lowercased() != "readme.md" && !name.hasPrefix(".")
        }
    }

    /// Refuses a path that is a symbolic-link loop, dangles, or resolves outside the content folder `root`.
    private func checkInside(_ path: String, root: String) throws {
        guard let resolved = realPath(path) else {
            throw ReadError(description: "\(path): cannot resolve the path (a symbolic-link loop or a dangling link)")
        }
        guard let base = resolvedRoots.resolve(root, with: realPath),
              resolved == base || resolved.hasPrefix(base == "/" ? "/" : base + "/") else {
            throw ReadError(description: "\(path): links outside the content folder; content must live inside \(root)")
        }
        if resolved == base, path != root, realPath(parent(of: path)) != nil {
            throw ReadError(description: "\(path): a symbolic-link loop back to the content folder")
        }
    }

    /// True for a symbolic link, and for a path `lstat` cannot inspect (the full check then reports it).
    private func isSymbolicLink(_ path: String) -> Bool {
        var info = stat()
        guard lstat(path, &info) == 0 else { return true }
        return (info.st_mode & S_IFMT) == S_IFLNK
    }

    private func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The names in `folder` but `.` and `..`, sorted, with `opendir`/`readdir` (FileManager's listing cost several
    /// times as much, on the single thread that scans the content before the files are read in parallel).
    private func contents(of folder: String) throws -> [String] {
        guard let directory = opendir(folder) else { throw ReadError(description: "\(folder): cannot list folder") }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { bytes in
                String(cString: bytes.baseAddress!.assumingMemoryBound(to: CChar.self))
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    /// Reads site.yml, refusing one that resolves outside `root` (quiz files are read in parallel by `readStamped`).
    private func file(_ path: String, root: String) throws -> ContentFile {
        try checkInside(path, root: root)
        guard let bytes = Self.readAll(path) else { throw ReadError(description: "\(path): cannot read file") }
        return ContentFile(path: path, bytes: bytes)
    }

    static func readAll(_ path: String) -> [UInt8]? {
        guard case .read(let bytes, _) = read(path) else { return nil }
        return bytes
    }

    /// The file's bytes and its `fstat` from before the read, with plain POSIX calls (FileManager's `Data` and the copy
    /// into an array cost more than the read for a course of a thousand small files); `.failed` when it cannot be
    /// opened or read, or is not a regular file; `.symbolicLink` for a link when `followingLinks` is false.
    static func read(_ path: String, followingLinks: Bool = true) -> ReadOutcome {
        let fd = open(path, followingLinks ? O_RDONLY : O_RDONLY | O_NOFOLLOW)
        guard fd >= 0 else { return !followingLinks && errno == ELOOP ? .symbolicLink : .failed }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return .failed }
        // One spare byte: the read that finds the end needs room, and a file that did not grow then needs no second
        // buffer (growing by a page for that read was a tenth of the read phase).
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size) + 1)
        var count = 0
        while true {
            if count == bytes.count { bytes.append(contentsOf: repeatElement(0, count: max(4096, count))) }
            let n = bytes.withUnsafeMutableBytes { systemRead(fd, $0.baseAddress! + count, $0.count - count) }
            if n < 0 {
                if errno == EINTR { continue }
                return .failed
            }
            if n == 0 { break }
            count += n
        }
        bytes.removeLast(bytes.count - count)
        return .read(bytes, info)
    }

    private static func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.read(fd, buffer, count)
        #else
        Darwin.read(fd, buffer, count)
        #endif
    }

    private func join(_ folder: String, _ name: String) -> String {
        folder == "." ? name : (folder.hasSuffix("/") ? folder + name : folder + "/" + name)
    }

    private func parent(of path: String) -> String {
        let parent = (path as NSString).deletingLastPathComponent
        return parent.isEmpty ? "." : parent
    }
}

extension ContentBundle {
    /// The error for content with no quiz folder at all: an empty site is never what an author meant.
    static func noQuizzes(in paths: [String]) -> Diagnostic {
        let path = paths.first ?? "content"
        return .error("no quizzes found in `\(path)`: a content folder holds one folder per quiz, each with a quiz.md",
                      at: SourceLocation(file: path, line: 1),
                      notes: [.init("start one with `quizc new quiz NAME`")], rule: "empty-content")
    }
}

/// Memoised `realpath` of content roots for one `ContentReader`.
private final class ResolvedRoots {
    private var resolved: [String: String?] = [:]

    func resolve(_ root: String, with realPath: (String) -> String?) -> String? {
        if let known = resolved[root] { return known }
        let path = realPath(root)
        resolved[root] = path
        return path
    }
}

/// Identity of a content file's bytes without reading them: size, inode, and modification and change times in
/// nanoseconds. The change time moves on every write and cannot be set back by programs, so equal stamps mean equal
/// bytes, provided the stamp was taken after the file's last change had settled: file times advance in clock ticks
/// (a few milliseconds), so a write in the same tick as the stamp could leave it unchanged; stamps newer than a
/// second before the read are not kept (as git treats "racily clean" files).
struct SourceStamp: Equatable {
    var size: Int64
    var inode: UInt64
    var modifiedNanoseconds: Int64
    var changedNanoseconds: Int64

    /// The stamp of a regular file's `lstat`/`fstat`, or nil for anything else.
    init?(_ info: stat) {
        guard info.st_mode & S_IFMT == S_IFREG else { return nil }
        size = Int64(info.st_size)
        inode = UInt64(info.st_ino)
        #if canImport(Darwin)
        modifiedNanoseconds = Int64(info.st_mtimespec.tv_sec) * 1_000_000_000 + Int64(info.st_mtimespec.tv_nsec)
        changedNanoseconds = Int64(info.st_ctimespec.tv_sec) * 1_000_000_000 + Int64(info.st_ctimespec.tv_nsec)
        #else
        modifiedNanoseconds = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        changedNanoseconds = Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec)
        #endif
    }

    /// One second before now on the wall clock file times use, in nanoseconds.
    static func settledBefore() -> Int64 {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return Int64(now.tv_sec - 1) * 1_000_000_000 + Int64(now.tv_nsec)
    }

    func isSettled(before limit: Int64) -> Bool {
        changedNanoseconds < limit && modifiedNanoseconds < limit
    }

    /// One short string for a folder's stamps (what the build state keeps per quiz, instead of every stamp).
    static func digest(_ stamps: [String: SourceStamp]) -> String {
        var hasher = Fingerprint()
        for path in stamps.keys.sorted() {
            let stamp = stamps[path]!
            hasher.combine("\(path) \(stamp.size) \(stamp.inode) \(stamp.modifiedNanoseconds) \(stamp.changedNanoseconds)\n")
        }
        return hasher.hex
    }
}

/// A buffer each concurrent iteration writes one distinct element of (`DispatchQueue.concurrentPerform`).
private struct UnsafeSendableBuffer<Element>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<Element>
    init(_ buffer: UnsafeMutableBufferPointer<Element>) { self.buffer = buffer }
}

