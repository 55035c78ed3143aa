/// An error raised by a tensor operation, carrying the Python exception type and PyTorch's exact message.
public struct TensorError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The Python exception class PyTorch raises for this failure.
    public enum Kind: String, Sendable, Hashable {
        case runtimeError = "RuntimeError"
        case indexError = "IndexError"
        case valueError = "ValueError"
        case typeError = "TypeError"
        case notImplementedError = "NotImplementedError"
    }

    public let kind: Kind
    public let message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// `RuntimeError: message`, the last line of a Python traceback.
    public var description: String { "\(kind.rawValue): \(message)" }

    public static func runtime(_ message: String) -> TensorError { TensorError(.runtimeError, message) }
    public static func index(_ message: String) -> TensorError { TensorError(.indexError, message) }
    public static func value(_ message: String) -> TensorError { TensorError(.valueError, message) }
    public static func type(_ message: String) -> TensorError { TensorError(.typeError, message) }
    public static func notImplemented(_ message: String) -> TensorError { TensorError(.notImplementedError, message) }

    /// `Dimension out of range (expected to be in range of [-n, n-1], but got d)`.
    static func dimOutOfRange(_ dim: Int, rank: Int) -> TensorError {
        .index("Dimension out of range (expected to be in range of [\(-rank), \(rank - 1)], but got \(dim))")
    }
}

/// Formats a shape as PyTorch does in messages: `[2, 3]`.
func shapeString(_ shape: [Int]) -> String {
    "[" + shape.map(String.init).joined(separator: ", ") + "]"
}

/// Resolves a possibly negative `dim` against `rank` dims; a 0-dim tensor accepts -1 and 0 as PyTorch does.
func normalizeDim(_ dim: Int, rank: Int, allowScalar: Bool = true) throws(TensorError) -> Int {
    let n = allowScalar ? max(rank, 1) : rank
    guard dim >= -n, dim < n else { throw .dimOutOfRange(dim, rank: n) }
    return dim < 0 ? dim + n : dim
}
