#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import QuizCore

extension FrontMatter {
    /// `decode` through a memo of earlier results by YAML text: front matter repeats across a course (`type`,
    /// `difficulty` and `tags` lines), and Yams spends tens of microseconds on even three lines. A result is kept as
    /// decoded at line 1 of no file and moved to `path` and `firstLine` on the way out, which is what decoding there
    /// gives. Only successes are kept; at most `FrontMatterMemo.limit` texts, then it starts afresh.
    static func decodeRemembered(_ yaml: String, path: String, firstLine: Int) -> Result<FrontMatter, Diagnostic> {
        if let known = FrontMatterMemo.shared.lookup(yaml) { return .success(known.moved(to: path, firstLine: firstLine)) }
        let decoded = decode(yaml, path: "", firstLine: 1)
        guard case .success(let frontMatter) = decoded else { return decode(yaml, path: path, firstLine: firstLine) }
        FrontMatterMemo.shared.store(frontMatter, for: yaml)
        return .success(frontMatter.moved(to: path, firstLine: firstLine))
    }

    /// Every location put in `path`, `firstLine - 1` lines further down.
    func moved(to path: String, firstLine: Int) -> FrontMatter {
        let shift = firstLine - 1
        return FrontMatter(entries: entries.map { $0.moved(to: path, shift: shift) }, location: location.moved(to: path, shift: shift))
    }
}

extension YAMLEntry {
    func moved(to path: String, shift: Int) -> YAMLEntry {
        YAMLEntry(key: key, keyLocation: keyLocation.moved(to: path, shift: shift), value: value.moved(to: path, shift: shift))
    }
}

extension YAMLValue {
    func moved(to path: String, shift: Int) -> YAMLValue {
        switch self {
        case .scalar(let text, let quoted, let location):
            .scalar(text, quoted: quoted, location.moved(to: path, shift: shift))
        case .sequence(let items, let location):
            .sequence(items.map { $0.moved(to: path, shift: shift) }, location.moved(to: path, shift: shift))
        case .mapping(let entries, let location):
            .mapping(entries.map { $0.moved(to: path, shift: shift) }, location.moved(to: path, shift: shift))
        }
    }
}

extension SourceLocation {
    func moved(to path: String, shift: Int) -> SourceLocation {
        SourceLocation(file: path, line: line + shift, column: column)
    }
}

/// Decoded front matter by YAML text, shared by every thread (a pthread mutex: the package still supports macOS 14,
/// which lacks `Synchronization.Mutex`).
final class FrontMatterMemo: @unchecked Sendable {
    static let shared = FrontMatterMemo()
    /// Enough for the distinct front matter of a large course; a long `serve` session cannot grow it without bound.
    static let limit = 4096
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    // Safe: only touched while `mutex` is held.
    private var known: [String: FrontMatter] = [:]

    private init() {
        mutex = .allocate(capacity: 1)
        pthread_mutex_init(mutex, nil)
    }

    func lookup(_ yaml: String) -> FrontMatter? {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return known[yaml]
    }

    func store(_ frontMatter: FrontMatter, for yaml: String) {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        if known.count >= Self.limit { known.removeAll() }
        known[yaml] = frontMatter
    }
}
