import Mustache
import QuizCore

/// Renders a validated site to HTML pages, static assets and JSON bundles. Pure: no disk, no clock, so two
/// renders of the same input are byte-identical; the CLI writes the result.
public enum QuizSite {
    /// Every output file, keyed by its path relative to the output folder (`index.html`, `<quiz>/index.html`,
    /// `assets/quiz.css`, `api/index.json`, `api/<quiz>.json`, `api/schema/*.schema.json`). One quiz after another.
    public static func render(site: CompiledSite, templates: TemplateSet,
                              highlighter: any CodeHighlighter = PlainHighlighter(),
                              compilerVersion: String = "0.1.0") throws(QuizSiteError) -> [String: [UInt8]] {
        let renderer = try SiteRenderer(templates: templates, highlighter: highlighter, compilerVersion: compilerVersion)
        var output = renderer.renderSharedFiles()
        var facts: [QuizFacts] = []
        for quiz in site.quizzes {
            let view = QuizView(compiled: quiz, highlighter: highlighter)
            output.merge(renderer.renderQuiz(view, site: site.site)) { $1 }
            facts.append(view.facts)
        }
        output.merge(renderer.renderCatalog(site.site, quizzes: facts)) { $1 }
        return output
    }

    /// The same files as `render`, with the quizzes rendered concurrently (each quiz's bytes do not depend on the
    /// order the tasks finish in).
    public static func renderConcurrently(site: CompiledSite, templates: TemplateSet,
                                          highlighter: any CodeHighlighter = PlainHighlighter(),
                                          compilerVersion: String = "0.1.0") async throws(QuizSiteError) -> [String: [UInt8]] {
        let renderer = try SiteRenderer(templates: templates, highlighter: highlighter, compilerVersion: compilerVersion)
        return await renderer.renderSite(site)
    }

    /// One quiz of an incremental build: compiled (render it) or reused from the previous output (only its summary
    /// is needed, for the catalog).
    public enum QuizPart: Sendable {
        case compiled(CompiledQuiz)
        case reused(QuizSummary)
    }

    /// The files of one quiz: `<slug>/index.html` and `api/<slug>.json`.
    public static func renderQuiz(_ quiz: CompiledQuiz, site: Site, templates: TemplateSet,
                                  highlighter: any CodeHighlighter = PlainHighlighter(),
                                  compilerVersion: String = "0.1.0") throws(QuizSiteError) -> [String: [UInt8]] {
        try SiteRenderer(templates: templates, highlighter: highlighter, compilerVersion: compilerVersion)
            .renderQuiz(quiz, site: site)
    }
}

/// Templates parsed once, plus the highlighter and compiler version: renders any quiz, the catalog and the shared
/// files separately, so a rebuild can re-render only what changed, and several quizzes at once.
public struct SiteRenderer: Sendable {
    /// The parsed templates; nil when the compiled form renders every page (always for the built-in templates).
    let library: MustacheLibrary?
    /// The same templates in the fast renderer's form; nil when they use Mustache features it leaves to the library.
    let compiled: CompiledTemplates?
    let templates: TemplateSet
    let highlighter: any CodeHighlighter
    let compilerVersion: String

    /// Whether pages render with `CompiledTemplates` (true for the built-in templates) rather than swift-mustache.
    public var usesCompiledTemplates: Bool { compiled != nil }

    /// Fails with located diagnostics when a template does not parse or a required one is missing.
    public init(templates: TemplateSet, highlighter: any CodeHighlighter = PlainHighlighter(),
                compilerVersion: String = "0.1.0") throws(QuizSiteError) {
        if templates.hasBuiltInTemplates, let builtIn = CompiledTemplates.builtIn {
            // The built-in templates are known to parse and compile: they ship compiled.
            library = nil
            compiled = builtIn
        } else {
            let parsed = try templates.parsed()
            let compiled = CompiledTemplates(parsed.templates)
            library = compiled == nil ? parsed.library : nil
            self.compiled = compiled
        }
        self.templates = templates
        self.highlighter = highlighter
        self.compilerVersion = compilerVersion
    }

    /// `<slug>/index.html` and `api/<slug>.json`.
    public func renderQuiz(_ quiz: CompiledQuiz, site: Site) -> [String: [UInt8]] {
        renderQuiz(QuizView(compiled: quiz, highlighter: highlighter), site: site)
    }

    func renderQuiz(_ view: QuizView, site: Site) -> [String: [UInt8]] {
        let context = QuizSite.quizContext(site: site, quiz: view, compilerVersion: compilerVersion)
        return [
            "\(view.slug)/index.html": page(body: "quiz", context: context,
                                            capacity: QuizView.bufferCapacity(forText: view.facts.textSize)),
            "api/\(view.slug).json": view.bundleBytes(compilerVersion: compilerVersion),
        ]
    }

    /// `index.html` and `api/index.json`: they list every quiz with its content hash, so they change whenever any
    /// quiz does.
    public func renderCatalog(_ site: CompiledSite) -> [String: [UInt8]] {
        renderCatalog(site.site, quizzes: site.quizzes.map(QuizFacts.init))
    }

    func renderCatalog(_ site: Site, quizzes: [QuizFacts]) -> [String: [UInt8]] {
        renderCatalog(site, summaries: quizzes.map(QuizSummary.init))
    }

    /// `index.html` and `api/index.json` from every quiz's summary, in catalog order (incremental builds keep the
    /// summaries of the quizzes they do not render again).
    public func renderCatalog(_ site: Site, summaries quizzes: [QuizSummary]) -> [String: [UInt8]] {
        let catalog = QuizSite.catalogContext(site: site, quizzes: quizzes, compilerVersion: compilerVersion)
        return [
            "index.html": page(body: "catalog", context: catalog),
            "api/index.json": QuizSite.catalogBundle(site: site, quizzes: quizzes, compilerVersion: compilerVersion)
                .serializedBytes(),
        ]
    }

    /// `assets/*` from the template set and the bundle schemas `api/schema/*.schema.json`: the same for every site.
    public func renderSharedFiles() -> [String: [UInt8]] {
        var output: [String: [UInt8]] = [:]
        for (name, schema) in BundleSchema.all {
            output["api/schema/\(name)"] = schema.serializedBytes()
        }
        for asset in templates.assets {
            output["assets/\(asset.name)"] = asset.bytes
        }
        return output
    }

    /// Every file of the site, the quizzes rendered in a task group; the result is keyed by path, so it is the same
    /// whatever order the tasks finish in.
    public func renderSite(_ site: CompiledSite) async -> [String: [UInt8]] {
        await render(site.site, parts: site.quizzes.map(QuizSite.QuizPart.compiled)).files
    }

    /// The files of the compiled parts (rendered in a task group), the catalog and the shared files, and every part's
    /// summary in order; reused parts contribute only their summary. The result does not depend on task order.
    public func render(_ site: Site, parts: [QuizSite.QuizPart]) async -> (files: [String: [UInt8]], summaries: [QuizSummary]) {
        var output = renderSharedFiles()
        var summaries = parts.map { part -> QuizSummary? in
            if case .reused(let summary) = part { summary } else { nil }
        }
        await withTaskGroup(of: (Int, QuizSummary, [String: [UInt8]]).self) { group in
            for (index, part) in parts.enumerated() {
                guard case .compiled(let quiz) = part else { continue }
                group.addTask {
                    let (files, summary) = renderQuizAndSummary(quiz, site: site)
                    return (index, summary, files)
                }
            }
            for await (index, summary, files) in group {
                summaries[index] = summary
                output.merge(files) { $1 }
            }
        }
        let ordered = summaries.map { $0! }
        output.merge(renderCatalog(site, summaries: ordered)) { $1 }
        return (output, ordered)
    }

    /// Renders `body` into the `layout` template; `capacity` is about the page's size, for its buffers.
    private func page(body: String, context: TemplateValue, capacity: Int = 1 << 16) -> [UInt8] {
        guard case .object(var members, _) = context else { return [] }
        if let compiled {
            let rendered = compiled.render(body, context: context, capacity: capacity)
            let layoutCapacity = rendered.count + (1 << 14)
            members["body"] = .html(rendered)
            return compiled.render("layout", context: .object(members), capacity: layoutCapacity)
        }
        guard let library, var any = context.anyValue as? [String: Any] else { return [] }
        any["body"] = library.render(any, withTemplate: body) ?? ""
        return Array((library.render(any, withTemplate: "layout") ?? "").utf8)
    }
}
