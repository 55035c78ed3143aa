import Foundation
import QuizSite
import Testing

extension BrowserTests {
    /// Acceptance tests of the rendered quiz in headless Chromium over WebDriver: verdicts, attempts, hints, timer,
    /// badge, persistence, keyboard-only use, console errors and answer secrecy.
    @Suite struct QuizPageBrowserTests {
        static let attention = "self-attention-master/index.html"
        static let basics = "tensor-basics/index.html"

        /// Opens a fresh browser (empty localStorage) on a freshly rendered seed site.
        func withBrowser(width: Int = 1280, height: Int = 900,
                         _ body: (WebDriver, RenderedSite) async throws -> Void) async throws {
            let site = try RenderedSite()
            let driver = try await WebDriver(width: width, height: height)
            do {
                try await body(driver, site)
                let errors = try await driver.severeLogs()
                #expect(errors == [], "console errors")
            } catch {
                await driver.quit()
                site.remove()
                throw error
            }
            await driver.quit()
            site.remove()
        }

        func start(_ driver: WebDriver, _ site: RenderedSite, _ path: String, query: String? = nil) async throws {
            try await driver.open(site.url(path, query: query))
            try await driver.click("[data-start]")
        }

        @Test func answersWrongThenRight() async throws {
            try await withBrowser { driver, site in
                try await start(driver, site, Self.attention)
                let q = "#q-01-sdpa-output"
                #expect(try await driver.text("[data-progress-text]") == "Question 1 of 5")
                #expect(try await driver.text("\(q) [data-attempts]") == "Attempts: 2 left")
                #expect(try await driver.text("\(q) [data-timer]").hasSuffix("remaining"))
                try await driver.type("\(q)-text", "tensor([[1.0, 2.0]])")
                try await driver.click("\(q) [data-check]")
                #expect(try await driver.waitUntil { try await driver.text("\(q) [data-verdict]") == "Not quite. Try again: 1 attempt left." })
                #expect(try await driver.text("\(q) [data-attempts]") == "Attempts: 1 left")
                #expect(try await !driver.isVisible("\(q) [data-explanation]"))
                try await driver.execute("document.querySelector(arguments[0]).value = ''", ["\(q)-text"])
                try await driver.type("\(q)-text", "tensor([[1.6605, 2.6605]])  \n")
                try await driver.click("\(q) [data-check]")
                #expect(try await driver.waitUntil { try await driver.text("\(q) [data-verdict]") == "Correct!" })
                #expect(try await driver.isVisible("\(q) [data-explanation]"))
                #expect(try await driver.text("\(q) [data-output-text]") == "tensor([[1.6605, 2.6605]])\n")
                #expect(try await driver.text("[data-score-text]") == "Score 1/5")
                #expect(try await driver.text("[data-live]") == "Correct!")
            }
        }

        @Test func exhaustingAttemptsShowsTheExplanation() async throws {
            try await withBrowser { driver, site in
                try await start(driver, site, Self.attention)
                try await driver.type("#q-01-sdpa-output-text", "nope")
                try await driver.click("#q-01-sdpa-output [data-check]")
                _ = try await driver.waitUntil { try await driver.text("#q-01-sdpa-output [data-attempts]") == "Attempts: 1 left" }
                try await driver.click("#q-01-sdpa-output [data-check]")
                let q = "#q-01-sdpa-output"
                #expect(try await driver.waitUntil { try await driver.text("\(q) [data-verdict]") == "No attempts left. The explanation is below." })
                #expect(try await driver.text("\(q) [data-attempts]") == "Attempts: 0 left")
                #expect(try await driver.isVisible("\(q) [data-explanation] .details-body"))
                #expect(try await driver.execute("return document.querySelector(arguments[0]).disabled", ["\(q)-text"]) as? Bool == true)
                try await driver.click("\(q) [data-next]")
                let q2 = "#q-02-mha-output-shape"
                #expect(try await driver.text("[data-progress-text]") == "Question 2 of 5")
                try await driver.click("label[for='q-02-mha-output-shape-c0']")
                try await driver.click("\(q2) [data-check]")
                _ = try await driver.waitUntil { try await driver.text("\(q2) [data-attempts]") == "Attempts: 1 left" }
                #expect(try await driver.execute("return document.querySelector(arguments[0]).parentNode.className", ["#q-02-mha-output-shape-c0"]) as? String == "choice is-wrong")
                try await driver.click("label[for='q-02-mha-output-shape-c3']")
                try await driver.click("\(q2) [data-check]")
                #expect(try await driver.waitUntil { try await driver.text("\(q2) [data-verdict]") == "No attempts left. The explanation is below." })
                #expect(try await driver.text("[data-score-text]") == "Score 0/5")
            }
        }

        @Test func hintOpensOnRequestAndIsRemembered() async throws {
            try await withBrowser { driver, site in
                try await start(driver, site, Self.attention)
                let hint = "#q-01-sdpa-output [data-hint]"
                #expect(try await !driver.isVisible("\(hint) .details-body"))
                try await driver.click("\(hint) summary")
                #expect(try await driver.isVisible("\(hint) .details-body"))
                #expect(try await driver.text("\(hint) .details-body").hasPrefix("Softmax turns scores into probabilities"))
                let stored = try await driver.string("return localStorage.getItem(JSON.parse(document.getElementById('quiz-data').textContent).storageKey)")
                #expect(stored.contains("\"01-sdpa-output\":{\"used\":0,\"status\":\"open\""))
                #expect(stored.contains("\"hint\":true"))
            }
        }

        @Test func runningOutOfTimeFailsTheQuestion() async throws {
            try await withBrowser { driver, site in
                // 120 s at 200x speed runs out in 0.6 s.
                try await start(driver, site, Self.attention, query: "timescale=200")
                let q = "#q-01-sdpa-output"
                #expect(try await driver.waitUntil { try await driver.text("\(q) [data-verdict]") == "Time is up. The explanation is below." })
                #expect(try await driver.text("\(q) [data-timer]") == "0:00 left")
                #expect(try await driver.isVisible("\(q) [data-explanation] .details-body"))
                #expect(try await driver.text("[data-live]") == "Time is up. The explanation is shown.")
                #expect(try await driver.isVisible("\(q) [data-next]"))
            }
        }

        @Test func earningTheBadgeAndKeepingProgressOverReload() async throws {
            try await withBrowser { driver, site in
                try await start(driver, site, Self.attention)
                try await driver.type("#q-01-sdpa-output-text", "tensor([[1.6605, 2.6605]])")
                try await driver.click("#q-01-sdpa-output [data-check]")
                _ = try await driver.waitUntil { try await driver.isVisible("#q-01-sdpa-output [data-next]") }
                try await driver.reload()
                #expect(try await driver.waitUntil { try await driver.text("#q-01-sdpa-output [data-verdict]") == "Correct!" })
                #expect(try await driver.text("[data-score-text]") == "Score 1/5")
                try await driver.click("#q-01-sdpa-output [data-next]")
                for (id, choice) in [("02-mha-output-shape", 1), ("03-scaling-factor", 1), ("04-shape-bug", 1), ("05-causal-mask", 1)] {
                    try await driver.click("label[for='q-\(id)-c\(choice)']")
                    try await driver.click("#q-\(id) [data-check]")
                    #expect(try await driver.waitUntil { try await driver.text("#q-\(id) [data-verdict]") == "Correct!" })
                    try await driver.click("#q-\(id) [data-next]")
                }
                #expect(try await driver.waitUntil { try await driver.isVisible("[data-results]") })
                #expect(try await driver.text("[data-final-score]") == "You scored 5 of 5 (100%)")
                #expect(try await driver.isVisible("[data-badge]"))
                #expect(try await driver.text("[data-badge-name]") == "Attention Master")
                try await driver.reload()
                #expect(try await driver.waitUntil { try await driver.isVisible("[data-badge]") })
                try await driver.click("[data-retry]")
                #expect(try await driver.text("[data-progress-text]") == "Question 1 of 5")
                #expect(try await driver.text("[data-score-text]") == "Score 0/5")
                #expect(try await driver.execute("return document.querySelector('#q-01-sdpa-output-text').value") as? String == "")
            }
        }

        @Test func missingThePassMarkShowsNoBadge() async throws {
            try await withBrowser { driver, site in
                try await start(driver, site, Self.basics)
                try await driver.type("#q-01-sum-dim0-text", "tensor([3, 5, 7])")
                try await driver.click("#q-01-sum-dim0 [data-check]")
                _ = try await driver.waitUntil { try await driver.isVisible("#q-01-sum-dim0 [data-next]") }
                try await driver.click("#q-01-sum-dim0 [data-next]")
                try await driver.click("label[for='q-02-transpose-c1']")
                try await driver.click("#q-02-transpose [data-check]")
                _ = try await driver.waitUntil { try await driver.isVisible("#q-02-transpose [data-next]") }
                #expect(try await driver.text("#q-02-transpose [data-next]") == "See results")
                try await driver.click("#q-02-transpose [data-next]")
                #expect(try await driver.text("[data-final-score]") == "You scored 1 of 2 (50%)")
                #expect(try await !driver.isVisible("[data-badge]"))
                #expect(try await driver.text("[data-not-passed]") == "Not passed yet. Answer all 2 correctly to earn the badge.")
            }
        }

        /// Tab, Enter, Space and typing only: no clicks.
        @Test func completesAQuizWithTheKeyboardOnly() async throws {
            try await withBrowser { driver, site in
                try await driver.open(site.url(Self.basics))
                try await tabUntilFocused(driver, "[data-start]")
                try await driver.press([Key.enter])
                #expect(try await driver.string("return document.activeElement.id") == "q-01-sum-dim0-title")
                try await tabUntilFocused(driver, "#q-01-sum-dim0-text")
                try await driver.press(Array("tensor([3, 5, 7])").map(String.init))
                try await driver.press([Key.tab, Key.enter])
                #expect(try await driver.waitUntil { try await driver.text("#q-01-sum-dim0 [data-verdict]") == "Correct!" })
                #expect(try await driver.string("return document.activeElement.getAttribute('data-next') !== null ? 'next' : document.activeElement.outerHTML") == "next")
                try await driver.press([Key.enter])
                try await tabUntilFocused(driver, "#q-02-transpose-c0")
                try await driver.press([Key.space])
                #expect(try await driver.execute("return document.querySelector('#q-02-transpose-c0').checked") as? Bool == true)
                try await tabUntilFocused(driver, "#q-02-transpose [data-check]")
                try await driver.press([Key.enter])
                #expect(try await driver.waitUntil { try await driver.text("#q-02-transpose [data-verdict]") == "Correct!" })
                try await driver.press([Key.enter])
                #expect(try await driver.waitUntil { try await driver.isVisible("[data-badge]") })
                #expect(try await driver.text("[data-final-score]") == "You scored 2 of 2 (100%)")
                #expect(try await driver.string("return document.activeElement.getAttribute('data-results') !== null ? 'results' : ''") == "results")
            }
        }

        func tabUntilFocused(_ driver: WebDriver, _ selector: String, sourceLocation: SourceLocation = #_sourceLocation) async throws {
            for _ in 0..<30 {
                if try await driver.execute("return document.activeElement === document.querySelector(arguments[0])", [selector]) as? Bool == true {
                    let outline = try await driver.string("return getComputedStyle(document.activeElement).outlineStyle + ' ' + getComputedStyle(document.activeElement.matches('input') ? document.activeElement.nextElementSibling : document.activeElement).outlineStyle")
                    #expect(outline.contains("solid"), "focus is not visible on \(selector)", sourceLocation: sourceLocation)
                    return
                }
                try await driver.press([Key.tab])
            }
            Issue.record("Tab never reached \(selector)", sourceLocation: sourceLocation)
        }

        @Test func pageSourceHasNoAnswersAndFallbackHashMatches() async throws {
            try await withBrowser { driver, site in
                try await driver.open(site.url(Self.attention))
                let source = try await driver.string("return document.documentElement.outerHTML")
                #expect(source.contains("Output of scaled dot-product attention calculation"))
                #expect(!source.contains("1.6605"))
                #expect(!source.contains("Expected size for first two dimensions"))
                for text in ["", "abc", "salt\n01-q\ntext:tensor([1., 2.])", String(repeating: "ñ€😀", count: 40)] {
                    let value = try await driver.execute("return window.quizc.sha256HexFallback(arguments[0])", [text]) as? String
                    #expect(value == SHA256.hex(text))
                }
            }
        }

        /// With scripts off every question, choice, hint and explanation is on the page; script-only controls are not.
        @Test func readableWithoutJavaScript() async throws {
            let site = try RenderedSite()
            defer { site.remove() }
            let driver = try await WebDriver(width: 1280, height: 900, javascript: false)
            do {
                try await driver.open(site.url(Self.attention))
                #expect(try await driver.execute("return document.documentElement.classList.contains('has-js')") as? Bool == false)
                for id in ["01-sdpa-output", "02-mha-output-shape", "03-scaling-factor", "04-shape-bug", "05-causal-mask"] {
                    #expect(try await driver.isVisible("#q-\(id) h2"), "question \(id) hidden")
                    #expect(try await driver.isVisible("#q-\(id) [data-hint] summary"))
                    #expect(try await driver.isVisible("#q-\(id) [data-explanation] summary"))
                }
                #expect(try await driver.isVisible("label[for='q-02-mha-output-shape-c1']"))
                #expect(try await !driver.isVisible("[data-start]"))
                #expect(try await !driver.isVisible("#q-01-sdpa-output [data-check]"))
                try await driver.click("#q-05-causal-mask [data-explanation] summary")
                #expect(try await driver.text("#q-05-causal-mask [data-explanation] .details-body").hasPrefix("Position i may only use"))
            } catch {
                await driver.quit()
                throw error
            }
            await driver.quit()
        }

        /// Proves the console check in `withBrowser` can fail.
        @Test func consoleErrorsAreSeen() async throws {
            let site = try RenderedSite()
            defer { site.remove() }
            let driver = try await WebDriver()
            try await driver.open(site.url("index.html"))
            try await driver.execute("console.error('boom from the test')")
            let errors = try await driver.severeLogs()
            await driver.quit()
            #expect(errors.count == 1)
            #expect(errors.first?.contains("boom from the test") == true)
        }

        @Test func catalogLinksToEveryQuiz() async throws {
            try await withBrowser { driver, site in
                try await driver.open(site.url("index.html"))
                #expect(try await driver.execute("return document.querySelectorAll('.quiz-card').length") as? Int == 2)
                try await driver.click(".quiz-card h2 a")
                #expect(try await driver.string("return document.title") == "Self-Attention Master · PyTorch Quizzes")
                #expect(try await driver.isVisible("[data-start]"))
            }
        }
    }
}
