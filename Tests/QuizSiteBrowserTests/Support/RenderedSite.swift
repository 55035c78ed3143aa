import Foundation
import QuizCore
import QuizSite
import Testing

/// The seed site (`QuizSiteTests/Fixtures/seed-site.json`) rendered into a fresh temporary folder.
struct RenderedSite {
    let folder: URL

    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("QuizSiteTests/Fixtures/seed-site.json")

    static func seed() throws -> CompiledSite {
        try JSONDecoder().decode(CompiledSite.self, from: Data(contentsOf: fixture))
    }

    init(site: CompiledSite? = nil) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("quizc-browser-\(UUID().uuidString)")
        let files = try QuizSite.render(site: site ?? Self.seed(), templates: .builtIn)
        for (path, bytes) in files {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: url)
        }
    }

    func url(_ path: String, query: String? = nil) -> URL {
        let file = folder.appendingPathComponent(path)
        guard let query else { return file }
        return URL(string: file.absoluteString + "?" + query)!
    }

    func remove() {
        try? FileManager.default.removeItem(at: folder)
    }
}

/// Every browser suite nests in this one so that only one Chromium runs at a time on a small machine.
@Suite(.serialized, .enabled(if: BrowserGate.enabled, "QUIZC_SKIP_BROWSER_TESTS=1"))
struct BrowserTests {}

/// Browser tests run unless `QUIZC_SKIP_BROWSER_TESTS=1`; a machine without Chromium then fails them.
enum BrowserGate {
    static var enabled: Bool { ProcessInfo.processInfo.environment["QUIZC_SKIP_BROWSER_TESTS"] != "1" }
}
