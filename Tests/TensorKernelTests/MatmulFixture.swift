import Foundation
import Testing

/// Matrix products recorded from torch 2.15 CPU by `Fixtures/record/record_matmul.py`, as bit patterns.
struct MatmulFixture: Decodable {
    struct Case: Decodable, CustomTestStringConvertible {
        /// `batched` (< 400 MACs per batch, torch's naive loop), `mkl` (MKL sgemm), `float64`.
        let kind: String
        let aShape: [Int]
        let bShape: [Int]
        let outShape: [Int]
        let a: [String]
        let b: [String]
        let out: [String]

        var testDescription: String { "\(kind) \(aShape) @ \(bShape)" }

        var aFloats: [Float] { a.map { Float(bitPattern: UInt32($0)!) } }
        var bFloats: [Float] { b.map { Float(bitPattern: UInt32($0)!) } }
        var outFloats: [Float] { out.map { Float(bitPattern: UInt32($0)!) } }
        var aDoubles: [Double] { a.map { Double(bitPattern: UInt64($0)!) } }
        var bDoubles: [Double] { b.map { Double(bitPattern: UInt64($0)!) } }
        var outDoubles: [Double] { out.map { Double(bitPattern: UInt64($0)!) } }

        enum CodingKeys: String, CodingKey {
            case kind, a, b, out
            case aShape = "a_shape", bShape = "b_shape", outShape = "out_shape"
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            kind = try container.decode(String.self, forKey: .kind)
            aShape = try container.decode([Int].self, forKey: .aShape)
            bShape = try container.decode([Int].self, forKey: .bShape)
            outShape = try container.decode([Int].self, forKey: .outShape)
            // float32 bits are JSON numbers, float64 bits are strings (they exceed 2^53).
            func bits(_ key: CodingKeys) throws -> [String] {
                if let numbers = try? container.decode([UInt32].self, forKey: key) { return numbers.map(String.init) }
                return try container.decode([String].self, forKey: key)
            }
            a = try bits(.a)
            b = try bits(.b)
            out = try bits(.out)
        }
    }

    let cases: [Case]

    static let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/matmul.json")

    static let all: [Case] = {
        do {
            return try JSONDecoder().decode(MatmulFixture.self, from: Data(contentsOf: url)).cases
        } catch {
            fatalError("cannot read \(url.path): \(error)")
        }
    }()

    static func cases(_ kind: String) -> [Case] { all.filter { $0.kind == kind } }
}

/// Errors and small exact results of the matmul family, recorded by `Fixtures/record/record_matmul_errors.py`.
struct MatmulCases: Decodable {
    struct ErrorCase: Decodable, CustomTestStringConvertible {
        let id: String
        let code: String
        let errorType: String
        let message: String
        var testDescription: String { id }

        enum CodingKeys: String, CodingKey {
            case id, code, message
            case errorType = "error_type"
        }
    }

    struct ValueCase: Decodable, CustomTestStringConvertible {
        let id: String
        let code: String
        let dtype: String
        let shape: [Int]
        let values: [Double]
        var testDescription: String { id }
    }

    let errors: [ErrorCase]
    let values: [ValueCase]

    static let loaded: MatmulCases = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/matmul_cases.json")
        do {
            return try JSONDecoder().decode(MatmulCases.self, from: Data(contentsOf: url))
        } catch {
            fatalError("cannot read \(url.path): \(error)")
        }
    }()
}

/// The shared `torch-error-examples.json` (137 recorded PyTorch errors).
struct TorchErrorExamples {
    struct Example: Decodable, CustomTestStringConvertible {
        let code: String
        let errorType: String
        let message: String
        var testDescription: String { code.split(separator: "\n").dropFirst().joined(separator: "; ") }

        enum CodingKeys: String, CodingKey {
            case code, message
            case errorType = "error_type"
        }
    }

    static let all: [Example] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/torch-error-examples.json")
        do {
            return try JSONDecoder().decode([Example].self, from: Data(contentsOf: url))
        } catch {
            fatalError("cannot read \(url.path): \(error)")
        }
    }()
}
