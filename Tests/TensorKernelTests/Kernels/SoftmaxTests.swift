import Foundation
import Testing
@testable import TensorKernel

@Suite("SoftmaxKernel")
struct SoftmaxTests {
    @Test("fixtures load")
    func fixturesLoad() {
        #expect(SoftmaxFixtures.softmaxCases.count == 116)
    }

    /// Bit-exact against PyTorch recorded on AVX2 (lane width 8): last-dim and non-last-dim softmax and
    /// log_softmax, rows of 1...129 with -inf entries and an all -inf row (NaN).
    @Test("softmax and log_softmax match AVX2 recordings bit for bit",
          arguments: SoftmaxFixtures.softmaxCases.filter { $0.op != "logsumexp" })
    func matchesRecordings(_ c: SoftmaxFixtures.SoftmaxCase) {
        let x = SoftmaxFixtures.floats(c.input)
        var y = [Float](repeating: 0, count: x.count)
        let outer = c.shape[..<c.dim].reduce(1, *)
        let n = c.shape[c.dim]
        let inner = c.shape[(c.dim + 1)...].reduce(1, *)
        x.withUnsafeBufferPointer { px in
            y.withUnsafeMutableBufferPointer { py in
                let (i, o) = (px.baseAddress!, py.baseAddress!)
                switch (c.op, inner == 1) {
                case ("softmax", true): SoftmaxKernel.softmaxLastDim(i, o, rows: outer, n: n, laneWidth: 8)
                case ("softmax", false): SoftmaxKernel.softmaxInnerDim(i, o, outer: outer, n: n, inner: inner, laneWidth: 8)
                case (_, true): SoftmaxKernel.logSoftmaxLastDim(i, o, rows: outer, n: n, laneWidth: 8)
                default: SoftmaxKernel.logSoftmaxInnerDim(i, o, outer: outer, n: n, inner: inner, laneWidth: 8)
                }
            }
        }
        #expect(SoftmaxFixtures.mismatches(y, SoftmaxFixtures.floats(c.output)) == [])
    }

    /// logsumexp is not emulated bit for bit (PyTorch uses MKL's vector exp and a cascade sum); libm
    /// expf + in-order sum stay within 1e-6 relative of the recordings (observed: up to 8 ulp near 0).
    @Test("logsumexp is within 1e-6 of the recordings", arguments: SoftmaxFixtures.softmaxCases.filter { $0.op == "logsumexp" })
    func logsumexpClose(_ c: SoftmaxFixtures.SoftmaxCase) {
        let x = SoftmaxFixtures.floats(c.input)
        let outer = c.shape[..<c.dim].reduce(1, *)
        let n = c.shape[c.dim]
        let inner = c.shape[(c.dim + 1)...].reduce(1, *)
        var y = [Float](repeating: 0, count: outer * inner)
        SoftmaxKernel.logsumexp(x, &y, outer: outer, n: n, inner: inner)
        let expected = SoftmaxFixtures.floats(c.output)
        for (a, e) in zip(y, expected) {
            #expect(Swift.abs(a - e) <= 1e-6 * Swift.max(1, Swift.abs(e)))
        }
    }

    /// The reference machine (AVX-512, W = 16) printed these corner values for corpus snippet 020
    /// (`softmax(randn(64, 64))`, seed 0); the W = 16 emulation must print the same 4-decimal values.
    @Test("lane width 16 reproduces the reference corpus print")
    func laneWidth16MatchesCorpus() throws {
        struct Input: Decodable { let input: [UInt32] }
        let x = SoftmaxFixtures.floats(try SoftmaxFixtures.load("softmax_corpus020_input.json", as: Input.self).input)
        var y = [Float](repeating: 0, count: 64 * 64)
        SoftmaxKernel.softmaxLastDim(x, &y, rows: 64, n: 64, laneWidth: 16)
        let printed = try String(
            contentsOf: SoftmaxFixtures.directory.appendingPathComponent("corpus_020_large_softmax_summarized.out"),
            encoding: .utf8)
        let lines = printed.split(separator: "\n").map(String.init)
        let rows = [0, 1, 2, 61, 62, 63]
        let lineIndex = [0, 1, 2, 4, 5, 6]
        for (row, line) in zip(rows, lineIndex) {
            let numbers = lines[line].split(whereSeparator: { !"0123456789.".contains($0) }).filter { $0.contains(where: \.isNumber) }
            let columns = [0, 1, 2, 61, 62, 63]
            let ours = columns.map { String(format: "%.4f", Double(y[row * 64 + $0])) }
            #expect(numbers.map(String.init) == ours, "row \(row)")
        }
    }

    @Test("lane sum: in order below W, lanes plus butterfly from W")
    func laneSumOrder() {
        // 1e8 absorbs a following 1 in float32; the order decides how many ones survive.
        var values = [Float](repeating: 1, count: 9)
        values[0] = 1e8
        values[8] = -1e8
        // W = 16 > n: ((1e8 + 1) + 1 ...) - 1e8 loses every 1: 0.
        #expect(SoftmaxKernel.laneSum(values, 9, 16) == 0)
        // W = 8: lane 0 = 1e8 + -1e8 = 0, lanes 1...7 hold 1: butterfly sum 7.
        #expect(SoftmaxKernel.laneSum(values, 9, 8) == 7)
    }

    @Test("butterfly of halves gives the lane-by-lane reduction's bits", arguments: [2, 4, 8, 16])
    func butterflyMatchesLaneDefinition(width: Int) {
        var generator = CPUGenerator(seed: 7)
        for trial in 0..<200 {
            // Magnitudes from 1e-6 to 1e6 and both signs, so a different pairing would round differently.
            let values = generator.uniformFloat32(count: 16).enumerated().map { index, u in
                (u - 0.5) * Float(pow(10, Double((index * 7 + trial) % 13) - 6))
            }
            // ATen's definition, step by step over an array: every lane i becomes lanes[i] + lanes[i ^ step].
            var reference = Array(values.prefix(width))
            for step in sequence(first: width / 2, next: { $0 > 1 ? $0 / 2 : nil }) {
                reference = reference.indices.map { reference[$0] + reference[$0 ^ step] }
            }
            let lanes = SIMD16<Float>(values)
            #expect(SoftmaxKernel.butterfly(lanes, width).bitPattern == reference[0].bitPattern, "trial \(trial)")
        }
    }
}
