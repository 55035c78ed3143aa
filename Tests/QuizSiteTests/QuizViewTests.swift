import QuizCore
import Testing
@testable import QuizSite

@Suite struct QuizViewTests {
    static func view(_ edit: (inout CompiledChallenge) -> Void) -> ChallengeView {
        var compiled = SeedSite.attentionQuiz.challenges[4]
        edit(&compiled)
        return ChallengeView(compiled: compiled, number: 5, total: 5, salt: "s", highlighter: PlainHighlighter())
    }

    @Test func markedChoicesBecomeTheKey() {
        let view = Self.view { _ in }
        #expect(view.mode == .choice)
        #expect(view.key == AnswerKey.hash(salt: "s", challengeID: "05-causal-mask", value: "choice:1"))
    }

    @Test func severalMarkedChoicesAreHashedTogether() {
        let view = Self.view { compiled in
            compiled.challenge.multiple = true
            compiled.challenge.choices[0].isMarked = true
        }
        #expect(view.key == AnswerKey.hash(salt: "s", challengeID: "05-causal-mask", value: "choice:0,1"))
        #expect((QuizSite.challengeContext(view).anyValue as? [String: Any])?["inputType"] as? String == "checkbox")
    }

    @Test func aChallengeWithoutChoicesOrAnswerIsRevealedNotChecked() {
        let view = Self.view { $0.challenge.choices = [] }
        #expect(view.mode == .reveal)
        #expect(view.key == nil)
        #expect(view.bundle()["answer"] == .object(["mode": .string("reveal"), "key": .null]))
    }

    @Test func predictOutputFallsBackToTheComputedStdout() {
        var compiled = SeedSite.attentionQuiz.challenges[0]
        compiled.challenge.answer = nil
        let view = ChallengeView(compiled: compiled, number: 1, total: 5, salt: "s", highlighter: PlainHighlighter())
        #expect(view.mode == .text)
        #expect(view.key == AnswerKey.hash(salt: "s", challengeID: "01-sdpa-output", value: "text:tensor([[1.6605, 2.6605]])"))
    }

    @Test func debugChallengesShowTheRaisedErrorAsTheirOutput() {
        let compiled = SeedSite.attentionQuiz.challenges[3]
        let view = ChallengeView(compiled: compiled, number: 4, total: 5, salt: "s", highlighter: PlainHighlighter())
        #expect(view.computedOutput == "RuntimeError: \(SeedSite.debugError)\n")
    }

    @Test func labelsDefaultByType() {
        #expect(Self.view { $0.challenge.label = nil }.typeLabel == "Conceptual")
        #expect(Self.view { $0.challenge.label = "Hyperparameter" }.typeLabel == "Hyperparameter")
    }
}

/// The documents written once per quiz go straight to bytes; they must equal their `JSONValue` forms.
@Suite struct DocumentWriterTests {
    static var quizzes: [CompiledQuiz] {
        var edited = SeedSite.attentionQuiz
        edited.quiz.badge = nil
        edited.quiz.tags = []
        edited.challenges[0].challenge.tolerance = 1e-4
        edited.challenges[1].result = nil
        edited.challenges[2].challenge.tags = ["a", "é<>"]
        edited.challenges[2].hintHTML = nil
        edited.challenges[2].challenge.hint = nil
        return SeedSite.site.quizzes + [edited]
    }

    @Test func bundlesContentDocumentsAndPageDataMatchTheirJSONValues() {
        for quiz in Self.quizzes {
            let view = QuizView(compiled: quiz, highlighter: PlainHighlighter())
            #expect(view.bundleBytes(compilerVersion: "9.9") == view.bundle(compilerVersion: "9.9").serializedBytes())
            #expect(QuizView.contentDocumentBytes(quiz) == QuizView.contentDocument(quiz).serializedBytes())
            #expect(QuizSite.quizDataBytes(view) == QuizSite.quizData(view).serializedBytes())
        }
    }

    @Test func emptyAndNestedContainers() {
        var writer = JSONWriter()
        writer.object { w in
            w.array("a") { _ in }
            w.object("b") { w in
                w.field("c", strings: ["x"])
                w.field("d", nil as String?)
            }
            w.object("e") { _ in }
            w.field("f", .double(0.5))
        }
        #expect(String(decoding: writer.finish(), as: UTF8.self)
            == "{\n  \"a\": [],\n  \"b\": {\n    \"c\": [\n      \"x\"\n    ],\n    \"d\": null\n  },\n  \"e\": {},\n  \"f\": 0.5\n}\n")
    }
}

extension JSONValue {
    subscript(key: String) -> JSONValue? {
        if case .object(let members) = self { return members[key] }
        return nil
    }
}
