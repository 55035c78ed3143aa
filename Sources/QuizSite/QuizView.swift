import QuizCore

/// What the catalog shows of a quiz: its content hash and salt, derived without rendering its challenges.
struct QuizFacts {
    var compiled: CompiledQuiz
    var slug: String { compiled.quiz.slug }
    /// SHA-256 of the quiz's content (answers included): changes whenever an author edits anything.
    var contentHash: String
    /// Deterministic per content, so builds are byte-identical and an edited quiz gets new keys.
    var salt: String
    /// `QuizView.textSize(compiled)`, counted once for the quiz's documents and page.
    var textSize: Int

    init(compiled: CompiledQuiz) {
        self.compiled = compiled
        textSize = QuizView.textSize(compiled)
        contentHash = SHA256.hex(bytes: QuizView.contentDocumentBytes(compiled, textSize: textSize))
        salt = String(SHA256.hex("quizc-salt\n" + contentHash).prefix(32))
    }

    var challengeCount: Int { compiled.challenges.count }

    /// How many challenges have `level`.
    func count(of level: Difficulty) -> Int {
        compiled.challenges.reduce(0) { $0 + ($1.challenge.difficulty == level ? 1 : 0) }
    }

    var totalSeconds: Int { compiled.challenges.reduce(0) { $0 + $1.challenge.timeSeconds } }
}

/// A quiz prepared for rendering: highlighted HTML and hashed answer keys.
struct QuizView {
    var facts: QuizFacts
    var compiled: CompiledQuiz { facts.compiled }
    var slug: String { facts.slug }
    var contentHash: String { facts.contentHash }
    var salt: String { facts.salt }
    var challenges: [ChallengeView]

    init(compiled: CompiledQuiz, highlighter: any CodeHighlighter) {
        facts = QuizFacts(compiled: compiled)
        let total = compiled.challenges.count
        challenges = compiled.challenges.enumerated().map { [salt = facts.salt] index, challenge in
            ChallengeView(compiled: challenge, number: index + 1, total: total, salt: salt, highlighter: highlighter)
        }
    }

    /// Everything an author wrote or the compiler computed, in a canonical form.
    static func contentDocument(_ compiled: CompiledQuiz) -> JSONValue {
        let quiz = compiled.quiz
        return .object([
            "title": .string(quiz.title), "description": .string(quiz.description),
            "intro": .string(quiz.intro.markdown), "badge": .string(quiz.badge), "pass": passJSON(quiz.pass),
            "tags": .array(quiz.tags.map(JSONValue.string)),
            "challenges": .array(compiled.challenges.map { item in
                let c = item.challenge
                return .object([
                    "id": .string(c.id), "type": .string(c.type.rawValue), "label": .string(c.label),
                    "difficulty": .string(c.difficulty.rawValue), "time": .int(c.timeSeconds),
                    "attempts": .int(c.attempts), "multiple": .bool(c.multiple), "title": .string(c.title),
                    "tags": .array(c.tags.map(JSONValue.string)),
                    "prompt": .string(c.prompt.markdown),
                    "code": .array(c.codeBlocks.map { .string($0.info + "\n" + $0.code) }),
                    "choices": .array(c.choices.map { .array([.string($0.text.markdown), .bool($0.isMarked)]) }),
                    "answer": .string(c.answer?.code), "hint": .string(item.hintHTML ?? c.hint?.markdown),
                    "explanation": .string(item.explanationHTML ?? c.explanation?.markdown),
                    "stdout": .string(item.result?.stdout), "error": .string(item.result?.error?.line),
                ])
            }),
        ])
    }

    /// `contentDocument(compiled).serializedBytes()`, written directly (keys in byte order); `textSize` is
    /// `textSize(compiled)` when known.
    static func contentDocumentBytes(_ compiled: CompiledQuiz, textSize size: Int? = nil) -> [UInt8] {
        let quiz = compiled.quiz
        var writer = JSONWriter(capacity: bufferCapacity(forText: size ?? textSize(compiled)))
        writer.object { w in
            w.field("badge", quiz.badge)
            w.array("challenges") { w in
                for item in compiled.challenges {
                    let c = item.challenge
                    w.item()
                    w.object { w in
                        w.field("answer", c.answer?.code)
                        w.field("attempts", c.attempts)
                        w.array("choices") { w in
                            for choice in c.choices {
                                w.item()
                                w.array { w in
                                    w.item()
                                    w.string(choice.text.markdown)
                                    w.item()
                                    w.bool(choice.isMarked)
                                }
                            }
                        }
                        w.array("code") { w in
                            for block in c.codeBlocks {
                                w.item()
                                w.string(block.info + "\n" + block.code)
                            }
                        }
                        w.field("difficulty", c.difficulty.rawValue)
                        w.field("error", item.result?.error?.line)
                        w.field("explanation", item.explanationHTML ?? c.explanation?.markdown)
                        w.field("hint", item.hintHTML ?? c.hint?.markdown)
                        w.field("id", c.id)
                        w.field("label", c.label)
                        w.field("multiple", c.multiple)
                        w.field("prompt", c.prompt.markdown)
                        w.field("stdout", item.result?.stdout)
                        w.field("tags", strings: c.tags)
                        w.field("time", c.timeSeconds)
                        w.field("title", c.title)
                        w.field("type", c.type.rawValue)
                    }
                }
            }
            w.field("description", quiz.description)
            w.field("intro", quiz.intro.markdown)
            w.field("pass", passJSON(quiz.pass))
            w.field("tags", strings: quiz.tags)
            w.field("title", quiz.title)
        }
        return writer.finish()
    }

    /// UTF-8 bytes of the texts a quiz's documents and page carry (Markdown, HTML, code, output), to size their
    /// buffers once: a buffer that grows past glibc's mmap threshold is copied and faulted in afresh at every step.
    static func textSize(_ compiled: CompiledQuiz) -> Int {
        var size = compiled.quiz.intro.markdown.utf8.count + compiled.quiz.intro.html.utf8.count
        for item in compiled.challenges {
            let c = item.challenge
            size += c.prompt.markdown.utf8.count + c.prompt.html.utf8.count + (item.result?.stdout.utf8.count ?? 0)
            size += (item.hintHTML?.utf8.count ?? 0) + (item.explanationHTML?.utf8.count ?? 0)
            size += (c.hint?.markdown.utf8.count ?? 0) + (c.explanation?.markdown.utf8.count ?? 0)
            for block in c.codeBlocks { size += block.code.utf8.count }
            for choice in c.choices { size += choice.text.markdown.utf8.count + choice.text.html.utf8.count }
        }
        return size
    }

    /// Room for a document or page holding texts of `size` bytes: escaping and highlighting about double them.
    static func bufferCapacity(forText size: Int) -> Int {
        size * 2 + (1 << 14)
    }

    static func passJSON(_ rule: PassRule) -> JSONValue {
        switch rule {
        case .all: return .object(["rule": .string("all")])
        case .percent(let p): return .object(["rule": .string("percent"), "percent": .int(p)])
        }
    }
}

/// One challenge prepared for rendering.
struct ChallengeView {
    enum Mode: String { case choice, text, reveal }

    var compiled: CompiledChallenge
    var challenge: Challenge { compiled.challenge }
    var number: Int
    var total: Int
    var mode: Mode
    /// Salted hash of the right answer; nil for `reveal` (nothing to check).
    var key: String?
    var promptHTML: String
    var hintHTML: String?
    var explanationHTML: String?
    /// What running the snippet printed or raised, shown with the explanation.
    var computedOutput: String?

    init(compiled: CompiledChallenge, number: Int, total: Int, salt: String, highlighter: any CodeHighlighter) {
        self.compiled = compiled
        self.number = number
        self.total = total
        let c = compiled.challenge
        if !c.choices.isEmpty {
            mode = .choice
            let marked = c.choices.indices.filter { c.choices[$0].isMarked }
            key = AnswerKey.hash(salt: salt, challengeID: c.id, value: AnswerKey.choiceValue(marked))
        } else if c.type == .predictOutput, let expected = c.answer?.code ?? compiled.result?.stdout {
            mode = .text
            key = AnswerKey.hash(salt: salt, challengeID: c.id, value: AnswerKey.textValue(expected))
        } else {
            mode = .reveal
            key = nil
        }
        promptHTML = HTML.highlightCodeBlocks(in: c.prompt.html, with: highlighter)
        hintHTML = (compiled.hintHTML ?? c.hint?.html).map { HTML.highlightCodeBlocks(in: $0, with: highlighter) }
        explanationHTML = (compiled.explanationHTML ?? c.explanation?.html)
            .map { HTML.highlightCodeBlocks(in: $0, with: highlighter) }
        if let result = compiled.result {
            let text = result.stdout + (result.error.map { $0.line + "\n" } ?? "")
            computedOutput = text.isEmpty ? nil : text
        }
    }

    var typeLabel: String {
        if let label = challenge.label { return label }
        switch challenge.type {
        case .predictOutput: return "Predict Output"
        case .multipleChoice: return "Multiple Choice"
        case .debug: return "Debug"
        case .conceptual: return "Conceptual"
        }
    }
}

/// `2:00` for 120 seconds.
func clockText(_ seconds: Int) -> String {
    let s = seconds % 60
    return "\(seconds / 60):\(s < 10 ? "0" : "")\(s)"
}

/// `9 min` (rounded up) for 501 seconds; seconds under a minute stay seconds.
func durationText(_ seconds: Int) -> String {
    seconds < 60 ? "\(seconds) s" : "\((seconds + 59) / 60) min"
}
