import QuizCore

/// Files `quizc new` writes. Every place the author must fill holds `TODO`; once filled, `quizc check` passes.
public enum Scaffold {
    public static func quiz(title: String) -> String {
        """
        ---
        title: \(title)
        description: TODO one sentence shown in the catalog
        badge: \(title)
        pass: all
        tags: []
        time: "2:00"
        attempts: 2
        ---

        TODO a short introduction shown before the first challenge.

        """
    }

    /// A challenge of `type`, titled `title`.
    public static func challenge(type: ChallengeType, title: String) -> String {
        let header = """
            ---
            type: \(type.rawValue)
            label: \(defaultLabel(type))
            difficulty: intermediate
            time: "2:00"
            attempts: 2
            tags: []
            ---

            # \(title)

            """
        let body: String
        switch type {
        case .predictOutput:
            body = """
                What does this code print?

                ```python
                import torch

                x = torch.tensor([1.0, 2.0])  # TODO
                print(x)
                ```

                ## Answer

                ```text
                TODO (run `quizc fix` to write the computed output here)
                ```

                """
        case .multipleChoice:
            body = """
                What does this code print?

                ```python
                import torch

                x = torch.zeros(2, 3)  # TODO
                print(x.shape)
                ```

                ## Choices

                - [x] `TODO the printed output`
                - [ ] `TODO a plausible wrong output`
                - [ ] `TODO another wrong output`

                """
        case .debug:
            body = """
                What happens when this code runs?

                ```python
                import torch

                a = torch.zeros(2, 3)  # TODO code that raises
                b = torch.zeros(4, 5)
                print(a @ b)
                ```

                ## Choices

                - [x] RuntimeError: `TODO a fragment of the real message`
                - [ ] ValueError: `TODO a plausible wrong message`
                - [ ] No error

                """
        case .conceptual:
            body = """
                TODO the question.

                ## Choices

                - [x] TODO the right answer
                - [ ] TODO a wrong answer
                - [ ] TODO another wrong answer

                """
        }
        return header + body + """

            ## Hint

            TODO a nudge that does not give the answer away.

            ## Explanation

            TODO why the answer is right (use `{{ output }}` or `{{ name }}` to quote computed values).

            """
    }

    static func defaultLabel(_ type: ChallengeType) -> String {
        switch type {
        case .predictOutput: "Predict Output"
        case .multipleChoice: "Multiple Choice"
        case .debug: "Debug"
        case .conceptual: "Concept"
        }
    }

    /// `02-name.md`: the next free two-digit prefix after the existing challenge files.
    public static func challengeFileName(name: String, existing: [String]) -> String {
        let numbers = existing.compactMap { file -> Int? in
            let prefix = file.prefix { $0.isNumber }
            return prefix.isEmpty ? nil : Int(prefix)
        }
        let next = (numbers.max() ?? 0) + 1
        let slug = slugify(name)
        return (next < 10 ? "0\(next)" : "\(next)") + "-\(slug).md"
    }

    /// Lower-case ASCII words joined by dashes, a valid slug (`ContentBundle.isSlug`) or empty: `Why Scale?` →
    /// `why-scale`, `Café au lait` → `caf-au-lait` (letters outside ASCII are dropped, other characters separate).
    public static func slugify(_ name: String) -> String {
        var words: [String] = []
        var word = ""
        for scalar in name.lowercased().unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                word.unicodeScalars.append(scalar)
            } else if scalar.isASCII || !(scalar.properties.isAlphabetic || scalar.properties.numericType != nil) {
                if !word.isEmpty { words.append(word) }
                word = ""
            }
        }
        if !word.isEmpty { words.append(word) }
        return words.joined(separator: "-")
    }
}
