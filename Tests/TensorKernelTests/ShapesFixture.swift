import Testing
@testable import TensorKernel

/// `Fixtures/shapes.json`: layouts and values of views, shape ops, indexing and factories recorded from PyTorch 2.15.
struct ShapesFixture: Decodable {
    struct Layout: Decodable, Sendable {
        let shape: [Int]
        let stride: [Int]
        let offset: Int
        let contiguous: Bool
        let values: [String]
        let dtype: String?

        var doubles: [Double] { values.map { Double($0)! } }
    }

    /// A shape-op result: one tensor or a list of them (split, chunk).
    enum Result: Decodable, Sendable {
        case one(Layout)
        case many([Layout])
        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let list = try? container.decode([Layout].self) { self = .many(list) } else { self = .one(try container.decode(Layout.self)) }
        }
    }

    /// A float32 `linspace` or `arange` call with hex-encoded bounds.
    struct Range: Decodable, Sendable {
        let op: String
        let start: String
        let end: String
        let steps: Int
        let step: String?
        let values: [String]
    }

    let views: [String: Layout]
    let ranges: [Range]
    let shapeOps: [String: Result]
    let creation: [String: Layout]

    enum CodingKeys: String, CodingKey {
        case views, creation, ranges
        case shapeOps = "shape_ops"
    }

    static let shared: ShapesFixture? = try? KernelFixtures.load("shapes.json", as: ShapesFixture.self)

    /// Checks a tensor against a recorded layout; strides and offset only when `checkLayout` (views).
    static func expectMatches(_ tensor: Tensor, _ layout: Layout, checkLayout: Bool, _ name: String) {
        #expect(tensor.shape == layout.shape, "\(name)")
        if checkLayout {
            #expect(tensor.strides == layout.stride, "\(name)")
            #expect(tensor.offset == layout.offset, "\(name)")
            #expect(tensor.isContiguous == layout.contiguous, "\(name)")
        }
        if let dtype = layout.dtype { #expect(tensor.dtype.rawValue == dtype, "\(name)") }
        let got = tensor.doubles(), want = layout.doubles
        #expect(got.count == want.count && zip(got, want).allSatisfy { $0 == $1 || ($0.isNaN && $1.isNaN) }, "\(name): \(got) vs \(want)")
    }
}
