import CPUFeatures
#if arch(x86_64)
import TensorKernelAVX2
#endif

/// The float32 micro-kernel implementations; they compute identical bits, only speed differs.
enum GemmMicroKernelPath: Sendable {
    /// Portable Swift SIMD code (`addingProduct`, i.e. FMA) for any CPU.
    case generic
    /// The same code compiled for AVX2 + FMA, chosen at run time when the CPU has both.
    case avx2

    /// The fastest path this CPU can run.
    static let detected: GemmMicroKernelPath = quizc_cpu_has_avx2_fma() != 0 ? .avx2 : .generic

    /// Paths this CPU can run, for tests that compare them.
    static var available: [GemmMicroKernelPath] { detected == .avx2 ? [.generic, .avx2] : [.generic] }
}

/// Rows and columns of the register tile `gemmMicroKernel` computes.
let gemmMR = 6
let gemmNR = 16

/// Cache-blocking sizes (GotoBLAS scheme): a kc×16 B panel stays near L1, an mc×kc A block in L2.
/// kc = 512 rather than 256 halves the passes over C (each pass loads and stores every C tile), which
/// measured 5–10% faster at n ≥ 512 on Zen 3 (BENCHMARKS.md); it does not change any result bit.
enum GemmBlocking {
    static let mc = 240
    static let kc = 512
    static let nc = 4096
}

/// Problems at least this many multiply-adds (64³) use `gemmFast`; smaller ones use `gemmReference`
/// so quiz-size float32 products keep PyTorch's exact bits.
public let gemmFastThreshold = 64 * 64 * 64

/// a: (M, K) at `a[i*aRowStride + p*aColStride]`, b: (K, N) at `b[p*bRowStride + j*bColStride]`
/// -> c: (M, N) row-major ldc. Each c[i, j] is the sequential FMA chain over p = 0..<K starting from 0,
/// so results are identical for every blocking, thread count and CPU path.
public func gemmFast(
    m: Int, n: Int, k: Int,
    a: UnsafePointer<Float>, aRowStride: Int, aColStride: Int,
    b: UnsafePointer<Float>, bRowStride: Int, bColStride: Int,
    c: UnsafeMutablePointer<Float>, ldc: Int,
    threads: Int = Parallel.processorCount
) {
    gemmFast(
        m: m, n: n, k: k, a: a, aRowStride: aRowStride, aColStride: aColStride,
        b: b, bRowStride: bRowStride, bColStride: bColStride, c: c, ldc: ldc,
        threads: threads, path: .detected)
}

/// `gemmFast` with the micro-kernel path chosen by the caller (tests compare the paths).
func gemmFast(
    m: Int, n: Int, k: Int,
    a: UnsafePointer<Float>, aRowStride: Int, aColStride: Int,
    b: UnsafePointer<Float>, bRowStride: Int, bColStride: Int,
    c: UnsafeMutablePointer<Float>, ldc: Int,
    threads: Int, path: GemmMicroKernelPath
) {
    guard m > 0, n > 0 else { return }
    guard k > 0 else {
        for i in 0..<m { (c + i * ldc).update(repeating: 0, count: n) }
        return
    }
    // One multiply-add chunk per thread of at least ~2 MFLOP, else threads cost more than they save.
    let useful = max(1, min(threads, m * n * k / (1 << 20)))
    if useful == 1 {
        gemmSingleThread(
            m: m, n: n, k: k, a: a, aRowStride: aRowStride, aColStride: aColStride,
            b: b, bRowStride: bRowStride, bColStride: bColStride, c: c, ldc: ldc, path: path)
        return
    }
    // Split the larger output side into tile-aligned ranges; each thread owns its outputs entirely.
    if m >= n {
        gemmRowSplit(
            m: m, n: n, k: k, a: a, aRowStride: aRowStride, aColStride: aColStride,
            b: b, bRowStride: bRowStride, bColStride: bColStride, c: c, ldc: ldc,
            rowRanges: Parallel.split(m, parts: useful, granule: gemmMR), path: path)
    } else {
        let ranges = Parallel.split(n, parts: useful, granule: gemmNR)
        Parallel.forEach(ranges.count) { part in
            let columns = ranges[part]
            gemmSingleThread(
                m: m, n: columns.count, k: k, a: a, aRowStride: aRowStride, aColStride: aColStride,
                b: b + columns.lowerBound * bColStride, bRowStride: bRowStride, bColStride: bColStride,
                c: c + columns.lowerBound, ldc: ldc, path: path)
        }
    }
}

/// The blocked loop nest on one thread: jc (nc) → pc (kc) → ic (mc) → jr (16) → ir (6).
private func gemmSingleThread(
    m: Int, n: Int, k: Int,
    a: UnsafePointer<Float>, aRowStride: Int, aColStride: Int,
    b: UnsafePointer<Float>, bRowStride: Int, bColStride: Int,
    c: UnsafeMutablePointer<Float>, ldc: Int,
    path: GemmMicroKernelPath
) {
    let kcMax = min(GemmBlocking.kc, k)
    let packedB = allocatePacked(min(GemmBlocking.nc, roundUp(n, gemmNR)) * kcMax)
    let scratch = GemmScratch(m: m, kcMax: kcMax)
    defer {
        packedB.deallocate()
        scratch.deallocate()
    }
    for jc in stride(from: 0, to: n, by: GemmBlocking.nc) {
        let nc = min(GemmBlocking.nc, n - jc)
        for pc in stride(from: 0, to: k, by: GemmBlocking.kc) {
            let kc = min(GemmBlocking.kc, k - pc)
            packB(
                b + pc * bRowStride + jc * bColStride, rowStride: bRowStride, colStride: bColStride,
                kc: kc, nc: nc, into: packedB)
            multiplyPackedB(
                m: m, a: a + pc * aColStride, aRowStride: aRowStride, aColStride: aColStride,
                packedB: packedB, nc: nc, kc: kc, accumulate: pc > 0, c: c + jc, ldc: ldc,
                scratch: scratch, path: path)
        }
    }
}

/// Threads over row ranges that share one packed B block per (jc, pc): the threads pack its panels
/// together, then each multiplies its own rows (own packed A). Same loop nest, same bits, and B is
/// packed once instead of once per thread.
private func gemmRowSplit(
    m: Int, n: Int, k: Int,
    a: UnsafePointer<Float>, aRowStride: Int, aColStride: Int,
    b: UnsafePointer<Float>, bRowStride: Int, bColStride: Int,
    c: UnsafeMutablePointer<Float>, ldc: Int,
    rowRanges: [Range<Int>], path: GemmMicroKernelPath
) {
    let kcMax = min(GemmBlocking.kc, k)
    let packedB = allocatePacked(min(GemmBlocking.nc, roundUp(n, gemmNR)) * kcMax)
    let scratches = rowRanges.map { GemmScratch(m: $0.count, kcMax: kcMax) }
    defer {
        packedB.deallocate()
        for scratch in scratches { scratch.deallocate() }
    }
    for jc in stride(from: 0, to: n, by: GemmBlocking.nc) {
        let nc = min(GemmBlocking.nc, n - jc)
        for pc in stride(from: 0, to: k, by: GemmBlocking.kc) {
            let kc = min(GemmBlocking.kc, k - pc)
            let columnRanges = Parallel.split(nc, parts: rowRanges.count, granule: gemmNR)
            Parallel.forEach(columnRanges.count) { part in
                let columns = columnRanges[part]
                packB(
                    b + pc * bRowStride + (jc + columns.lowerBound) * bColStride,
                    rowStride: bRowStride, colStride: bColStride,
                    kc: kc, nc: columns.count, into: packedB + columns.lowerBound * kc)
            }
            Parallel.forEach(rowRanges.count) { part in
                let rows = rowRanges[part]
                multiplyPackedB(
                    m: rows.count, a: a + rows.lowerBound * aRowStride + pc * aColStride,
                    aRowStride: aRowStride, aColStride: aColStride,
                    packedB: packedB, nc: nc, kc: kc, accumulate: pc > 0,
                    c: c + rows.lowerBound * ldc + jc, ldc: ldc, scratch: scratches[part], path: path)
            }
        }
    }
}

/// One thread's packed-A block and edge-tile buffers.
private struct GemmScratch {
    let packedA: UnsafeMutablePointer<Float>
    let edgeTile: UnsafeMutablePointer<Float>

    init(m: Int, kcMax: Int) {
        packedA = allocatePacked(min(GemmBlocking.mc, roundUp(m, gemmMR)) * kcMax)
        edgeTile = UnsafeMutablePointer<Float>.allocate(capacity: gemmMR * gemmNR)
    }

    func deallocate() {
        packedA.deallocate()
        edgeTile.deallocate()
    }
}

/// 64-byte aligned float buffer for packed panels.
private func allocatePacked(_ count: Int) -> UnsafeMutablePointer<Float> {
    UnsafeMutableRawPointer.allocate(byteCount: max(1, count) * 4, alignment: 64)
        .bindMemory(to: Float.self, capacity: count)
}

/// c (m, nc) (+)= a (m, kc) · packed B (kc, nc): the ic (mc) → jr (16) → ir (6) loops for one (jc, pc).
private func multiplyPackedB(
    m: Int, a: UnsafePointer<Float>, aRowStride: Int, aColStride: Int,
    packedB: UnsafePointer<Float>, nc: Int, kc: Int, accumulate: Bool,
    c: UnsafeMutablePointer<Float>, ldc: Int, scratch: GemmScratch, path: GemmMicroKernelPath
) {
    let packedA = scratch.packedA, edgeTile = scratch.edgeTile
    for ic in stride(from: 0, to: m, by: GemmBlocking.mc) {
        let mc = min(GemmBlocking.mc, m - ic)
        packA(a + ic * aRowStride, rowStride: aRowStride, colStride: aColStride, mc: mc, kc: kc, into: packedA)
        for jr in stride(from: 0, to: nc, by: gemmNR) {
            let nr = min(gemmNR, nc - jr)
            let panelB = packedB + jr * kc
            for ir in stride(from: 0, to: mc, by: gemmMR) {
                let mr = min(gemmMR, mc - ir)
                let panelA = packedA + ir * kc
                let tile = c + (ic + ir) * ldc + jr
                // The next tile down is written next: start fetching its rows of C now.
                if ir + gemmMR < mc {
                    for r in 0..<min(gemmMR, mc - ir - gemmMR) {
                        quizc_prefetch_for_write(tile + (gemmMR + r) * ldc)
                        quizc_prefetch_for_write(tile + (gemmMR + r) * ldc + nr - 1)
                    }
                }
                if mr == gemmMR && nr == gemmNR {
                    runMicroKernel(path, kc: kc, a: panelA, b: panelB, c: tile, ldc: ldc, accumulate: accumulate)
                } else {
                    // Partial tile: compute a full 6×16 tile in scratch, keep the valid corner.
                    if accumulate {
                        for r in 0..<mr { (edgeTile + r * gemmNR).update(from: tile + r * ldc, count: nr) }
                    }
                    runMicroKernel(
                        path, kc: kc, a: panelA, b: panelB, c: edgeTile, ldc: gemmNR, accumulate: accumulate)
                    for r in 0..<mr { (tile + r * ldc).update(from: edgeTile + r * gemmNR, count: nr) }
                }
            }
        }
    }
}

@inline(__always)
private func runMicroKernel(
    _ path: GemmMicroKernelPath, kc: Int, a: UnsafePointer<Float>, b: UnsafePointer<Float>,
    c: UnsafeMutablePointer<Float>, ldc: Int, accumulate: Bool
) {
    switch path {
    case .generic:
        TensorKernel.gemmMicroKernel(kc: kc, a: a, b: b, c: c, ldc: ldc, accumulate: accumulate)
    case .avx2:
        #if arch(x86_64)
        TensorKernelAVX2.gemmMicroKernel(kc: kc, a: a, b: b, c: c, ldc: ldc, accumulate: accumulate)
        #else
        TensorKernel.gemmMicroKernel(kc: kc, a: a, b: b, c: c, ldc: ldc, accumulate: accumulate)
        #endif
    }
}

/// a: (mc, kc) strided -> panels of 6 rows, each (kc, 6) k-major; rows past mc are zero.
/// A full panel reads its six source rows side by side, so the output is written sequentially.
private func packA(
    _ a: UnsafePointer<Float>, rowStride: Int, colStride: Int, mc: Int, kc: Int,
    into packed: UnsafeMutablePointer<Float>
) {
    for ir in stride(from: 0, to: mc, by: gemmMR) {
        let panel = packed + ir * kc
        let mr = min(gemmMR, mc - ir)
        if mr == gemmMR {
            let row0 = a + ir * rowStride, row1 = row0 + rowStride, row2 = row1 + rowStride
            let row3 = row2 + rowStride, row4 = row3 + rowStride, row5 = row4 + rowStride
            var out = panel
            if colStride == 1 {
                for p in 0..<kc {
                    out[0] = row0[p]; out[1] = row1[p]; out[2] = row2[p]
                    out[3] = row3[p]; out[4] = row4[p]; out[5] = row5[p]
                    out += gemmMR
                }
            } else {
                var offset = 0
                for _ in 0..<kc {
                    out[0] = row0[offset]; out[1] = row1[offset]; out[2] = row2[offset]
                    out[3] = row3[offset]; out[4] = row4[offset]; out[5] = row5[offset]
                    out += gemmMR
                    offset += colStride
                }
            }
            continue
        }
        for r in 0..<mr {
            let row = a + (ir + r) * rowStride
            for p in 0..<kc { panel[p * gemmMR + r] = row[p * colStride] }
        }
        for r in mr..<gemmMR {
            for p in 0..<kc { panel[p * gemmMR + r] = 0 }
        }
    }
}

/// b: (kc, nc) strided -> panels of 16 columns, each (kc, 16) k-major; columns past nc are zero.
/// Row-major B is read row by row (contiguous, prefetcher-friendly) and scattered into the panels;
/// walking one panel down its kc rows instead touches a new page per row and measured slower.
private func packB(
    _ b: UnsafePointer<Float>, rowStride: Int, colStride: Int, kc: Int, nc: Int,
    into packed: UnsafeMutablePointer<Float>
) {
    let panelStride = kc * gemmNR
    guard colStride == 1 else {
        for jr in stride(from: 0, to: nc, by: gemmNR) {
            let nr = min(gemmNR, nc - jr)
            var out = packed + jr * kc
            for p in 0..<kc {
                let row = b + p * rowStride + jr * colStride
                for j in 0..<nr { out[j] = row[j * colStride] }
                for j in nr..<gemmNR { out[j] = 0 }
                out += gemmNR
            }
        }
        return
    }
    let full = nc / gemmNR * gemmNR
    for p in 0..<kc {
        let row = b + p * rowStride
        var out = packed + p * gemmNR
        for j in stride(from: 0, to: full, by: gemmNR) {
            let values = UnsafeRawPointer(row + j).loadUnaligned(as: SIMD16<Float>.self)
            UnsafeMutableRawPointer(out).storeBytes(of: values, as: SIMD16<Float>.self)
            out += panelStride
        }
        if full < nc {
            for j in 0..<gemmNR { out[j] = full + j < nc ? row[full + j] : 0 }
        }
    }
}

private func roundUp(_ value: Int, _ multiple: Int) -> Int { (value + multiple - 1) / multiple * multiple }
