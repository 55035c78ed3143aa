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

extension DType {
    /// PyTorch's C++ scalar-type name used in messages (`Float`, `Long`, `Bool`).
    public var scalarTypeName: String {
        switch self {
        case .bool: "Bool"
        case .int32: "Int"
        case .int64: "Long"
        case .float32: "Float"
        case .float64: "Double"
        }
    }

    /// The C type name PyTorch prints in some messages (`float`, `long int`).
    public var cTypeName: String {
        switch self {
        case .bool: "bool"
        case .int32: "int"
        case .int64: "long int"
        case .float32: "float"
        case .float64: "double"
        }
    }
}

/// A Swift type that can be a tensor element; conversions follow C++ `static_cast` as PyTorch does.
public protocol TensorElement: Sendable, Equatable {
    static var dtype: DType { get }
    static var zero: Self { get }
    static var one: Self { get }
    var asDouble: Double { get }
    var asInt64: Int64 { get }
    var asBool: Bool { get }
    init(fromDouble value: Double)
    init(fromInt64 value: Int64)
    init(fromBool value: Bool)
}

extension TensorElement {
    /// Converts between element types with one rounding, like `static_cast<To>(from)`.
    @inline(__always)
    public static func converting<S: TensorElement>(_ value: S) -> Self {
        switch S.dtype {
        case .float32, .float64: Self(fromDouble: value.asDouble)
        case .int32, .int64: Self(fromInt64: value.asInt64)
        case .bool: Self(fromBool: value.asBool)
        }
    }
}

/// Float-to-integer casts the way x86 `cvtt` does: NaN and out-of-range values give the minimum integer.
@inline(__always)
func truncatingToInt64(_ value: Double) -> Int64 {
    guard value.isFinite, value > -9.223372036854775808e18, value < 9.223372036854775808e18 else { return .min }
    return Int64(value)
}

extension Float: TensorElement {
    public static var one: Float { 1 }
    public static var dtype: DType { .float32 }
    public var asDouble: Double { Double(self) }
    public var asInt64: Int64 { truncatingToInt64(Double(self)) }
    public var asBool: Bool { self != 0 }
    public init(fromDouble value: Double) { self = Float(value) }
    public init(fromInt64 value: Int64) { self = Float(value) }
    public init(fromBool value: Bool) { self = value ? 1 : 0 }
}

extension Double: TensorElement {
    public static var one: Double { 1 }
    public static var dtype: DType { .float64 }
    public var asDouble: Double { self }
    public var asInt64: Int64 { truncatingToInt64(self) }
    public var asBool: Bool { self != 0 }
    public init(fromDouble value: Double) { self = value }
    public init(fromInt64 value: Int64) { self = Double(value) }
    public init(fromBool value: Bool) { self = value ? 1 : 0 }
}

extension Int64: TensorElement {
    public static var one: Int64 { 1 }
    public static var dtype: DType { .int64 }
    public var asDouble: Double { Double(self) }
    public var asInt64: Int64 { self }
    public var asBool: Bool { self != 0 }
    public init(fromDouble value: Double) { self = truncatingToInt64(value) }
    public init(fromInt64 value: Int64) { self = value }
    public init(fromBool value: Bool) { self = value ? 1 : 0 }
}

extension Int32: TensorElement {
    public static var one: Int32 { 1 }
    public static var dtype: DType { .int32 }
    public var asDouble: Double { Double(self) }
    public var asInt64: Int64 { Int64(self) }
    public var asBool: Bool { self != 0 }
    public init(fromDouble value: Double) {
        self = value.isFinite && value > -2147483649 && value < 2147483648 ? Int32(value) : .min
    }
    public init(fromInt64 value: Int64) { self = Int32(truncatingIfNeeded: value) }
    public init(fromBool value: Bool) { self = value ? 1 : 0 }
}

extension Bool: TensorElement {
    public static var dtype: DType { .bool }
    public static var zero: Bool { false }
    public static var one: Bool { true }
    public var asDouble: Double { self ? 1 : 0 }
    public var asInt64: Int64 { self ? 1 : 0 }
    public var asBool: Bool { self }
    public init(fromDouble value: Double) { self = value != 0 }
    public init(fromInt64 value: Int64) { self = value != 0 }
    public init(fromBool value: Bool) { self = value }
}
