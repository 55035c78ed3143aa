import Foundation
import QuizCompiler
import QuizCore
import QuizSite
import Testing

extension BrowserTests {
    /// Author text, code, outputs and front-matter values carrying script payloads go through the real pipeline
    /// (loader, interpreter, renderer) and into Chromium: every payload shows as text and none runs.
    @Suite struct HTMLSafetyBrowserTests {
        static let siteYAML = """
            title: "</title><script>window.__pwned = 'site title'</script>"
            description: "\\" onmouseover=\\"window.__pwned = 'site description'\\" x=\\""

            """

        static let quizMarkdown = """
            ---
            title: "<img src=x onerror=\\"window.__pwned = 'quiz title'\\">"
            description: "</script><script>window.__pwned = 'quiz description'</script>"
            badge: "{{#site}}{{title}}{{/site}}<svg onload=\\"window.__pwned = 'badge'\\">"
            tags: ["\\"><script>window.__pwned = 'tag'</script>"]
            ---

            Intro with <script>window.__pwned = 'intro'</script> and [a link](javascript:window.__pwned='intro-link').

            """

        static let challengeMarkdown = """
            ---
            type: predict-output
            label: "\\" onmouseover=\\"window.__pwned = 'label'\\" data-x=\\""
            difficulty: beginner
            ---

            # <img src=x onerror="window.__pwned = 'heading'"> and {{ total }}

            What does this print? <iframe src="javascript:window.__pwned = 'prompt'"></iframe>

            ```python
            total = "</script><script>window.__pwned = 'output'</script>"
            print(total)
            print('" onmouseover="window.__pwned = 1')
            ```

            ## Answer

            ```text
            </script><script>window.__pwned = 'output'</script>
            " onmouseover="window.__pwned = 1
            ```

            ## Hint

            [Click me](javascript:window.__pwned='hint-link') or <a href="javascript:window.__pwned='raw-link'">me</a>.

            ## Explanation

            The value was {{ total }}, <svg onload="window.__pwned = 'explanation'"></svg>.

            """

        static func compile() async throws -> CompiledSite {
            let bundle = ContentBundle(
                siteFile: ContentFile(path: "content/site.yml", text: siteYAML),
                quizzes: [ContentBundle.QuizFolder(path: "content/pwn", quizFile: ContentFile(path: "content/pwn/quiz.md", text: quizMarkdown),
                                                   challengeFiles: [ContentFile(path: "content/pwn/01-xss.md", text: challengeMarkdown)])])
            let output = await QuizCompiler.compile(bundle, executor: InterpreterExecutor())
            let errors = output.diagnostics.filter { $0.severity == .error }
            #expect(errors.isEmpty, "\(errors)")
            return output.site
        }

        @Test func payloadsShowAsTextAndNeverRun() async throws {
            let site = try RenderedSite(site: try await Self.compile())
            let driver = try await WebDriver(width: 1280, height: 900)
            defer { site.remove() }
            do {
                try await driver.open(site.url("index.html"))
                #expect(try await driver.execute("return window.__pwned === undefined") as? Bool == true)
                #expect(try await driver.string("return document.title").contains("</title><script>"))
                let catalog = try await driver.string("return document.body.innerText")
                #expect(catalog.contains("<img src=x onerror=\"window.__pwned = 'quiz title'\">"))
                try await driver.open(site.url("pwn/index.html"))
                try await driver.click("[data-start]")
                let q = "#q-01-xss"
                try await driver.type("\(q)-text", "</script><script>window.__pwned = 'output'</script>\n\" onmouseover=\"window.__pwned = 1")
                try await driver.click("\(q) [data-check]")
                #expect(try await driver.waitUntil { try await driver.text("\(q) [data-verdict]") == "Correct!" })
                #expect(try await driver.text("\(q) [data-output-text]")
                    == "</script><script>window.__pwned = 'output'</script>\n\" onmouseover=\"window.__pwned = 1\n")
                // Hover every element and click every link: handlers injected as attributes would fire now.
                _ = try await driver.execute("""
                    for (const el of document.querySelectorAll('*')) {
                      el.dispatchEvent(new MouseEvent('mouseover', {bubbles: true}));
                    }
                    for (const a of document.querySelectorAll('a[href^="javascript:"]')) { a.click(); }
                    """)
                #expect(try await driver.execute("return window.__pwned === undefined") as? Bool == true)
                #expect(try await driver.execute("return document.querySelectorAll('a[href^=\"javascript:\"], iframe, svg[onload], img[onerror]').length") as? Int == 0)
                let body = try await driver.string("return document.body.innerText")
                #expect(body.contains("\" onmouseover=\"window.__pwned = 'label'\" data-x=\""))
                #expect(try await driver.severeLogs() == [])
            } catch {
                await driver.quit()
                throw error
            }
            await driver.quit()
        }
    }
}
