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
}
