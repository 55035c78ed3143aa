import Foundation
import Testing
@testable import TensorKernel

/// PyTorch 2.15 recordings for printing (`Fixtures/Printing/record_printing.py`).
enum PrintFixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/Printing")

    struct RecordedOptions: Decodable, Sendable {
        var precision: Int
        var threshold: Int
        var edgeitems: Int
        var linewidth: Int
        var sci_mode: Bool?

        var printOptions: PrintOptions {
            PrintOptions(precision: precision, threshold: threshold < 0 ? .max : threshold, edgeitems: edgeitems,
                         linewidth: linewidth, sciMode: sci_mode)
        }
    }

    /// One printed tensor: its shape, dtype, raw values and the options in force.
    struct RecordedTensor: Decodable, Sendable, CustomTestStringConvertible {
        var shape: [Int]
        var dtype: String
        var bits: String?
        var values: [Int64]?
        var options: RecordedOptions
        var suffixes: [String]
        var parameter: Bool
        var repr: String?

        var testDescription: String { "\(dtype) \(shape) \(repr?.prefix(40) ?? "")" }

        var kernelDType: DType { DType(rawValue: dtype)! }

        var formatValues: FormatValues {
            switch kernelDType {
            case .float32:
                .floating(words(8).map { Double(Float(bitPattern: UInt32($0, radix: 16)!)) })
            case .float64:
                .floating(words(16).map { Double(bitPattern: UInt64($0, radix: 16)!) })
            case .bool:
                .boolean((values ?? []).map { $0 != 0 })
            case .int32, .int64:
                .integer(values ?? [])
            }
        }

        private func words(_ width: Int) -> [String] {
            let text = Array(bits ?? "")
            return stride(from: 0, to: text.count, by: width).map { String(text[$0..<($0 + width)]) }
        }

        /// What `print(t)` writes, without the newline.
        var rendered: String {
            let text = TensorFormatter.repr(shape: shape, dtype: kernelDType, values: formatValues,
                                            options: options.printOptions, suffixes: suffixes)
            return parameter ? "Parameter containing:\n" + text : text
        }
    }

    struct ExampleCase: Decodable, Sendable, CustomTestStringConvertible {
        var index: Int
        var tensor: Bool
        var prints: [RecordedTensor]
        var testDescription: String { "example \(index)" }
    }

    struct Example: Decodable, Sendable {
        var code: String
        var stdout: String
    }

    private static func load<T: Decodable>(_ name: String, as type: T.Type) -> T {
        do {
            return try JSONDecoder().decode(T.self, from: Data(contentsOf: directory.appendingPathComponent(name)))
        } catch {
            fatalError("cannot read fixture \(name): \(error)")
        }
    }

    static let examples = load("torch-print-examples.json", as: [Example].self)
    static let exampleTensors = load("print_examples_tensors.json", as: [ExampleCase].self)
    static let tensorExamples = exampleTensors.filter(\.tensor)
    static let randomCases = load("print_random.json", as: [RecordedTensor].self)
}
