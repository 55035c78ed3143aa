import QuizCore
import Testing
@testable import QuizCompiler

@Suite struct ChallengeBuilderTests {
    static let text = """
        ---
        type: predict-output
        difficulty: beginner
        time: 45
        tolerance: 1e-4
        label: Predict Output
        ---

        # Softmax

        What prints?

        ```python setup
        import torch
        ```

        ```python
        print(torch.ones(1))
        ```

        ```python norun
        # shown only
        ```

        ## Answer

        ```text
        tensor([1.])
        ```

        ## Hint

        Ones.

        ## Explanation

        One.

        """

    static func challenge(_ text: String = text) throws -> (Challenge?, [Diagnostic]) {
        let bundle = ContentBundle(siteFile: nil, quizzes: [.init(
            path: "q", quizFile: ContentFile(path: "q/quiz.md", text: "---\ntitle: Q\n---\n"),
            challengeFiles: [ContentFile(path: "q/01-softmax.md", text: text)])])
        let (site, diagnostics) = ContentLoader.load(bundle)
        return (site.quizzes.first?.challenges.first, diagnostics)
    }

    @Test func buildsTheModel() throws {
        let (built, diagnostics) = try Self.challenge()
        let challenge = try #require(built)
        #expect(diagnostics.isEmpty)
        #expect(challenge.title == "Softmax")
        #expect(challenge.label == "Predict Output")
        #expect(challenge.timeSeconds == 45)
        #expect(challenge.tolerance == 1e-4)
        #expect(challenge.codeBlocks.map(\.role) == [.setup, .run, .norun])
        #expect(challenge.codeBlocks.map(\.firstCodeLine) == [14, 18, 22])
        #expect(challenge.answer?.code == "tensor([1.])\n")
        #expect(challenge.answer?.firstCodeLine == 28)
        #expect(challenge.location == SourceLocation(file: "q/01-softmax.md", line: 9, column: 1))
    }

    @Test func promptHidesSetupFences() throws {
        let challenge = try #require(try Self.challenge().0)
        #expect(challenge.prompt.markdown == "What prints?\n\n```python\nprint(torch.ones(1))\n```\n\n```python norun\n# shown only\n```\n")
        #expect(!challenge.prompt.html.contains("import torch"))
        #expect(challenge.prompt.html.contains("<pre><code class=\"language-python\">print(torch.ones(1))\n</code></pre>"))
    }

    @Test func warnsAboutUnknownSectionsWithASuggestion() throws {
        let (_, diagnostics) = try Self.challenge(Self.text.replacing("## Explanation", with: "## Explanaton"))
        #expect(diagnostics.map(\.message) == ["unknown section `## Explanaton`; did you mean `## Explanation`?"])
        #expect(diagnostics.map(\.severity) == [.warning])
    }

    @Test func missingTypeAndTitleAreErrors() throws {
        let (built, diagnostics) = try Self.challenge("---\ndifficulty: beginner\n---\n\nNo title.\n")
        #expect(built == nil)
        #expect(diagnostics.map(\.message) == [
            "missing front-matter key `type`: expected one of predict-output, multiple-choice, debug, conceptual",
            "challenge has no title; start the body with a `# Title` line",
        ])
    }
}

@Suite struct ChoiceBuildingTests {
    static let text = """
        ---
        type: multiple-choice
        difficulty: beginner
        ---

        # Two lines

        ```python
        print(x)
        ```

        ## Choices

        - [x] Prints

          ```text
          tensor([[1., 0.],
                  [0., 1.]])
          ```
        - [ ] `tensor([1., 1.])`
        - [ ] Two spans `a` and `b`

        ## Hint

        h

        ## Explanation

        e

        """

    @Test func choiceTextComesFromItsCodeBlockOrSingleSpan() async throws {
        let (built, diagnostics) = try ChallengeBuilderTests.challenge(Self.text)
        let challenge = try #require(built)
        #expect(diagnostics.isEmpty)
        #expect(challenge.choices.map(\.codeText) == ["tensor([[1., 0.],\n        [0., 1.]])", "tensor([1., 1.])", nil])
        #expect(challenge.choices[0].text.markdown == "Prints\n\n```text\ntensor([[1., 0.],\n        [0., 1.]])\n```")
        #expect(challenge.choices[2].codeSpans == ["a", "b"])
        #expect(challenge.choices.map(\.markerLocation?.line) == [14, 20, 21])

        let result = ExecutionResult(stdout: "tensor([[1., 0.],\n        [0., 1.]])\n", error: nil, variables: [:])
        #expect(QuizCompiler.validate(challenge, result) == [])
    }
}

@Suite struct ChallengeBuilderInfoWordsTests {
    /// The byte scan gives what splitting the characters at spaces gives.
    @Test(arguments: ["", " ", "python", "python norun", "  py   setup  extra", "text ", " output x", "py\tnorun",
                      "é norun", "python \u{301}norun", "a b c"])
    func infoWordsAreTheFirstTwoSpaceSeparatedWords(info: String) {
        let words = info.split(separator: " ").map(String.init)
        let (first, second) = ChallengeBuilder.infoWords(info)
        #expect(first == (words.first ?? ""))
        #expect(second == words.dropFirst().first)
    }
}
