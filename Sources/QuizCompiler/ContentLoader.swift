import QuizCore
import QuizMarkdown

/// Turns the bytes of a content bundle into the typed model, collecting every problem on the way.
public enum ContentLoader {
    static let siteKeys = ["title", "description", "base_url", "language", "unsafe_html"]
    static let quizKeys = ["title", "description", "badge", "pass", "tags", "time", "attempts", "difficulty"]
    static let challengeKeys = ["id", "type", "label", "difficulty", "time", "attempts", "tolerance", "tags", "multiple"]

    /// The site model plus its diagnostics; challenges that could not be read are left out.
    public static func load(_ bundle: ContentBundle) -> (site: Site, diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var site = Site(title: "Quizzes", description: "", baseURL: "", language: "en", unsafeHTML: false, quizzes: [])
        if let file = bundle.siteFile {
            let (loaded, found) = loadSite(file, into: site)
            site = loaded
            diagnostics += found
        }
        for folder in bundle.quizzes {
            let (quiz, found) = loadQuiz(folder, unsafeHTML: site.unsafeHTML)
            diagnostics += found
            if let quiz { site.quizzes.append(quiz) }
        }
        return (site, diagnostics)
    }

    static func loadSite(_ file: ContentFile, into defaults: Site) -> (Site, [Diagnostic]) {
        if let diagnostic = tooLarge(file) { return (defaults, [diagnostic]) }
        let source: SourceText
        switch SourceText.decode(path: file.path, bytes: file.bytes) {
        case .success(let text): source = text
        case .failure(let diagnostic): return (defaults, [MalformedFile.relabel(diagnostic)])
        }
        let frontMatter: FrontMatter
        switch FrontMatter.decode(source.text, path: file.path, firstLine: 1) {
        case .success(let decoded): frontMatter = decoded
        case .failure(let diagnostic): return (defaults, [MalformedFile.relabel(diagnostic)])
        }
        var reader = FrontMatterReader(frontMatter, at: SourceLocation(file: file.path, line: 1),
                                       knownKeys: siteKeys, fileKind: "site.yml")
        var site = defaults
        site.title = reader.string("title") ?? site.title
        site.description = reader.string("description") ?? site.description
        site.baseURL = reader.string("base_url") ?? site.baseURL
        site.language = reader.string("language") ?? site.language
        site.unsafeHTML = reader.bool("unsafe_html") ?? site.unsafeHTML
        return (site, reader.diagnostics)
    }

    /// No real challenge comes near this; a bigger file is a mistake (or an attack on the build's memory).
    static let maxFileBytes = 1 << 20

    static func tooLarge(_ file: ContentFile) -> Diagnostic? {
        guard file.bytes.count > maxFileBytes else { return nil }
        return .error("file is too large: \(file.bytes.count) bytes; content files are limited to \(maxFileBytes) bytes (1 MiB)",
                      at: SourceLocation(file: file.path, line: 1), rule: MalformedFile.description.id)
    }

    static func parse(_ file: ContentFile, unsafeHTML: Bool) -> Result<MarkdownDocument, Diagnostic> {
        if let diagnostic = tooLarge(file) { return .failure(diagnostic) }
        switch SourceText.decode(path: file.path, bytes: file.bytes) {
        case .success(let source):
            if source.text.allSatisfy(\.isWhitespace) {
                return .failure(.error("file is empty", at: SourceLocation(file: file.path, line: 1),
                                       rule: MalformedFile.description.id))
            }
            return QuizMarkdown.parse(source, unsafeHTML: unsafeHTML).mapError(MalformedFile.relabel)
        case .failure(let diagnostic):
            return .failure(MalformedFile.relabel(diagnostic))
        }
    }

    static func loadQuiz(_ folder: ContentBundle.QuizFolder, unsafeHTML: Bool) -> (Quiz?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let quizPath = folder.quizFile?.path ?? folder.path + "/quiz.md"
        let start = SourceLocation(file: quizPath, line: 1)
        var quiz = Quiz(slug: folder.slug, path: quizPath, title: folder.slug, description: "",
                        intro: RichText(markdown: "", html: ""), badge: nil, pass: .all, tags: [],
                        challenges: [], location: start)
        var defaults = ChallengeDefaults()
        if !["", ".", ".."].contains(folder.slug), !ContentBundle.isSlug(folder.slug) {
            diagnostics.append(.error("quiz folder name `\(folder.slug)` is not a slug: use \(ContentBundle.slugRule) "
                                      + "(it becomes the quiz's URL)",
                                      at: SourceLocation(file: folder.path, line: 1), rule: MalformedFile.description.id))
        }
        if let file = folder.quizFile {
            switch parse(file, unsafeHTML: unsafeHTML) {
            case .failure(let diagnostic):
                diagnostics.append(diagnostic)
            case .success(let document):
                var reader = FrontMatterReader(document.frontMatter, at: start, knownKeys: quizKeys, fileKind: "quiz")
                let heading = document.blocks.first { if case .heading(1, _) = $0.kind { true } else { false } }
                var introBlocks = document.blocks
                if let heading, case .heading(_, let text) = heading.kind {
                    quiz.title = text
                    introBlocks.removeAll { $0 == heading }
                }
                quiz.title = reader.string("title") ?? quiz.title
                quiz.description = reader.string("description") ?? ""
                quiz.badge = reader.string("badge")
                quiz.tags = reader.stringList("tags")
                if let pass = reader.string("pass") {
                    if let rule = PassRule(parsing: pass) { quiz.pass = rule } else {
                        reader.fail("pass", expected: "`all` or a percentage like `80%`", found: "`\(pass)`")
                    }
                }
                defaults.time = reader.duration("time")
                defaults.attempts = reader.positiveInt("attempts")
                defaults.difficulty = reader.oneOf("difficulty", Difficulty.self)
                let markdown = document.markdown(of: introBlocks)
                quiz.intro = RichText(markdown: markdown, html: QuizMarkdown.html(markdown, unsafeHTML: unsafeHTML),
                                      location: introBlocks.first?.location)
                diagnostics += reader.diagnostics
            }
        } else {
            diagnostics.append(.error("quiz folder `\(folder.path)` has no quiz.md", at: start,
                                      notes: [.init("create it with `quizc new quiz \(folder.slug)`")],
                                      rule: MalformedFile.description.id))
        }
        var idLocations: [String: SourceLocation] = [:]
        for file in folder.challengeFiles {
            switch parse(file, unsafeHTML: unsafeHTML) {
            case .failure(let diagnostic):
                diagnostics.append(diagnostic)
            case .success(let document):
                let built = ChallengeBuilder(document: document, defaults: defaults, unsafeHTML: unsafeHTML).build()
                diagnostics += built.diagnostics
                // An `id:` that is not a slug was reported by the builder (which fell back to the file name).
                if let id = built.challenge?.id, !ContentBundle.isSlug(id), document.frontMatter?["id"]?.value.string != id {
                    diagnostics.append(notASlug(id, file: file))
                }
                if let challenge = built.challenge {
                    quiz.challenges.append(challenge)
                    idLocations[challenge.path] = built.idLocation
                }
            }
        }
        diagnostics += DuplicateChallengeID.check(quiz.challenges, idLocations: idLocations)
        if folder.challengeFiles.isEmpty, let empty = EmptyQuiz.check(quiz) { diagnostics.append(empty) }
        return (quiz, diagnostics)
    }

    /// A challenge file name that is not a slug (and so cannot be its id).
    static func notASlug(_ id: String, file: ContentFile) -> Diagnostic {
        .error("challenge file name `\(id).md` is not a slug: use \(ContentBundle.slugRule) (it becomes the "
               + "challenge's id in URLs), or set `id:` in the front matter",
               at: SourceLocation(file: file.path, line: 1), rule: MalformedFile.description.id)
    }
}

/// Values a quiz's front matter sets for all its challenges.
struct ChallengeDefaults {
    var time: Int?
    var attempts: Int?
    var difficulty: Difficulty?
}

extension PassRule {
    /// `all`, `100%`, `80%` or `80`.
    public init?(parsing text: String) {
        let trimmed = text.trimmingCharacters(in: " ")
        if trimmed.lowercased() == "all" {
            self = .all
            return
        }
        let digits = trimmed.hasSuffix("%") ? String(trimmed.dropLast()) : trimmed
        guard let percent = Int(digits), (1...100).contains(percent) else { return nil }
        self = .percent(percent)
    }
}
