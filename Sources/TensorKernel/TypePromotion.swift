/// A value an operator receives: a tensor or a Python scalar ("wrapped number" in PyTorch's promotion rules).
public enum Operand: Sendable {
    case tensor(Tensor)
    case int(Int)
    case double(Double)
    case bool(Bool)

    /// Python's name for the operand's type, used in TypeErrors.
    public var pythonTypeName: String {
        switch self {
        case .tensor: "Tensor"
        case .int: "int"
        case .double: "float"
        case .bool: "bool"
        }
    }
}

/// PyTorch's `result_type`: dim tensors outrank 0-dim tensors, which outrank Python scalars, unless the lower
/// category holds a higher kind (bool < integer < floating).
public enum TypePromotion {
    /// The lattice join of two dtypes (for our dtypes, the later of bool < int32 < int64 < float32 < float64).
    public static func promote(_ a: DType, _ b: DType) -> DType {
        rank(a) >= rank(b) ? a : b
    }

    static func rank(_ dtype: DType) -> Int {
        switch dtype {
        case .bool: 0
        case .int32: 1
        case .int64: 2
        case .float32: 3
        case .float64: 4
        }
    }

    /// `torch.result_type` over operands; Python floats count as the default dtype (float32), ints as int64.
    public static func resultType(_ operands: [Operand]) -> DType {
        var dimResult: DType?, zeroResult: DType?, wrappedResult: DType?
        func join(_ current: DType?, _ next: DType) -> DType { current.map { promote($0, next) } ?? next }
        for operand in operands {
            switch operand {
            case .tensor(let t):
                if t.dim > 0 { dimResult = join(dimResult, t.dtype) } else { zeroResult = join(zeroResult, t.dtype) }
            case .int: wrappedResult = join(wrappedResult, .int64)
            case .double: wrappedResult = join(wrappedResult, .float32)
            case .bool: wrappedResult = join(wrappedResult, .bool)
            }
        }
        return combine(dimResult, combine(zeroResult, wrappedResult)) ?? .float32
    }

    public static func resultType(_ a: Operand, _ b: Operand) -> DType { resultType([a, b]) }

    private static func combine(_ higher: DType?, _ lower: DType?) -> DType? {
        guard let higher else { return lower }
        guard let lower else { return higher }
        if higher.isFloatingPoint { return higher }
        if higher == .bool || lower.isFloatingPoint { return promote(higher, lower) }
        return higher
    }
}
