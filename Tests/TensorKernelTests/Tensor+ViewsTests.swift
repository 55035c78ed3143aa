import Testing
@testable import TensorKernel

/// Views share storage and match PyTorch's shapes, strides and offsets (`Fixtures/shapes.json`).
@Suite struct TensorViewsTests {
    static let x = Tensor((0..<24).map(Int64.init), shape: [2, 3, 4])
    static let colon = TensorIndex.slice(start: nil, stop: nil, step: nil)

    static let views: [String: @Sendable () throws -> Tensor] = [
        "transpose(0,2)": { try x.transpose(0, 2) },
        "permute(2,0,1)": { try x.permute([2, 0, 1]) },
        "view(4,6)": { try x.view([4, 6]) },
        "view(-1,4)": { try x.view([-1, 4]) },
        "unsqueeze(1)": { try x.unsqueeze(1) },
        "unsqueeze(-1)": { try x.unsqueeze(-1) },
        "narrow(2,1,2)": { try x.narrow(2, 1, 2) },
        "select(1,-1)": { try x.select(1, -1) },
        "expand": { try Tensor((0..<3).map(Int64.init), shape: [3, 1]).expand([2, 3, 4]) },
        "flatten(1)": { try x.flatten(1) },
        "unflatten(2,(2,2))": { try x.unflatten(2, [2, 2]) },
        "T": { x.T },
        "mT": { try x.mT() },
        "slice(2,1,None,2)": { try x.slice(2, start: 1, step: 2) },
        "transpose_view": { try x.transpose(1, 2).reshape([2, 12]) },
        "squeeze": { Tensor(zeros: [1, 3, 1]).squeeze() },
        "squeeze(0)": { try Tensor(zeros: [1, 3, 1]).squeeze(0) },
        "squeeze((0,2))": { try Tensor(zeros: [1, 3, 1]).squeeze(dims: [0, 2]) },
        "t_view": { try x.select(0, 0).t().contiguous() },
        "index_basic": { try x.index([.int(1), .ellipsis, .slice(start: nil, stop: nil, step: 2)]) },
        "index_none": { try x.index([.newAxis, .int(0), colon, .newAxis]) },
        "index_adv1": { try x.index([.list([0, 1]), colon, .list([0, 1])]) },
        "index_adv2": { try x.index([colon, .list([0, 2]), .list([1, 3])]) },
        "index_adv3": { try x.index([.tensor(Tensor([Int64(0), 1], shape: [2, 1])), .tensor(Tensor([Int64(0), 1], shape: [1, 2]))]) },
        "index_mask": { try x.index([.tensor(x.gt(.int(20)))]) },
        "index_mask2": { try x.index([colon, .boolList([true, false, true])]) },
        "index_int_adv": { try x.index([.int(0), colon, .list([1, 2])]) },
        "index_tensor0": { try x.index([.tensor(Tensor(scalar: Int64(1)))]) },
    ]

    @Test(arguments: views.keys.sorted())
    func matchesTorchLayout(_ name: String) throws {
        let layout = try #require(ShapesFixture.shared?.views[name])
        let run = try #require(Self.views[name])
        let result = try run()
        let isCopy = name.hasPrefix("index_adv") || name.hasPrefix("index_mask") || name == "index_int_adv" || name == "transpose_view" || name == "t_view"
        ShapesFixture.expectMatches(result, layout, checkLayout: !isCopy, name)
    }

    @Test func viewsShareStorage() throws {
        let base = Tensor([Float](repeating: 0, count: 6), shape: [2, 3])
        let column = try base.select(1, 2)
        try column.fill_(.double(5))
        try base.t().index([.int(0)]).add_(.int(1))
        #expect(base.floats() == [1, 0, 5, 1, 0, 5])
        #expect(base.detach().storage === base.storage)
    }

    @Test func reshapeCopiesOnlyWhenNeeded() throws {
        let base = Tensor(zeros: [2, 3])
        #expect(try base.reshape([3, 2]).storage === base.storage)
        #expect(try base.t().reshape([6]).storage !== base.storage)
    }
}
