import QuizCore

extension SiteRenderer {
    /// Renders the compiled parts `batch` quizzes at a time (each batch in a task group) and hands each batch's files
    /// to `sink` before rendering the next, so a large site is never held in memory whole; returns every part's
    /// summary in order (reused parts give theirs). The catalog and shared files are left to `renderCatalog` and
    /// `renderSharedFiles`. The files do not depend on task order.
    public func renderQuizzes(_ site: Site, parts: [QuizSite.QuizPart], batch: Int,
                              sink: ([String: [UInt8]]) throws -> Void) async rethrows -> [QuizSummary] {
        var summaries = parts.map { part -> QuizSummary? in
            if case .reused(let summary) = part { summary } else { nil }
        }
        let compiled = parts.indices.filter { if case .compiled = parts[$0] { true } else { false } }
        var start = 0
        while start < compiled.count {
            let indices = compiled[start..<min(start + max(1, batch), compiled.count)]
            start = indices.endIndex
            var files: [String: [UInt8]] = [:]
            await withTaskGroup(of: (Int, QuizSummary, [String: [UInt8]]).self) { group in
                for index in indices {
                    guard case .compiled(let quiz) = parts[index] else { continue }
                    group.addTask {
                        let view = QuizView(compiled: quiz, highlighter: highlighter)
                        return (index, QuizSummary(view.facts), renderQuiz(view, site: site))
                    }
                }
                for await (index, summary, rendered) in group {
                    summaries[index] = summary
                    files.merge(rendered) { $1 }
                }
            }
            try sink(files)
        }
        return summaries.map { $0! }
    }
}
