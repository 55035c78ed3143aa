import Testing
@testable import TensorKernel

@Suite struct ParallelTests {
    @Test func splitsIntoGranuleAlignedRanges() {
        #expect(Parallel.split(20, parts: 3, granule: 6) == [0..<6, 6..<12, 12..<20])
        #expect(Parallel.split(5, parts: 4, granule: 6) == [0..<5])
        #expect(Parallel.split(32, parts: 2, granule: 16) == [0..<16, 16..<32])
    }

    @Test(arguments: [1, 2, 5])
    func runsEveryChunkExactlyOnce(count: Int) {
        let visits = UnsafeMutablePointer<Int>.allocate(capacity: count)
        visits.initialize(repeating: 0, count: count)
        defer { visits.deallocate() }
        Parallel.forEach(count) { chunk in visits[chunk] += 1 }
        #expect(Array(UnsafeBufferPointer(start: visits, count: count)) == [Int](repeating: 1, count: count))
    }
}
