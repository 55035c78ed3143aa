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

    let fileManager = FileManager.default
    /// The content root is resolved once per read, not once per file (each `realpath` walks every component).
    private let resolvedRoots = ResolvedRoots()

    func read(_ paths: [String]) throws -> ContentBundle {
        var siteFile: ContentFile?
        var root = "."
        var folders: [String: (quiz: ContentFile?, challenges: [String: ContentFile])] = [:]

        func addFolder(_ folder: String, only files: [String]? = nil) throws {
            try checkInside(folder, root: root)
            var entry = try folders[folder] ?? (quizFile(in: folder, root: root), [:])
            let names = try files ?? challengeFileNames(in: folder)
            for name in names {
                let path = join(folder, name)
                entry.challenges[path] = try file(path, root: root, inCheckedFolder: true)
            }
            folders[folder] = entry
        }

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
                        if fileManager.fileExists(atPath: child, isDirectory: &childIsDirectory), childIsDirectory.boolValue,
                           !name.hasPrefix("."), try !challengeFileNames(in: child).isEmpty
                            || fileManager.fileExists(atPath: join(child, "quiz.md")) {
                            try addFolder(child)
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
        let quizzes = folders.map { path, entry in
            ContentBundle.QuizFolder(path: path, quizFile: entry.quiz, challengeFiles: Array(entry.challenges.values))
        }
        return ContentBundle(siteFile: siteFile, quizzes: quizzes)
    }

    /// Markdown files of a quiz folder other than quiz.md and README.md, by name.
    func challengeFileNames(in folder: String) throws -> [String] {
        try contents(of: folder).filter { name in
            name.hasSuffix(".md") && name != "quiz.md" && name.lowercased() != "readme.md" && !name.hasPrefix(".")
        }
    }

    private func quizFile(in folder: String, root: String) throws -> ContentFile? {
        let path = join(folder, "quiz.md")
        return fileManager.fileExists(atPath: path) ? try file(path, root: root) : nil
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

    private func contents(of folder: String) throws -> [String] {
        do {
            return try fileManager.contentsOfDirectory(atPath: folder).sorted()
        } catch {
            throw ReadError(description: "\(folder): cannot list folder")
        }
    }

    /// Reads a content file, refusing one that resolves outside `root`. In a folder `checkInside` already accepted,
    /// only a symbolic link can lead elsewhere, so one `lstat` replaces resolving every component of the path.
    private func file(_ path: String, root: String, inCheckedFolder: Bool = false) throws -> ContentFile {
        if !inCheckedFolder || isSymbolicLink(path) { try checkInside(path, root: root) }
        guard let bytes = Self.readAll(path) else { throw ReadError(description: "\(path): cannot read file") }
        return ContentFile(path: path, bytes: bytes)
    }

    /// The file's bytes with plain POSIX calls (FileManager's `Data` and the copy into an array cost more than the
    /// read for a course of a thousand small files); nil when it cannot be opened or read, or is not a regular file.
    static func readAll(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
        var count = 0
        while true {
            if count == bytes.count { bytes.append(contentsOf: repeatElement(0, count: max(4096, count))) }
            let n = bytes.withUnsafeMutableBytes { systemRead(fd, $0.baseAddress! + count, $0.count - count) }
            if n < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if n == 0 { break }
            count += n
        }
        bytes.removeLast(bytes.count - count)
        return bytes
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
