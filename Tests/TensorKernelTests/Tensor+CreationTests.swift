import Testing
@testable import TensorKernel

/// Factories against `Fixtures/shapes.json` ("creation") and PyTorch's factory errors.
@Suite struct TensorCreationTests {
    static let factories: [String: @Sendable () throws -> Tensor] = [
        // Recorded on AVX2: Vectorized<float> has 8 lanes.
        "arange_f": { try Tensor.arange(.int(0), .int(3), .double(0.1), laneWidth: 8) },
        "arange_i": { try Tensor.arange(.int(2), .int(12), .int(3)) },
        "arange_neg": { try Tensor.arange(.double(10), .int(0), .int(-3)) },
        "linspace": { try Tensor.linspace(-1, 1, 7) },
        "linspace_i": { try Tensor.linspace(0, 10, 5, dtype: .int64) },
        "eye": { try Tensor.eye(2, 3) },
        "full": { try Tensor.full([2], .int(7)) },
        "full_f": { try Tensor.full([2], .double(0.1)) },
        "tensor_mixed": { try Tensor.tensor(.list([.scalar(.bool(true)), .scalar(.int(2))])) },
        "tensor_float": { try Tensor.tensor(.list([.list([.scalar(.int(1)), .scalar(.double(2.5))])])) },
    ]

    @Test(arguments: factories.keys.sorted())
    func matchesTorch(_ name: String) throws {
        let layout = try #require(ShapesFixture.shared?.creation[name])
        let run = try #require(Self.factories[name])
        ShapesFixture.expectMatches(try run(), layout, checkLayout: true, name)
    }

    @Test func randomRangesAreBitExact() throws {
        let ranges = try #require(ShapesFixture.shared?.ranges)
        #expect(ranges.count == 60)
        for r in ranges {
            let start = Double(r.start)!, end = Double(r.end)!
            let result = r.op == "linspace"
                ? try Tensor.linspace(start, end, r.steps)
                : try Tensor.arange(.double(start), .double(end), .double(Double(r.step!)!), laneWidth: 8)
            #expect(result.floats() == r.values.map { Float(Double($0)!) }, "\(r.op)(\(start), \(end))")
        }
    }

    @Test func floatArangeUsesTheVectorisedBlockFormula() throws {
        // torch.arange(0, 2, 0.1)[16:] on AVX2 starts a new block at Float(1.6): element 17 is Float(1.6) + 0.1.
        let values = try Tensor.arange(.int(0), .int(2), .double(0.1), laneWidth: 8).floats()
        #expect(values.count == 20)
        #expect(values[17] == Float(Double(Float(1.6)) + 0.1))
        #expect(values[19] == Float(0 + 0.1 * 19))
    }

    @Test(arguments: [
        (NestedList.list([.list([.scalar(.int(1)), .scalar(.int(2))]), .list([.scalar(.int(3))])]),
         TensorError.value("expected sequence of length 2 at dim 1 (got 1)")),
        (.list([.list([.scalar(.int(1)), .scalar(.int(2))]), .scalar(.int(3))]), TensorError.type("not a sequence")),
        (.list([.scalar(.int(1)), .list([.scalar(.int(2))])]), TensorError.type("'list' object cannot be interpreted as an integer")),
    ])
    func raggedDataRaisesTorchErrors(_ data: NestedList, _ error: TensorError) {
        #expect(throws: error) { try Tensor.tensor(data) }
    }

    @Test func inferredDTypes() throws {
        #expect(try Tensor.tensor(.list([.scalar(.bool(true)), .scalar(.bool(false))])).dtype == .bool)
        #expect(try Tensor.tensor(.list([.scalar(.int(1))])).dtype == .int64)
        #expect(try Tensor.tensor(.list([])).shape == [0])
        #expect(try Tensor.tensor(.list([])).dtype == .float32)
        #expect(try Tensor.tensor(.list([.list([]), .list([])])).shape == [2, 0])
        #expect(try Tensor.full([1], .bool(true)).dtype == .bool)
        #expect(try Tensor.arange(.double(5)).dtype == .float32)
    }

    @Test func factoryErrors() {
        #expect(throws: TensorError.runtime("Trying to create tensor with negative dimension -3: [2, -3]")) { try Tensor.ones([2, -3]) }
        #expect(throws: TensorError.runtime("zeros: Dimension size must be non-negative.")) { try Tensor.zeros([-1]) }
        #expect(throws: TensorError.runtime("upper bound and lower bound inconsistent with step sign")) { try Tensor.arange(.int(5), .int(1)) }
        #expect(throws: TensorError.runtime("number of steps must be non-negative")) { try Tensor.linspace(0, 1, -1) }
        #expect(throws: TensorError.runtime("n must be greater or equal to 0, got -1")) { try Tensor.eye(-1) }
    }

    @Test func trilTriuKeepDiagonalOffsets() throws {
        let ones = try Tensor.ones([3, 3])
        #expect(try ones.tril(-1).floats() == [0, 0, 0, 1, 0, 0, 1, 1, 0])
        #expect(try Tensor.ones([2, 3]).tril(1).floats() == [1, 1, 0, 1, 1, 1])
    }
}
