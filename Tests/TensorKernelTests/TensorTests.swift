import Testing
@testable import TensorKernel

/// The core `Tensor` value: layout, element access, conversion and Python-number views.
@Suite struct TensorTests {
    @Test func contiguousStridesCountEmptyDimsAsOne() {
        #expect(Tensor.contiguousStrides(for: [2, 3, 4]) == [12, 4, 1])
        #expect(Tensor.contiguousStrides(for: [2, 0, 3]) == [3, 3, 1])
        #expect(Tensor.contiguousStrides(for: []) == [])
    }

    @Test func contiguityIgnoresSizeOneDims() throws {
        let x = Tensor(zeros: [3, 1, 4])
        #expect(x.isContiguous)
        #expect(!(try x.transpose(0, 2)).isContiguous)
        #expect(try x.transpose(0, 1).isContiguous)
        #expect(try Tensor(zeros: [2, 3]).t().contiguous().isContiguous)
    }

    @Test func elementAccessReadsThroughStrides() throws {
        let x = Tensor([Float(0), 1, 2, 3, 4, 5], shape: [2, 3])
        let t = try x.t()
        #expect(t.double(at: [2, 1]) == 5)
        #expect(t.int64(at: [1, 0]) == 1)
        #expect(t.bool(at: [0, 0]) == false)
        #expect(t.doubles() == [0, 3, 1, 4, 2, 5])
        #expect(t.toArray(as: Int32.self) == [0, 3, 1, 4, 2, 5])
        t.withUnsafeBufferPointer(as: Float.self) { #expect(Array($0) == [0, 3, 1, 4, 2, 5]) }
    }

    @Test func itemAndTolistGivePythonNumbers() throws {
        #expect(try Tensor(scalar: Float(0.1)).item() == .double(Double(Float(0.1))))
        #expect(try Tensor([Int64(7)]).item() == .int(7))
        #expect(try Tensor([true]).item() == .bool(true))
        #expect(throws: TensorError.runtime("a Tensor with 6 elements cannot be converted to Scalar")) { try Tensor(zeros: [2, 3]).item() }
        let nested = Tensor([Int64(1), 2, 3, 4], shape: [2, 2]).tolist()
        #expect(nested == .list([.list([.scalar(.int(1)), .scalar(.int(2))]), .list([.scalar(.int(3)), .scalar(.int(4))])]))
        #expect(Tensor(scalar: true).tolist() == .scalar(.bool(true)))
    }

    @Test func conversionsTruncateLikeStaticCast() {
        let x = Tensor([Float(-1.7), 2.9, .nan])
        #expect(x.to(.int64).int64s() == [-1, 2, Int64.min])
        #expect(x.to(.bool).bools() == [true, true, true])
        #expect(Tensor([Int64(16_777_217)]).to(.float32).floats() == [16_777_216])
        #expect(x.to(.float32).storage === x.storage)
    }

    @Test func sizeAndStrideAcceptNegativeDims() throws {
        let x = Tensor(zeros: [2, 3, 4])
        #expect(try x.size(-1) == 4)
        #expect(try x.stride(0) == 12)
        #expect(throws: TensorError.index("Dimension out of range (expected to be in range of [-3, 2], but got 3)")) { try x.size(3) }
    }
}
