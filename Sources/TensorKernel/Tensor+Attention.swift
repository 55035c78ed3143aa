#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `F.scaled_dot_product_attention` with PyTorch's path choice, broadcasting, masks and exact errors.
extension Tensor {
    /// Problems at least this large (`L·S·E` per batch-head) run the fast fused kernel; smaller ones the
    /// emulation of ATen's flash kernel, so quiz-sized results keep PyTorch's bits where possible.
    public static let attentionFastThreshold = 1 << 18

    /// `F.scaled_dot_product_attention(query, key, value, attn_mask, dropout_p, is_causal, scale)`.
    /// 3-D/4-D inputs without dropout follow the flash kernel; 2-D or mixed-rank inputs and dropout take
    /// the math path, whose dropout draws from `generator` like `torch.nn.functional.dropout`.
    public static func scaledDotProductAttention(
        _ query: Tensor, _ key: Tensor, _ value: Tensor, attnMask: Tensor? = nil, dropoutP: Double = 0,
        isCausal: Bool = false, scale: Double? = nil, generator: inout CPUGenerator,
        laneWidth: Int = SoftmaxKernel.referenceLaneWidth
    ) throws(TensorError) -> Tensor {
        guard query.dim >= 2, key.dim >= 2, value.dim >= 2 else {
            throw .runtime(
                "Expected query, key, and value to all be  at least 2 dimensional, but got query.dim: \(query.dim) "
                    + "key.dim: \(key.dim) and value.dim: \(value.dim) instead.")
        }
        guard query.dtype == key.dtype, key.dtype == value.dtype else {
            throw .runtime(
                "Expected query, key, and value to have the same dtype, but got query.dtype: \(query.dtype.cTypeName) "
                    + "key.dtype: \(key.dtype.cTypeName) and value.dtype: \(value.dtype.cTypeName) instead.")
        }
        if let attnMask, attnMask.dtype != .bool, attnMask.dtype != query.dtype {
            throw .runtime(
                "Expected attn_mask dtype to be bool or float or to match query dtype, but got attn_mask.dtype: "
                    + "\(attnMask.dtype.cTypeName) and  query.dtype: \(query.dtype.cTypeName) instead.")
        }
        if isCausal && attnMask != nil {
            throw .runtime("_scaled_dot_product_attention: Explicit attn_mask should not be set when is_causal=True")
        }
        if dropoutP > 1 {
            throw .runtime("dropout probability has to be between 0 and 1, but got \(pythonFloat(dropoutP))")
        }
        let flash = dropoutP <= 0 && query.dim == key.dim && key.dim == value.dim && (query.dim == 3 || query.dim == 4)
        guard query.dtype.isFloatingPoint else {
            if flash { throw .runtime("expected scalar type Float but found \(query.dtype.scalarTypeName)") }
            throw .runtime("expected m1 and m2 to have the same dtype, but got: float != \(query.dtype.cTypeName)")
        }

        let (L, E) = (query.shape[query.dim - 2], query.shape[query.dim - 1])
        let (S, keyE) = (key.shape[key.dim - 2], key.shape[key.dim - 1])
        let (valueS, Ev) = (value.shape[value.dim - 2], value.shape[value.dim - 1])
        let qkBatch = try Broadcasting.shape(Array(query.shape.dropLast(2)), Array(key.shape.dropLast(2)))
        let batch = try Broadcasting.shape(qkBatch, Array(value.shape.dropLast(2)))
        let batchCount = batch.reduce(1, *)
        if keyE != E {
            if !flash && query.dim == 2 && key.dim == 2 {
                throw .runtime("mm: mat1 and mat2 shapes cannot be multiplied (\(L)x\(E) and \(keyE)x\(S))")
            }
            let count = qkBatch.reduce(1, *)
            throw .runtime(
                "Expected size for first two dimensions of batch2 tensor to be: [\(count), \(E)] but got: [\(count), \(keyE)].")
        }
        if !flash && valueS != S {
            if query.dim == 2 && key.dim == 2 && value.dim == 2 {
                throw .runtime("mm: mat1 and mat2 shapes cannot be multiplied (\(L)x\(S) and \(valueS)x\(Ev))")
            }
            throw .runtime(
                "Expected size for first two dimensions of batch2 tensor to be: [\(batchCount), \(S)] but got: [\(batchCount), \(valueS)].")
        }

        // The mask is checked against the score shape; 3-D inputs are unsqueezed to 4-D, as ATen does.
        var maskValues: [Float] = []
        var maskDoubles: [Double] = []
        var maskBatchStride = 0
        if let attnMask {
            let unsqueezed = flash && query.dim == 3
            let scoresShape = unsqueezed ? [batch[0], 1, L, S] : batch + [L, S]
            let maskTensor = unsqueezed && attnMask.dim == 3 ? try attnMask.unsqueeze(1) : attnMask
            let broadcast = try Broadcasting.shape(scoresShape, maskTensor.shape)
            guard broadcast == scoresShape else {
                throw .runtime(
                    "output with shape \(shapeString(scoresShape)) doesn't match the broadcast shape \(shapeString(broadcast))")
            }
            let perBatch = maskTensor.dim > 2 && maskTensor.shape.dropLast(2).contains { $0 != 1 }
            let target = perBatch ? scoresShape : [L, S]
            let source = perBatch ? maskTensor : try maskTensor.reshape(Array(maskTensor.shape.suffix(2)))
            let expanded = source.broadcastView(to: target)
            maskBatchStride = perBatch ? L * S : 0
            if attnMask.dtype == .bool {
                maskValues = expanded.toArray(as: Bool.self).map { $0 ? 0 : -Float.infinity }
                maskDoubles = maskValues.map(Double.init)
            } else if query.dtype == .float64 {
                maskDoubles = expanded.toArray(as: Double.self)
            } else {
                maskValues = expanded.toArray(as: Float.self)
            }
        }

        let q = query.broadcastView(to: batch + [L, E]).toArray(as: Float.self, orDouble: query.dtype)
        let k = key.broadcastView(to: batch + [S, E]).toArray(as: Float.self, orDouble: query.dtype)
        // Flash reads exactly S value rows: extra rows are ignored, missing ones read as zeros
        // (PyTorch reads past the end of the tensor there; the result is meaningless either way).
        var vTensor = value.broadcastView(to: batch + [valueS, Ev])
        if valueS > S { vTensor = try vTensor.narrow(vTensor.dim - 2, 0, S) }
        let outShape = batch + [L, Ev]
        let shape = AttentionKernel.Shape(batch: batchCount, heads: 1, queries: L, keys: S, headDim: E, valueDim: Ev)
        let scaleValue = scale ?? 1 / Double(E).squareRoot()

        if query.dtype == .float64 {
            var v = vTensor.toArray(as: Double.self)
            if valueS < S { v = padRows(v, batch: batchCount, rows: valueS, to: S, width: Ev) }
            let out = attentionDouble(
                q: q.doubles, k: k.doubles, v: v, shape: shape, scale: scaleValue, isCausal: isCausal,
                mask: maskDoubles.isEmpty ? nil : maskDoubles, maskBatchStride: maskBatchStride,
                dropoutP: dropoutP, generator: &generator)
            return Tensor(out, shape: outShape)
        }
        var v = vTensor.toArray(as: Float.self)
        if valueS < S { v = padRows(v, batch: batchCount, rows: valueS, to: S, width: Ev) }
        var out = [Float](repeating: 0, count: outShape.reduce(1, *))
        let qf = q.floats, kf = k.floats
        maskValues.withUnsafeBufferPointer { pm in
            let mask = maskValues.isEmpty ? nil : pm.baseAddress.map {
                AttentionKernel.Mask(values: $0, batchStride: maskBatchStride, headStride: 0, rowStride: S, columnStride: 1)
            }
            qf.withUnsafeBufferPointer { pq in
                kf.withUnsafeBufferPointer { pk in
                    v.withUnsafeBufferPointer { pv in
                        out.withUnsafeMutableBufferPointer { po in
                            guard let qp = pq.baseAddress, let kp = pk.baseAddress, let vp = pv.baseAddress,
                                  let op = po.baseAddress else { return }
                            if !flash {
                                AttentionKernel.math(
                                    q: qp, k: kp, v: vp, out: op, shape: shape, scale: scaleValue, isCausal: isCausal,
                                    mask: mask, laneWidth: laneWidth,
                                    dropout: { weights in
                                        guard dropoutP > 0 else { return }
                                        let kept = generator.dropout(Array(weights), p: dropoutP)
                                        for i in 0..<kept.count { weights[i] = kept[i] }
                                    })
                            } else if L * S * E >= attentionFastThreshold {
                                AttentionKernel.fast(
                                    q: qp, k: kp, v: vp, out: op, shape: shape, scale: Float(scaleValue),
                                    isCausal: isCausal, mask: mask)
                            } else {
                                AttentionKernel.flashReference(
                                    q: qp, k: kp, v: vp, out: op, shape: shape, scale: Float(scaleValue),
                                    isCausal: isCausal, mask: mask, laneWidth: laneWidth)
                            }
                        }
                    }
                }
            }
        }
        return Tensor(out, shape: outShape)
    }

    /// `F.scaled_dot_product_attention` without a caller-supplied generator: dropout (if any) draws from a
    /// fresh default-seeded generator, so pass the interpreter's generator whenever `dropoutP > 0`.
    public static func scaledDotProductAttention(
        _ query: Tensor, _ key: Tensor, _ value: Tensor, attnMask: Tensor? = nil, dropoutP: Double = 0,
        isCausal: Bool = false, scale: Double? = nil, laneWidth: Int = SoftmaxKernel.referenceLaneWidth
    ) throws(TensorError) -> Tensor {
        var generator = CPUGenerator()
        return try scaledDotProductAttention(
            query, key, value, attnMask: attnMask, dropoutP: dropoutP, isCausal: isCausal, scale: scale,
            generator: &generator, laneWidth: laneWidth)
    }

    /// Appends zero rows: (batch, rows, width) -> (batch, target, width).
    private static func padRows<T: TensorElement>(_ x: [T], batch: Int, rows: Int, to target: Int, width: Int) -> [T] {
        var result = [T](repeating: .zero, count: batch * target * width)
        for b in 0..<batch {
            for i in 0..<(rows * width) { result[b * target * width + i] = x[b * rows * width + i] }
        }
        return result
    }

    /// Float64 attention, math-path order: scaled scores, mask, softmax (fully masked rows -> 0), dropout, `@ v`.
    private static func attentionDouble(
        q: [Double], k: [Double], v: [Double], shape: AttentionKernel.Shape, scale: Double, isCausal: Bool,
        mask: [Double]?, maskBatchStride: Int, dropoutP: Double, generator: inout CPUGenerator
    ) -> [Double] {
        let (L, S, E, Ev) = (shape.queries, shape.keys, shape.headDim, shape.valueDim)
        let rows = shape.batch * L
        var weights = [Double](repeating: 0, count: rows * S)
        for b in 0..<shape.batch {
            for i in 0..<L {
                let r = b * L + i
                var m = -Double.infinity
                for j in 0..<S {
                    var s = 0.0
                    for p in 0..<E { s += q[r * E + p] * k[(b * S + j) * E + p] }
                    s *= scale
                    if isCausal && j > i { s = -.infinity }
                    if let mask { s += mask[b * maskBatchStride + i * S + j] }
                    weights[r * S + j] = s
                    m = Swift.max(m, s)
                }
                var sum = 0.0
                for j in 0..<S {
                    let e = m == -.infinity ? 0 : attentionExp(weights[r * S + j] - m)
                    weights[r * S + j] = e
                    sum += e
                }
                for j in 0..<S { weights[r * S + j] = sum == 0 ? 0 : weights[r * S + j] / sum }
            }
        }
        if dropoutP > 0 { weights = generator.dropout(weights, p: dropoutP) }
        var out = [Double](repeating: 0, count: rows * Ev)
        for r in 0..<rows {
            let b = r / L
            for d in 0..<Ev {
                var s = 0.0
                for j in 0..<S { s += weights[r * S + j] * v[(b * S + j) * Ev + d] }
                out[r * Ev + d] = s
            }
        }
        return out
    }

    /// Python's `repr` of a float for messages (`1.5`, `2.0`).
    private static func pythonFloat(_ x: Double) -> String {
        x == x.rounded() && Swift.abs(x) < 1e16 ? "\(Int(x)).0" : "\(x)"
    }
}

/// A tensor's elements read as float32 or float64, whichever its floating dtype is.
private struct FloatingElements {
    var floats: [Float] = []
    var doubles: [Double] = []
}

extension Tensor {
    fileprivate func toArray(as type: Float.Type, orDouble dtype: DType) -> FloatingElements {
        dtype == .float64 ? FloatingElements(doubles: toArray(as: Double.self)) : FloatingElements(floats: toArray(as: Float.self))
    }
}

@inline(__always)
private func attentionExp(_ x: Double) -> Double {
    #if canImport(Glibc)
    Glibc.exp(x)
    #else
    Darwin.exp(x)
    #endif
}
