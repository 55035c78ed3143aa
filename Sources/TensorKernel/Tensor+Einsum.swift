/// `torch.einsum`, following ATen's algorithm so that results and errors match: operands are aligned to
/// (output labels, contraction labels), then contracted left to right with `bmm` (or `mul` when nothing
/// is summed), exactly as ATen's `sumproduct_pair` does. Ellipsis (`...`) is not supported.
extension Tensor {
    /// `torch.einsum(equation, *operands)`, explicit (`ij,jk->ik`) or implicit (`ij,jk`) output.
    public static func einsum(_ equation: String, _ operands: [Tensor]) throws(TensorError) -> Tensor {
        let parsed = try EinsumEquation(equation, operandCount: operands.count)
        let aligned = try parsed.align(operands)
        let (outputCount, labelCount) = (parsed.output.count, parsed.order.count)

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

/// A parsed einsum equation: labels per operand and the label order (output labels, then contraction
/// labels in ATen's label order A–Z, a–z).
struct EinsumEquation {
    /// Label indices (A–Z → 0–25, a–z → 26–51) per operand, in subscript order.
    let operands: [[Int]]
    /// Output labels in output order.
    let output: [Int]
    /// All labels: output first, then contraction labels.
    let order: [Int]

    init(_ equation: String, operandCount: Int) throws(TensorError) {
        let characters = Array(equation.utf8)
        let arrow = Self.arrowIndex(characters)
        let lhs = characters[..<(arrow ?? characters.count)]
        var operands: [[Int]] = [[]]
        for (i, character) in lhs.enumerated() {
            switch character {
            case UInt8(ascii: " "):
                continue
            case UInt8(ascii: "."):
                throw .notImplemented("einsum(): ellipsis ('...') is not supported by quizc")
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
                operands[operands.count - 1].append(label)
            }
        }
        guard operands.count == operandCount else {
            throw .runtime("einsum(): more operands were provided than specified in the equation")
        }
        self.operands = operands
        var counts = [Int](repeating: 0, count: 52)
        for labels in operands { for label in labels { counts[label] += 1 } }

        var output: [Int] = []
        if let arrow {
            for (i, character) in characters[(arrow + 2)...].enumerated() where character != UInt8(ascii: " ") {
                if character == UInt8(ascii: ".") {
                    throw .notImplemented("einsum(): ellipsis ('...') is not supported by quizc")
                }
                guard let label = Self.label(character) else {
                    throw .runtime(
                        "einsum(): invalid subscript given at index \(arrow + 2 + i) in the equation string, subscripts must be in [a-zA-Z]")
                }
                guard counts[label] > 0, !output.contains(label) else {
                    let problem = output.contains(label)
                        ? "appears more than once in the output" : "does not appear in the equation for any input operand"
                    throw .runtime("einsum(): output subscript \(Self.character(label)) \(problem)")
                }
                output.append(label)
            }
        } else {
            output = (0..<52).filter { counts[$0] == 1 }
        }
        self.output = output
        order = output + (0..<52).filter { counts[$0] > 0 && !output.contains($0) }
    }

    /// Checks ranks and sizes, takes diagonals of repeated labels and returns every operand as a view
    /// with one dim per label of `order` (size 1 where the operand lacks the label).
    func align(_ tensors: [Tensor]) throws(TensorError) -> [Tensor] {
        for (i, (labels, tensor)) in zip(operands, tensors).enumerated() where labels.count != tensor.dim {
            throw .runtime(
                "einsum(): the number of subscripts in the equation (\(labels.count)) does not match the number of dimensions (\(tensor.dim)) for operand \(i) and no ellipsis was given")
        }
        var position = [Int](repeating: -1, count: 52)
        for (index, label) in order.enumerated() { position[label] = index }
        var labelSize = [Int](repeating: 1, count: 52)
        var aligned: [Tensor] = []
        for (i, (labels, tensor)) in zip(operands, tensors).enumerated() {
            var shape = [Int](repeating: 1, count: order.count)
            var strides = [Int](repeating: 0, count: order.count)
            var seen = [Bool](repeating: false, count: order.count)
            for (d, label) in labels.enumerated() {
                let target = position[label]
                let size = tensor.shape[d]
                if seen[target] {
                    // Repeated label: the diagonal, a view whose stride is the sum of both strides.
                    guard size == shape[target] else {
                        throw .runtime(
                            "einsum(): subscript \(Self.character(label)) is repeated for operand \(i) but the sizes don't match, \(size) != \(shape[target])")
                    }
                    strides[target] += tensor.strides[d]
                    continue
                }
                guard labelSize[label] == 1 || size == 1 || labelSize[label] == size else {
                    throw .runtime(
                        "einsum(): subscript \(Self.character(label)) has size \(size) for operand \(i) which does not broadcast with previously seen size \(labelSize[label])")
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

    private static func arrowIndex(_ characters: [UInt8]) -> Int? {
        guard characters.count >= 2 else { return nil }
        return (0..<(characters.count - 1)).first {
            characters[$0] == UInt8(ascii: "-") && characters[$0 + 1] == UInt8(ascii: ">")
        }
    }

    private static func label(_ character: UInt8) -> Int? {
        switch character {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): Int(character - UInt8(ascii: "A"))
        case UInt8(ascii: "a")...UInt8(ascii: "z"): Int(character - UInt8(ascii: "a")) + 26
        default: nil
        }
    }

    private static func character(_ label: Int) -> Character {
        Character(Unicode.Scalar(UInt8(label < 26 ? label + 65 : label - 26 + 97)))
    }
}
