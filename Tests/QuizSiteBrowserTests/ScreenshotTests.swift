import Foundation
import Testing

extension BrowserTests {
    /// Screenshots of the catalog and a quiz page, light and dark, desktop (1280) and phone (390) widths.
    /// `QUIZC_SCREENSHOTS=1` writes them to `docs/screenshots/`.
    @Suite struct ScreenshotTests {
        static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/screenshots")

        @Test(arguments: ["light", "dark"], [1280, 390])
        func catalogAndQuiz(scheme: String, width: Int) async throws {
            let site = try RenderedSite()
            defer { site.remove() }
            let height = width == 1280 ? 1000 : 1200
            let driver = try await WebDriver(width: width, height: height)
            do {
                try await driver.cdp("Emulation.setDeviceMetricsOverride",
                                     ["width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600])
                try await driver.cdp("Emulation.setEmulatedMedia", ["features": [["name": "prefers-color-scheme", "value": scheme]]])
                let device = width == 1280 ? "desktop" : "phone"
                try await driver.open(site.url("index.html"))
                try await save(driver, "catalog-\(device)-\(scheme).png")
                try await driver.open(site.url("self-attention-master/index.html"))
                try await save(driver, "quiz-start-\(device)-\(scheme).png")
                try await driver.click("[data-start]")
                try await driver.click("label[for='q-01-sdpa-output-text']")
                try await driver.type("#q-01-sdpa-output-text", "tensor([[1.5, 2.5]])")
                try await driver.click("#q-01-sdpa-output [data-check]")
                _ = try await driver.waitUntil { try await driver.text("#q-01-sdpa-output [data-verdict]").hasPrefix("Not quite") }
                try await driver.execute("window.scrollTo(0, 0)")
                try await save(driver, "quiz-\(device)-\(scheme).png")
                try await driver.execute("document.querySelector('#q-01-sdpa-output [data-hint]').open = true")
                try await driver.execute("document.querySelector('#q-01-sdpa-output-text').value = ''")
                try await driver.type("#q-01-sdpa-output-text", "tensor([[1.6605, 2.6605]])")
                try await driver.click("#q-01-sdpa-output [data-check]")
                _ = try await driver.waitUntil { try await driver.text("#q-01-sdpa-output [data-verdict]") == "Correct!" }
                try await driver.execute("document.querySelector('#q-01-sdpa-output [data-verdict]').scrollIntoView()")
                try await save(driver, "quiz-explained-\(device)-\(scheme).png")
                try await driver.click("#q-01-sdpa-output [data-next]")
                try await driver.execute("window.scrollTo(0, 0)")
                try await save(driver, "quiz-choices-\(device)-\(scheme).png")
                try await driver.execute("""
                    var data = JSON.parse(document.getElementById('quiz-data').textContent);
                    var state = JSON.parse(localStorage.getItem(data.storageKey));
                    state.finished = true;
                    data.questions.forEach(function (q, i) { state.questions[q.id].status = i === 2 ? 'failed' : 'correct'; });
                    localStorage.setItem(data.storageKey, JSON.stringify(state));
                    """)
                try await driver.reload()
                _ = try await driver.waitUntil { try await driver.isVisible("[data-badge]") }
                try await save(driver, "results-\(device)-\(scheme).png")
            } catch {
                await driver.quit()
                throw error
            }
            await driver.quit()
        }

        func save(_ driver: WebDriver, _ name: String) async throws {
            let png = try await driver.screenshot()
            #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]), "\(name) is not a PNG")
            if ProcessInfo.processInfo.environment["QUIZC_SCREENSHOTS"] == "1" {
                try FileManager.default.createDirectory(at: Self.folder, withIntermediateDirectories: true)
                try png.write(to: Self.folder.appendingPathComponent(name))
            }
        }
    }
}
