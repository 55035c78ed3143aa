import QuizCore
import QuizMarkdown

/// Builds one `Challenge` from a parsed challenge file: front matter, title, prompt and known sections.
struct ChallengeBuilder {
    static let sectionNames = ["choices", "answer", "hint", "explanation"]

    let document: MarkdownDocument
    let defaults: ChallengeDefaults
    let unsafeHTML: Bool

    struct Output {
        var challenge: Challenge?
        var diagnostics: [Diagnostic]
        var idLocation: SourceLocation?
    }

    private var path: String { document.path }

    func build() -> Output {
        let start = SourceLocation(file: path, line: 1)
        var reader = FrontMatterReader(document.frontMatter, at: start, knownKeys: ContentLoader.challengeKeys,
                                       fileKind: "challenge")
        var diagnostics: [Diagnostic] = []
        for block in document.blocks {
            if case .code(let fence) = block.kind, let unclosed = UnclosedFence.check(fence) { diagnostics.append(unclosed) }
        }

        let type = reader.oneOf("type", ChallengeType.self)
        if !reader.has("type") {
            reader.missing("type", expected: "one of " + ChallengeType.allCases.map(\.rawValue).joined(separator: ", "))
        }
        let difficulty = reader.oneOf("difficulty", Difficulty.self) ?? defaults.difficulty
        if !reader.has("difficulty"), defaults.difficulty == nil {
            reader.missing("difficulty", expected: "one of " + Difficulty.allCases.map(\.rawValue).joined(separator: ", "))
        }
        let fileName = Self.fileName(path)
        let stem = fileName.hasSuffix(".md") ? String(fileName.dropLast(3)) : fileName
        var id = reader.string("id") ?? stem
        if let given = reader.string("id"), !ContentBundle.isSlug(given) {
            reader.fail("id", expected: "a slug (\(ContentBundle.slugRule))", found: "`\(given)`")
            id = stem
        }
        let label = reader.string("label")
        let time = reader.duration("time") ?? defaults.time ?? 60
        let attempts = reader.positiveInt("attempts") ?? defaults.attempts ?? 1
        let tolerance = reader.nonNegativeDouble("tolerance")
        let multiple = reader.bool("multiple") ?? false
        let tags = reader.stringList("tags")
        diagnostics += reader.diagnostics

        let allSections = document.sections(maxLevel: 2).sections
        guard let titleIndex = allSections.firstIndex(where: { $0.level == 1 }) else {
            diagnostics.append(.error("challenge has no title; start the body with a `# Title` line",
                                      at: SourceLocation(file: path, line: document.bodyFirstLine),
                                      rule: MalformedFile.description.id))
            return Output(challenge: nil, diagnostics: diagnostics)
        }
        guard let type, let difficulty else { return Output(challenge: nil, diagnostics: diagnostics) }

        let titleSection = allSections[titleIndex]
        let sections = splitSections(titleSection, following: allSections[(titleIndex + 1)...], diagnostics: &diagnostics)
        let promptBlocks = sections.prompt
        var codeBlocks: [CodeBlock] = []
        var shownPrompt: [MarkdownBlock] = []
        for block in promptBlocks {
            if case .code(let fence) = block.kind {
                let code = codeBlock(fence)
                codeBlocks.append(code)
                if code.role == .setup { continue }
            }
            shownPrompt.append(block)
        }
        let promptMarkdown = shownPrompt.map { document.source.slice($0.startLine...$0.endLine) }.joined(separator: "\n")
        let prompt = RichText(markdown: promptMarkdown,
                              html: document.html(of: shownPrompt, markdown: promptMarkdown, unsafeHTML: unsafeHTML),
                              location: promptBlocks.first?.location)

        var choices: [Choice] = []
        if let section = sections.named["choices"] {
            choices = self.choices(in: section.blocks, diagnostics: &diagnostics)
        }
        var answer: CodeBlock?
        if let section = sections.named["answer"] {
            for block in section.blocks {
                if case .code(let fence) = block.kind {
                    answer = codeBlock(fence)
                    break
                }
            }
            if answer == nil {
                diagnostics.append(.error("`## Answer` has no code fence; put the expected output in a ```text fence",
                                          at: section.heading.location, rule: RequiredSections.description.id))
            }
        }
        let challenge = Challenge(
            id: id, path: path, type: type, label: label, difficulty: difficulty, timeSeconds: time,
            attempts: attempts, tolerance: tolerance, multiple: multiple, tags: tags, title: titleSection.title, prompt: prompt,
            codeBlocks: codeBlocks, choices: choices, answer: answer,
            hint: sections.named["hint"].map(richText), explanation: sections.named["explanation"].map(richText),
            location: titleSection.heading.location)
        return Output(challenge: challenge, diagnostics: diagnostics,
                      idLocation: document.frontMatter?["id"]?.value.location)
    }

    /// The last path component, by bytes when the path is ASCII (else by characters, as `split` sees them).
    static func fileName(_ path: String) -> String {
        guard path.utf8.allSatisfy({ $0 < 0x80 }) else { return path.split(separator: "/").last.map(String.init) ?? path }
        let utf8 = path.utf8
        var end = utf8.endIndex
        while end > utf8.startIndex, utf8[utf8.index(before: end)] == UInt8(ascii: "/") { end = utf8.index(before: end) }
        let start = utf8[..<end].lastIndex(of: UInt8(ascii: "/")).map(utf8.index(after:)) ?? utf8.startIndex
        return start < end ? String(path[start..<end]) : path
    }

    /// The prompt (the title's blocks plus unknown `##` sections before the first known one) and each known
    /// section; unknown sections after that are ignored with a warning.
    private func splitSections(_ title: MarkdownSection, following: ArraySlice<MarkdownSection>,
                               diagnostics: inout [Diagnostic]) -> (prompt: [MarkdownBlock], named: [String: MarkdownSection]) {
        var prompt = title.blocks
        var named: [String: MarkdownSection] = [:]
        var promptEnded = false
        for section in following {
            let name = section.title.trimmingCharacters(in: " ").lowercased()
            if Self.sectionNames.contains(name) {
                if named[name] != nil {
                    diagnostics.append(.error("duplicate section `## \(section.title)`", at: section.heading.location,
                                              rule: RequiredSections.description.id))
                }
                named[name] = section
                promptEnded = true
            } else if !promptEnded, section.level == 2 {
                prompt += [section.heading] + section.blocks
            } else {
                var message = "unknown section `\(String(repeating: "#", count: section.level)) \(section.title)`"
                if let suggestion = closestName(to: name, in: Self.sectionNames) {
                    message += "; did you mean `## \(suggestion.prefix(1).uppercased() + suggestion.dropFirst())`?"
                }
                diagnostics.append(.warning(message, at: section.heading.location,
                                            notes: [.init("known sections: Choices, Answer, Hint, Explanation")],
                                            rule: RequiredSections.description.id))
                promptEnded = true
            }
        }
        return (prompt, named)
    }

    private func richText(_ section: MarkdownSection) -> RichText {
        let markdown = section.blocks.isEmpty ? "" : document.markdown(of: section.blocks)
        return RichText(markdown: markdown, html: document.html(of: section.blocks, markdown: markdown, unsafeHTML: unsafeHTML),
                        location: section.blocks.first?.location ?? section.heading.location)
    }

    private func codeBlock(_ fence: CodeFence) -> CodeBlock {
        let (language, second) = Self.infoWords(fence.info)
        let role: CodeBlock.Role
        switch (language, second) {
        case ("python", nil), ("py", nil): role = .run
        case ("python", "norun"), ("py", "norun"): role = .norun
        case ("python", "setup"), ("py", "setup"): role = .setup
        case ("text", _), ("", _), ("output", _), ("console", _): role = .text
        default: role = .other
        }
        return CodeBlock(info: fence.info, language: language, role: role, code: fence.code, location: fence.location,
                         firstCodeLine: fence.firstCodeLine)
    }

    /// The first two words of a fence's info string, as `split(separator: " ")` gives them: over bytes when the string
    /// is ASCII (where a space is always a character of its own), else by characters.
    static func infoWords(_ info: String) -> (first: String, second: String?) {
        var info = info
        if let words = info.withUTF8({ bytes -> (String, String?)? in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
            var words: [String] = []
            var index = 0
            while index < bytes.count, words.count < 2 {
                while index < bytes.count, bytes[index] == 0x20 { index += 1 }
                let start = index
                while index < bytes.count, bytes[index] != 0x20 { index += 1 }
                if index > start { words.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)) }
            }
            return (words.first ?? "", words.count > 1 ? words[1] : nil)
        }) {
            return words
        }
        let words = info.split(separator: " ").map(String.init)
        return (words.first ?? "", words.dropFirst().first)
    }

    private func choices(in blocks: [MarkdownBlock], diagnostics: inout [Diagnostic]) -> [Choice] {
        var choices: [Choice] = []
        for block in blocks {
            guard case .list(let items) = block.kind else { continue }
            for item in items {
                guard let task = item.task else {
                    diagnostics.append(.error("choice must start with `[x]` (correct) or `[ ]` (wrong)", at: item.location,
                                              rule: ChoiceStructure.description.id))
                    continue
                }
                var codeText = item.codeBlock.map(Placeholders.withoutFinalLineFeed)
                if codeText == nil, item.codeSpans.count == 1 { codeText = item.codeSpans[0] }
                choices.append(Choice(text: RichText(markdown: item.markdown, html: item.html, location: item.location),
                                      isMarked: task == .checked, codeText: codeText, location: item.location,
                                      codeSpans: item.codeSpans, markerLocation: item.taskMarkerLocation))
            }
        }
        return choices
    }
}
