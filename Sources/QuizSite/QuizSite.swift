import Mustache
import QuizCore

/// Renders a validated site to HTML pages, static assets and JSON bundles. Pure: no disk, no clock, so two
/// renders of the same input are byte-identical; the CLI writes the result.
public enum QuizSite {
    /// Every output file, keyed by its path relative to the output folder (`index.html`, `<quiz>/index.html`,
    /// `assets/quiz.css`, `api/index.json`, `api/<quiz>.json`, `api/schema/*.schema.json`).
    public static func render(site: CompiledSite, templates: TemplateSet,
                              highlighter: any CodeHighlighter = PlainHighlighter(),
                              compilerVersion: String = "0.1.0") throws(QuizSiteError) -> [String: [UInt8]] {
        try render(site: site.site, parts: site.quizzes.map(QuizPart.compiled), templates: templates,
                   highlighter: highlighter, compilerVersion: compilerVersion).files
    }

    /// One quiz of an incremental build: compiled (render it) or reused from the previous output (only its summary
    /// is needed, for the catalog).
    public enum QuizPart: Sendable {
        case compiled(CompiledQuiz)
        case reused(QuizSummary)
    }

    /// The files of the compiled parts, the catalog and the shared files, and every part's summary in order.
    public static func render(site: Site, parts: [QuizPart], templates: TemplateSet,
                              highlighter: any CodeHighlighter = PlainHighlighter(),
                              compilerVersion: String = "0.1.0") throws(QuizSiteError) -> (files: [String: [UInt8]], summaries: [QuizSummary]) {
        let library = try templates.library()
        var output = renderShared(templates: templates)
        var summaries: [QuizSummary] = []
        for part in parts {
            switch part {
            case .compiled(let quiz):
                let rendered = renderQuiz(quiz, site: site, library: library, highlighter: highlighter, compilerVersion: compilerVersion)
                output.merge(rendered.files) { $1 }
                summaries.append(rendered.summary)
            case .reused(let summary):
                summaries.append(summary)
            }
        }
        output.merge(renderCatalog(site: site, quizzes: summaries, library: library, compilerVersion: compilerVersion)) { $1 }
        return (output, summaries)
    }

    /// The files that depend only on the templates: `assets/*` and `api/schema/*`.
    static func renderShared(templates: TemplateSet) -> [String: [UInt8]] {
        var output: [String: [UInt8]] = [:]
        for (name, schema) in BundleSchema.all {
            output["api/schema/\(name)"] = Array(schema.serialized().utf8)
        }
        for asset in templates.assets {
            output["assets/\(asset.name)"] = asset.bytes
        }
        return output
    }

    /// One quiz's page and bundle, and its catalog summary.
    static func renderQuiz(_ compiled: CompiledQuiz, site: Site, library: MustacheLibrary, highlighter: any CodeHighlighter,
                           compilerVersion: String) -> RenderedQuiz {
        let quiz = QuizView(compiled: compiled, site: site, highlighter: highlighter)
        let context = quizContext(site: site, quiz: quiz, compilerVersion: compilerVersion)
        return RenderedQuiz(files: [
            "\(quiz.slug)/index.html": Array(page(library, body: "quiz", context: context).utf8),
            "api/\(quiz.slug).json": Array(quiz.bundle(compilerVersion: compilerVersion).serialized().utf8),
        ], summary: QuizSummary(quiz))
    }

    /// `index.html` and `api/index.json` from every quiz's summary, in catalog order.
    static func renderCatalog(site: Site, quizzes: [QuizSummary], library: MustacheLibrary,
                              compilerVersion: String) -> [String: [UInt8]] {
        let catalog = catalogContext(site: site, quizzes: quizzes, compilerVersion: compilerVersion)
        return [
            "index.html": Array(page(library, body: "catalog", context: catalog).utf8),
            "api/index.json": Array(catalogBundle(site: site, quizzes: quizzes, compilerVersion: compilerVersion).serialized().utf8),
        ]
    }

    /// Renders `body` into the `layout` template.
    private static func page(_ library: MustacheLibrary, body: String, context: [String: Any]) -> String {
        var context = context
        context["body"] = library.render(context, withTemplate: body) ?? ""
        return library.render(context, withTemplate: "layout") ?? ""
    }
}
