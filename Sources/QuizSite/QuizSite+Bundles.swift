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

    /// `bundle(compilerVersion:).serializedBytes()`, written directly (keys in byte order).
    func bundleBytes(compilerVersion: String) -> [UInt8] {
        let q = compiled.quiz
        var writer = JSONWriter(capacity: QuizView.bufferCapacity(forText: facts.textSize))
        writer.object { w in
            w.field("$schema", "schema/quiz.schema.json")
            w.field("answerHash", "sha256(salt + \"\\n\" + id + \"\\n\" + value), value \"choice:<indices ascending, comma-separated>\" or \"text:<normalised text>\"")
            w.array("challenges") { w in
                for challenge in challenges {
                    w.item()
                    challenge.writeBundle(into: &w)
                }
            }
            w.field("compilerVersion", compilerVersion)
            w.field("contentHash", contentHash)
            w.object("quiz") { w in
                w.field("badge", q.badge)
                w.field("description", q.description)
                w.rich("intro", q.intro.markdown, q.intro.html)
                w.field("pass", QuizView.passJSON(q.pass))
                w.field("slug", q.slug)
                w.field("tags", strings: q.tags)
                w.field("title", q.title)
                w.field("totalTimeSeconds", facts.totalSeconds)
            }
            w.field("salt", salt)
        }
        return writer.finish()
    }
}

extension JSONWriter {
    /// The member `name`: `{"html": …, "markdown": …}`, or null without HTML.
    mutating func rich(_ name: String, _ markdown: String?, _ html: String?) {
        key(name)
        guard let html else { return null() }
        object { w in
            w.field("html", html)
            w.field("markdown", markdown ?? "")
        }
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

    /// `bundle()`, written directly (keys in byte order).
    func writeBundle(into w: inout JSONWriter) {
        let c = challenge
        let result = compiled.result
        w.object { w in
            w.object("answer") { w in
                w.field("key", key)
                w.field("mode", mode.rawValue)
            }
            w.field("attempts", c.attempts)
            w.array("choices") { w in
                for (index, choice) in c.choices.enumerated() {
                    w.item()
                    w.object { w in
                        w.field("code", choice.codeText)
                        w.field("html", choice.text.html)
                        w.field("index", index)
                        w.field("markdown", choice.text.markdown)
                    }
                }
            }
            w.array("code") { w in
                for block in c.codeBlocks where block.role == .run || block.role == .norun {
                    w.item()
                    w.object { w in
                        w.field("code", block.code)
                        w.field("language", block.language)
                        w.field("role", block.role.rawValue)
                    }
                }
            }
            w.field("difficulty", c.difficulty.rawValue)
            w.rich("explanation", c.explanation?.markdown, explanationHTML)
            w.rich("hint", c.hint?.markdown, hintHTML)
            w.field("id", c.id)
            w.field("label", typeLabel)
            w.field("multiple", c.multiple)
            w.field("number", number)
            w.key("output")
            if let result {
                w.object { w in
                    w.field("error", result.error?.line)
                    w.field("stdout", result.stdout)
                }
            } else {
                w.null()
            }
            w.rich("prompt", c.prompt.markdown, promptHTML)
            w.field("tags", strings: c.tags)
            w.field("timeSeconds", c.timeSeconds)
            w.field("title", c.title)
            w.field("tolerance", c.tolerance.map(JSONValue.double) ?? .null)
            w.field("type", c.type.rawValue)
        }
    }
}
