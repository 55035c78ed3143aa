/// Row-major element values handed to the formatter (float32 values widened exactly to Double).
public enum FormatValues: Sendable, Hashable {
    case floating([Double])
    case integer([Int64])
    case boolean([Bool])

    var count: Int {
        switch self {
        case .floating(let values): values.count
        case .integer(let values): values.count
        case .boolean(let values): values.count
        }
    }
}

/// `repr(tensor)` exactly as `torch/_tensor_str.py` (PyTorch 2.15) writes it for CPU strided tensors.
public enum TensorFormatter {
    /// The full `tensor(...)` string. `suffixes` are the caller's trailing items after the
    /// formatter's own `size=`/`dtype=` ones, e.g. `grad_fn=<AddBackward0>` or `requires_grad=True`.
    public static func repr(
        shape: [Int], dtype: DType, values: FormatValues, options: PrintOptions = .default, suffixes: [String] = []
    ) -> String {
        let prefix = "tensor("
        let indent = prefix.utf8.count
        var output: [UInt8] = []
        output.append(contentsOf: prefix.utf8)
        var ownSuffixes: [String] = []
        if values.count == 0 {
            if shape.count != 1 { ownSuffixes.append("size=" + tupleRepr(shape)) }
            if dtype != .float32 { ownSuffixes.append("dtype=" + dtype.torchName) }
            output.append(contentsOf: "[]".utf8)
        } else {
            if options.edgeitems == 0 { ownSuffixes.append("size=" + tupleRepr(shape)) }
            switch dtype {
            case .float32, .int64, .bool: break
            default: ownSuffixes.append("dtype=" + dtype.torchName)
            }
            Layout(shape: shape, values: values, options: options).render(into: &output, indent: indent)
        }
        appendSuffixes(ownSuffixes.isEmpty ? suffixes : ownSuffixes + suffixes, to: &output, indent: indent,
                       linewidth: options.linewidth)
        return String(decoding: output, as: UTF8.self)
    }

    /// `str(torch.Size(shape))`: `torch.Size([2, 3])`, `torch.Size([])`.
    public static func sizeRepr(_ shape: [Int]) -> String {
        "torch.Size([" + shape.map(String.init).joined(separator: ", ") + "])"
    }

    /// A Python tuple of ints: `(0, 3)`, `(5,)`, `()`.
    public static func tupleRepr(_ values: [Int]) -> String {
        values.count == 1 ? "(\(values[0]),)" : "(" + values.map(String.init).joined(separator: ", ") + ")"
    }

    /// `_add_suffixes` on the ASCII text so far: a suffix moves to its own line when the current line
    /// would exceed `linewidth` (PyTorch's line length counts one past the newline, kept as is).
    static func appendSuffixes(_ suffixes: [String], to output: inout [UInt8], indent: Int, linewidth: Int) {
        let lastNewline = output.lastIndex(of: UInt8(ascii: "\n")) ?? -1
        var lastLineLength = output.count - lastNewline + 1
        for suffix in suffixes {
            let length = suffix.count
            if lastLineLength + length + 2 > linewidth {
                output.append(contentsOf: ",\n".utf8)
                output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent))
                lastLineLength = indent + length
            } else {
                output.append(contentsOf: ", ".utf8)
                lastLineLength += length + 2
            }
            output.append(contentsOf: suffix.utf8)
        }
        output.append(UInt8(ascii: ")"))
    }
}

/// `_tensor_str_with_formatter`: the nested bracket layout with summarisation, written into one byte
/// buffer. Elements are formatted once, in print order, by `ElementTexts`; rendering consumes them in
/// the same row-major order, so no index is looked up twice.
private struct Layout {
    let shape: [Int]
    let options: PrintOptions
    let summarize: Bool
    let texts: ElementTexts

    init(shape: [Int], values: FormatValues, options: PrintOptions) {
        self.shape = shape
        self.options = options
        summarize = values.count > options.threshold
        if summarize {
            var strides = [Int](repeating: 1, count: shape.count)
            var running = 1
            for i in (0..<shape.count).reversed() {
                strides[i] = running
                running *= shape[i]
            }
            let selected = Layout.summarizedIndices(shape: shape, strides: strides, edgeitems: options.edgeitems)
            texts = ElementTexts(values: values, selection: selected, options: options)
        } else {
            texts = ElementTexts(values: values, selection: 0..<values.count, options: options)
        }
    }

    func render(into output: inout [UInt8], indent: Int) {
        output.reserveCapacity(output.count + texts.estimatedRenderedBytes + 16)
        if shape.isEmpty {
            texts.append(0, to: &output)
            return
        }
        var next = 0
        render(dim: 0, indent: indent, next: &next, into: &output)
        assert(next <= texts.count)
    }

    /// Writes the slice at `dim`; `next` is the print-order number of its first element.
    private func render(dim: Int, indent: Int, next: inout Int, into output: inout [UInt8]) {
        let rank = shape.count
        let size = shape[dim]
        let edge = options.edgeitems
        output.append(UInt8(ascii: "["))
        if dim == rank - 1 {
            let elementLength = texts.width + 2
            let perLine = max(1, Int((Double(options.linewidth - indent) / Double(elementLength)).rounded(.down)))
            var item = 0
            func separate(_ output: inout [UInt8]) {
                if item > 0 {
                    if item % perLine == 0 {
                        output.append(contentsOf: ",\n".utf8)
                        output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent + 1))
                    } else {
                        output.append(UInt8(ascii: ","))
                        output.append(UInt8(ascii: " "))
                    }
                }
                item += 1
            }
            if summarize && edge == 0 {
                separate(&output)
                output.append(contentsOf: "...".utf8)
            } else {
                let elided = summarize && size > 2 * edge
                let leading = elided ? edge : size
                for _ in 0..<leading {
                    separate(&output)
                    texts.append(next, to: &output)
                    next += 1
                }
                if elided {
                    separate(&output)
                    output.append(contentsOf: " ...".utf8)
                    for _ in 0..<edge {
                        separate(&output)
                        texts.append(next, to: &output)
                        next += 1
                    }
                }
            }
        } else {
            let elided = summarize && size > 2 * edge
            let leading = elided ? edge : size
            var first = true
            func separate(_ output: inout [UInt8]) {
                if !first {
                    output.append(UInt8(ascii: ","))
                    output.append(contentsOf: repeatElement(UInt8(ascii: "\n"), count: rank - dim - 1))
                    output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent + 1))
                }
                first = false
            }
            for _ in 0..<leading {
                separate(&output)
                render(dim: dim + 1, indent: indent + 1, next: &next, into: &output)
            }
            if elided {
                separate(&output)
                output.append(contentsOf: "...".utf8)
                for _ in 0..<edge {
                    separate(&output)
                    render(dim: dim + 1, indent: indent + 1, next: &next, into: &output)
                }
            }
        }
        output.append(UInt8(ascii: "]"))
    }

    /// Flat indices of `get_summarized_data`: first and last `edgeitems` along every long dim, in the
    /// row-major order the layout prints them.
    static func summarizedIndices(shape: [Int], strides: [Int], edgeitems: Int) -> [Int] {
        if shape.isEmpty { return [0] }
        var indices: [Int] = []
        func collect(_ dim: Int, _ base: Int) {
            let size = shape[dim]
            let stride = strides[dim]
            if dim == shape.count - 1 {
                if size > 2 * edgeitems {
                    for i in 0..<edgeitems { indices.append(base + i * stride) }
                    // `cat(self[:e], self[-e:])`; with e == 0, `self[-0:]` is the whole row.
                    for i in (edgeitems == 0 ? 0 : size - edgeitems)..<size { indices.append(base + i * stride) }
                } else {
                    for i in 0..<size { indices.append(base + i * stride) }
                }
                return
            }
            if edgeitems == 0 { return }
            if size > 2 * edgeitems {
                for i in 0..<edgeitems { collect(dim + 1, base + i * stride) }
                for i in (size - edgeitems)..<size { collect(dim + 1, base + i * stride) }
            } else {
                for i in 0..<size { collect(dim + 1, base + i * stride) }
            }
        }
        collect(0, 0)
        return indices
    }
}

/// `_Formatter`: chooses int/sci/fixed mode and the common width from the (summarised) values, and
/// keeps each value's text from that pass for printing (PyTorch formats every value twice).
/// A forced `sciMode` applies before the widths are measured, and never when no value is finite and non-zero.
private struct ElementTexts {
    /// The texts of the selected values back to back, in selection (= print) order.
    private var bytes: [UInt8] = []
    /// `ends[k]` is the end offset in `bytes` of the k-th text.
    private var ends: [Int] = []
    private(set) var width = 1

    var count: Int { ends.count }
    /// Rendered size without brackets and line breaks: every text padded to `width`, plus ", ".
    var estimatedRenderedBytes: Int { ends.count * (width + 2) }

    init<Selection: Collection<Int>>(values: FormatValues, selection: Selection, options: PrintOptions) {
        ends.reserveCapacity(selection.count)
        switch values {
        case .integer(let ints):
            bytes.reserveCapacity(selection.count * 4)
            for i in selection {
                let start = bytes.count
                ElementTexts.appendDecimal(ints[i], to: &bytes)
                width = max(width, bytes.count - start)
                ends.append(bytes.count)
            }
        case .boolean(let bools):
            bytes.reserveCapacity(selection.count * 5)
            for i in selection {
                bytes.append(contentsOf: (bools[i] ? "True" : "False").utf8)
                width = max(width, bools[i] ? 4 : 5)
                ends.append(bytes.count)
            }
        case .floating(let doubles):
            var anyNonZeroFinite = false
            var minimum = Double.infinity
            var maximum = 0.0
            var intMode = true
            for i in selection {
                let value = doubles[i]
                guard value.isFinite && value != 0 else { continue }
                anyNonZeroFinite = true
                let magnitude = abs(value)
                minimum = min(minimum, magnitude)
                maximum = max(maximum, magnitude)
                if intMode && value != value.rounded(.up) { intMode = false }
            }
            let precision = options.precision
            var sciMode = false
            if anyNonZeroFinite {
                sciMode = options.sciMode ?? (maximum / minimum > 1000.0 || maximum > 1.0e8 || minimum < 1.0e-4)
            }
            bytes.reserveCapacity(selection.count * (sciMode ? precision + 7 : precision + 4))
            var longest = 0
            for i in selection {
                let value = doubles[i]
                let start = bytes.count
                if sciMode {
                    PythonFloatFormatter.appendScientific(value, precision: precision, to: &bytes)
                } else if intMode {
                    PythonFloatFormatter.appendFixed(value, precision: 0, to: &bytes)
                    if value.isFinite { bytes.append(UInt8(ascii: ".")) }
                } else {
                    PythonFloatFormatter.appendFixed(value, precision: precision, to: &bytes)
                }
                if value.isFinite && value != 0 { longest = max(longest, bytes.count - start) }
                ends.append(bytes.count)
            }
            width = max(1, longest)
        }
    }

    /// Appends the k-th text right-aligned to `width`.
    func append(_ k: Int, to output: inout [UInt8]) {
        let start = k == 0 ? 0 : ends[k - 1]
        let end = ends[k]
        for _ in (end - start)..<max(width, end - start) { output.append(UInt8(ascii: " ")) }
        bytes.withUnsafeBufferPointer { output.append(contentsOf: UnsafeBufferPointer(rebasing: $0[start..<end])) }
    }

    /// `str(int)` without a String.
    private static func appendDecimal(_ value: Int64, to output: inout [UInt8]) {
        if value < 0 { output.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        let start = output.count
        repeat {
            output.append(UInt8(ascii: "0") + UInt8(truncatingIfNeeded: magnitude % 10))
            magnitude /= 10
        } while magnitude > 0
        output[start...].reverse()
    }
}
