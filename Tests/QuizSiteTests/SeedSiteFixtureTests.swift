import Foundation
import Testing
import QuizCore

/// The browser tests cannot import this target, so they read the seed site from `Fixtures/seed-site.json`;
/// this test keeps that file equal to `SeedSite.site` (`QUIZC_RECORD=1` rewrites it).
@Suite struct SeedSiteFixtureTests {
    @Test func jsonFixtureMatchesTheBuilder() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try Golden.check(String(decoding: try encoder.encode(SeedSite.site), as: UTF8.self) + "\n", against: "../seed-site.json")
        let decoded = try JSONDecoder().decode(CompiledSite.self, from: Data(contentsOf: Golden.folder.appendingPathComponent("../seed-site.json")))
        #expect(decoded == SeedSite.site)
    }
}
