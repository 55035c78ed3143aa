import QuizCore

/// The Mustache contexts of the catalog and quiz pages. Keys are documented in `templates/README.md`.
extension QuizSite {
    static func siteContext(_ site: Site, root: String, compilerVersion: String) -> TemplateObject {
        ["site": .object(["title": .string(site.title), "description": .string(site.description),
                          "language": .string(site.language.isEmpty ? "en" : site.language)]),
         "root": .string(root), "compilerVersion": .string(compilerVersion)]
    }

    static func catalogContext(site: Site, quizzes: [QuizSummary], compilerVersion: String) -> TemplateValue {
        var context = siteContext(site, root: "", compilerVersion: compilerVersion)
        context["pageTitle"] = .string(site.title)
        context["isCatalog"] = .bool(true)
        context["quizzes"] = .objects(quizzes.map { .object(quizSummary($0)) })
        context["quizCount"] = .int(quizzes.count)
        return .object(context)
    }

    static func quizSummary(_ q: QuizSummary) -> TemplateObject {
        let count = q.challengeCount
        return [
            "slug": .string(q.slug), "url": .string("\(q.slug)/index.html"), "title": .string(q.title),
            "description": .string(q.description), "tags": .strings(q.tags), "hasTags": .bool(!q.tags.isEmpty),
            "badge": .string(q.badge ?? ""), "hasBadge": .bool(q.badge != nil),
            "challengeCount": .int(count), "challengeCountText": .string(count == 1 ? "1 challenge" : "\(count) challenges"),
            "totalTimeText": .string(durationText(q.totalSeconds)),
            "difficulties": .objects(Difficulty.allCases.compactMap { level -> TemplateValue? in
                let n = q.count(level)
                return n == 0 ? nil : .object(["name": .string(level.rawValue), "count": .int(n), "text": .string("\(n) \(level.rawValue)")])
            }),
            "passText": .string(passText(q.pass, count: count)),
        ]
    }

    static func passText(_ rule: PassRule, count: Int) -> String {
        switch rule {
        case .all: return "Answer all \(count) correctly to earn the badge"
        case .percent(let p): return "Score \(p)% or more to earn the badge"
        }
    }

    static func quizContext(site: Site, quiz: QuizView, compilerVersion: String) -> TemplateValue {
        var context = siteContext(site, root: "../", compilerVersion: compilerVersion)
        let q = quiz.compiled.quiz
        context["pageTitle"] = .string("\(q.title) · \(site.title)")
        context["isQuiz"] = .bool(true)
        var summary = quizSummary(QuizSummary(quiz.facts))
        summary["introHTML"] = .string(q.intro.html)
        summary["contentHash"] = .string(quiz.contentHash)
        context["quiz"] = .object(summary)
        context["challenges"] = .objects(quiz.challenges.map { challengeContext($0) })
        context["dataJSON"] = .html(quizDataBytes(quiz))
        return .object(context)
    }

    static let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ").map(String.init)

    static func challengeContext(_ view: ChallengeView) -> TemplateValue {
        let c = view.challenge
        let difficulty = c.difficulty.rawValue
        return .object([
            "id": .string(c.id), "domID": .string("q-\(c.id)"), "number": .int(view.number), "total": .int(view.total),
            "progressText": .string("Question \(view.number) of \(view.total)"),
            "type": .string(c.type.rawValue), "typeLabel": .string(view.typeLabel),
            "difficulty": .string(difficulty), "difficultyText": .string(difficulty.prefix(1).uppercased() + difficulty.dropFirst()),
            "timeSeconds": .int(c.timeSeconds), "timeText": .string(clockText(c.timeSeconds)),
            "attempts": .int(c.attempts), "attemptsText": .string(c.attempts == 1 ? "1 attempt" : "\(c.attempts) attempts"),
            "title": .string(c.title), "promptHTML": .string(view.promptHTML),
            "isPredictOutput": .bool(c.type == .predictOutput), "isMultipleChoice": .bool(c.type == .multipleChoice),
            "isDebug": .bool(c.type == .debug), "isConceptual": .bool(c.type == .conceptual),
            "isChoice": .bool(view.mode == .choice), "isText": .bool(view.mode == .text), "isReveal": .bool(view.mode == .reveal),
            "multiple": .bool(c.multiple), "inputType": .string(c.multiple ? "checkbox" : "radio"),
            "choices": .objects(c.choices.enumerated().map { index, choice in
                .object(["index": .int(index), "letter": .string(letters[index % letters.count]),
                         "html": .string(inlineHTML(choice.text.html)), "inputID": .string("q-\(c.id)-c\(index)")])
            }),
            "hasHint": .bool(view.hintHTML != nil), "hintHTML": .string(view.hintHTML ?? ""),
            "hasExplanation": .bool(view.explanationHTML != nil), "explanationHTML": .string(view.explanationHTML ?? ""),
            "hasOutput": .bool(view.computedOutput != nil),
        ])
    }

    /// The JSON the page script reads: keys, salt, timers, pass rule; no answers.
    static func quizData(_ quiz: QuizView) -> JSONValue {
        let q = quiz.compiled.quiz
        return .object([
            "slug": .string(q.slug), "contentHash": .string(quiz.contentHash), "salt": .string(quiz.salt),
            "storageKey": .string("quizc:\(q.slug):\(quiz.contentHash.prefix(16))"),
            "pass": QuizView.passJSON(q.pass), "badge": .string(q.badge),
            "questions": .array(quiz.challenges.map { view in
                .object([
                    "id": .string(view.challenge.id), "mode": .string(view.mode.rawValue), "key": .string(view.key),
                    "time": .int(view.challenge.timeSeconds), "attempts": .int(view.challenge.attempts),
                    "multiple": .bool(view.challenge.multiple),
                    "output": .string(view.computedOutput.map {
                        RevealCipher.seal($0, salt: quiz.salt, challengeID: view.challenge.id)
                    }),
                ])
            }),
        ])
    }

    /// `quizData(quiz).serializedBytes()`, written directly (keys in byte order).
    static func quizDataBytes(_ quiz: QuizView) -> [UInt8] {
        let q = quiz.compiled.quiz
        var writer = JSONWriter(capacity: 1 << 14)
        writer.object { w in
            w.field("badge", q.badge)
            w.field("contentHash", quiz.contentHash)
            w.field("pass", QuizView.passJSON(q.pass))
            w.array("questions") { w in
                for view in quiz.challenges {
                    w.item()
                    w.object { w in
                        w.field("attempts", view.challenge.attempts)
                        w.field("id", view.challenge.id)
                        w.field("key", view.key)
                        w.field("mode", view.mode.rawValue)
                        w.field("multiple", view.challenge.multiple)
                        w.field("output", view.computedOutput.map {
                            RevealCipher.seal($0, salt: quiz.salt, challengeID: view.challenge.id)
                        })
                        w.field("time", view.challenge.timeSeconds)
                    }
                }
            }
            w.field("salt", quiz.salt)
            w.field("slug", q.slug)
            w.field("storageKey", "quizc:\(q.slug):\(quiz.contentHash.prefix(16))")
        }
        return writer.finish()
    }

    /// cmark wraps a list item's text in `<p>`; a choice label reads better inline.
    static func inlineHTML(_ html: String) -> String {
        var copy = html
        if let inline = copy.withUTF8(asciiInlineHTML) { return inline }
        var text = html
        while text.last == "\n" { text.removeLast() }
        if text.hasPrefix("<p>"), text.hasSuffix("</p>"), text.ranges(of: "<p>").count == 1 {
            return String(text.dropFirst(3).dropLast(4))
        }
        return text
    }

    /// `inlineHTML` over the bytes of ASCII HTML, where bytes are characters but `\r\n`; nil for other HTML.
    private static func asciiInlineHTML(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
        var end = bytes.count
        // A `\n` after a `\r` is part of the last character `\r\n`, which is kept.
        while end > 0, bytes[end - 1] == 0x0A, end == 1 || bytes[end - 2] != 0x0D { end -= 1 }
        let text = UnsafeBufferPointer(rebasing: bytes[..<end])
        func matches(_ tag: StaticString, at offset: Int) -> Bool {
            offset >= 0 && offset + tag.utf8CodeUnitCount <= text.count
                && tag.withUTF8Buffer { tag in tag.indices.allSatisfy { text[offset + $0] == tag[$0] } }
        }
        if matches("<p>", at: 0), matches("</p>", at: text.count - 4), text.count >= 7,
           !(1..<(text.count - 2)).contains(where: { matches("<p>", at: $0) }) {
            return String(decoding: UnsafeBufferPointer(rebasing: text[3..<(text.count - 4)]), as: UTF8.self)
        }
        return String(decoding: text, as: UTF8.self)
    }
}
