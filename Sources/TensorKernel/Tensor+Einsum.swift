/// `torch.einsum`, following ATen's algorithm so that results and errors match: operands are aligned to
/// (output labels, contraction labels), then contracted left to right with `bmm` (or `mul` when nothing
/// is summed), exactly as ATen's `sumproduct_pair` does. `...` covers broadcast leading dims.
extension Tensor {
    /// `torch.einsum(equation, *operands)`, explicit (`ij,jk->ik`) or implicit (`ij,jk`) output.
    public static func einsum(_ equation: String, _ operands: [Tensor]) throws(TensorError) -> Tensor {
        let parsed = try EinsumEquation(equation, operandCount: operands.count)
        let layout = try parsed.layout(ranks: operands.map(\.dim))
        let aligned = try layout.align(operands, parsed.operands)
        let (outputCount, labelCount) = (layout.outputCount, layout.slotCount)

        // Number of operands in which each contraction dim is non-trivial (size != 1).
        var dimCounts = [Int](repeating: 0, count: labelCount)
        for op in aligned {
            for d in outputCount..<labelCount where op.shape[d] != 1 { dimCounts[d] += 1 }
        }
        var result: Tensor
        if aligned.count == 1 {
            result = aligned[0]
            for d in outputCount..<labelCount where result.shape[d] != 1 { result = try sumKeepingDim(result, d) }
        } else {
            result = aligned[0]
            for next in aligned.dropFirst() {
                var right = next
                var sumDims: [Int] = []
                for d in outputCount..<labelCount {
                    if result.shape[d] != 1 && right.shape[d] != 1 {
                        dimCounts[d] -= 1
                        if dimCounts[d] == 1 {
                            sumDims.append(d)
                            dimCounts[d] = 0
                        }
                    } else if dimCounts[d] == 1 {
                        if result.shape[d] != 1 {
                            result = try sumKeepingDim(result, d)
                            dimCounts[d] = 0
                        } else if right.shape[d] != 1 {
                            right = try sumKeepingDim(right, d)
                            dimCounts[d] = 0
                        }
                    }
                }
                result = try sumProductPair(result, right, sumDims: sumDims)
            }
            // Contraction dims still non-trivial appear in one operand only after the last pairing.
            for d in outputCount..<labelCount where result.shape[d] != 1 { result = try sumKeepingDim(result, d) }
        }
        return try result.reshape(Array(result.shape.prefix(outputCount)))
    }

    /// ATen's `sumproduct_pair`: `(left * right).sum(sumDims, keepdim: true)` computed as one `bmm` of
    /// (batch, left-only, summed) × (batch, summed, right-only). Both operands have the same rank.
    private static func sumProductPair(_ left: Tensor, _ right: Tensor, sumDims: [Int]) throws(TensorError) -> Tensor {
        if sumDims.isEmpty { return try binary(.mul, .tensor(left), .tensor(right)) }
        var (left, right) = (left, right)
        var both: [Int] = [], leftOnly: [Int] = [], rightOnly: [Int] = []
        var summed: [Int] = []
        var (bothSize, leftSize, rightSize, sumSize) = (1, 1, 1, 1)
        for d in 0..<left.dim {
            let (inLeft, inRight) = (left.shape[d] != 1, right.shape[d] != 1)
            if sumDims.contains(d) {
                if inLeft && inRight {
                    summed.append(d)
                    sumSize *= left.shape[d]
                } else if inLeft {
                    left = try sumKeepingDim(left, d)
                } else if inRight {
                    right = try sumKeepingDim(right, d)
                }
            } else if inLeft && inRight {
                both.append(d)
                bothSize *= left.shape[d]
            } else if inLeft {
                leftOnly.append(d)
                leftSize *= left.shape[d]
            } else if inRight {
                rightOnly.append(d)
                rightSize *= right.shape[d]
            }
        }
        // Dims of size 1 in both operands ride along at the end of each permutation.
        let used = Set(both + leftOnly + sumDims + rightOnly)
        let trivial = (0..<left.dim).filter { !used.contains($0) }
        let leftOrder = both + leftOnly + sumDims + rightOnly + trivial
        let rightOrder = both + sumDims + rightOnly + leftOnly + trivial
        let a = try left.permute(leftOrder).reshape([bothSize, leftSize, sumSize])
        let b = try right.permute(rightOrder).reshape([bothSize, sumSize, rightSize])
        let product = try a.bmm(b)
        let outputShape = both.map { left.shape[$0] } + leftOnly.map { left.shape[$0] }
            + sumDims.map { _ in 1 } + rightOnly.map { right.shape[$0] } + trivial.map { _ in 1 }
        var inverse = [Int](repeating: 0, count: leftOrder.count)
        for (position, d) in leftOrder.enumerated() { inverse[d] = position }
        return try product.view(outputShape).permute(inverse)
    }

    /// `t.sum(d, keepdim=True)`, ATen's cascade order, as einsum's own reductions use it.
    private static func sumKeepingDim(_ t: Tensor, _ d: Int) throws(TensorError) -> Tensor {
        try t.sum(dim: [d], keepdim: true)
    }
}

/// The subscripts of an einsum equation, as ATen parses them (labels A–Z → 0–25, a–z → 26–51).
struct EinsumEquation {
    /// Marks `...` in a subscript list.
    static let ellipsis = -1

    /// Labels per operand in subscript order, `ellipsis` where `...` stands.
    let operands: [[Int]]
    /// The characters after `->`, or nil for implicit output.
    let output: ArraySlice<UInt8>?
    /// Index of the first output character in the equation, for error positions.
    let outputStart: Int

    init(_ equation: String, operandCount: Int) throws(TensorError) {
        let characters = Array(equation.utf8)
        let arrow = (0..<max(0, characters.count - 1)).first {
            characters[$0] == UInt8(ascii: "-") && characters[$0 + 1] == UInt8(ascii: ">")
        }
        var operands: [[Int]] = [[]]
        var i = 0
        let end = arrow ?? characters.count
        while i < end {
            let character = characters[i]
            let current = operands.count - 1
            switch character {
            case UInt8(ascii: " "):
                break
            case UInt8(ascii: "."):
                guard !operands[current].contains(Self.ellipsis) else {
                    throw .runtime("einsum(): found '.' for operand \(current) for which an ellipsis was already found")
                }
                guard i + 2 < end, characters[i + 1] == UInt8(ascii: "."), characters[i + 2] == UInt8(ascii: ".") else {
                    throw .runtime("einsum(): found '.' for operand \(current) that is not part of any ellipsis")
                }
                operands[current].append(Self.ellipsis)
                i += 2
            case UInt8(ascii: ","):
                operands.append([])
                guard operands.count <= operandCount else {
                    throw .runtime("einsum(): fewer operands were provided than specified in the equation")
                }
            default:
                guard let label = Self.label(character) else {
                    throw .runtime(
                        "einsum(): invalid subscript given at index \(i) in the equation string, subscripts must be in [a-zA-Z]")
                }
                operands[current].append(label)
            }
            i += 1
        }
        guard operands.count == operandCount else {
            throw .runtime("einsum(): more operands were provided than specified in the equation")
        }
        self.operands = operands
        output = arrow.map { characters[($0 + 2)...] }
        outputStart = (arrow ?? 0) + 2
    }

    /// Checks operand ranks, parses the output and assigns every label (and ellipsis dim) a slot:
    /// output first, then contraction dims (the ellipsis if not in the output, then labels A–Z, a–z).
    func layout(ranks: [Int]) throws(TensorError) -> EinsumLayout {
        var counts = [Int](repeating: 0, count: 52)
        var ellipsisDims = 0
        for (i, labels) in operands.enumerated() {
            let named = labels.filter { $0 != Self.ellipsis }
            for label in named { counts[label] += 1 }
            if named.count != labels.count {
                guard named.count <= ranks[i] else {
                    throw .runtime(
                        "einsum(): the number of subscripts in the equation (\(named.count)) is more than the number of dimensions (\(ranks[i])) for operand \(i)")
                }
                ellipsisDims = max(ellipsisDims, ranks[i] - named.count)
            } else if named.count != ranks[i] {
                throw .runtime(
                    "einsum(): the number of subscripts in the equation (\(named.count)) does not match the number of dimensions (\(ranks[i])) for operand \(i) and no ellipsis was given")
            }
        }
        var slot = [Int](repeating: -1, count: 52)
        var next = 0
        var ellipsisStart: Int?
        if let output {
            var index = outputStart
            var characters = output[...]
            while let character = characters.popFirst() {
                defer { index += 1 }
                if character == UInt8(ascii: " ") { continue }
                if character == UInt8(ascii: ".") {
                    guard ellipsisStart == nil else {
                        throw .runtime("einsum(): found '.' for output but an ellipsis (...) was already found")
                    }
                    guard characters.count >= 2, characters.prefix(2).allSatisfy({ $0 == UInt8(ascii: ".") }) else {
                        throw .runtime("einsum(): found '.' for output that is not part of any ellipsis (...)")
                    }
                    characters.removeFirst(2)
                    index += 2
                    ellipsisStart = next
                    next += ellipsisDims
                    continue
                }
                guard let label = Self.label(character) else {
                    throw .runtime(
                        "einsum(): invalid subscript given at index \(index) in the equation string, subscripts must be in [a-zA-Z]")
                }
                guard counts[label] > 0, slot[label] == -1 else {
                    let problem = slot[label] != -1
                        ? "appears more than once in the output" : "does not appear in the equation for any input operand"
                    throw .runtime("einsum(): output subscript \(Self.character(label)) \(problem)")
                }
                slot[label] = next
                next += 1
            }
        } else {
            // Implicit output: the ellipsis dims, then the labels seen exactly once, in label order.
            ellipsisStart = 0
            next = ellipsisDims
            for label in 0..<52 where counts[label] == 1 {
                slot[label] = next
                next += 1
            }
        }
        let outputCount = next
        if ellipsisStart == nil {
            ellipsisStart = next
            next += ellipsisDims
        }
        for label in 0..<52 where counts[label] > 0 && slot[label] == -1 {
            slot[label] = next
            next += 1
        }
        return EinsumLayout(
            slot: slot, ellipsisStart: ellipsisStart ?? 0, ellipsisDims: ellipsisDims,
            outputCount: outputCount, slotCount: next)
    }

    private static func label(_ character: UInt8) -> Int? {
        switch character {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): Int(character - UInt8(ascii: "A"))
        case UInt8(ascii: "a")...UInt8(ascii: "z"): Int(character - UInt8(ascii: "a")) + 26
        default: nil
        }
    }

    static func character(_ label: Int) -> Character {
        Character(Unicode.Scalar(UInt8(label < 26 ? label + 65 : label - 26 + 97)))
    }
}

/// Where each label and ellipsis dim of an einsum lives in the aligned operands.
struct EinsumLayout {
    /// Slot of each label (-1 when unused).
    let slot: [Int]
    let ellipsisStart: Int
    let ellipsisDims: Int
    /// Slots `0..<outputCount` are the output dims.
    let outputCount: Int
    let slotCount: Int

    /// Checks sizes, takes diagonals of repeated labels and returns every operand as a view with one
    /// dim per slot (size 1 where the operand lacks it; ellipsis dims right-aligned as in broadcasting).
    func align(_ tensors: [Tensor], _ operands: [[Int]]) throws(TensorError) -> [Tensor] {
        var labelSize = [Int](repeating: 1, count: 52)
        var ellipsisSize = [Int](repeating: 1, count: ellipsisDims)
        var aligned: [Tensor] = []
        for (i, (labels, tensor)) in zip(operands, tensors).enumerated() {
            var shape = [Int](repeating: 1, count: slotCount)
            var strides = [Int](repeating: 0, count: slotCount)
            var seen = [Bool](repeating: false, count: slotCount)
            var d = 0
            for label in labels {
                if label == EinsumEquation.ellipsis {
                    let covered = tensor.dim - (labels.count - 1)
                    for j in 0..<covered {
                        let target = ellipsisDims - covered + j
                        let size = tensor.shape[d]
                        guard ellipsisSize[target] == 1 || size == 1 || ellipsisSize[target] == size else {
                            throw .runtime(
                                "einsum(): dimension \(target) covered by ellipsis in operand \(i)has size \(size) which does not broadcast with previously seen ellipsis with size \(ellipsisSize[target]) for the respective dimension")
                        }
                        if ellipsisSize[target] == 1 { ellipsisSize[target] = size }
                        shape[ellipsisStart + target] = size
                        strides[ellipsisStart + target] = tensor.strides[d]
                        d += 1
                    }
                    continue
                }
                let target = slot[label]
                let size = tensor.shape[d]
                defer { d += 1 }
                if seen[target] {
                    // Repeated label: the diagonal, a view whose stride is the sum of both strides.
                    guard size == shape[target] else {
                        throw .runtime(
                            "einsum(): subscript \(EinsumEquation.character(label)) is repeated for operand \(i) but the sizes don't match, \(size) != \(shape[target])")
                    }
                    strides[target] += tensor.strides[d]
                    continue
                }
                guard labelSize[label] == 1 || size == 1 || labelSize[label] == size else {
                    throw .runtime(
                        "einsum(): subscript \(EinsumEquation.character(label)) has size \(size) for operand \(i) which does not broadcast with previously seen size \(labelSize[label])")
                }
                if labelSize[label] == 1 { labelSize[label] = size }
                seen[target] = true
                shape[target] = size
                strides[target] = tensor.strides[d]
            }
            aligned.append(Tensor(storage: tensor.storage, shape: shape, strides: strides, offset: tensor.offset))
        }
        return aligned
    }
}
