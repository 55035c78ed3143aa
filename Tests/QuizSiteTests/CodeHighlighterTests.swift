import Testing
@testable import QuizSite

/// Marks every keyword `print` so tests can see where the highlighter ran.
struct MarkingHighlighter: CodeHighlighter {
    func highlight(_ code: String, language: String) -> String {
        HTML.escape(code).replacing("print", with: "<span class=\"tok-builtin\">print</span>") + "<!--\(language)-->"
    }
}

@Suite struct CodeHighlighterTests {
    @Test func plainHighlighterOnlyEscapes() {
        #expect(PlainHighlighter().highlight("if a < b & c > \"d\": print('x')", language: "python")
            == "if a &lt; b &amp; c &gt; &quot;d&quot;: print(&#39;x&#39;)")
    }

    @Test func codeBlocksAreUnescapedThenHighlighted() {
        let html = "<p>Run:</p>\n<pre><code class=\"language-python\">print(a &lt; b)\n</code></pre>\n<p>Then <code>x</code>.</p>\n"
        #expect(HTML.highlightCodeBlocks(in: html, with: MarkingHighlighter()) ==
            "<p>Run:</p>\n<pre class=\"code\"><code class=\"language-python\"><span class=\"tok-builtin\">print</span>(a &lt; b)\n<!--python--></code></pre>\n<p>Then <code>x</code>.</p>\n")
    }

    @Test func blocksWithoutLanguageAndSeveralBlocks() {
        let html = "<pre><code>a &amp; b\n</code></pre>\n<pre><code class=\"language-text\">print\n</code></pre>\n"
        #expect(HTML.highlightCodeBlocks(in: html, with: MarkingHighlighter()) ==
            "<pre class=\"code\"><code>a &amp; b\n<!----></code></pre>\n<pre class=\"code\"><code class=\"language-text\"><span class=\"tok-builtin\">print</span>\n<!--text--></code></pre>\n")
    }
}
