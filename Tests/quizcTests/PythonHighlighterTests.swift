import Testing
@testable import quizc

@Suite struct PythonHighlighterTests {
    @Test func coloursEveryTokenKindAndKeepsTheTextBetween() {
        let html = PythonHighlighter().highlight("import torch  # the kernel\nx = torch.ones(2) * 1.5\nprint(x, \"<b>\")\n",
                                                 language: "python")
        #expect(html == """
            <span class="tok-kw">import</span> <span class="tok-name">torch</span>  <span class="tok-com"># the kernel</span>
            <span class="tok-name">x</span> <span class="tok-op">=</span> <span class="tok-name">torch</span>\
            <span class="tok-op">.</span><span class="tok-name">ones</span><span class="tok-op">(</span>\
            <span class="tok-num">2</span><span class="tok-op">)</span> <span class="tok-op">*</span> \
            <span class="tok-num">1.5</span>
            <span class="tok-builtin">print</span><span class="tok-op">(</span><span class="tok-name">x</span>\
            <span class="tok-op">,</span> <span class="tok-str">&quot;&lt;b&gt;&quot;</span><span class="tok-op">)</span>

            """)
    }

    @Test func otherLanguagesAreOnlyEscaped() {
        #expect(PythonHighlighter().highlight("tensor([1.]) <x>", language: "text") == "tensor([1.]) &lt;x&gt;")
    }

    @Test func brokenCodeStillComesOutWhole() {
        let html = PythonHighlighter().highlight("s = 'unclosed\n", language: "python")
        #expect(html.contains("unclosed"))
        #expect(!html.contains("<script"))
    }
}
