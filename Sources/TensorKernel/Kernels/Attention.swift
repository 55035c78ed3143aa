/// Scaled dot-product attention kernels that reproduce PyTorch's CPU numerics where they can.
///
/// Layout for every kernel: q: (B, H, L, E), k: (B, H, S, E), v: (B, H, S, Ev), all contiguous
/// (broadcast batch/head dims already expanded) -> out: (B, H, L, Ev) contiguous.
public enum AttentionKernel {
    /// Sizes of one attention problem.
    public struct Shape: Sendable, Hashable {
        public var batch: Int
        public var heads: Int
        public var queries: Int
        public var keys: Int
        public var headDim: Int
        public var valueDim: Int

        public init(batch: Int, heads: Int, queries: Int, keys: Int, headDim: Int, valueDim: Int) {
            self.batch = batch
            self.heads = heads
            self.queries = queries
            self.keys = keys
            self.headDim = headDim
            self.valueDim = valueDim
        }

        /// `4·B·H·L·S·E`-style flop count (two products), with Ev for the second.
        public var flops: Double {
            Double(batch * heads * queries * keys) * Double(2 * headDim + 2 * valueDim)
        }
    }

    /// An additive float mask over (B, H, L, S) given by element strides; a 0 stride broadcasts.
    /// Boolean masks arrive converted: True -> 0, False -> -inf.
    public struct Mask {
        public var values: UnsafePointer<Float>
        public var batchStride: Int
        public var headStride: Int
        public var rowStride: Int
        public var columnStride: Int

        public init(values: UnsafePointer<Float>, batchStride: Int, headStride: Int, rowStride: Int, columnStride: Int) {
            self.values = values
            self.batchStride = batchStride
            self.headStride = headStride
            self.rowStride = rowStride
            self.columnStride = columnStride
        }

        @inline(__always)
        func at(_ b: Int, _ h: Int, _ i: Int, _ j: Int) -> Float {
            values[b * batchStride + h * headStride + i * rowStride + j * columnStride]
        }
    }

    /// ATen's CPU flash-attention kernel (3-D/4-D inputs, no dropout), with its matrix products replaced by
    /// the sequential no-FMA loop. Per query row and block of 512 keys: `qk * scale` or `fma(qk, scale, mask)`, row max,
    /// `exp_u20` on full `laneWidth` vectors and libm `expf` on the tail, lane sum, `e·v`; then
    /// `out = dst * (1 / sum)`, with fully masked rows giving 0. Causal masking is top-left (`j > i`).
    public static func flashReference(
        q: UnsafePointer<Float>, k: UnsafePointer<Float>, v: UnsafePointer<Float>,
        out: UnsafeMutablePointer<Float>, shape: Shape, scale: Float, isCausal: Bool, mask: Mask?,
        laneWidth: Int = SoftmaxKernel.referenceLaneWidth
    ) {
        let (L, S, E, Ev) = (shape.queries, shape.keys, shape.headDim, shape.valueDim)
        let kvSplit = 512
        var scores = [Float](repeating: 0, count: Swift.min(S, kvSplit))
        var dst = [Float](repeating: 0, count: Ev)
        var acc = SIMD16<Float>()
        for b in 0..<shape.batch {
            for h in 0..<shape.heads {
                let bh = b * shape.heads + h
                let qh = q + bh * L * E
                let kh = k + bh * S * E
                let vh = v + bh * S * Ev
                let oh = out + bh * L * Ev
                for i in 0..<L {
                    var runningMax = -Float.infinity
                    var runningSum: Float = 0
                    for d in 0..<Ev { dst[d] = 0 }
                    var blockStart = 0
                    while blockStart < S {
                        let count = Swift.min(kvSplit, S - blockStart)
                        var blockMax = -Float.infinity
                        for jj in 0..<count {
                            let j = blockStart + jj
                            var s: Float
                            if isCausal && j > i {
                                s = -.infinity
                            } else {
                                s = 0
                                for p in 0..<E { s = s + qh[i * E + p] * kh[j * E + p] }
                            }
                            // ATen's `qk * scale + mask` compiles to one fused multiply-add.
                            if let mask { s = mask.at(b, h, i, j).addingProduct(s, scale) } else { s = s * scale }
                            scores[jj] = s
                            blockMax = Swift.max(blockMax, s)
                        }
                        let newMax = Swift.max(blockMax, runningMax)
                        if newMax == -.infinity {
                            for jj in 0..<count { scores[jj] = 0 }
                        } else {
                            let full = count / laneWidth * laneWidth
                            acc = SIMD16<Float>()
                            for base in stride(from: 0, to: full, by: laneWidth) {
                                for l in 0..<laneWidth { scores[base + l] = SleefMath.expU20(scores[base + l] - newMax) }
                                // Lane l adds exp l of the block, as a whole vector (single lanes spill and stall).
                                scores.withUnsafeBufferPointer { buffer in
                                    let block = UnsafeRawPointer(buffer.baseAddress! + base)
                                    switch laneWidth {
                                    case 16: acc += block.loadUnaligned(as: SIMD16<Float>.self)
                                    case 8: acc.lowHalf += block.loadUnaligned(as: SIMD8<Float>.self)
                                    default: for l in 0..<laneWidth { acc[l] = acc[l] + buffer[base + l] }
                                    }
                                }
                            }
                            var blockSum = SoftmaxKernel.butterfly(acc, laneWidth)
                            for jj in full..<count {
                                let e = SleefMath.libmExpf(scores[jj] - newMax)
                                scores[jj] = e
                                blockSum += e
                            }
                            let correction = SleefMath.libmExpf(runningMax - newMax)
                            runningSum = blockSum + correction * runningSum
                            runningMax = newMax
                            if blockStart > 0 {
                                for d in 0..<Ev { dst[d] = dst[d] * correction }
                            }
                        }
                        for d in 0..<Ev {
                            var sum: Float = 0
                            for jj in 0..<count { sum = sum + scores[jj] * vh[(blockStart + jj) * Ev + d] }
                            dst[d] = blockStart == 0 ? sum : dst[d] + sum
                        }
                        blockStart += count
                    }
                    let reciprocal = 1 / (runningSum == 0 ? 1 : runningSum)
                    for d in 0..<Ev { oh[i * Ev + d] = dst[d] * reciprocal }
                }
            }
        }
    }

    /// The MATH path (2-D inputs or dropout > 0): `q * sqrt(scale)` and `k * sqrt(scale)` separately,
    /// sequential products, `+ mask`, `_safe_softmax` (rows that are all -inf give 0), optional dropout
    /// (`dropout` may rescale the weights in place, row-major (B, H, L, S)), then `weights @ v`.
    /// `scale` is the double PyTorch computes (`1 / sqrt(E)` unless given).
    public static func math(
        q: UnsafePointer<Float>, k: UnsafePointer<Float>, v: UnsafePointer<Float>,
        out: UnsafeMutablePointer<Float>, shape: Shape, scale: Double, isCausal: Bool, mask: Mask?,
        laneWidth: Int = SoftmaxKernel.referenceLaneWidth,
        dropout: (UnsafeMutableBufferPointer<Float>) -> Void = { _ in }
    ) {
        let (L, S, E, Ev) = (shape.queries, shape.keys, shape.headDim, shape.valueDim)
        let factor = (scale < 0 ? -scale : scale).squareRoot()
        let qFactor = Float(scale < 0 ? 0 - factor : factor)
        let kFactor = Float(factor)
        let rows = shape.batch * shape.heads * L
        var weights = [Float](repeating: 0, count: rows * S)
        var scores = [Float](repeating: 0, count: S)
        var qs = [Float](repeating: 0, count: E)
        weights.withUnsafeMutableBufferPointer { w in
            for b in 0..<shape.batch {
                for h in 0..<shape.heads {
                    let bh = b * shape.heads + h
                    for i in 0..<L {
                        for p in 0..<E { qs[p] = q[(bh * L + i) * E + p] * qFactor }
                        var allMasked = true
                        for j in 0..<S {
                            var s: Float = 0
                            for p in 0..<E { s = s + qs[p] * (k[(bh * S + j) * E + p] * kFactor) }
                            if isCausal && j > i { s = s + -.infinity }
                            if let mask { s = s + mask.at(b, h, i, j) }
                            scores[j] = s
                            if s != -.infinity { allMasked = false }
                        }
                        let row = w.baseAddress! + (bh * L + i) * S
                        scores.withUnsafeBufferPointer {
                            SoftmaxKernel.softmaxLastDim($0.baseAddress!, row, rows: 1, n: S, laneWidth: laneWidth)
                        }
                        if allMasked { for j in 0..<S { row[j] = 0 } }
                    }
                }
            }
            dropout(w)
            for r in 0..<rows {
                let bh = r / L
                for d in 0..<Ev {
                    var sum: Float = 0
                    for j in 0..<S { sum = sum + w[r * S + j] * v[(bh * S + j) * Ev + d] }
                    out[r * Ev + d] = sum
                }
            }
        }
    }
}
