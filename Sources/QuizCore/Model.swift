/// The question model: what the Markdown says, typed and located. Built by QuizMarkdown,
/// filled with results by QuizCompiler, rendered by QuizSite. Every value is `Sendable`.

/// Markdown text together with the HTML cmark rendered for it.
public struct RichText: Sendable, Hashable, Codable {
    public var markdown: String
    public var html: String
    public var location: SourceLocation?

    public init(markdown: String, html: String, location: SourceLocation? = nil) {
        self.markdown = markdown
        self.html = html
        self.location = location
    }
}

/// A fenced code block: `python` runs, `python norun` is shown only, `python setup` runs hidden.
public struct CodeBlock: Sendable, Hashable, Codable {
    public enum Role: String, Sendable, Hashable, Codable {
        case run, norun, setup, text, other
    }

    public var info: String
    public var language: String
    public var role: Role
    public var code: String
    /// Location of the opening fence.
    public var location: SourceLocation
    /// File line of the first line of `code` (the line after the fence).
    public var firstCodeLine: Int

    public init(info: String, language: String, role: Role, code: String, location: SourceLocation, firstCodeLine: Int) {
        self.info = info
        self.language = language
        self.role = role
        self.code = code
        self.location = location
        self.firstCodeLine = firstCodeLine
    }
}

/// One `- [x]` / `- [ ]` item of `## Choices`.
public struct Choice: Sendable, Hashable, Codable {
    public var text: RichText
    public var isMarked: Bool
    /// The content of the choice's code spans or code block, which is what gets compared with output.
    public var codeText: String?
    public var location: SourceLocation
    /// Literal text of every code span in the choice (a debug choice quotes message fragments this way).
    public var codeSpans: [String]
    /// Position of the `[` of `[x]` / `[ ]`, which `quizc fix` rewrites in place.
    public var markerLocation: SourceLocation?

    public init(text: RichText, isMarked: Bool, codeText: String?, location: SourceLocation,
                codeSpans: [String] = [], markerLocation: SourceLocation? = nil) {
        self.text = text
        self.isMarked = isMarked
        self.codeText = codeText
        self.location = location
        self.codeSpans = codeSpans
        self.markerLocation = markerLocation
    }
}

public enum ChallengeType: String, Sendable, Hashable, Codable, CaseIterable {
    case predictOutput = "predict-output"
    case multipleChoice = "multiple-choice"
    case debug
    case conceptual
}

public enum Difficulty: String, Sendable, Hashable, Codable, CaseIterable {
    case beginner, intermediate, advanced, expert
}

/// One challenge file. Its fields live in one shared box (copied only when a copy is mutated), so the many copies a
/// build makes of a challenge, through task groups, arrays and views, cost one retain each rather than one per field.
public struct Challenge: Sendable, Hashable, Codable {
    /// The stored fields: what the struct would hold inline.
    @usableFromInline
    struct Fields: Sendable, Hashable, Codable {
        @usableFromInline var id: String
        @usableFromInline var path: String
        @usableFromInline var type: ChallengeType
        @usableFromInline var label: String?
        @usableFromInline var difficulty: Difficulty
        @usableFromInline var timeSeconds: Int
        @usableFromInline var attempts: Int
        @usableFromInline var tolerance: Double?
        @usableFromInline var multiple: Bool
        @usableFromInline var tags: [String]
        @usableFromInline var title: String
        @usableFromInline var prompt: RichText
        @usableFromInline var codeBlocks: [CodeBlock]
        @usableFromInline var choices: [Choice]
        @usableFromInline var answer: CodeBlock?
        @usableFromInline var hint: RichText?
        @usableFromInline var explanation: RichText?
        @usableFromInline var location: SourceLocation
    }

    @usableFromInline var box: SharedBox<Fields>

    /// Slug from the file name (`01-sdpa-output`), unique within its quiz.
    public var id: String { @inlinable get { box.value.id } set { update { $0.id = newValue } } }
    public var path: String { @inlinable get { box.value.path } set { update { $0.path = newValue } } }
    public var type: ChallengeType { @inlinable get { box.value.type } set { update { $0.type = newValue } } }
    public var label: String? { @inlinable get { box.value.label } set { update { $0.label = newValue } } }
    public var difficulty: Difficulty { @inlinable get { box.value.difficulty } set { update { $0.difficulty = newValue } } }
    public var timeSeconds: Int { @inlinable get { box.value.timeSeconds } set { update { $0.timeSeconds = newValue } } }
    public var attempts: Int { @inlinable get { box.value.attempts } set { update { $0.attempts = newValue } } }
    public var tolerance: Double? { @inlinable get { box.value.tolerance } set { update { $0.tolerance = newValue } } }
    public var multiple: Bool { @inlinable get { box.value.multiple } set { update { $0.multiple = newValue } } }
    public var tags: [String] { @inlinable get { box.value.tags } set { update { $0.tags = newValue } } }
    public var title: String { @inlinable get { box.value.title } set { update { $0.title = newValue } } }
    /// Everything between the title and the first known section, with code blocks rendered in place.
    public var prompt: RichText { @inlinable get { box.value.prompt } set { update { $0.prompt = newValue } } }
    public var codeBlocks: [CodeBlock] { @inlinable get { box.value.codeBlocks } set { update { $0.codeBlocks = newValue } } }
    public var choices: [Choice] { @inlinable get { box.value.choices } set { update { $0.choices = newValue } } }
    public var answer: CodeBlock? { @inlinable get { box.value.answer } set { update { $0.answer = newValue } } }
    public var hint: RichText? { @inlinable get { box.value.hint } set { update { $0.hint = newValue } } }
    public var explanation: RichText? { @inlinable get { box.value.explanation } set { update { $0.explanation = newValue } } }
    public var location: SourceLocation { @inlinable get { box.value.location } set { update { $0.location = newValue } } }

    public init(id: String, path: String, type: ChallengeType, label: String?, difficulty: Difficulty,
                timeSeconds: Int, attempts: Int, tolerance: Double?, multiple: Bool, tags: [String],
                title: String, prompt: RichText, codeBlocks: [CodeBlock], choices: [Choice],
                answer: CodeBlock?, hint: RichText?, explanation: RichText?, location: SourceLocation) {
        box = SharedBox(Fields(id: id, path: path, type: type, label: label, difficulty: difficulty,
                               timeSeconds: timeSeconds, attempts: attempts, tolerance: tolerance, multiple: multiple,
                               tags: tags, title: title, prompt: prompt, codeBlocks: codeBlocks, choices: choices,
                               answer: answer, hint: hint, explanation: explanation, location: location))
    }

    /// Mutations (rare: builders set everything at once) put the changed fields in a new box.
    private mutating func update(_ change: (inout Fields) -> Void) {
        var fields = box.value
        change(&fields)
        box = SharedBox(fields)
    }

    public static func == (a: Challenge, b: Challenge) -> Bool { a.box.value == b.box.value }
    public func hash(into hasher: inout Hasher) { box.value.hash(into: &hasher) }
    /// The same keys as the fields held inline would have.
    public init(from decoder: any Decoder) throws { box = SharedBox(try Fields(from: decoder)) }
    public func encode(to encoder: any Encoder) throws { try box.value.encode(to: encoder) }
}

/// An immutable value behind one reference (a `let`, so reads need no exclusivity checks); a holder changes its value
/// by putting a new box in place.
@usableFromInline
final class SharedBox<Value: Sendable>: Sendable {
    @usableFromInline let value: Value

    init(_ value: Value) {
        self.value = value
    }
}

/// How a learner earns the badge: every challenge right, or at least a percentage.
public enum PassRule: Sendable, Hashable, Codable {
    case all
    case percent(Int)
}

/// A quiz folder: `quiz.md` plus its challenge files, ordered by file name.
public struct Quiz: Sendable, Hashable, Codable {
    public var slug: String
    public var path: String
    public var title: String
    public var description: String
    public var intro: RichText
    public var badge: String?
    public var pass: PassRule
    public var tags: [String]
    public var challenges: [Challenge]
    public var location: SourceLocation

    public init(slug: String, path: String, title: String, description: String, intro: RichText, badge: String?,
                pass: PassRule, tags: [String], challenges: [Challenge], location: SourceLocation) {
        self.slug = slug
        self.path = path
        self.title = title
        self.description = description
        self.intro = intro
        self.badge = badge
        self.pass = pass
        self.tags = tags
        self.challenges = challenges
        self.location = location
    }
}

/// `site.yml` plus every quiz.
public struct Site: Sendable, Hashable, Codable {
    public var title: String
    public var description: String
    public var baseURL: String
    public var language: String
    public var unsafeHTML: Bool
    public var quizzes: [Quiz]

    public init(title: String, description: String, baseURL: String, language: String, unsafeHTML: Bool, quizzes: [Quiz]) {
        self.title = title
        self.description = description
        self.baseURL = baseURL
        self.language = language
        self.unsafeHTML = unsafeHTML
        self.quizzes = quizzes
    }
}

/// What running a challenge's `python` fences produced.
public struct ExecutionResult: Sendable, Hashable, Codable {
    /// A Python exception that escaped the snippet, located in the Markdown file.
    public struct RaisedError: Sendable, Hashable, Codable {
        public var type: String
        public var message: String
        public var location: SourceLocation?

        public init(type: String, message: String, location: SourceLocation?) {
            self.type = type
            self.message = message
            self.location = location
        }

        /// `RuntimeError: message`, the last line of a Python traceback.
        public var line: String { message.isEmpty ? type : "\(type): \(message)" }
    }

    public var stdout: String
    public var error: RaisedError?
    /// `str()` of the top-level variables the challenge's texts can use (`{{ name }}` in hints and explanations,
    /// numbers they quote): see `Placeholders.variablesNeeded`.
    public var variables: [String: String]
    /// Every top-level variable's name in the order the snippet bound them (modules left out), printed or not.
    public var globals: [String]

    /// `globals` defaults to the names of `variables`, sorted.
    public init(stdout: String, error: RaisedError?, variables: [String: String], globals: [String]? = nil) {
        self.stdout = stdout
        self.error = error
        self.variables = variables
        self.globals = globals ?? variables.keys.sorted()
    }

    private enum CodingKeys: String, CodingKey { case stdout, error, variables, globals }

    /// Recorded results from before `globals` existed decode with the names of their variables.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        stdout = try container.decode(String.self, forKey: .stdout)
        error = try container.decodeIfPresent(RaisedError.self, forKey: .error)
        variables = try container.decode([String: String].self, forKey: .variables)
        globals = try container.decodeIfPresent([String].self, forKey: .globals) ?? variables.keys.sorted()
    }
}

/// A challenge after compilation: its result and its texts with `{{ name }}` filled in. Boxed like `Challenge`: one
/// retain per copy.
public struct CompiledChallenge: Sendable, Hashable, Codable {
    @usableFromInline
    struct Fields: Sendable, Hashable, Codable {
        @usableFromInline var challenge: Challenge
        @usableFromInline var result: ExecutionResult?
        @usableFromInline var hintHTML: String?
        @usableFromInline var explanationHTML: String?
    }

    @usableFromInline var box: SharedBox<Fields>

    public var challenge: Challenge { @inlinable get { box.value.challenge } set { update { $0.challenge = newValue } } }
    public var result: ExecutionResult? { @inlinable get { box.value.result } set { update { $0.result = newValue } } }
    public var hintHTML: String? { @inlinable get { box.value.hintHTML } set { update { $0.hintHTML = newValue } } }
    public var explanationHTML: String? { @inlinable get { box.value.explanationHTML } set { update { $0.explanationHTML = newValue } } }

    public init(challenge: Challenge, result: ExecutionResult?, hintHTML: String?, explanationHTML: String?) {
        box = SharedBox(Fields(challenge: challenge, result: result, hintHTML: hintHTML, explanationHTML: explanationHTML))
    }

    private mutating func update(_ change: (inout Fields) -> Void) {
        var fields = box.value
        change(&fields)
        box = SharedBox(fields)
    }

    public static func == (a: CompiledChallenge, b: CompiledChallenge) -> Bool { a.box.value == b.box.value }
    public func hash(into hasher: inout Hasher) { box.value.hash(into: &hasher) }
    /// The same keys as the fields held inline would have.
    public init(from decoder: any Decoder) throws { box = SharedBox(try Fields(from: decoder)) }
    public func encode(to encoder: any Encoder) throws { try box.value.encode(to: encoder) }
}

public struct CompiledQuiz: Sendable, Hashable, Codable {
    public var quiz: Quiz
    public var challenges: [CompiledChallenge]

    public init(quiz: Quiz, challenges: [CompiledChallenge]) {
        self.quiz = quiz
        self.challenges = challenges
    }
}

public struct CompiledSite: Sendable, Hashable, Codable {
    public var site: Site
    public var quizzes: [CompiledQuiz]

    public init(site: Site, quizzes: [CompiledQuiz]) {
        self.site = site
        self.quizzes = quizzes
    }
}
