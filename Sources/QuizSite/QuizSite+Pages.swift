import QuizCore

/// The Mustache contexts of the catalog and quiz pages. Keys are documented in `templates/README.md`.
extension QuizSite {
    static func siteContext(_ site: Site, root: String, compilerVersion: String) -> [String: Any] {
        ["site": ["title": site.title, "description": site.description, "language": site.language.isEmpty ? "en" : site.language],
         "root": root, "compilerVersion": compilerVersion]
    }

    static func catalogContext(site: Site, quizzes: [QuizSummary], compilerVersion: String) -> [String: Any] {
        var context = siteContext(site, root: "", compilerVersion: compilerVersion)
        context["pageTitle"] = site.title
        context["isCatalog"] = true
        context["quizzes"] = quizzes.map { quizSummary($0) }
        context["quizCount"] = quizzes.count
        return context
    }

    static func quizSummary(_ q: QuizSummary) -> [String: Any] {
        let count = q.challengeCount
        return [
            "slug": q.slug, "url": "\(q.slug)/index.html", "title": q.title, "description": q.description,
            "tags": q.tags, "hasTags": !q.tags.isEmpty, "badge": q.badge ?? "", "hasBadge": q.badge != nil,
            "challengeCount": count, "challengeCountText": count == 1 ? "1 challenge" : "\(count) challenges",
            "totalTimeText": durationText(q.totalSeconds),
            "difficulties": Difficulty.allCases.compactMap { level -> [String: Any]? in
                let n = q.count(level)
                return n == 0 ? nil : ["name": level.rawValue, "count": n, "text": "\(n) \(level.rawValue)"]
            },
            "passText": passText(q.pass, count: count),
        ]
    }

    static func passText(_ rule: PassRule, count: Int) -> String {
        switch rule {
        case .all: return "Answer all \(count) correctly to earn the badge"
        case .percent(let p): return "Score \(p)% or more to earn the badge"
        }
    }

    static func quizContext(site: Site, quiz: QuizView, compilerVersion: String) -> [String: Any] {
        var context = siteContext(site, root: "../", compilerVersion: compilerVersion)
        let q = quiz.compiled.quiz
        context["pageTitle"] = "\(q.title) · \(site.title)"
        context["isQuiz"] = true
        context["quiz"] = quizSummary(QuizSummary(quiz.facts)).merging(["introHTML": q.intro.html, "contentHash": quiz.contentHash]) { $1 }
        context["challenges"] = quiz.challenges.map { challengeContext($0) }
        context["dataJSON"] = quizData(quiz).serialized()
        return context
    }

    static func challengeContext(_ view: ChallengeView) -> [String: Any] {
        let c = view.challenge
        let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        return [
            "id": c.id, "domID": "q-\(c.id)", "number": view.number, "total": view.total,
            "progressText": "Question \(view.number) of \(view.total)",
            "type": c.type.rawValue, "typeLabel": view.typeLabel,
            "difficulty": c.difficulty.rawValue, "difficultyText": c.difficulty.rawValue.prefix(1).uppercased() + c.difficulty.rawValue.dropFirst(),
            "timeSeconds": c.timeSeconds, "timeText": clockText(c.timeSeconds),
            "attempts": c.attempts, "attemptsText": c.attempts == 1 ? "1 attempt" : "\(c.attempts) attempts",
            "title": c.title, "promptHTML": view.promptHTML,
            "isPredictOutput": c.type == .predictOutput, "isMultipleChoice": c.type == .multipleChoice,
            "isDebug": c.type == .debug, "isConceptual": c.type == .conceptual,
            "isChoice": view.mode == .choice, "isText": view.mode == .text, "isReveal": view.mode == .reveal,
            "multiple": c.multiple, "inputType": c.multiple ? "checkbox" : "radio",
            "choices": c.choices.enumerated().map { index, choice -> [String: Any] in
                ["index": index, "letter": String(letters[index % letters.count]),
                 "html": inlineHTML(choice.text.html), "inputID": "q-\(c.id)-c\(index)"]
            },
            "hasHint": view.hintHTML != nil, "hintHTML": view.hintHTML ?? "",
            "hasExplanation": view.explanationHTML != nil, "explanationHTML": view.explanationHTML ?? "",
            "hasOutput": view.computedOutput != nil,
        ]
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

    /// cmark wraps a list item's text in `<p>`; a choice label reads better inline.
    static func inlineHTML(_ html: String) -> String {
        var text = html
        while text.last == "\n" { text.removeLast() }
        if text.hasPrefix("<p>"), text.hasSuffix("</p>"), text.ranges(of: "<p>").count == 1 {
            return String(text.dropFirst(3).dropLast(4))
        }
        return text
    }
}
