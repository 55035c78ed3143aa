import Testing
@testable import QuizCompiler

@Suite struct NumberScannerTests {
    @Test func findsNumbersWithTheirPrecision() {
        let numbers = NumberScanner.numbers(in: "tensor([[ 1.7191, -2.], [3e-04, 1.5e+02]]) x2 7.")
        #expect(numbers.map(\.text) == ["1.7191", "-2.", "3e-04", "1.5e+02", "7"])
        #expect(numbers.map(\.value) == [1.7191, -2, 0.0003, 150, 7])
        #expect(numbers.map(\.decimals) == [4, 0, 4, 0, 0])
        #expect(numbers.map(\.hasFraction) == [true, true, true, true, false])
    }

    @Test func keepsDashesBetweenWordsAsText() {
        let numbers = NumberScanner.numbers(in: "head-2 of batch2, a-1 b -1")
        #expect(numbers.map(\.text) == ["2", "1", "-1"])
        #expect(numbers.map(\.value) == [2, 1, -1])
    }

    @Test func readsNonASCIITextPerCharacter() {
        // `−` (U+2212) is a minus sign; a letter with a combining accent still blocks a number after it;
        // `²` and `é` count as a digit and a letter; `√3` and `≈ 0.577` are numbers.
        let text = "−1.5 and e\u{301}7, x²3, café2, 1/√3 ≈ 0.577 μ=2.5e-3"
        let numbers = NumberScanner.numbers(in: text)
        #expect(numbers.map(\.text) == ["−1.5", "1", "3", "0.577", "2.5e-3"])
        #expect(numbers.map(\.value) == [-1.5, 1, 3, 0.577, 0.0025])
        #expect(numbers.map(\.decimals) == [1, 0, 0, 3, 4])
    }

    @Test func segmentsKeepEveryCharacterOfTheText() {
        let text = "w = tensor([0.6405, 0.3595]) — ✓ done.\n"
        let segments = NumberScanner.segments(text)
        let joined = segments.map { segment -> String in
            switch segment {
            case .text(let text): text
            case .number(let number): number.text
            }
        }.joined()
        #expect(joined == text)
        #expect(segments.count == 5)
    }
}
