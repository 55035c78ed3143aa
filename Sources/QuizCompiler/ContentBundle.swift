/// The bytes of one content file and the path diagnostics print for it.
public struct ContentFile: Sendable, Hashable {
    public var path: String
    public var bytes: [UInt8]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    public init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }
}

/// Everything one run reads, as the CLI found it on disk: optional `site.yml` and the quiz folders.
public struct ContentBundle: Sendable, Hashable {
    /// One quiz folder: its `quiz.md` (absent if missing) and challenge files ordered by file name.
    public struct QuizFolder: Sendable, Hashable {
        /// Folder path as printed, e.g. `content/self-attention-master`.
        public var path: String
        public var quizFile: ContentFile?
        public var challengeFiles: [ContentFile]

        public init(path: String, quizFile: ContentFile?, challengeFiles: [ContentFile]) {
            self.path = path
            self.quizFile = quizFile
            self.challengeFiles = challengeFiles.sorted { $0.path < $1.path }
        }

        /// The last path component: the quiz's slug.
        public var slug: String {
            path.split(separator: "/").last.map(String.init) ?? path
        }
    }

    /// Quiz folder names and challenge ids become URL paths, fragments and element ids, so they are limited to
    /// `[a-z0-9][a-z0-9_-]*`: lower-case ASCII letters, digits, `-` and `_`, starting with a letter or digit.
    public static func isSlug(_ name: String) -> Bool {
        guard let first = name.utf8.first, isSlugStart(first) else { return false }
        return name.utf8.allSatisfy { isSlugStart($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") }
    }

    /// What `isSlug` accepts, for messages.
    public static let slugRule = "lower-case letters, digits, `-` and `_`, starting with a letter or digit"

    private static func isSlugStart(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    public var siteFile: ContentFile?
    public var quizzes: [QuizFolder]

    public init(siteFile: ContentFile?, quizzes: [QuizFolder]) {
        self.siteFile = siteFile
        self.quizzes = quizzes.sorted { $0.path < $1.path }
    }
}
