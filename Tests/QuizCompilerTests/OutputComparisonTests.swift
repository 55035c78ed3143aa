import Testing
@testable import QuizCompiler

@Suite struct OutputComparisonTests {
    @Test(arguments: [
        ("tensor([1.])  \n\n", "tensor([1.])\n", nil, true),
        ("tensor([1.0001])", "tensor([1.0000])\n", 1e-4, true),
        ("tensor([1.0002])", "tensor([1.0000])\n", 1e-4, false),
        ("tensor([1.0001])", "tensor([1.0000])\n", nil, false),
        ("tensor([ 1.0000, -2.0000])", "tensor([ 1.0000, -1.9999])", 1e-3, true),
        ("tensor([1.0000,  2.0000])", "tensor([1.0000, 2.0000])", 1e-3, true),
        ("Tensor([1.0000])", "tensor([1.0000])", 1e-3, false),
        ("tensor([1.0000, 2.0000])", "tensor([1.0000])", 1.0, false),
    ] as [(String, String, Double?, Bool)])
    func matches(_ stated: String, _ computed: String, _ tolerance: Double?, _ expected: Bool) {
        #expect(OutputComparison.matches(stated, computed, tolerance: tolerance) == expected)
    }

    @Test func unifiedDiffShowsRemovedThenAddedLines() {
        #expect(OutputComparison.unifiedDiff(stated: "a\nb\nc\n", computed: "a\nB\nc\nd\n") == """
            --- stated answer
            +++ computed output
            @@ -1,3 +1,4 @@
             a
            -b
            +B
             c
            +d
            """)
    }

    /// ASCII text is normalised over bytes; the result must be what splitting Swift's characters gives (the reference
    /// below is the general path, used for any other text).
    @Test(arguments: ["", "a", "a  \n\n", "a\r\nb \t\r\n\r\n", "a\rb\n", " \n \n", "x\r\r\n", "é \r\nb\n\n"])
    func normalisedLinesFollowCharacters(text: String) {
        var expected = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).map { line in
            var line = Substring(line)
            while let last = line.last, last == " " || last == "\t" || last == "\r" { line = line.dropLast() }
            return String(line)
        }
        while expected.last == "" { expected.removeLast() }
        #expect(OutputComparison.normalized(text) == expected)
        #expect(OutputComparison.matches(text, expected.joined(separator: "\n")))
    }
}
