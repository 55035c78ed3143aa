/// `sum` and `mean` with ATen's float summation order (`cascade_sum` in SumKernel.cpp), so results match bit for bit.
///
/// ATen orders the iteration reduced-dims-innermost, coalesces dims, then runs a 2-D kernel: contiguous rows
/// are summed in `Vectorized` lanes with 4-way interleaving and a 4-level cascade (chunks of 16), columns in
/// blocks of 4 rows. Float32 accumulates in float32. `laneWidth` is `Vectorized<float>::size()`.
public enum CascadeSum {
    /// The lane width of the reference machine (AVX-512); AVX2 machines use 8.
    public static let referenceLaneWidth = 16

    static func ceilLog2(_ x: Int) -> Int {
        if x <= 2 { return 1 }
        return (Int.bitWidth - (x - 1).leadingZeroBitCount)
    }

    /// `multi_row_sum`: sums `size` rows of `nrows` columns (each `lanes` wide) with the 4-level cascade.
    static func multiRowSum<T: FloatElement>(
        _ p: UnsafePointer<T>, rowStride: Int, colStride: Int, size: Int, nrows: Int, lanes: Int
    ) -> [T] {
        let levels = 4
        let levelPower = Swift.max(4, ceilLog2(size) / levels)
        let levelStep = 1 << levelPower, levelMask = levelStep - 1
        let width = nrows * lanes
        var acc = [T](repeating: 0, count: levels * width)
        var i = 0
        while i + levelStep <= size {
            for _ in 0..<levelStep {
                let row = p + i * rowStride
                for k in 0..<nrows { for l in 0..<lanes { acc[k * lanes + l] += row[k * colStride + l] } }
                i += 1
            }
            for j in 1..<levels {
                for x in 0..<width {
                    acc[j * width + x] += acc[(j - 1) * width + x]
                    acc[(j - 1) * width + x] = 0
                }
                if i & (levelMask << (j * levelPower)) != 0 { break }
            }
        }
        while i < size {
            let row = p + i * rowStride
            for k in 0..<nrows { for l in 0..<lanes { acc[k * lanes + l] += row[k * colStride + l] } }
            i += 1
        }
        for j in 1..<levels { for x in 0..<width { acc[x] += acc[j * width + x] } }
        return Array(acc[0..<width])
    }

    /// `row_sum`: one strided row (each element `lanes` wide) with 4-way interleaved partial sums.
    static func rowSum<T: FloatElement>(_ p: UnsafePointer<T>, stride: Int, size: Int, lanes: Int) -> [T] {
        let ilp = 4
        let sizeILP = size / ilp
        var partial = multiRowSum(p, rowStride: stride * ilp, colStride: stride, size: sizeILP, nrows: ilp, lanes: lanes)
        for i in (sizeILP * ilp)..<Swift.max(size, sizeILP * ilp) {
            for l in 0..<lanes { partial[l] += p[i * stride + l] }
        }
        for k in 1..<ilp { for l in 0..<lanes { partial[l] += partial[k * lanes + l] } }
        return Array(partial[0..<lanes])
    }

    /// The 2-D loop of `cascade_sum`: accumulates (`+=`) into `out`. Strides are in elements.
    static func kernel2D<T: FloatElement>(
        _ p: UnsafePointer<T>, _ out: UnsafeMutablePointer<T>,
        size0: Int, size1: Int, in0: Int, in1: Int, out0: Int, out1: Int, lanes: Int
    ) {
        var (s0, s1, i0, i1, o0, o1) = (size0, size1, in0, in1, out0, out1)
        if o0 != 0 && o1 == 0 {
            swap(&s0, &s1)
            swap(&i0, &i1)
            swap(&o0, &o1)
        }
        if o0 != 0 && o1 != 0 {
            for j in 0..<s1 { for i in 0..<s0 { out[i * o0 + j * o1] += p[i * i0 + j * i1] } }
            return
        }
        if i0 == 1 && s0 >= lanes {
            let vecSize = s0 / lanes
            for j in 0..<s1 {
                let row = p + j * i1
                let vecAcc = rowSum(row, stride: lanes, size: vecSize, lanes: lanes)
                var final: T = 0
                for k in (vecSize * lanes)..<s0 { final += row[k] }
                for l in 0..<lanes { final += vecAcc[l] }
                out[j * o1] += final
            }
        } else if i1 == 1 && s1 >= lanes {
            var j = 0
            while j + 4 * lanes <= s1 {
                let sums = multiRowSum(p + j, rowStride: i0, colStride: lanes, size: s0, nrows: 4, lanes: lanes)
                for x in 0..<(4 * lanes) { out[(j + x) * o1] += sums[x] }
                j += 4 * lanes
            }
            while j + lanes <= s1 {
                let sums = rowSum(p + j, stride: i0, size: s0, lanes: lanes)
                for x in 0..<lanes { out[(j + x) * o1] += sums[x] }
                j += lanes
            }
            while j < s1 {
                out[j * o1] += rowSum(p + j, stride: i0, size: s0, lanes: 1)[0]
                j += 1
            }
        } else if i0 < i1 {
            for j in 0..<s1 { out[j * o1] += rowSum(p + j * i1, stride: i0, size: s0, lanes: 1)[0] }
        } else {
            var j = 0
            while j + 3 < s1 {
                let sums = multiRowSum(p + j * i1, rowStride: i0, colStride: i1, size: s0, nrows: 4, lanes: 1)
                for k in 0..<4 { out[(j + k) * o1] += sums[k] }
                j += 4
            }
            while j < s1 {
                out[j * o1] += rowSum(p + j * i1, stride: i0, size: s0, lanes: 1)[0]
                j += 1
            }
        }
    }

    /// Sums `x` (dtype `T`) over `reduced` dims into a contiguous array in the kept dims' row-major order.
    static func sum<T: FloatElement>(_ x: Tensor, reduced: Set<Int>, _ type: T.Type, lanes: Int) -> [T] {
        let rank = x.dim
        var keptShape: [Int] = []
        for d in 0..<rank where !reduced.contains(d) { keptShape.append(x.shape[d]) }
        let outCount = keptShape.reduce(1, *)
        var out = [T](repeating: 0, count: outCount)
        if x.numel == 0 { return out }
        // Output strides of the keepdim-shaped contiguous result (0 on reduced dims).
        var outStrides = [Int](repeating: 0, count: rank)
        var running = 1
        for d in (0..<rank).reversed() where !reduced.contains(d) {
            outStrides[d] = running
            running *= x.shape[d]
        }
        // TensorIterator order, innermost first: reduced dims by input stride, then kept dims by output stride.
        var dims = (0..<rank).reversed().filter { x.shape[$0] != 1 }
        func shouldSwap(_ a: Int, _ b: Int) -> Int {
            let oa = outStrides[a], ob = outStrides[b]
            if (oa == 0) != (ob == 0) { return ob == 0 ? 1 : -1 }
            if oa != 0 && ob != 0 {
                return oa < ob ? -1 : (oa > ob ? 1 : 0)
            }
            let ia = x.strides[a], ib = x.strides[b]
            if ia == 0 || ib == 0 { return 0 }
            if ia < ib { return -1 }
            if ia > ib { return 1 }
            return x.shape[a] > x.shape[b] ? 1 : 0
        }
        if dims.count > 1 {
            for i in 1..<dims.count {
                var d1 = i
                var d0 = i - 1
                while d0 >= 0 {
                    let c = shouldSwap(dims[d0], dims[d1])
                    if c > 0 {
                        dims.swapAt(d0, d1)
                        d1 = d0
                    } else if c < 0 {
                        break
                    }
                    d0 -= 1
                }
            }
        }
        var sizes = dims.map { x.shape[$0] }
        var inS = dims.map { x.strides[$0] }
        var outS = dims.map { outStrides[$0] }
        if !sizes.isEmpty {
            var prev = 0
            for d in 1..<sizes.count {
                if sizes[prev] * inS[prev] == inS[d] && sizes[prev] * outS[prev] == outS[d] {
                    sizes[prev] *= sizes[d]
                } else {
                    prev += 1
                    sizes[prev] = sizes[d]
                    inS[prev] = inS[d]
                    outS[prev] = outS[d]
                }
            }
            sizes.removeSubrange((prev + 1)...)
            inS.removeSubrange((prev + 1)...)
            outS.removeSubrange((prev + 1)...)
        }
        while sizes.count < 2 {
            sizes.append(1)
            inS.append(0)
            outS.append(0)
        }
        let base = UnsafePointer(x.storage.pointer(as: T.self))
        out.withUnsafeMutableBufferPointer { outBuffer in
            let outBase = outBuffer.baseAddress!
            let outer = Array(sizes[2...])
            var counter = [Int](repeating: 0, count: outer.count)
            let outerCount = outer.reduce(1, *)
            for _ in 0..<outerCount {
                var pin = x.offset, pout = 0
                for k in 0..<outer.count {
                    pin += counter[k] * inS[k + 2]
                    pout += counter[k] * outS[k + 2]
                }
                kernel2D(
                    base + pin, outBase + pout, size0: sizes[0], size1: sizes[1],
                    in0: inS[0], in1: inS[1], out0: outS[0], out1: outS[1], lanes: lanes)
                var k = 0
                while k < outer.count {
                    counter[k] += 1
                    if counter[k] < outer[k] { break }
                    counter[k] = 0
                    k += 1
                }
            }
        }
        return out
    }
}

extension Tensor {
    /// Normalises a reduction's dims: nil or empty means all; duplicates raise PyTorch's error.
    func reductionDims(_ dims: [Int]?) throws(TensorError) -> Set<Int> {
        guard let dims, !dims.isEmpty else { return Set(0..<dim) }
        var result = Set<Int>()
        for d in dims {
            let n = try normalizeDim(d, rank: dim)
            guard result.insert(n).inserted else { throw .runtime("dim \(n) appears multiple times in the list of dims") }
        }
        return result
    }

    /// The result shape of reducing `reduced` dims.
    func reducedShape(_ reduced: Set<Int>, keepdim: Bool) -> [Int] {
        var result: [Int] = []
        for d in 0..<dim {
            if reduced.contains(d) {
                if keepdim { result.append(1) }
            } else {
                result.append(shape[d])
            }
        }
        return result
    }

    /// `x.sum(dim, keepdim, dtype)`: integers and bools sum to int64; floats use ATen's cascade order.
    public func sum(dim dims: [Int]? = nil, keepdim: Bool = false, dtype outType: DType? = nil, laneWidth: Int = CascadeSum.referenceLaneWidth) throws(TensorError) -> Tensor {
        let reduced = try reductionDims(dims)
        let shape = reducedShape(reduced, keepdim: keepdim)
        let target = outType ?? (dtype.isFloatingPoint ? dtype : .int64)
        let source = to(target)
        switch target {
        case .float32: return Tensor(CascadeSum.sum(source, reduced: reduced, Float.self, lanes: laneWidth), shape: shape)
        case .float64: return Tensor(CascadeSum.sum(source, reduced: reduced, Double.self, lanes: laneWidth / 2), shape: shape)
        case .int64: return Tensor(integerSum(source, reduced, Int64.self), shape: shape)
        case .int32: return Tensor(integerSum(source, reduced, Int32.self), shape: shape)
        case .bool: return Tensor(integerSum(source.to(.int64), reduced, Int64.self).map { $0 != 0 }, shape: shape)
        }
    }

    private func integerSum<T: IntElement>(_ source: Tensor, _ reduced: Set<Int>, _ type: T.Type) -> [T] {
        let (rows, length) = source.reductionRows(reduced)
        let values = rows.toArray(as: T.self)
        let count = source.reducedShape(reduced, keepdim: false).reduce(1, *)
        return (0..<count).map { r in
            var acc: T = 0
            for k in 0..<length { acc = acc &+ values[r * length + k] }
            return acc
        }
    }

    /// A contiguous copy with `reduced` dims moved last, and the length of each reduced row.
    func reductionRows(_ reduced: Set<Int>) -> (Tensor, Int) {
        let kept = (0..<dim).filter { !reduced.contains($0) }
        let order = kept + (0..<dim).filter { reduced.contains($0) }
        let length = reduced.map { shape[$0] }.reduce(1, *)
        let permuted = Tensor(storage: storage, shape: order.map { shape[$0] }, strides: order.map { strides[$0] }, offset: offset)
        return (permuted.contiguous(), length)
    }

    /// `x.mean(dim, keepdim)`: floating dtypes only; computed as the cascade sum divided by the count.
    public func mean(dim dims: [Int]? = nil, keepdim: Bool = false, dtype outType: DType? = nil, laneWidth: Int = CascadeSum.referenceLaneWidth) throws(TensorError) -> Tensor {
        if let outType, !outType.isFloatingPoint {
            throw .notImplemented(
                "mean(): could not infer output dtype. Optional dtype must be either a floating point or complex dtype. Got: \(outType.scalarTypeName)")
        }
        let target = outType ?? dtype
        guard target.isFloatingPoint else {
            throw .notImplemented(
                "mean(): could not infer output dtype. Input dtype must be either a floating point or complex dtype. Got: \(dtype.scalarTypeName)")
        }
        let reduced = try reductionDims(dims)
        let count = reduced.map { shape[$0] }.reduce(1, *)
        let total = try sum(dim: dims, keepdim: keepdim, dtype: target, laneWidth: laneWidth)
        return try total.div(.int(count))
    }
}
