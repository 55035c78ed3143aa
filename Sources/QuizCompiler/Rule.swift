import QuizCore

/// What a validation rule checks, with content that must and must not trigger it (run by the tests).
public struct RuleDescription: Sendable {
    /// Stable id printed in JSON and GitHub output, e.g. `answer-mismatch`.
    public var id: String
    public var summary: String
    public var triggeringExamples: [RuleExample]
    public var nonTriggeringExamples: [RuleExample]

    public init(id: String, summary: String, triggeringExamples: [RuleExample], nonTriggeringExamples: [RuleExample]) {
        self.id = id
        self.summary = summary
        self.triggeringExamples = triggeringExamples
        self.nonTriggeringExamples = nonTriggeringExamples
    }
}

/// A quiz folder's files (by file name; `quiz.md` is supplied when absent) and the recorded snippet result.
public struct RuleExample: Sendable {
    public var files: [String: String]
    public var result: ExecutionResult

    public init(files: [String: String], result: ExecutionResult = .init(stdout: "", error: nil, variables: [:])) {
        self.files = files
        self.result = result
    }

    /// One challenge file, `01-example.md`.
    public init(_ challenge: String, stdout: String = "", error: ExecutionResult.RaisedError? = nil,
                variables: [String: String] = [:]) {
        self.init(files: ["01-example.md": challenge],
                  result: ExecutionResult(stdout: stdout, error: error, variables: variables))
    }

    /// The example as a content bundle in folder `quiz`.
    public var bundle: ContentBundle {
        var files = files
        if files["quiz.md"] == nil { files["quiz.md"] = "---\ntitle: Example quiz\n---\n" }
        let quizFile = files["quiz.md"].map { ContentFile(path: "quiz/quiz.md", text: $0) }
        let challenges = files.filter { $0.key != "quiz.md" }.map { ContentFile(path: "quiz/\($0.key)", text: $0.value) }
        return ContentBundle(siteFile: nil, quizzes: [.init(path: "quiz", quizFile: quizFile, challengeFiles: challenges)])
    }
}

/// A rule over one challenge and what its snippet did.
public protocol ChallengeRule: Sendable {
    static var description: RuleDescription { get }
    func check(_ challenge: Challenge, _ result: ExecutionResult?) -> [Diagnostic]
}

extension QuizCompiler {
    /// Every rule that runs on compiled challenges, in reporting order.
    public static let challengeRules: [any ChallengeRule] = [
        UnexpectedSnippetError(), RequiredSections(), ChoiceStructure(), AnswerMatchesOutput(),
        MarkedChoiceMatchesOutput(), DistractorDiffersFromOutput(), DebugChoiceMatchesError(),
        UnknownPlaceholder(), QuotedNumbersMatch(),
    ]

    /// Descriptions of every rule, including the ones checked while loading files.
    public static var allRuleDescriptions: [RuleDescription] {
        [UnknownFrontMatterKey.description, InvalidFrontMatterValue.description, UnclosedFence.description,
         DuplicateChallengeID.description, EmptyQuiz.description, MalformedFile.description]
            + challengeRules.map { type(of: $0).description }
    }
}
