import QuizCore

/// Hand-made compiled sites shaped like the seed content: the self-attention quiz (five challenges, one of each
/// kind the seed uses) and a two-question tensor-basics quiz. Outputs recorded with PyTorch 2.15.0.
enum SeedSite {
    static func location(_ file: String, _ line: Int = 1) -> SourceLocation { SourceLocation(file: file, line: line) }

    static func text(_ markdown: String, _ html: String) -> RichText { RichText(markdown: markdown, html: html) }

    static func escape(_ code: String) -> String {
        code.replacing("&", with: "&amp;").replacing("<", with: "&lt;").replacing(">", with: "&gt;")
            .replacing("\"", with: "&quot;")
    }

    /// A prompt as cmark renders it: the paragraph, then the python fence.
    static func prompt(_ sentence: String, code: String?) -> RichText {
        var markdown = sentence + "\n"
        var html = "<p>\(sentence)</p>\n"
        if let code {
            markdown += "\n```python\n\(code)```\n"
            html += "<pre><code class=\"language-python\">\(escape(code))</code></pre>\n"
        }
        return text(markdown, html)
    }

    static func choice(_ code: String, marked: Bool, file: String, line: Int) -> Choice {
        Choice(text: text("`\(code)`", "<code>\(escape(code))</code>"), isMarked: marked, codeText: code,
               location: location(file, line))
    }

    static func prose(_ words: String, marked: Bool, file: String, line: Int) -> Choice {
        Choice(text: text(words, words), isMarked: marked, codeText: nil, location: location(file, line))
    }

    static func run(_ code: String, file: String, line: Int) -> CodeBlock {
        CodeBlock(info: "python", language: "python", role: .run, code: code, location: location(file, line),
                  firstCodeLine: line + 1)
    }

    static func challenge(_ id: String, quiz: String, type: ChallengeType, label: String? = nil,
                          difficulty: Difficulty, time: Int, attempts: Int, title: String, prompt: RichText,
                          code: String? = nil, choices: [Choice] = [], answer: String? = nil,
                          hint: String, explanation: String, result: ExecutionResult? = nil,
                          multiple: Bool = false) -> CompiledChallenge {
        let file = "content/\(quiz)/\(id).md"
        let c = Challenge(
            id: id, path: file, type: type, label: label, difficulty: difficulty, timeSeconds: time, attempts: attempts,
            tolerance: nil, multiple: multiple, tags: ["attention"], title: title, prompt: prompt,
            codeBlocks: code.map { [run($0, file: file, line: 12)] } ?? [], choices: choices,
            answer: answer.map {
                CodeBlock(info: "text", language: "text", role: .text, code: $0, location: location(file, 24), firstCodeLine: 25)
            },
            hint: text(hint, "<p>\(hint)</p>\n"), explanation: text(explanation, "<p>\(explanation)</p>\n"),
            location: location(file))
        return CompiledChallenge(challenge: c, result: result, hintHTML: "<p>\(hint)</p>\n",
                                 explanationHTML: "<p>\(explanation)</p>\n")
    }

    static let sdpaCode = """
        import torch
        import torch.nn.functional as F
        q = torch.tensor([[1.0, 0.0]])
        k = torch.tensor([[1.0, 0.0], [0.0, 1.0]])
        v = torch.tensor([[1.0, 2.0], [3.0, 4.0]])
        scores = q @ k.T / 2 ** 0.5
        weights = F.softmax(scores, dim=-1)
        output = weights @ v
        print(output)

        """
    static let sdpaOutput = "tensor([[1.6605, 2.6605]])\n"

    static let mhaCode = """
        import torch
        import torch.nn as nn
        torch.manual_seed(0)
        mha = nn.MultiheadAttention(embed_dim=8, num_heads=2, batch_first=True)
        x = torch.randn(4, 5, 8)
        out, attn = mha(x, x, x)
        print(out.shape)

        """

    static let debugCode = """
        import torch
        q = torch.randn(2, 3, 4)
        k = torch.randn(2, 5, 3)
        scores = q @ k.transpose(-2, -1)

        """
    static let debugError = "Expected size for first two dimensions of batch2 tensor to be: [2, 4] but got: [2, 3]."

    static var attentionQuiz: CompiledQuiz {
        let slug = "self-attention-master"
        let f = { (id: String) in "content/\(slug)/\(id).md" }
        let challenges = [
            challenge("01-sdpa-output", quiz: slug, type: .predictOutput, label: "Predict Output", difficulty: .intermediate,
                      time: 120, attempts: 2, title: "Output of scaled dot-product attention calculation",
                      prompt: prompt("Given the following PyTorch code, what is the output tensor?", code: sdpaCode),
                      code: sdpaCode, answer: sdpaOutput,
                      hint: "Softmax turns scores into probabilities; the output is a weighted sum of the rows of <code>v</code>.",
                      explanation: "The weights are <code>tensor([[0.6698, 0.3302]])</code>, so each output entry mixes the two value rows.",
                      result: ExecutionResult(stdout: sdpaOutput, error: nil,
                                              variables: ["weights": "tensor([[0.6698, 0.3302]])", "output": "tensor([[1.6605, 2.6605]])"])),
            challenge("02-mha-output-shape", quiz: slug, type: .multipleChoice, label: "Model Choice", difficulty: .beginner,
                      time: 90, attempts: 2, title: "Shape of multi-head attention output",
                      prompt: prompt("What shape does <code>out</code> have?", code: mhaCode), code: mhaCode,
                      choices: [choice("torch.Size([4, 2, 5, 4])", marked: false, file: f("02-mha-output-shape"), line: 20),
                                choice("torch.Size([4, 5, 8])", marked: true, file: f("02-mha-output-shape"), line: 21),
                                choice("torch.Size([5, 4, 8])", marked: false, file: f("02-mha-output-shape"), line: 22),
                                choice("torch.Size([4, 5, 5])", marked: false, file: f("02-mha-output-shape"), line: 23)],
                      hint: "The heads are concatenated again before the output projection.",
                      explanation: "With <code>batch_first=True</code> the output keeps the (batch, sequence, embedding) layout of the input.",
                      result: ExecutionResult(stdout: "torch.Size([4, 5, 8])\n", error: nil, variables: [:])),
            challenge("03-scaling-factor", quiz: slug, type: .conceptual, label: "Hyperparameter", difficulty: .intermediate,
                      time: 60, attempts: 1, title: "Why scale by the square root of d_k?",
                      prompt: prompt("Scaled dot-product attention divides the scores by √d<sub>k</sub>. Why?", code: nil),
                      choices: [prose("To make the computation faster", marked: false, file: f("03-scaling-factor"), line: 10),
                                prose("To keep the variance of the scores near 1 so softmax does not saturate", marked: true,
                                      file: f("03-scaling-factor"), line: 11),
                                prose("To normalise the values so that they sum to one", marked: false, file: f("03-scaling-factor"), line: 12)],
                      hint: "Think about what happens to softmax when its inputs are very large.",
                      explanation: "Dot products of random vectors grow with the dimension; dividing by the square root keeps them in a range where softmax has useful gradients."),
            challenge("04-shape-bug", quiz: slug, type: .debug, label: "Debug", difficulty: .advanced,
                      time: 120, attempts: 2, title: "Find the bug in the attention scores",
                      prompt: prompt("This snippet is meant to compute attention scores. What happens?", code: debugCode),
                      code: debugCode,
                      choices: [prose("It runs and prints nothing", marked: false, file: f("04-shape-bug"), line: 18),
                                prose("<code>RuntimeError</code>: the inner dimensions 4 and 3 do not match", marked: true,
                                      file: f("04-shape-bug"), line: 19),
                                prose("<code>IndexError</code>: dimension out of range", marked: false, file: f("04-shape-bug"), line: 20)],
                      hint: "Write down the shapes of <code>q</code> and <code>k.transpose(-2, -1)</code>.",
                      explanation: "Batched matmul needs the last dimension of <code>q</code> to equal the second-to-last of the transposed keys.",
                      result: ExecutionResult(stdout: "", error: .init(type: "RuntimeError", message: debugError, location: location(f("04-shape-bug"), 15)),
                                              variables: [:])),
            challenge("05-causal-mask", quiz: slug, type: .conceptual, difficulty: .expert,
                      time: 60, attempts: 2, title: "What does a causal mask prevent?",
                      prompt: prompt("Decoder self-attention applies a causal mask. What does it prevent?", code: nil),
                      choices: [prose("Attending to padding tokens", marked: false, file: f("05-causal-mask"), line: 10),
                                prose("Attending to future positions", marked: true, file: f("05-causal-mask"), line: 11),
                                prose("Exploding gradients", marked: false, file: f("05-causal-mask"), line: 12)],
                      hint: "A language model predicts the next token.",
                      explanation: "Position <em>i</em> may only use positions up to <em>i</em>, so training matches generation."),
        ]
        let quiz = Quiz(slug: slug, path: "content/\(slug)/quiz.md", title: "Self-Attention Master",
                        description: "Scaled dot-product attention, multi-head shapes and masks.",
                        intro: text("Five challenges on attention.", "<p>Five challenges on attention.</p>\n"),
                        badge: "Attention Master", pass: .percent(80), tags: ["attention", "transformers"],
                        challenges: challenges.map(\.challenge), location: location("content/\(slug)/quiz.md"))
        return CompiledQuiz(quiz: quiz, challenges: challenges)
    }

    static var basicsQuiz: CompiledQuiz {
        let slug = "tensor-basics"
        let sumCode = "import torch\nx = torch.arange(6).reshape(2, 3)\nprint(x.sum(dim=0))\n"
        let challenges = [
            challenge("01-sum-dim0", quiz: slug, type: .predictOutput, difficulty: .beginner, time: 60, attempts: 2,
                      title: "Sum over the first dimension", prompt: prompt("What does this print?", code: sumCode),
                      code: sumCode, answer: "tensor([3, 5, 7])\n", hint: "dim=0 collapses the rows.",
                      explanation: "Each column is added up.",
                      result: ExecutionResult(stdout: "tensor([3, 5, 7])\n", error: nil, variables: [:])),
            challenge("02-transpose", quiz: slug, type: .multipleChoice, difficulty: .beginner, time: 45, attempts: 1,
                      title: "Shape after transpose", prompt: prompt("A tensor of shape (2, 3) is transposed with <code>.T</code>. Its shape?", code: nil),
                      choices: [choice("torch.Size([3, 2])", marked: true, file: "content/\(slug)/02-transpose.md", line: 9),
                                choice("torch.Size([2, 3])", marked: false, file: "content/\(slug)/02-transpose.md", line: 10)],
                      hint: ".T reverses the dimensions.", explanation: "The two dimensions swap places."),
        ]
        let quiz = Quiz(slug: slug, path: "content/\(slug)/quiz.md", title: "Tensor Basics",
                        description: "Shapes and reductions every PyTorch user meets on day one.",
                        intro: text("Two warm-up questions.", "<p>Two warm-up questions.</p>\n"),
                        badge: nil, pass: .all, tags: ["tensors"], challenges: challenges.map(\.challenge),
                        location: location("content/\(slug)/quiz.md"))
        return CompiledQuiz(quiz: quiz, challenges: challenges)
    }

    static var site: CompiledSite {
        CompiledSite(site: Site(title: "PyTorch Quizzes", description: "Validated challenges on tensors and attention.",
                                baseURL: "", language: "en", unsafeHTML: false, quizzes: [attentionQuiz.quiz, basicsQuiz.quiz]),
                     quizzes: [attentionQuiz, basicsQuiz])
    }
}
