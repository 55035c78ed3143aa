import Testing
@testable import TensorKernel

/// Data-moving shape ops, reductions with indices and selection against `Fixtures/shapes.json`.
@Suite struct TensorShapeOpsTests {
    static let x = Tensor((0..<24).map(Int64.init), shape: [2, 3, 4])
    static let m = x.to(.float32)

    static let ops: [String: @Sendable () throws -> [Tensor]] = [
        "cat1": { [try Tensor.cat([x, x], dim: 1)] },
        "stack2": { [try Tensor.stack([x, x], dim: 2)] },
        "split": { try x.split(2, dim: 2) },
        "chunk": { try Tensor((0..<5).map(Int64.init)).chunk(3) },
        "repeat": { [try x.select(0, 0).repeat_([2, 1, 2])] },
        "repeat_interleave": { [try Tensor((0..<3).map(Int64.init)).repeat_interleave(2)] },
        "repeat_interleave_dim": { [try x.select(0, 0).repeat_interleave(counts: [1, 2, 0], dim: 0)] },
        "gather": { [try x.select(0, 0).gather(1, Tensor([Int64(0), 3, 1, 1, 2, 0], shape: [3, 2]))] },
        "index_select": { [try x.index_select(2, Tensor([Int64(3), 0]))] },
        "masked_select": { [try x.masked_select(Tensor.binary(.remainder, .tensor(x), .int(5)).eq(.int(0)))] },
        "roll": { [try x.roll([1])] },
        "roll2": { [try x.roll([1, -1], dims: [0, 2])] },
        "flip": { [try x.flip([0, 2])] },
        "tril": { [try m.select(0, 0).tril()] },
        "triu1": { [try m.select(0, 0).triu(1)] },
        "tril-1": { [try m.tril(-1)] },
        "where": { [try Tensor.where_(x.gt(.int(10)), .tensor(x), .tensor(x.neg()))] },
        "masked_fill": { [try m.masked_fill(Tensor.binary(.remainder, .tensor(x), .int(2)).eq(.int(0)), .double(-.infinity))] },
        "scatter": { [try x.select(0, 0).scatter(1, Tensor([Int64(0), 1, 2], shape: [3, 1]), .tensor(Tensor([Int64(-1), -2, -3], shape: [3, 1])))] },
        "cumsum_int": { [try x.cumsum(2)] },
        "max_dim": { [try x.max(dim: 1).values] },
        "argmax_dim": { [try m.argmax(dim: 2)] },
        "argmax": { [try x.argmax()] },
        "amax": { [try x.amax(dim: [0, 2])] },
        "sort": { [try Tensor([Float(3), 1, 2, 1]).sort(descending: true).indices] },
        "topk": { [try Tensor([Float(3), 1, 2, 5]).topk(2).values] },
    ]

    @Test(arguments: ops.keys.sorted())
    func matchesTorch(_ name: String) throws {
        let recorded = try #require(ShapesFixture.shared?.shapeOps[name])
        let run = try #require(Self.ops[name])
        let results = try run()
        let layouts: [ShapesFixture.Layout]
        switch recorded {
        case .one(let layout): layouts = [layout]
        case .many(let list): layouts = list
        }
        #expect(results.count == layouts.count)
        for (result, layout) in zip(results, layouts) {
            ShapesFixture.expectMatches(result, layout, checkLayout: name == "split" || name == "chunk", name)
        }
    }
}
