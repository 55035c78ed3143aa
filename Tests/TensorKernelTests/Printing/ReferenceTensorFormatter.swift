@testable import TensorKernel

/// The tensor formatter before the single-pass byte-buffer rewrite, kept as the oracle of the fast one:
/// `String` pieces joined per row, every value formatted twice through `vsnprintf`.
enum ReferenceTensorFormatter {
    /// The full `tensor(...)` string. `suffixes` are the caller's trailing items after the
    /// formatter's own `size=`/`dtype=` ones, e.g. `grad_fn=<AddBackward0>` or `requires_grad=True`.
    static func repr(
        shape: [Int], dtype: DType, values: FormatValues, options: PrintOptions = .default, suffixes: [String] = []
    ) -> String {
        let prefix = "tensor("
        let indent = prefix.count
        var allSuffixes: [String] = []
        let body: String
        if values.count == 0 {
            if shape.count != 1 { allSuffixes.append("size=" + tupleRepr(shape)) }
            if dtype != .float32 { allSuffixes.append("dtype=" + dtype.torchName) }
            body = "[]"
        } else {
            if options.edgeitems == 0 { allSuffixes.append("size=" + tupleRepr(shape)) }
            if ![.float32, .int64, .bool].contains(dtype) { allSuffixes.append("dtype=" + dtype.torchName) }
            body = ReferenceLayout(shape: shape, values: values, options: options).render(indent: indent)
        }
        return addSuffixes(prefix + body, allSuffixes + suffixes, indent: indent, linewidth: options.linewidth)
    }

    /// `str(torch.Size(shape))`: `torch.Size([2, 3])`, `torch.Size([])`.
    static func sizeRepr(_ shape: [Int]) -> String {
        "torch.Size([" + shape.map(String.init).joined(separator: ", ") + "])"
    }

    /// A Python tuple of ints: `(0, 3)`, `(5,)`, `()`.
    static func tupleRepr(_ values: [Int]) -> String {
        values.count == 1 ? "(\(values[0]),)" : "(" + values.map(String.init).joined(separator: ", ") + ")"
    }

    /// `_add_suffixes`: a suffix moves to its own line when the current line would exceed `linewidth`.
    static func addSuffixes(_ text: String, _ suffixes: [String], indent: Int, linewidth: Int) -> String {
        var result = text
        let characters = Array(text)
        let lastNewline = characters.lastIndex(of: "\n") ?? -1
        var lastLineLength = characters.count - lastNewline + 1
        for suffix in suffixes {
            if lastLineLength + suffix.count + 2 > linewidth {
                result += ",\n" + String(repeating: " ", count: indent) + suffix
                lastLineLength = indent + suffix.count
            } else {
                result += ", " + suffix
                lastLineLength += suffix.count + 2
            }
        }
        return result + ")"
    }
}

/// `_tensor_str_with_formatter`: the nested bracket layout with summarisation.
private struct ReferenceLayout {
    let shape: [Int]
    let strides: [Int]
    let values: FormatValues
    let options: PrintOptions
    let summarize: Bool
    let formatter: ReferenceElementFormatter

    init(shape: [Int], values: FormatValues, options: PrintOptions) {
        self.shape = shape
        self.values = values
        self.options = options
        var strides = [Int](repeating: 1, count: shape.count)
        var running = 1
        for i in (0..<shape.count).reversed() {
            strides[i] = running
            running *= shape[i]
        }
        self.strides = strides
        summarize = values.count > options.threshold
        let selected = summarize ? ReferenceLayout.summarizedIndices(shape: shape, strides: strides, edgeitems: options.edgeitems) : Array(0..<values.count)
        formatter = ReferenceElementFormatter(values: values, selection: selected, options: options)
    }

    func render(indent: Int) -> String {
        render(dim: 0, base: 0, indent: indent)
    }

    private func render(dim: Int, base: Int, indent: Int) -> String {
        let rank = shape.count
        if rank == 0 { return formatter.format(0) }
        let size = shape[dim]
        let edge = options.edgeitems
        if dim == rank - 1 {
            let elementLength = formatter.width + 2
            let perLine = max(1, Int((Double(options.linewidth - indent) / Double(elementLength)).rounded(.down)))
            var items: [String]
            if summarize && edge == 0 {
                items = ["..."]
            } else if summarize && size > 2 * edge {
                items = (0..<edge).map { formatter.format(base + $0 * strides[dim]) } + [" ..."]
                    + ((size - edge)..<size).map { formatter.format(base + $0 * strides[dim]) }
            } else {
                items = (0..<size).map { formatter.format(base + $0 * strides[dim]) }
            }
            let lines = stride(from: 0, to: items.count, by: perLine).map {
                items[$0..<min($0 + perLine, items.count)].joined(separator: ", ")
            }
            return "[" + lines.joined(separator: ",\n" + String(repeating: " ", count: indent + 1)) + "]"
        }
        let sub = { (i: Int) in render(dim: dim + 1, base: base + i * strides[dim], indent: indent + 1) }
        let slices: [String]
        if summarize && size > 2 * edge {
            slices = (0..<edge).map(sub) + ["..."] + ((size - edge)..<size).map(sub)
        } else {
            slices = (0..<size).map(sub)
        }
        let separator = "," + String(repeating: "\n", count: rank - dim - 1) + String(repeating: " ", count: indent + 1)
        return "[" + slices.joined(separator: separator) + "]"
    }

    /// Flat indices of `get_summarized_data`: first and last `edgeitems` along every long dim.
    static func summarizedIndices(shape: [Int], strides: [Int], edgeitems: Int) -> [Int] {
        if shape.isEmpty { return [0] }
        func collect(_ dim: Int, _ base: Int) -> [Int] {
            let size = shape[dim]
            let rows: [Int]
            if dim == shape.count - 1 {
                // `cat(self[:e], self[-e:])`; with e == 0, `self[-0:]` is the whole row.
                rows = size > 2 * edgeitems
                    ? Array(0..<edgeitems) + (edgeitems == 0 ? Array(0..<size) : Array((size - edgeitems)..<size))
                    : Array(0..<size)
                return rows.map { base + $0 * strides[dim] }
            }
            if edgeitems == 0 { return [] }
            rows = size > 2 * edgeitems ? Array(0..<edgeitems) + Array((size - edgeitems)..<size) : Array(0..<size)
            return rows.flatMap { collect(dim + 1, base + $0 * strides[dim]) }
        }
        return collect(0, 0)
    }
}

/// `_Formatter`: chooses int/sci/fixed mode and the common width from the (summarised) values.
/// A forced `sciMode` applies before the widths are measured, and never when no value is finite and non-zero.
private struct ReferenceElementFormatter {
    let values: FormatValues
    let precision: Int
    private(set) var width = 1
    private var intMode = true
    private var sciMode = false

    init(values: FormatValues, selection: [Int], options: PrintOptions) {
        self.values = values
        precision = options.precision
        switch values {
        case .integer(let ints):
            for i in selection { width = max(width, String(ints[i]).count) }
        case .boolean(let bools):
            for i in selection { width = max(width, bools[i] ? 4 : 5) }
        case .floating(let doubles):
            let nonZeroFinite = selection.map { doubles[$0] }.filter { $0.isFinite && $0 != 0 }
            if !nonZeroFinite.isEmpty {
                let magnitudes = nonZeroFinite.map(abs)
                let minimum = magnitudes.min()!
                let maximum = magnitudes.max()!
                intMode = nonZeroFinite.allSatisfy { $0 == $0.rounded(.up) }
                sciMode = options.sciMode ?? (maximum / minimum > 1000.0 || maximum > 1.0e8 || minimum < 1.0e-4)
                let lengths: [Int]
                if sciMode {
                    lengths = nonZeroFinite.map { ReferenceCFormat.scientific($0, precision: precision).count }
                } else if intMode {
                    lengths = nonZeroFinite.map { ReferenceCFormat.fixed($0, precision: 0).count + 1 }
                } else {
                    lengths = nonZeroFinite.map { ReferenceCFormat.fixed($0, precision: precision).count }
                }
                width = max(1, lengths.max()!)
            }
        }
    }

    func format(_ index: Int) -> String {
        let text: String
        switch values {
        case .integer(let ints): text = String(ints[index])
        case .boolean(let bools): text = bools[index] ? "True" : "False"
        case .floating(let doubles):
            let value = doubles[index]
            if sciMode {
                text = ReferenceCFormat.scientific(value, precision: precision)
            } else if intMode {
                text = ReferenceCFormat.fixed(value, precision: 0) + (value.isFinite ? "." : "")
            } else {
                text = ReferenceCFormat.fixed(value, precision: precision)
            }
        }
        return text.count >= width ? text : String(repeating: " ", count: width - text.count) + text
    }
}
