import QuizCore

/// `api/index.json` and `api/<quiz>.json`: everything a client app needs, answers only as salted hashes.
extension QuizSite {
    static func catalogBundle(site: Site, quizzes: [QuizSummary], compilerVersion: String) -> JSONValue {
        .object([
            "$schema": .string("schema/index.schema.json"),
            "compilerVersion": .string(compilerVersion),
            "site": .object([
                "title": .string(site.title), "description": .string(site.description),
                "baseURL": .string(site.baseURL), "language": .string(site.language),
            ]),
            "quizzes": .array(quizzes.map { q in
                var difficulties: [String: JSONValue] = [:]
                for level in Difficulty.allCases {
                    difficulties[level.rawValue] = .int(q.count(level))
                }
                return .object([
                    "slug": .string(q.slug), "title": .string(q.title), "description": .string(q.description),
                    "tags": .array(q.tags.map(JSONValue.string)), "badge": .string(q.badge),
                    "pass": QuizView.passJSON(q.pass), "challengeCount": .int(q.challengeCount),
                    "totalTimeSeconds": .int(q.totalSeconds), "difficulties": .object(difficulties),
                    "contentHash": .string(q.contentHash),
                    "page": .string("\(q.slug)/index.html"), "bundle": .string("api/\(q.slug).json"),
                ])
            }),
        ])
    }
}

extension QuizView {
    func bundle(compilerVersion: String) -> JSONValue {
        let q = compiled.quiz
        return .object([
            "$schema": .string("schema/quiz.schema.json"),
            "compilerVersion": .string(compilerVersion),
            "contentHash": .string(contentHash),
            "salt": .string(salt),
            "answerHash": .string("sha256(salt + \"\\n\" + id + \"\\n\" + value), value \"choice:<indices ascending, comma-separated>\" or \"text:<normalised text>\""),
            "quiz": .object([
                "slug": .string(q.slug), "title": .string(q.title), "description": .string(q.description),
                "intro": rich(q.intro), "badge": .string(q.badge), "pass": QuizView.passJSON(q.pass),
                "tags": .array(q.tags.map(JSONValue.string)),
                "totalTimeSeconds": .int(facts.totalSeconds),
            ]),
            "challenges": .array(challenges.map { $0.bundle() }),
        ])
    }

    private func rich(_ text: RichText) -> JSONValue {
        .object(["markdown": .string(text.markdown), "html": .string(text.html)])
    }
}

extension ChallengeView {
    func bundle() -> JSONValue {
        let c = challenge
        let result = compiled.result
        return .object([
            "id": .string(c.id), "number": .int(number), "type": .string(c.type.rawValue),
            "label": .string(typeLabel), "difficulty": .string(c.difficulty.rawValue),
            "timeSeconds": .int(c.timeSeconds), "attempts": .int(c.attempts),
            "tolerance": c.tolerance.map(JSONValue.double) ?? .null, "multiple": .bool(c.multiple),
            "tags": .array(c.tags.map(JSONValue.string)), "title": .string(c.title),
            "prompt": .object(["markdown": .string(c.prompt.markdown), "html": .string(promptHTML)]),
            "code": .array(c.codeBlocks.filter { $0.role == .run || $0.role == .norun }.map { block in
                .object(["language": .string(block.language), "role": .string(block.role.rawValue), "code": .string(block.code)])
            }),
            "choices": .array(c.choices.enumerated().map { index, choice in
                .object(["index": .int(index), "markdown": .string(choice.text.markdown),
                         "html": .string(choice.text.html), "code": .string(choice.codeText)])
            }),
            "answer": .object(["mode": .string(mode.rawValue), "key": .string(key)]),
            "hint": rich(c.hint?.markdown, hintHTML),
            "explanation": rich(c.explanation?.markdown, explanationHTML),
            "output": result.map { r in
                .object(["stdout": .string(r.stdout), "error": .string(r.error?.line)])
            } ?? .null,
        ])
    }

    private func rich(_ markdown: String?, _ html: String?) -> JSONValue {
        guard let html else { return .null }
        return .object(["markdown": .string(markdown ?? ""), "html": .string(html)])
    }
}
