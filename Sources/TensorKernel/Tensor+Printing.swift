/// `repr(tensor)`, `str(torch.Size)`, and Python reprs of `.item()` / `.tolist()` results.
extension Tensor {
    /// `repr(x)` / `print(x)`; `suffixes` are autograd's (`grad_fn=<MulBackward0>` or `requires_grad=True`).
    public func repr(options: PrintOptions = .default, suffixes: [String] = []) -> String {
        TensorFormatter.repr(shape: shape, dtype: dtype, values: formatValues, options: options, suffixes: suffixes)
    }

    /// The elements in row-major order as the formatter reads them (float32 widened exactly).
    public var formatValues: FormatValues {
        switch dtype {
        case .float32, .float64: .floating(doubles())
        case .int32, .int64: .integer(int64s())
        case .bool: .boolean(bools())
        }
    }

    /// `str(x.shape)`: `torch.Size([2, 3])`.
    public var sizeDescription: String { TensorFormatter.sizeRepr(shape) }
}

extension Scalar {
    /// Python's `repr` of the number: `0.10000000149011612`, `3`, `True`.
    public var pythonRepr: String {
        switch self {
        case .bool(let value): value ? "True" : "False"
        case .int(let value): String(value)
        case .double(let value): PythonFloatFormatter.repr(value)
        }
    }
}

extension NestedList {
    /// Python's `repr` of a `.tolist()` result: `[[0.5, -0.0], [1.0, 2.0]]`.
    public var pythonRepr: String {
        switch self {
        case .scalar(let scalar): scalar.pythonRepr
        case .list(let items): "[" + items.map(\.pythonRepr).joined(separator: ", ") + "]"
        }
    }
}
