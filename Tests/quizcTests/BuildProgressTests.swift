import Foundation
import Testing
@testable import quizc

@Suite struct BuildProgressTests {
    /// Collects what the progress writes.
    final class Sink: Sendable {
        let text = Locked("")
        var written: String { text.withLock { $0 } }
        func write(_ more: String) { text.withLock { $0 += more } }
    }

    static func progress(_ style: BuildProgress.Style, stats: CacheStats? = nil) -> (BuildProgress, Sink) {
        let sink = Sink()
        return (BuildProgress(style: style, cacheStats: stats) { sink.write($0) }, sink)
    }

    @Test func theSummaryLineCountsChallengesQuizzesTimeAndCacheHits() {
        #expect(BuildProgress.summary("built", challenges: 27, quizzes: 5, elapsed: .milliseconds(840), cached: 27)
                    == "built 27 challenges in 5 quizzes in 0.84 s (27 cached)")
        #expect(BuildProgress.summary("checked", challenges: 1, quizzes: 1, elapsed: .seconds(12), cached: nil)
                    == "checked 1 challenge in 1 quiz in 12.00 s")
        #expect(BuildProgress.summary("built", challenges: 27, quizzes: 5, elapsed: .milliseconds(84), cached: 25, unchangedQuizzes: 4)
                    == "built 27 challenges in 5 quizzes in 0.08 s (25 cached, 4 quizzes unchanged)")
        #expect(BuildProgress.summary("built", challenges: 3, quizzes: 2, elapsed: .milliseconds(84), cached: nil, unchangedQuizzes: 1)
                    == "built 3 challenges in 2 quizzes in 0.08 s (1 quiz unchanged)")
    }

    @Test func secondsAreRoundedHalfUpToTheDigitsAsked() {
        #expect(BuildProgress.seconds(.milliseconds(845), digits: 2) == "0.85")
        #expect(BuildProgress.seconds(.milliseconds(844), digits: 2) == "0.84")
        #expect(BuildProgress.seconds(.milliseconds(9996), digits: 2) == "10.00")
        #expect(BuildProgress.seconds(.milliseconds(50), digits: 1) == "0.1")
        #expect(BuildProgress.seconds(.microseconds(1), digits: 2) == "0.00")
        #expect(BuildProgress.seconds(.nanoseconds(1_234_567_891), digits: 9) == "1.234567891")
        #expect(BuildProgress.seconds(.milliseconds(2500), digits: 0) == "3")
        #expect(BuildProgress.seconds(.milliseconds(-1250), digits: 1) == "-1.3")
        #expect(BuildProgress.seconds(.zero, digits: 3) == "0.000")
    }

    @Test func nothingIsShownDuringTheFirstSecond() {
        let (progress, sink) = Self.progress(.lines)
        progress.update { $0.filesRead = 3 }
        progress.tick(elapsed: .milliseconds(999))
        #expect(sink.written == "")
    }

    @Test func withoutATerminalAPlainLineAppearsAtMostOnceASecond() {
        let stats = CacheStats()
        stats.record { $0.hits = 4 }
        let (progress, sink) = Self.progress(.lines, stats: stats)
        progress.update { $0.filesRead = 12 }
        progress.tick(elapsed: .milliseconds(1000))
        progress.update { $0.snippetsRun = 7 }
        progress.tick(elapsed: .milliseconds(1500))
        progress.tick(elapsed: .milliseconds(2100))
        progress.finish()
        progress.tick(elapsed: .milliseconds(3200))
        #expect(sink.written == """
            quizc: 1.0 s: 12 files read, 0 snippets run (4 cached), 0 files written
            quizc: 2.1 s: 12 files read, 7 snippets run (4 cached), 0 files written

            """)
    }

    @Test func onATerminalOneLineIsRewrittenAndClearedAtTheEnd() {
        let (progress, sink) = Self.progress(.terminal)
        progress.update { $0.filesWritten = 2 }
        progress.tick(elapsed: .milliseconds(1200))
        progress.tick(elapsed: .milliseconds(1300))
        progress.finish()
        let line = "quizc: %@ s: 0 files read, 0 snippets run, 2 files written"
        #expect(sink.written == "\r\u{1B}[2K" + line.replacingOccurrences(of: "%@", with: "1.2")
                    + "\r\u{1B}[2K" + line.replacingOccurrences(of: "%@", with: "1.3") + "\r\u{1B}[2K")
    }

    @Test func aShortRunStartedAndFinishedWritesNothing() {
        let (progress, sink) = Self.progress(.terminal)
        progress.start()
        progress.finish()
        #expect(sink.written == "")
    }
}
