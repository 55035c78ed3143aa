import Testing
@testable import TensorKernel

@Suite struct GemmFastTests {
    /// Shapes around the 6×16 register tile, the kc = 512 / mc = 240 / nc = 4096 cache blocks, and
    /// the row-wise B packing (whole 16-column panels plus a ragged last one).
    static let shapes: [(m: Int, n: Int, k: Int)] = [
        (1, 1, 1), (6, 16, 1), (5, 15, 7), (7, 17, 33), (13, 33, 255), (12, 32, 256), (19, 47, 257),
        (241, 20, 9), (64, 64, 64), (37, 70, 513), (3, 300, 40), (11, 48, 511), (6, 18, 512),
        (8, 40, 1030), (250, 35, 600), (2, 4100, 3),
    ]

    /// The fast kernel's contract: every c[i, j] is the sequential FMA chain over k, from 0.
    @Test(arguments: shapes)
    func equalsTheSequentialFMAChainBitForBit(shape: (m: Int, n: Int, k: Int)) {
        let problem = Problem(m: shape.m, n: shape.n, k: shape.k, seed: 7)
        #expect(problem.fast(threads: 1, path: .detected).map(\.bitPattern) == problem.sequentialFMA().map(\.bitPattern))
    }

    /// Transposed operands are read through strides during packing; the chain is the same.
    @Test(arguments: [false, true], [false, true])
    func readsTransposedOperandsThroughStrides(transposeA: Bool, transposeB: Bool) {
        let problem = Problem(m: 29, n: 35, k: 300, seed: 3, transposeA: transposeA, transposeB: transposeB)
        #expect(problem.fast(threads: 2, path: .detected).map(\.bitPattern) == problem.sequentialFMA().map(\.bitPattern))
    }

    @Test(arguments: GemmMicroKernelPath.available)
    func everyCPUPathComputesTheSameBits(path: GemmMicroKernelPath) {
        let problem = Problem(m: 50, n: 70, k: 600, seed: 11)
        #expect(problem.fast(threads: 1, path: path).map(\.bitPattern) == problem.sequentialFMA().map(\.bitPattern))
    }

    @Test(arguments: [2, 3, 4, 7])
    func resultsDoNotDependOnTheThreadCount(threads: Int) {
        for (m, n, k) in [(300, 90, 200), (90, 300, 200), (257, 257, 257)] {
            let problem = Problem(m: m, n: n, k: k, seed: UInt64(threads))
            #expect(problem.fast(threads: threads, path: .detected) .map(\.bitPattern)
                == problem.fast(threads: 1, path: .detected).map(\.bitPattern))
        }
    }

    /// Row-split threads share each packed B block (packed by all threads together) across several
    /// kc blocks and a ragged last column panel; every output is still the sequential FMA chain.
    @Test(arguments: [2, 3])
    func threadsSharingPackedBKeepTheSequentialChain(threads: Int) {
        let problem = Problem(m: 130, n: 40, k: 1100, seed: 9)
        #expect(problem.fast(threads: threads, path: .detected).map(\.bitPattern)
            == problem.sequentialFMA().map(\.bitPattern))
    }

    /// FMA and the reference's rounded products differ, but both obey the dot-product error bound
    /// γ_k·Σ|a||b| (Higham §3.1), so they are within 2γ_k·Σ|a||b| of each other.
    @Test func staysWithinTheDotProductErrorBoundOfTheReference() {
        let problem = Problem(m: 70, n: 90, k: 400, seed: 5)
        let fast = problem.fast(threads: 1, path: .detected)
        let reference = problem.reference()
        let gamma = Double(problem.k) * 0x1p-24 / (1 - Double(problem.k) * 0x1p-24)
        var worst = 0.0
        var differing = 0
        for i in 0..<problem.m {
            for j in 0..<problem.n {
                let magnitude = (0..<problem.k).reduce(0.0) { $0 + Double(abs(problem.a(i, $1) * problem.b($1, j))) }
                let index = i * problem.n + j
                worst = max(worst, abs(Double(fast[index]) - Double(reference[index])) / (2 * gamma * magnitude))
                if fast[index] != reference[index] { differing += 1 }
            }
        }
        #expect(worst <= 1)
        #expect(differing > 0, "FMA rounds differently somewhere in 6300 sums of 400 terms")
    }

    @Test func emptyInnerDimensionGivesZeros() {
        var c = [Float](repeating: .nan, count: 6)
        let a: [Float] = [], b: [Float] = []
        gemmFast(m: 2, n: 3, k: 0, a: a, aRowStride: 0, aColStride: 1, b: b, bRowStride: 3, bColStride: 1, c: &c, ldc: 3)
        #expect(c == [0, 0, 0, 0, 0, 0])
    }

    @Test func writesOnlyTheOutputWindow() {
        let problem = Problem(m: 7, n: 9, k: 5, seed: 1)
        var c = [Float](repeating: -1, count: 7 * 12)
        problem.aStorage.withUnsafeBufferPointer { a in
            problem.bStorage.withUnsafeBufferPointer { b in
                gemmFast(
                    m: 7, n: 9, k: 5, a: a.baseAddress!, aRowStride: problem.aStrides.row, aColStride: problem.aStrides.column,
                    b: b.baseAddress!, bRowStride: problem.bStrides.row, bColStride: problem.bStrides.column,
                    c: &c, ldc: 12, threads: 1)
            }
        }
        let expected = problem.sequentialFMA()
        for i in 0..<7 {
            #expect(Array(c[i * 12..<i * 12 + 9]) == Array(expected[i * 9..<i * 9 + 9]))
            #expect(Array(c[i * 12 + 9..<i * 12 + 12]) == [-1, -1, -1])
        }
    }
}

/// A random product with optionally transposed operand storage.
struct Problem {
    let m: Int, n: Int, k: Int
    let aStorage: [Float], bStorage: [Float]
    let aStrides: (row: Int, column: Int), bStrides: (row: Int, column: Int)

    init(m: Int, n: Int, k: Int, seed: UInt64, transposeA: Bool = false, transposeB: Bool = false) {
        (self.m, self.n, self.k) = (m, n, k)
        var state = seed &* 0x9E37_79B9_7F4A_7C15 | 1
        func next() -> Float {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Float(Int64(bitPattern: state) >> 40) / Float(1 << 23)
        }
        aStorage = (0..<m * k).map { _ in next() }
        bStorage = (0..<k * n).map { _ in next() }
        aStrides = transposeA ? (1, m) : (k, 1)
        bStrides = transposeB ? (1, k) : (n, 1)
    }

    func a(_ i: Int, _ p: Int) -> Float { aStorage[i * aStrides.row + p * aStrides.column] }
    func b(_ p: Int, _ j: Int) -> Float { bStorage[p * bStrides.row + j * bStrides.column] }

    func sequentialFMA() -> [Float] {
        (0..<m * n).map { index in
            (0..<k).reduce(Float(0)) { $0.addingProduct(a(index / n, $1), b($1, index % n)) }
        }
    }

    func reference() -> [Float] {
        var c = [Float](repeating: .nan, count: m * n)
        gemmReference(
            m: m, n: n, k: k, a: aStorage, aRowStride: aStrides.row, aColStride: aStrides.column,
            b: bStorage, bRowStride: bStrides.row, bColStride: bStrides.column, c: &c, ldc: n)
        return c
    }

    func fast(threads: Int, path: GemmMicroKernelPath) -> [Float] {
        var c = [Float](repeating: .nan, count: m * n)
        gemmFast(
            m: m, n: n, k: k, a: aStorage, aRowStride: aStrides.row, aColStride: aStrides.column,
            b: bStorage, bRowStride: bStrides.row, bColStride: bStrides.column, c: &c, ldc: n,
            threads: threads, path: path)
        return c
    }
}
