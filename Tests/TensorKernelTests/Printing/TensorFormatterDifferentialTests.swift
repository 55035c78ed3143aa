import Testing
@testable import TensorKernel

/// The byte-buffer `TensorFormatter` against `ReferenceTensorFormatter` (the old `String` one) over
/// random tensors: every dtype, ranks 0-4, summarisation, wrapping, sci/int/fixed modes, specials, ties.
@Suite struct TensorFormatterDifferentialTests {
    @Test(arguments: 0..<8)
    func randomTensorsPrintLikeTheReference(batch: Int) {
        var random = SeededRandom(seed: 0x5EED_0000 + UInt64(batch))
        var mismatches: [String] = []
        for _ in 0..<400 {
            let sample = Sample.random(using: &random)
            let actual = TensorFormatter.repr(shape: sample.shape, dtype: sample.dtype, values: sample.values,
                                              options: sample.options, suffixes: sample.suffixes)
            let expected = ReferenceTensorFormatter.repr(shape: sample.shape, dtype: sample.dtype, values: sample.values,
                                                         options: sample.options, suffixes: sample.suffixes)
            if actual != expected { mismatches.append("\(sample.shape) \(sample.dtype) \(sample.options):\n\(actual)\n!=\n\(expected)") }
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) mismatches, first: \(mismatches.first ?? "")")
    }

    /// Large tensors: the summarised 100×100 of the benchmark, long rows that wrap, and a full print.
    @Test(arguments: [[100, 100], [3, 500], [2000], [5, 5, 50], [1, 1001], [40, 40]])
    func largeTensorsPrintLikeTheReference(shape: [Int]) {
        var random = SeededRandom(seed: UInt64(shape.reduce(1, *)))
        let count = shape.reduce(1, *)
        let values = (0..<count).map { _ in Double(Float(Double.random(in: -3...3, using: &random))) }
        for options in [PrintOptions.default, PrintOptions(threshold: .max), PrintOptions(precision: 2, edgeitems: 1, linewidth: 50),
                        PrintOptions(edgeitems: 0), PrintOptions(sciMode: true)] {
            let actual = TensorFormatter.repr(shape: shape, dtype: .float32, values: .floating(values), options: options)
            let expected = ReferenceTensorFormatter.repr(shape: shape, dtype: .float32, values: .floating(values), options: options)
            #expect(actual == expected, "\(shape) \(options)")
        }
    }

    /// One random tensor print: shape, dtype, values and options.
    struct Sample {
        var shape: [Int]
        var dtype: DType
        var values: FormatValues
        var options: PrintOptions
        var suffixes: [String]

        static func random(using random: inout SeededRandom) -> Sample {
            let rank = Int.random(in: 0...4, using: &random)
            var shape = (0..<rank).map { _ in Int.random(in: 0...4, using: &random) == 0 ? 0 : Int.random(in: 1...7, using: &random) }
            if Int.random(in: 0...9, using: &random) == 0 { shape = [Int.random(in: 1...40, using: &random), Int.random(in: 1...40, using: &random)] }
            let count = shape.reduce(1, *)
            let dtype = [DType.float32, .float64, .float32, .int64, .int32, .bool].randomElement(using: &random)!
            let values: FormatValues
            switch dtype {
            case .float32, .float64:
                let doubles = randomDoubles(count, using: &random)
                values = .floating(dtype == .float32 ? doubles.map { Double(Float($0)) } : doubles)
            case .int32, .int64:
                let limit: Int64 = [9, 1000, 1 << 40, .max].randomElement(using: &random)!
                values = .integer((0..<count).map { _ in Int64.random(in: -limit...limit, using: &random) })
            case .bool:
                values = .boolean((0..<count).map { _ in Bool.random(using: &random) })
            }
            let options = PrintOptions(
                precision: [4, 4, 0, 1, 2, 3, 6, 8, 10, 17, 20].randomElement(using: &random)!,
                threshold: [1000, 1000, 0, 5, 20, .max].randomElement(using: &random)!,
                edgeitems: Int.random(in: 0...4, using: &random),
                linewidth: [80, 80, 10, 30, 45, 120].randomElement(using: &random)!,
                sciMode: [nil, nil, true, false].randomElement(using: &random)!)
            let suffixes = [[], [], ["grad_fn=<AddBackward0>"], ["requires_grad=True"],
                            ["grad_fn=<NativeLayerNormBackward0>", "requires_grad=True"]].randomElement(using: &random)!
            return Sample(shape: shape, dtype: dtype, values: values, options: options, suffixes: suffixes)
        }

        /// One magnitude family per tensor (as real tensors have), salted with zeros, specials and ties.
        static func randomDoubles(_ count: Int, using random: inout SeededRandom) -> [Double] {
            let family = Int.random(in: 0...6, using: &random)
            let scale = [1e-12, 1e-6, 1e-4, 0.01, 1, 1, 100, 1e5, 1e9, 1e20].randomElement(using: &random)!
            return (0..<count).map { _ in
                if Int.random(in: 0...19, using: &random) == 0 {
                    return [0.0, -0.0, .nan, .infinity, -.infinity, 0.125, 2.5e-5, 1e-4, 1e8].randomElement(using: &random)!
                }
                switch family {
                case 0: return Double(Int.random(in: -50...50, using: &random))
                case 1: return Double(Int.random(in: -3...3, using: &random)) / 8
                case 2: return Double.random(in: -1...1, using: &random) * scale * 1e6
                case 3: return Double(Int.random(in: -2000...2000, using: &random)) / 1024 * scale
                default: return Double.random(in: -3...3, using: &random) * scale
                }
            }
        }
    }
}
