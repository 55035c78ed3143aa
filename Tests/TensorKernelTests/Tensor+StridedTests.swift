import Testing
@testable import TensorKernel

/// The strided engine: fast paths and the general odometer walk agree, and copies honour strides.
@Suite struct TensorStridedTests {
    @Test func map2PathsAgree() throws {
        let a = Tensor((0..<12).map(Float.init), shape: [3, 4])
        let dense = try a.add(.tensor(a))
        let strided = try a.t().add(.tensor(a.t())).t()
        #expect(dense.floats() == strided.contiguous().floats())
        let scalarRight = try a.mul(.double(0.5)), scalarLeft = try Tensor.binary(.mul, .double(0.5), .tensor(a))
        #expect(scalarRight.floats() == scalarLeft.floats())
        let column = try a.narrow(1, 1, 1)
        #expect(try a.sub(.tensor(column)).floats() == [-1, 0, 1, 2, -1, 0, 1, 2, -1, 0, 1, 2])
    }

    @Test func copyWritesIntoTransposedView() throws {
        let target = Tensor(zeros: [2, 3])
        try target.t().copy_(Tensor((0..<6).map(Int64.init), shape: [3, 2]))
        #expect(target.floats() == [0, 2, 4, 1, 3, 5])
    }

    @Test func forEachStorageIndexWalksRowMajor() throws {
        let x = try Tensor(zeros: [2, 3, 2]).permute([2, 0, 1])
        var positions: [Int] = []
        x.forEachStorageIndex { positions.append($0) }
        #expect(positions == [0, 2, 4, 6, 8, 10, 1, 3, 5, 7, 9, 11])
    }
}
