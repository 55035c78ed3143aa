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
        let library = try templates.library()
        let quizzes = site.quizzes.map { QuizView(compiled: $0, site: site.site, highlighter: highlighter) }
        var output: [String: [UInt8]] = [:]

        let catalog = catalogContext(site: site.site, quizzes: quizzes, compilerVersion: compilerVersion)
        output["index.html"] = Array(page(library, body: "catalog", context: catalog).utf8)
        for quiz in quizzes {
            let context = quizContext(site: site.site, quiz: quiz, compilerVersion: compilerVersion)
            output["\(quiz.slug)/index.html"] = Array(page(library, body: "quiz", context: context).utf8)
            output["api/\(quiz.slug).json"] = Array(quiz.bundle(compilerVersion: compilerVersion).serialized().utf8)
        }
        output["api/index.json"] = Array(catalogBundle(site: site.site, quizzes: quizzes,
                                                       compilerVersion: compilerVersion).serialized().utf8)
        for (name, schema) in BundleSchema.all {
            output["api/schema/\(name)"] = Array(schema.serialized().utf8)
        }
        for asset in templates.assets {
            output["assets/\(asset.name)"] = asset.bytes
        }
        return output
    }

    /// Renders `body` into the `layout` template.
    private static func page(_ library: MustacheLibrary, body: String, context: [String: Any]) -> String {
        var context = context
        context["body"] = library.render(context, withTemplate: body) ?? ""
        return library.render(context, withTemplate: "layout") ?? ""
    }
}
