/// Strided batched products over tensor views: the bridge from `Tensor+Matmul` to the buffer kernels.
extension Tensor {
    /// a: (batch..., M, K), b: (batch..., K, N) views with equal batch shapes and dtype (any strides,
    /// stride 0 for broadcast) -> (batch..., M, N) contiguous. Inputs are read in place, never copied.
    static func product(_ a: Tensor, _ b: Tensor) -> Tensor {
        let rank = a.dim
        let (m, k, n) = (a.shape[rank - 2], a.shape[rank - 1], b.shape[rank - 1])
        let batch = Array(a.shape.dropLast(2))
        let result = Tensor(zeros: batch + [m, n], dtype: a.dtype)
        let offsets = batchOffsets(batch, a.strides, b.strides)
        let layout = GemmLayout(
            m: m, n: n, k: k, aRowStride: a.strides[rank - 2], aColStride: a.strides[rank - 1],
            bRowStride: b.strides[rank - 2], bColStride: b.strides[rank - 1])
        switch a.dtype {
        case .float32:
            run(layout, offsets, a, b, result, Float.self) { layout, pa, pb, pc, threads in
                if layout.m * layout.n * layout.k >= gemmFastThreshold {
                    gemmFast(
                        m: layout.m, n: layout.n, k: layout.k, a: pa, aRowStride: layout.aRowStride,
                        aColStride: layout.aColStride, b: pb, bRowStride: layout.bRowStride,
                        bColStride: layout.bColStride, c: pc, ldc: layout.n, threads: threads)
                } else {
                    gemmReference(
                        m: layout.m, n: layout.n, k: layout.k, a: pa, aRowStride: layout.aRowStride,
                        aColStride: layout.aColStride, b: pb, bRowStride: layout.bRowStride,
                        bColStride: layout.bColStride, c: pc, ldc: layout.n)
                }
            }
        case .float64:
            run(layout, offsets, a, b, result, Double.self) { layout, pa, pb, pc, _ in
                gemmReference(
                    m: layout.m, n: layout.n, k: layout.k, a: pa, aRowStride: layout.aRowStride,
                    aColStride: layout.aColStride, b: pb, bRowStride: layout.bRowStride,
                    bColStride: layout.bColStride, c: pc, ldc: layout.n)
            }
        case .int64:
            runInteger(layout, offsets, a, b, result, Int64.self)
        case .int32:
            runInteger(layout, offsets, a, b, result, Int32.self)
        case .bool:
            preconditionFailure("bool products are rejected before reaching the kernel")
        }
        return result
    }

    /// Storage offsets of every batch matrix of a and b, in row-major batch order.
    private static func batchOffsets(_ batch: [Int], _ aStrides: [Int], _ bStrides: [Int]) -> [(a: Int, b: Int)] {
        let count = batch.reduce(1, *)
        var offsets: [(a: Int, b: Int)] = []
        offsets.reserveCapacity(count)
        var index = [Int](repeating: 0, count: batch.count)
        for _ in 0..<count {
            var (offsetA, offsetB) = (0, 0)
            for d in 0..<batch.count {
                offsetA += index[d] * aStrides[d]
                offsetB += index[d] * bStrides[d]
            }
            offsets.append((offsetA, offsetB))
            var d = batch.count - 1
            while d >= 0 {
                index[d] += 1
                if index[d] < batch[d] { break }
                index[d] = 0
                d -= 1
            }
        }
        return offsets
    }

    /// Runs `kernel` on every batch: one batch gets all threads; many batches are split across threads,
    /// each computed on one thread (results are the same either way).
    private static func run<T: TensorElement>(
        _ layout: GemmLayout, _ offsets: [(a: Int, b: Int)], _ a: Tensor, _ b: Tensor, _ result: Tensor,
        _ type: T.Type,
        _ kernel: (GemmLayout, UnsafePointer<T>, UnsafePointer<T>, UnsafeMutablePointer<T>, Int) -> Void
    ) {
        let pa = UnsafePointer(a.storage.pointer(as: T.self) + a.offset)
        let pb = UnsafePointer(b.storage.pointer(as: T.self) + b.offset)
        let pc = result.storage.pointer(as: T.self)
        let matrixSize = layout.m * layout.n
        if offsets.count == 1 {
            kernel(layout, pa + offsets[0].a, pb + offsets[0].b, pc, Parallel.processorCount)
            return
        }
        let work = offsets.count * matrixSize * layout.k
        let chunks = Parallel.split(offsets.count, parts: work >= 1 << 20 ? Parallel.processorCount : 1, granule: 1)
        Parallel.forEach(chunks.count) { chunk in
            for index in chunks[chunk] {
                kernel(layout, pa + offsets[index].a, pb + offsets[index].b, pc + index * matrixSize, 1)
            }
        }
    }

    private static func runInteger<T: TensorElement & FixedWidthInteger>(
        _ layout: GemmLayout, _ offsets: [(a: Int, b: Int)], _ a: Tensor, _ b: Tensor, _ result: Tensor,
        _ type: T.Type
    ) {
        run(layout, offsets, a, b, result, T.self) { layout, pa, pb, pc, _ in
            gemmReference(
                m: layout.m, n: layout.n, k: layout.k, a: pa, aRowStride: layout.aRowStride,
                aColStride: layout.aColStride, b: pb, bRowStride: layout.bRowStride,
                bColStride: layout.bColStride, c: pc, ldc: layout.n)
        }
    }
}

/// Sizes and strides of one matrix product inside a batch.
struct GemmLayout {
    let m: Int, n: Int, k: Int
    let aRowStride: Int, aColStride: Int
    let bRowStride: Int, bColStride: Int
}
