import QuizCore

extension SiteRenderer {
    /// One compiled quiz's files (`<slug>/index.html`, `api/<slug>.json`) and its catalog summary. A build calls it
    /// as each quiz finishes compiling and streams the files to the staged output, so pages render while other
    /// quizzes still run and a large site is never held in memory whole; the catalog and shared files are left to
    /// `renderCatalog` and `renderSharedFiles`.
    public func renderQuizAndSummary(_ quiz: CompiledQuiz, site: Site) -> (files: [String: [UInt8]], summary: QuizSummary) {
        let view = QuizView(compiled: quiz, highlighter: highlighter)
        return (renderQuiz(view, site: site), QuizSummary(view.facts))
    }
}
