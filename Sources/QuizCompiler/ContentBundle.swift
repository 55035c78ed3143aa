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

    public var siteFile: ContentFile?
    public var quizzes: [QuizFolder]

    public init(siteFile: ContentFile?, quizzes: [QuizFolder]) {
        self.siteFile = siteFile
        self.quizzes = quizzes.sorted { $0.path < $1.path }
    }
}
