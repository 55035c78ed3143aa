import CPUFeatures
#if arch(x86_64)
import TensorKernelAVX2
#endif

/// Fast fused attention: online softmax over blocks of 128 keys for 24 query rows at a time (6 x 16 register
/// tiles), SIMD FMA,
/// no L×S score matrix. Each query row's arithmetic is fixed by the blocking alone, so results do not
/// depend on the thread count; the AVX2 and portable paths run the same operations.
extension AttentionKernel {
    /// Which compiled copy of the micro-kernels runs.
    public enum FastPath: Sendable, CaseIterable {
        case generic
        case avx2

        /// The fastest path this CPU can run.
        public static let detected: FastPath = quizc_cpu_has_avx2_fma() != 0 ? .avx2 : .generic
    }

    static let tileRows = 6
    static let tileColumns = 16
    static let keyBlock = 128
    /// Query rows sharing one pass over the keys (4 register tiles), so each key/value block is reused from cache.
    static let blockRows = 24

    /// q: (B, H, L, E), k: (B, H, S, E), v: (B, H, S, Ev) contiguous -> out: (B, H, L, Ev).
    /// Same semantics as `flashReference` (scale multiply, `fma(qk, scale, mask)`, top-left causal, fully
    /// masked rows -> 0); numerics differ by summation order (blocked FMA products, 8-lane exp sums).
    public static func fast(
        q: UnsafePointer<Float>, k: UnsafePointer<Float>, v: UnsafePointer<Float>,
        out: UnsafeMutablePointer<Float>, shape: Shape, scale: Float, isCausal: Bool, mask: Mask?,
        threads: Int = Parallel.processorCount, path: FastPath = .detected
    ) {
        let (L, S, E, Ev) = (shape.queries, shape.keys, shape.headDim, shape.valueDim)
        guard L > 0, Ev > 0, shape.batch * shape.heads > 0 else { return }
        let paddedKeys = (S + tileColumns - 1) / tileColumns * tileColumns
        let paddedValues = (Ev + tileColumns - 1) / tileColumns * tileColumns
        let rowBlocks = (L + blockRows - 1) / blockRows
        let kPanels = UnsafeMutablePointer<Float>.allocate(capacity: Swift.max(paddedKeys * E, 1))
        let vPadded = UnsafeMutablePointer<Float>.allocate(capacity: Swift.max(paddedKeys * paddedValues, 1))
        defer {
            kPanels.deallocate()
            vPadded.deallocate()
        }
        for b in 0..<shape.batch {
            for h in 0..<shape.heads {
                let bh = b * shape.heads + h
                packKeys(k + bh * S * E, keys: S, headDim: E, into: kPanels, paddedKeys: paddedKeys)
                packValues(v + bh * S * Ev, keys: S, valueDim: Ev, into: vPadded, paddedKeys: paddedKeys, paddedValues: paddedValues)
                let ranges = Parallel.split(rowBlocks, parts: Swift.max(1, threads), granule: 1)
                let kp = UnsafePointer(kPanels)
                let vp = UnsafePointer(vPadded)
                Parallel.forEach(ranges.count) { part in
                    var workspace = Workspace(headDim: E, paddedValues: paddedValues)
                    for block in ranges[part] {
                        attendRows(
                            block * blockRows, q: q + bh * L * E, kPanels: kp, values: vp, out: out + bh * L * Ev,
                            shape: shape, batch: b, head: h, paddedKeys: paddedKeys, paddedValues: paddedValues,
                            scale: scale, isCausal: isCausal, mask: mask, path: path, workspace: &workspace
                        )
                    }
                    workspace.deallocate()
                }
            }
        }
    }

    /// Per-thread scratch: 24 query rows, a 24 x 128 score/probability block and the 24 x Ev output accumulator.
    struct Workspace {
        let queries: UnsafeMutablePointer<Float>
        let scores: UnsafeMutablePointer<Float>
        let accumulator: UnsafeMutablePointer<Float>

        init(headDim: Int, paddedValues: Int) {
            queries = .allocate(capacity: Swift.max(blockRows * headDim, 1))
            scores = .allocate(capacity: blockRows * keyBlock)
            accumulator = .allocate(capacity: blockRows * paddedValues)
        }

        func deallocate() {
            queries.deallocate()
            scores.deallocate()
            accumulator.deallocate()
        }
    }

    /// k: (S, E) -> panels of 16 keys, each (E, 16) contiguous; keys past S are zero.
    static func packKeys(_ k: UnsafePointer<Float>, keys: Int, headDim: Int, into panels: UnsafeMutablePointer<Float>, paddedKeys: Int) {
        for panel in 0..<(paddedKeys / tileColumns) {
            let base = panels + panel * headDim * tileColumns
            for p in 0..<headDim {
                for c in 0..<tileColumns {
                    let j = panel * tileColumns + c
                    base[p * tileColumns + c] = j < keys ? k[j * headDim + p] : 0
                }
            }
        }
    }

    /// v: (S, Ev) -> (paddedKeys, paddedValues) row-major, zero padded.
    static func packValues(
        _ v: UnsafePointer<Float>, keys: Int, valueDim: Int, into padded: UnsafeMutablePointer<Float>,
        paddedKeys: Int, paddedValues: Int
    ) {
        for j in 0..<paddedKeys {
            for d in 0..<paddedValues {
                padded[j * paddedValues + d] = j < keys && d < valueDim ? v[j * valueDim + d] : 0
            }
        }
    }

    /// Online softmax attention for query rows `first ..< first + 24` of one (batch, head).
    static func attendRows(
        _ first: Int, q: UnsafePointer<Float>, kPanels: UnsafePointer<Float>, values: UnsafePointer<Float>,
        out: UnsafeMutablePointer<Float>, shape: Shape, batch: Int, head: Int, paddedKeys: Int, paddedValues: Int,
        scale: Float, isCausal: Bool, mask: Mask?, path: FastPath, workspace: inout Workspace
    ) {
        let (L, S, E, Ev) = (shape.queries, shape.keys, shape.headDim, shape.valueDim)
        let rows = Swift.min(blockRows, L - first)
        let groups = (rows + tileRows - 1) / tileRows
        let qs = workspace.queries
        for r in 0..<(groups * tileRows) {
            for p in 0..<E { qs[r * E + p] = r < rows ? q[(first + r) * E + p] : 0 }
        }
        let acc = workspace.accumulator
        acc.initialize(repeating: 0, count: groups * tileRows * paddedValues)
        let scores = workspace.scores
        var rowMax = [Float](repeating: -.infinity, count: blockRows)
        var rowSum = [Float](repeating: 0, count: blockRows)
        let lastKey = isCausal ? Swift.min(S, first + rows) : S
        var blockStart = 0
        while blockStart < lastKey {
            let width = Swift.min(keyBlock, paddedKeys - blockStart)
            for g in 0..<groups {
                for t in 0..<(width / tileColumns) {
                    tile(path, kc: E, a: qs + g * tileRows * E, lda: E,
                         b: kPanels + (blockStart / tileColumns + t) * E * tileColumns, ldb: tileColumns,
                         c: scores + g * tileRows * keyBlock + t * tileColumns, ldc: keyBlock, accumulate: false)
                }
            }
            let needsFixup = mask != nil || blockStart + width > S || (isCausal && blockStart + width > first + 1)
            for r in 0..<(groups * tileRows) {
                let row = scores + r * keyBlock
                var blockMax = -Float.infinity
                if needsFixup {
                    let i = first + r
                    for c in 0..<width {
                        let j = blockStart + c
                        var s: Float
                        if j >= S || (isCausal && j > i) || r >= rows {
                            s = -.infinity
                        } else if let mask {
                            s = mask.at(batch, head, i, j).addingProduct(row[c], scale)
                        } else {
                            s = row[c] * scale
                        }
                        row[c] = s
                        blockMax = Swift.max(blockMax, s)
                    }
                } else {
                    blockMax = scaleMaxRow(path, row, count: width, scale: scale)
                }
                let newMax = Swift.max(rowMax[r], blockMax)
                if newMax == -.infinity {
                    for c in 0..<width { row[c] = 0 }
                    continue
                }
                let blockSum = expRow(path, row, count: width, maximum: newMax)
                // Rescale by exp_u20(oldMax - newMax): exactly 1 when the max is unchanged, 0 on the first block.
                if rowMax[r] == newMax {
                    rowSum[r] = blockSum + rowSum[r]
                } else if rowMax[r] == -.infinity {
                    rowSum[r] = blockSum
                } else {
                    let correction = SleefMath.expU20(rowMax[r] - newMax)
                    rowSum[r] = blockSum + correction * rowSum[r]
                    let accRow = acc + r * paddedValues
                    for d in 0..<paddedValues { accRow[d] *= correction }
                }
                rowMax[r] = newMax
            }
            for g in 0..<groups {
                for t in 0..<(paddedValues / tileColumns) {
                    tile(path, kc: width, a: scores + g * tileRows * keyBlock, lda: keyBlock,
                         b: values + blockStart * paddedValues + t * tileColumns, ldb: paddedValues,
                         c: acc + g * tileRows * paddedValues + t * tileColumns, ldc: paddedValues, accumulate: true)
                }
            }
            blockStart += width
        }
        for r in 0..<rows {
            let reciprocal = rowSum[r] == 0 ? 0 : 1 / rowSum[r]
            for d in 0..<Ev { out[(first + r) * Ev + d] = acc[r * paddedValues + d] * reciprocal }
        }
    }

    @inline(__always)
    static func tile(
        _ path: FastPath, kc: Int, a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
        c: UnsafeMutablePointer<Float>, ldc: Int, accumulate: Bool
    ) {
        #if arch(x86_64)
        if path == .avx2 {
            attentionTileAVX2(kc: kc, a: a, lda: lda, b: b, ldb: ldb, c: c, ldc: ldc, accumulate: accumulate)
            return
        }
        #endif
        attentionTileGeneric(kc: kc, a: a, lda: lda, b: b, ldb: ldb, c: c, ldc: ldc, accumulate: accumulate)
    }

    @inline(__always)
    static func scaleMaxRow(_ path: FastPath, _ x: UnsafeMutablePointer<Float>, count: Int, scale: Float) -> Float {
        #if arch(x86_64)
        if path == .avx2 { return attentionScaleMaxRowAVX2(x, count: count, scale: scale) }
        #endif
        return attentionScaleMaxRowGeneric(x, count: count, scale: scale)
    }

    @inline(__always)
    static func expRow(_ path: FastPath, _ x: UnsafeMutablePointer<Float>, count: Int, maximum: Float) -> Float {
        #if arch(x86_64)
        if path == .avx2 { return attentionExpRowAVX2(x, count: count, maximum: maximum) }
        #endif
        return attentionExpRowGeneric(x, count: count, maximum: maximum)
    }
}
