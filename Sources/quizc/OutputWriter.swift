import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a rendered site so that readers see either the previous output or the new one, never a mix: files go to
/// a temporary sibling folder, are fsync'd, and the folder is swapped in with rename. A failed or interrupted build
/// leaves the previous output intact.
struct OutputWriter {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    var destination: URL

    private var parent: URL { destination.deletingLastPathComponent() }
    private var name: String { destination.lastPathComponent }
    var stagingFolder: URL { parent.appendingPathComponent(".\(name).quizc-new") }
    var retiredFolder: URL { parent.appendingPathComponent(".\(name).quizc-old") }
    /// The folders and files of the output before last (those not shared with the current one), kept for the next
    /// build to stage into: making a few dozen folders and files anew each build cost more than the rest of an
    /// incremental build's writing (ext4 looks past recently deleted inodes for every new one), while writing over a
    /// kept file keeps its inode and its blocks.
    var spareFolder: URL { parent.appendingPathComponent(".\(name).quizc-spare") }

    /// Replaces `destination` with exactly `files` (relative path → bytes) plus the `reused` files of the current
    /// output, which are hard-linked (or copied where links are not supported) instead of written again.
    func write(_ files: [String: [UInt8]], reusing reused: [String] = []) throws(Failure) {
        let staging = try begin()
        do throws(Failure) {
            for path in Set(files.keys).union(reused).sorted() {
                if let bytes = files[path] { try staging.add(path, bytes) } else { try staging.reuse(path) }
            }
        } catch {
            staging.abandon()
            throw error
        }
        try staging.commit()
    }

    /// Starts a new output in the staging folder; add files to it, then `commit` (or `abandon`). A build streams its
    /// pages into it as they are rendered instead of holding the whole site in memory.
    func begin() throws(Failure) -> Staging {
        let manager = FileManager.default
        var isFolder: ObjCBool = false
        if manager.fileExists(atPath: destination.path, isDirectory: &isFolder), !isFolder.boolValue {
            throw Failure(description: "\(destination.relativePath) is a file, not a folder; refusing to replace it")
        }
        var spare: (folders: [String], files: [String]) = ([], [])
        do {
            try manager.createDirectory(at: parent, withIntermediateDirectories: true)
            recoverInterruptedSwap()
            try? manager.removeItem(at: stagingFolder)
            if rename(spareFolder.path, stagingFolder.path) == 0, let entries = Self.spareEntries(under: stagingFolder.path) {
                spare = entries
            } else {
                try? manager.removeItem(at: stagingFolder)
                try manager.createDirectory(at: stagingFolder, withIntermediateDirectories: true)
            }
        } catch {
            try? manager.removeItem(at: stagingFolder)
            throw Failure(description: "cannot write \(stagingFolder.path): \(error.localizedDescription)")
        }
        return Staging(writer: self, spareFolders: spare.folders, spareFiles: spare.files)
    }

    /// The folders (parents first) and files under `root`, relative, when it is a spare left by `keepFolders`: only
    /// folders and regular files with one link each; nil for anything else (it is then not reused).
    fileprivate static func spareEntries(under root: String) -> (folders: [String], files: [String])? {
        var folders: [String] = [], files: [String] = []
        var pending = [""]
        while let relative = pending.popLast() {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: relative.isEmpty ? root : root + "/" + relative) else { return nil }
            for name in names {
                let child = relative.isEmpty ? name : relative + "/" + name
                var info = stat()
                guard lstat(root + "/" + child, &info) == 0 else { return nil }
                switch info.st_mode & S_IFMT {
                case S_IFDIR:
                    folders.append(child)
                    pending.append(child)
                case S_IFREG where info.st_nlink == 1:
                    files.append(child)
                default:
                    return nil
                }
            }
        }
        return (folders, files)
    }

    /// Keeps a replaced output as the spare: files only it holds stay as they are (the next build writes over them in
    /// place), files it shares with the new output (hard links) are unlinked, folders stay. Removed if that fails.
    /// Nothing is truncated: freeing a file's blocks is the slow part of replacing it (on a filesystem mounted with
    /// `discard`, ~1-2 ms a file), and writing over a file of about the same size frees none.
    fileprivate func keepFolders(of old: URL) {
        let manager = FileManager.default
        try? manager.removeItem(at: spareFolder)
        var pending = [old.path]
        var clean = true
        while clean, let folder = pending.popLast() {
            guard let names = try? manager.contentsOfDirectory(atPath: folder) else { clean = false; break }
            for name in names {
                let path = folder + "/" + name
                var info = stat()
                guard lstat(path, &info) == 0 else { clean = false; break }
                switch info.st_mode & S_IFMT {
                case S_IFDIR: pending.append(path)
                case S_IFREG where info.st_nlink == 1: break
                default: if unlink(path) != 0 { clean = false }
                }
                if !clean { break }
            }
        }
        if !clean || rename(old.path, spareFolder.path) != 0 { try? manager.removeItem(at: old) }
    }

    /// An output being staged, safe to add to from several tasks at once (its bookkeeping is locked; the writes are
    /// not). Plain string paths and mkdir: URL and FileManager calls cost more than the writes for a site of many
    /// small files.
    final class Staging: @unchecked Sendable {
        let writer: OutputWriter
        private let lock = NSLock()
        private let staging: String
        private let current: String
        /// Folders made so far, relative to the staging folder (the staging folder itself is "").
        private var created: Set<Substring> = [""]
        private var paths: Set<String> = []
        /// Files written (not linked): fsync'd one by one at commit when few.
        private var written: [String] = []

        /// Folders (relative, parents first) and files of a reused spare; those this output does not use are removed at
        /// commit.
        private let spareFolders: [String]
        private let spareFiles: [String]

        fileprivate init(writer: OutputWriter, spareFolders: [String], spareFiles: [String]) {
            self.writer = writer
            self.spareFolders = spareFolders
            self.spareFiles = spareFiles
            staging = writer.stagingFolder.path
            current = writer.destination.path
        }

        /// Writes `bytes` as `path`, relative to the output folder.
        func add(_ path: String, _ bytes: [UInt8]) throws(Failure) {
            let target = try prepare(path)
            try OutputWriter.write(bytes, to: target, sync: false)
            lock.withLock { written.append(target) }
        }

        /// Hard-links `path` from the current output (copies it where links are not supported).
        func reuse(_ path: String) throws(Failure) {
            let target = try prepare(path)
            var linked = link(current + "/" + path, target) == 0
            if !linked && errno == EEXIST {
                // A spare file: the link takes its place.
                _ = unlink(target)
                linked = link(current + "/" + path, target) == 0
            }
            if !linked {
                guard let bytes = ContentReader.readAll(current + "/" + path) else {
                    throw Failure(description: "cannot read \(current)/\(path) to reuse it")
                }
                try OutputWriter.write(bytes, to: target, sync: false)
                lock.withLock { written.append(target) }
            }
        }

        /// Checks `path` stays inside the output and makes its folders.
        private func prepare(_ path: String) throws(Failure) -> String {
            let components = path.split(separator: "/", omittingEmptySubsequences: false)
            guard !components.contains(".."), !components.contains(""), !path.hasPrefix("/") else {
                throw Failure(description: "refusing to write outside the output folder: \(path)")
            }
            lock.lock()
            defer { lock.unlock() }
            guard paths.insert(path).inserted else { throw Failure(description: "\(path) is written twice") }
            var folderEnd = path.startIndex
            for component in components.dropLast() {
                folderEnd = component.endIndex
                let folder = path[..<folderEnd]
                if created.insert(folder).inserted, mkdir(staging + "/" + folder, 0o755) != 0, errno != EEXIST {
                    throw Failure(description: "cannot create \(staging)/\(folder): \(String(cString: strerror(errno)))")
                }
            }
            return staging + "/" + path
        }

        /// Flushes the staged files to disk and swaps them in: one `syncfs` for many written files; for few (an
        /// incremental build) an fsync each and one per folder, since `syncfs` would also wait for every other
        /// program's unwritten data on the disk (a compiler next door made it 50-100 ms).
        /// Call once every `add` and `reuse` has returned.
        func commit() throws(Failure) {
            // Spare files and folders this output does not use (folders children first; one with files was `created`).
            for file in spareFiles where !paths.contains(file) { unlink(staging + "/" + file) }
            for folder in spareFolders.reversed() where !created.contains(Substring(folder)) { rmdir(staging + "/" + folder) }
            do throws(Failure) {
                if writer.syncsWholeFilesystem && written.count > OutputWriter.fileSyncLimit {
                    guard OutputWriter.syncFilesystem(of: writer.stagingFolder) else {
                        throw Failure(description: "cannot sync \(staging): \(String(cString: strerror(errno)))")
                    }
                } else {
                    let folders = created.map { $0.isEmpty ? staging : staging + "/" + String($0) }
                    if let (path, code) = OutputWriter.syncInParallel(files: written, folders: folders) {
                        throw Failure(description: "cannot sync \(path): \(String(cString: strerror(code)))")
                    }
                }
            } catch {
                abandon()
                throw error
            }
            try writer.swapIn()
        }

        /// Removes the staged files; the current output stays as it is.
        func abandon() {
            try? FileManager.default.removeItem(at: writer.stagingFolder)
        }
    }

    /// Moves the staged folder into place; the old output is kept aside until the new one is there. Where the
    /// system can exchange two paths atomically (Linux `renameat2`), there is no instant without an output folder.
    fileprivate func swapIn() throws(Failure) {
        let manager = FileManager.default
        try? manager.removeItem(at: retiredFolder)
        if manager.fileExists(atPath: destination.path), Self.exchange(stagingFolder.path, destination.path) {
            Self.syncFolder(parent)
            keepFolders(of: stagingFolder)
            return
        }
        if manager.fileExists(atPath: destination.path) {
            guard rename(destination.path, retiredFolder.path) == 0 else {
                throw Failure(description: "cannot move \(destination.path) aside: \(String(cString: strerror(errno)))")
            }
        }
        guard rename(stagingFolder.path, destination.path) == 0 else {
            let reason = String(cString: strerror(errno))
            _ = rename(retiredFolder.path, destination.path)
            throw Failure(description: "cannot move the new output into \(destination.path): \(reason)")
        }
        Self.syncFolder(parent)
        try? manager.removeItem(at: retiredFolder)
    }

    private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32

    /// Atomically swaps two paths with `renameat2(RENAME_EXCHANGE)`; false where unsupported (then the caller renames).
    private static func exchange(_ first: String, _ second: String) -> Bool {
        guard let renameat2 = libCFunction("renameat2", as: RenameAt2.self) else { return false }
        let renameExchange: UInt32 = 1 << 1
        return renameat2(AT_FDCWD, first, AT_FDCWD, second, renameExchange) == 0
    }

    /// A build killed between the two renames leaves no destination but a retired folder: put it back.
    func recoverInterruptedSwap() {
        let manager = FileManager.default
        if !manager.fileExists(atPath: destination.path), manager.fileExists(atPath: retiredFolder.path) {
            _ = rename(retiredFolder.path, destination.path)
        }
    }

    /// Linux flushes every staged file and folder with one `syncfs` (one device flush) instead of an `fsync` per
    /// file and folder, which costs a flush each: most of an incremental build's time on a busy disk.
    fileprivate var syncsWholeFilesystem: Bool { Self.syncfsFunction != nil }

    /// Up to this many written files are fsync'd one by one (with the folders) instead of with `syncfs`.
    static let fileSyncLimit = 16

    private typealias SyncFileRange = @convention(c) (Int32, Int64, Int64, UInt32) -> Int32

    /// `sync_file_range` (Linux; not in the Glibc module's headers), looked up once.
    private static let syncFileRangeFunction = libCFunction("sync_file_range", as: SyncFileRange.self)

    private typealias SyncFS = @convention(c) (Int32) -> Int32

    private static let syncfsFunction = libCFunction("syncfs", as: SyncFS.self)

    /// Flushes the filesystem holding `folder`; false (with `errno`) when that failed.
    fileprivate static func syncFilesystem(of folder: URL) -> Bool {
        guard let syncfs = syncfsFunction else { return false }
        let fd = open(folder.path, O_RDONLY)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        return syncfs(fd) == 0
    }

    fileprivate static func write(_ bytes: [UInt8], to path: String, sync: Bool) throws(Failure) {
        // Never write through a file that has other links (it could be part of a live output).
        var existing = stat()
        var existingSize = 0
        if lstat(path, &existing) == 0, existing.st_mode & S_IFMT == S_IFREG {
            if existing.st_nlink > 1 { _ = unlink(path) } else { existingSize = Int(existing.st_size) }
        }
        // A spare's file is written over in place and then cut to length: no blocks freed and allocated again.
        var fd = open(path, O_WRONLY | O_CREAT, 0o644)
        if fd < 0 && errno == EISDIR {
            // A folder of a reused spare where this output has a file.
            try? FileManager.default.removeItem(atPath: path)
            existingSize = 0
            fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        }
        guard fd >= 0 else { throw Failure(description: "cannot create \(path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        guard bytes.withUnsafeBytes({ writeAll(fd, $0) }) else {
            throw Failure(description: "cannot write \(path): \(String(cString: strerror(errno)))")
        }
        if existingSize > bytes.count, ftruncate(fd, off_t(bytes.count)) != 0 {
            throw Failure(description: "cannot write \(path): \(String(cString: strerror(errno)))")
        }
        guard !sync || fsync(fd) == 0 else { throw Failure(description: "cannot sync \(path): \(String(cString: strerror(errno)))") }
        #if os(Linux)
        // Start writing the pages back now, while the rest of the site renders, so the flush at commit mostly waits
        // for writes already under way (a hint: errors show at the commit's sync).
        if !sync, let startWriteback = syncFileRangeFunction { _ = startWriteback(fd, 0, 0, 2) }  // SYNC_FILE_RANGE_WRITE
        #endif
    }

    /// Writes all of `buffer` to `fd` (retrying short writes and interruptions); false with `errno` set on failure.
    static func writeAll(_ fd: Int32, _ buffer: UnsafeRawBufferPointer) -> Bool {
        var offset = 0
        while offset < buffer.count {
            let n = systemWrite(fd, buffer.baseAddress! + offset, buffer.count - offset)
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return false }
            offset += n
        }
        return true
    }

    private static func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.write(fd, buffer, count)
        #else
        Darwin.write(fd, buffer, count)
        #endif
    }

    /// fsyncs a folder, best effort (its entries were renamed or linked).
    private static func syncFolder(_ url: URL) { _ = sync(url.path) }

    /// fsyncs `files` and (best effort) `folders`, up to eight at once: each fsync waits for the device, and
    /// concurrent ones share its flushes (an incremental build's ~50 folder syncs took 15 ms one by one, ~7 at once).
    /// Returns the first file that failed, with its `errno`.
    fileprivate static func syncInParallel(files: [String], folders: [String]) -> (String, Int32)? {
        let paths = files.map { ($0, true) } + folders.map { ($0, false) }
        let lanes = max(1, min(8, paths.count))
        let failures = Locked<[Int: Int32]>([:])
        @Sendable func syncLane(_ lane: Int) {
            for index in stride(from: lane, to: paths.count, by: lanes) {
                if let code = sync(paths[index].0), paths[index].1 { failures.withLock { $0[index] = code } }
            }
        }
        if lanes == 1 {
            syncLane(0)
        } else {
            let group = DispatchGroup()
            for lane in 0..<lanes {
                group.enter()
                Thread.detachNewThread {
                    syncLane(lane)
                    group.leave()
                }
            }
            group.wait()
        }
        return failures.withLock { found in found.keys.min().map { (paths[$0].0, found[$0]!) } }
    }

    /// fsyncs `path`; the `errno` when it could not be opened or synced.
    private static func sync(_ path: String) -> Int32? {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return errno }
        defer { close(fd) }
        return fsync(fd) == 0 ? nil : errno
    }
}
