import QuizCore

extension SiteRenderer {
    /// Renders the compiled parts, at most `width` quizzes at once, each task handing its quiz's files to `sink` as
    /// soon as they are rendered (so writing overlaps rendering and a large site is never held in memory whole);
    /// returns every part's summary in order (reused parts give theirs). The catalog and shared files are left to
    /// `renderCatalog` and `renderSharedFiles`. `sink` runs concurrently; the files do not depend on task order.
    public func renderQuizzes(_ site: Site, parts: [QuizSite.QuizPart], width: Int,
                              sink: @escaping @Sendable ([String: [UInt8]]) throws -> Void) async throws -> [QuizSummary] {
        var summaries = parts.map { part -> QuizSummary? in
            if case .reused(let summary) = part { summary } else { nil }
        }
        let compiled: [(Int, CompiledQuiz)] = parts.enumerated().compactMap { index, part in
            if case .compiled(let quiz) = part { (index, quiz) } else { nil }
        }
        let renderer = self
        try await withThrowingTaskGroup(of: (Int, QuizSummary).self) { group in
            var next = 0
            while next < compiled.count {
                if next >= max(1, width), let (index, summary) = try await group.next() { summaries[index] = summary }
                let (index, quiz) = compiled[next]
                group.addTask {
                    let view = QuizView(compiled: quiz, highlighter: renderer.highlighter)
                    try sink(renderer.renderQuiz(view, site: site))
                    return (index, QuizSummary(view.facts))
                }
                next += 1
            }
            while let (index, summary) = try await group.next() { summaries[index] = summary }
        }
        return summaries.map { $0! }
    }
}
