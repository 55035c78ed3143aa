import QuizCore

/// What the catalog page and `api/index.json` show of one quiz. Incremental builds keep it for every quiz whose
/// pages they reuse, so the catalog can be rendered without loading or rendering those quizzes again.
public struct QuizSummary: Sendable, Hashable, Codable {
    public var slug: String
    public var title: String
    public var description: String
    public var tags: [String]
    public var badge: String?
    public var pass: PassRule
    public var challengeCount: Int
    public var totalSeconds: Int
    /// Challenges per difficulty, in `Difficulty.allCases` order.
    public var difficultyCounts: [Int]
    public var contentHash: String

    init(_ quiz: QuizFacts) {
        let q = quiz.compiled.quiz
        slug = q.slug
        title = q.title
        description = q.description
        tags = q.tags
        badge = q.badge
        pass = q.pass
        challengeCount = quiz.challengeCount
        totalSeconds = quiz.totalSeconds
        difficultyCounts = Difficulty.allCases.map { quiz.count(of: $0) }
        contentHash = quiz.contentHash
    }

    func count(_ level: Difficulty) -> Int {
        Difficulty.allCases.firstIndex(of: level).map { difficultyCounts.indices.contains($0) ? difficultyCounts[$0] : 0 } ?? 0
    }
}
