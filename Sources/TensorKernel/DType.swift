/// The element types a tensor can hold, named and ordered as PyTorch names them.
public enum DType: String, Sendable, Hashable, CaseIterable {
    case bool
    case int32
    case int64
    case float32
    case float64

    /// `torch.float32`, as PyTorch prints it (`torch.long` prints as `torch.int64`).
    public var torchName: String { "torch.\(rawValue)" }

    public var isFloatingPoint: Bool { self == .float32 || self == .float64 }
    public var isIntegral: Bool { self == .int32 || self == .int64 }

    /// Bytes per element, for memory budgets.
    public var itemSize: Int {
        switch self {
        case .bool: 1
        case .int32, .float32: 4
        case .int64, .float64: 8
        }
    }
}
