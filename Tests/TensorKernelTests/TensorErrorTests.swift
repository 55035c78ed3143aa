import Testing
@testable import TensorKernel

/// The kernel-level share of `Fixtures/torch-error-examples.json` (recorded PyTorch 2.15 messages): each case
/// is the Swift equivalent of the recorded snippet and must throw the recorded type and message.
@Suite struct TensorErrorTests {
    struct Example: Decodable, Sendable {
        let code: String
        let errorType: String
        let message: String

        enum CodingKeys: String, CodingKey {
            case code, message
            case errorType = "error_type"
        }
    }

    static let examples: [Example] = (try? KernelFixtures.load("torch-error-examples.json", as: [Example].self)) ?? []

    static func randn(_ shape: Int...) -> Tensor { Tensor(zeros: shape) }
    static func ones(_ shape: Int...) -> Tensor { Tensor.filled(shape, .int(1), .float32) }

    /// Example index in the JSON → the equivalent kernel call.
    static let equivalents: [Int: @Sendable () throws -> Void] = [
        25: { _ = try randn(2, 3).mul(.tensor(randn(3, 2))) },
        26: { _ = try randn(2, 3, 4).transpose(1, 2).view([2, 12]) },
        27: { _ = try randn(2, 4, 3, 8).transpose(1, 2).view([2, 3, 32]) },
        28: { _ = try randn(2, 3).view([4, 2]) },
        29: { _ = try randn(2, 3).reshape([4, -1]) },
        30: { _ = try randn(2, 3).view([-1, -1]) },
        31: { _ = try randn(2, 3, 8).view([2, 3, 3, -1]) },
        32: { _ = try randn(2, 3).view([-2, 3]) },
        33: { _ = try randn(2, 3).permute([1, 0, 2]) },
        34: { _ = try randn(2, 3).permute([0, 0]) },
        35: { _ = try randn(2, 3).expand([2, 4]) },
        36: { _ = try randn(2, 3).squeeze(2) },
        37: { _ = try randn(2, 3).unsqueeze(3) },
        38: { _ = try randn(2, 3).flatten(2) },
        41: { _ = try randn(2, 3, 4).transpose(1, 3) },
        42: { _ = try randn(2, 3).sum(dim: [5]) },
        43: { _ = try randn(2, 3).mean(dim: [2]) },
        44: { _ = try randn(2, 3).size(2) },
        45: { _ = try randn(5).t().T.mT() },
        46: { _ = try Tensor.cat([randn(2, 3), randn(2, 3)], dim: 2) },
        47: { _ = try Tensor.cat([randn(2, 3), randn(2, 4)], dim: 0) },
        48: { _ = try Tensor.cat([randn(2, 3), randn(4, 3)], dim: 1) },
        49: { _ = try Tensor.cat([randn(2, 3), randn(3)]) },
        50: { _ = try Tensor.cat([]) },
        51: { _ = try Tensor.stack([randn(2, 3), randn(2, 4)]) },
        52: { _ = try Tensor.stack([randn(2, 3), randn(3, 2)], dim: 0) },
        53: { _ = try Tensor.stack([randn(2, 3)], dim: 3) },
        55: { _ = try randn(3, 4).masked_fill(ones(3, 3).bool(), .double(-.infinity)) },
        56: { _ = try randn(2, 4, 4).masked_fill(ones(3, 4, 4).bool(), .double(0)) },
        57: { try randn(4, 4).masked_fill_(ones(2, 4, 4).bool(), .double(0)) },
        58: {
            let x = randn(3, 3), mask = try ones(3, 3).tril()
            _ = try x.masked_fill(mask.eq(.int(0)), .double(-.infinity))
            _ = try x.masked_fill(mask, .double(-.infinity))
        },
        59: { _ = try randn(3, 3).masked_fill(ones(3, 3).bool(), .tensor(Tensor([Float(1), 2]))) },
        60: { _ = try randn(3, 5).add(.tensor(randn(3, 4))) },
        61: { _ = try randn(2, 3, 4).mul(.tensor(randn(2, 4))) },
        62: { _ = try randn(4, 3).sub(.tensor(randn(4))) },
        63: { _ = try randn(2, 3).div(.tensor(randn(3, 2))) },
        64: { try randn(3).add_(.tensor(randn(2, 3))) },
        65: { _ = try Tensor.where_(ones(2, 3).bool(), .tensor(randn(2, 3)), .tensor(randn(4))) },
        91: { _ = try randn(3).index([.int(5)]) },
        92: { _ = try randn(2, 3).index([.slice(start: nil, stop: nil, step: nil), .int(5)]) },
        93: { _ = try randn(2, 3).index([.int(-3)]) },
        94: { _ = try randn(3).index([.int(0), .int(1)]) },
        95: { _ = try randn(3).index([.tensor(Tensor([Int64(0), 5]))]) },
        96: { _ = try randn(3, 4).index([.tensor(Tensor([true, false]))]) },
        97: { throw TensorError.invalidIndexType("float") },
        98: { _ = try randn(3, 4).gather(1, Tensor([Int64(0), 9, 1], shape: [3, 1])) },
        99: { _ = try randn(2, 3).item() },
        105: { _ = try Tensor.tensor(.list([.list([.scalar(.int(1)), .scalar(.int(2))]), .list([.scalar(.int(3))])])) },
        107: { _ = try randn(2, 3).mean(dtype: .int64) },
        108: { _ = try Tensor([Int64(1), 2]).mean() },
        109: { _ = try Tensor(zeros: [2, 3]).split(4, dim: 2) },
        110: { _ = try randn(4, 6).chunk(0) },
        111: { _ = try ones(2, 3).repeat_([2]) },
        112: { _ = try Tensor.ones([2, -3]) },
        113: { _ = try Tensor.arange(.int(0), .int(10), .int(0)) },
        114: { _ = try randn(2, 3).T.contiguous().view([3, 3]) },
        115: { _ = try ones(3).tril() },
        116: { _ = try randn(2, 3).max(dim: 3) },
        117: { _ = try randn(6).view([2, 3]).t().view([-1]) },
        119: { _ = try randn(2, 3, 4).norm(dim: [0, 5]) },
        122: { _ = try randn(2, 5, 16).view([2, 5, 3, -1]) },
        124: {
            let mask = try ones(4, 4).tril()
            _ = try randn(2, 5, 5).masked_fill(mask.eq(.int(0)), .double(-.infinity))
        },
        131: { _ = try Tensor.cat([randn(2, 5, 4), randn(2, 6, 4)], dim: -1) },
        134: { _ = try randn(2, 3).view([3]) },
    ]

    @Test func fixtureHasAllExamples() {
        #expect(Self.examples.count == 137)
    }

    @Test(arguments: equivalents.keys.sorted())
    func throwsRecordedError(_ index: Int) throws {
        let example = try #require(Self.examples.indices.contains(index) ? Self.examples[index] : nil)
        let call = try #require(Self.equivalents[index])
        do {
            try call()
            Issue.record("no error for: \(example.code)")
        } catch let error as TensorError {
            #expect(error.kind.rawValue == example.errorType, "\(example.code)")
            #expect(error.message == example.message, "\(example.code)")
        }
    }
}
