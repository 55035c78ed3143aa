#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Interpreter {
    /// `math.f(x)` argument: any real number, or CPython's TypeError.
    func real(_ value: PyValue) throws -> Double {
        if let d = floatValue(value) { return d }
        if case .object(let o) = value, o is PyInstance, let result = try callSpecial(value, "__float__", []), case .float(let d) = result {
            return d
        }
        throw typeError("must be real number, not \(typeOf(value).name)")
    }

    func integer(_ value: PyValue) throws -> Int {
        guard let i = try indexValue(value) else {
            throw typeError("'\(typeOf(value).name)' object cannot be interpreted as an integer")
        }
        return i
    }

    func installMathModule() {
        registerNativeModule("math") { interp in interp.makeMathModule() }
        registerNativeModule("typing") { interp in
            let module = PyModule(name: "typing")
            let any = PyClass(name: "Any", bases: [interp.types.object], isBuiltin: true)
            any.module = "typing"
            let aliases: [String: PyValue] = [
                "List": .object(interp.types.list), "Tuple": .object(interp.types.tuple), "Dict": .object(interp.types.dict),
                "Set": .object(interp.types.set), "Optional": .object(any), "Any": .object(any), "Union": .object(any),
                "Callable": .object(any), "Iterable": .object(any), "Sequence": .object(any),
            ]
            module.attributes = aliases
            return module
        }
    }

    private func makeMathModule() -> PyModule {
        let module = PyModule(name: "math")
        func add(_ signature: String, _ body: @escaping (Interpreter, BoundArguments) throws -> PyValue) {
            let value = nativeFunction(signature, body)
            if case .object(let f as PyBuiltinFunction) = value { module.attributes[f.name] = value }
        }
        /// One-argument float function; `domain` rejects inputs with "math domain error".
        func unary(_ name: String, domain: @escaping (Double) -> Bool = { _ in true }, _ f: @escaping (Double) -> Double) {
            add("\(name)(x, /)") { interp, a in
                let x = try interp.real(a["x"])
                if !domain(x) { throw interp.error("ValueError", "math domain error") }
                let r = f(x)
                if r.isNaN && !x.isNaN { throw interp.error("ValueError", "math domain error") }
                if r.isInfinite && x.isFinite { throw interp.error("OverflowError", "math range error") }
                return .float(r)
            }
        }
        module.attributes["pi"] = .float(Double.pi)
        module.attributes["e"] = .float(M_E)
        module.attributes["tau"] = .float(2 * Double.pi)
        module.attributes["inf"] = .float(.infinity)
        module.attributes["nan"] = .float(.nan)
        unary("sqrt", domain: { $0 >= 0 || $0.isNaN }) { $0.squareRoot() }
        unary("exp") { libmExp($0) }
        unary("expm1") { expm1($0) }
        unary("log2", domain: { $0 > 0 || $0.isNaN }) { log2($0) }
        unary("log10", domain: { $0 > 0 || $0.isNaN }) { log10($0) }
        unary("log1p", domain: { $0 > -1 || $0.isNaN }) { log1p($0) }
        unary("sin", domain: { !$0.isInfinite }) { sin($0) }
        unary("cos", domain: { !$0.isInfinite }) { cos($0) }
        unary("tan", domain: { !$0.isInfinite }) { tan($0) }
        unary("asin", domain: { abs($0) <= 1 || $0.isNaN }) { asin($0) }
        unary("acos", domain: { abs($0) <= 1 || $0.isNaN }) { acos($0) }
        unary("atan") { atan($0) }
        unary("sinh") { sinh($0) }
        unary("cosh") { cosh($0) }
        unary("tanh") { tanh($0) }
        unary("asinh") { asinh($0) }
        unary("acosh", domain: { $0 >= 1 || $0.isNaN }) { acosh($0) }
        unary("atanh", domain: { abs($0) < 1 || $0.isNaN }) { atanh($0) }
        unary("erf") { erf($0) }
        unary("erfc") { erfc($0) }
        unary("gamma", domain: { !($0 <= 0 && $0 == $0.rounded()) && $0 != -.infinity }) { tgamma($0) }
        unary("lgamma", domain: { !($0 <= 0 && $0 == $0.rounded()) }) { lgamma($0) }
        unary("fabs") { abs($0) }
        unary("degrees") { $0 * 180 / Double.pi }
        unary("radians") { $0 * Double.pi / 180 }
        add("log(x, base=None, /)") { interp, a in
            let x = try interp.real(a["x"])
            if x <= 0 { throw interp.error("ValueError", "math domain error") }
            if a["base"].isNone { return .float(libmLog(x)) }
            let base = try interp.real(a["base"])
            if base <= 0 { throw interp.error("ValueError", "math domain error") }
            let denominator = libmLog(base)
            if denominator == 0 { throw interp.error("ZeroDivisionError", "float division by zero") }
            return .float(libmLog(x) / denominator)
        }
        add("pow(x, y, /)") { interp, a in
            let x = try interp.real(a["x"])
            let y = try interp.real(a["y"])
            if x == 0 && y < 0 { throw interp.error("ValueError", "math domain error") }
            if x < 0 && y.isFinite && y != y.rounded() { throw interp.error("ValueError", "math domain error") }
            let r = pow(x, y)
            if r.isInfinite && x.isFinite && y.isFinite { throw interp.error("OverflowError", "math range error") }
            return .float(r)
        }
        add("atan2(y, x, /)") { interp, a in .float(atan2(try interp.real(a["y"]), try interp.real(a["x"]))) }
        add("hypot(*coordinates)") { interp, a in
            var total = 0.0
            for value in a.varArgs { let v = try interp.real(value); total += v * v }
            return .float(total.squareRoot())
        }
        add("copysign(x, y, /)") { interp, a in .float(copysign(try interp.real(a["x"]), try interp.real(a["y"]))) }
        add("fmod(x, y, /)") { interp, a in
            let y = try interp.real(a["y"])
            if y == 0 { throw interp.error("ValueError", "math domain error") }
            return .float(fmod(try interp.real(a["x"]), y))
        }
        add("modf(x, /)") { interp, a in
            let x = try interp.real(a["x"])
            let whole = x.rounded(.towardZero)
            return .tuple([.float(x.isInfinite ? copysign(0, x) : x - whole), .float(whole)])
        }
        add("frexp(x, /)") { interp, a in
            let x = try interp.real(a["x"])
            let (m, e) = frexp(x)
            return .tuple([.float(copysign(abs(m), x)), .int(Int(e))])
        }
        add("ldexp(x, i, /)") { interp, a in .float(ldexp(try interp.real(a["x"]), Int32(clamping: try interp.integer(a["i"])))) }
        for (name, rule) in [("ceil", FloatingPointRoundingRule.up), ("floor", .down), ("trunc", .towardZero)] {
            add("\(name)(x, /)") { interp, a in
                let x = a["x"]
                if let i = interp.intValue(x) { return .int(i) }
                if case .object(let o) = x, o is PyInstance, let result = try interp.callSpecial(x, "__\(name)__", []) { return result }
                let d = try interp.real(x)
                if d.isNaN { throw interp.error("ValueError", "cannot convert float NaN to integer") }
                if d.isInfinite { throw interp.error("OverflowError", "cannot convert float infinity to integer") }
                let r = d.rounded(rule)
                guard abs(r) < 9.2e18 else { throw interp.overflow() }
                return .int(Int(r))
            }
        }
        add("isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0)") { interp, a in
            let x = try interp.real(a["a"])
            let y = try interp.real(a["b"])
            let relTol = try interp.real(a["rel_tol"])
            let absTol = try interp.real(a["abs_tol"])
            if relTol < 0 || absTol < 0 { throw interp.error("ValueError", "tolerances must be non-negative") }
            if x == y { return .bool(true) }
            if x.isInfinite || y.isInfinite { return .bool(false) }
            let diff = abs(y - x)
            return .bool(diff <= abs(relTol * y) || diff <= abs(relTol * x) || diff <= absTol)
        }
        add("isnan(x, /)") { interp, a in .bool(try interp.real(a["x"]).isNaN) }
        add("isinf(x, /)") { interp, a in .bool(try interp.real(a["x"]).isInfinite) }
        add("isfinite(x, /)") { interp, a in .bool(try interp.real(a["x"]).isFinite) }
        add("prod(iterable, /, *, start=1)") { interp, a in
            var total = a["start"]
            let iterator = try interp.makeIterator(a["iterable"])
            while let item = try iterator.next() { total = try interp.binaryOperation(.mul, total, item) }
            return total
        }
        add("fsum(seq, /)") { interp, a in .float(try interp.exactSum(try interp.iterateChecked(a["seq"]).map { try interp.real($0) })) }
        add("factorial(x, /)") { interp, a in
            if case .float = a["x"] { throw interp.typeError("'float' object cannot be interpreted as an integer") }
            let n = try interp.integer(a["x"])
            if n < 0 { throw interp.error("ValueError", "factorial() not defined for negative values") }
            var result = 1
            if n > 1 {
                for i in 2...n {
                    let (r, o) = result.multipliedReportingOverflow(by: i)
                    if o { throw interp.overflow() }
                    result = r
                }
            }
            return .int(result)
        }
        add("comb(n, k, /)") { interp, a in
            let n = try interp.integer(a["n"])
            let k = try interp.integer(a["k"])
            if n < 0 { throw interp.error("ValueError", "n must be a non-negative integer") }
            if k < 0 { throw interp.error("ValueError", "k must be a non-negative integer") }
            if k > n { return .int(0) }
            let kk = min(k, n - k)
            var result = 1
            if kk > 0 {
                for i in 1...kk {
                    let (r, o) = result.multipliedReportingOverflow(by: n - kk + i)
                    if o { throw interp.overflow() }
                    result = r / i
                }
            }
            return .int(result)
        }
        add("perm(n, k=None, /)") { interp, a in
            let n = try interp.integer(a["n"])
            let k = a["k"].isNone ? n : try interp.integer(a["k"])
            if n < 0 { throw interp.error("ValueError", "n must be a non-negative integer") }
            if k < 0 { throw interp.error("ValueError", "k must be a non-negative integer") }
            if k > n { return .int(0) }
            var result = 1
            if k > 0 {
                for i in (n - k + 1)...n {
                    let (r, o) = result.multipliedReportingOverflow(by: i)
                    if o { throw interp.overflow() }
                    result = r
                }
            }
            return .int(result)
        }
        add("gcd(*integers)") { interp, a in
            var result = 0
            for value in a.varArgs {
                var x = abs(try interp.integer(value))
                var y = result
                while y != 0 { (x, y) = (y, x % y) }
                result = x
            }
            return .int(result)
        }
        add("lcm(*integers)") { interp, a in
            var result = a.varArgs.isEmpty ? 1 : abs(try interp.integer(a.varArgs[0]))
            for value in a.varArgs.dropFirst() {
                let v = abs(try interp.integer(value))
                if v == 0 || result == 0 { result = 0; continue }
                var x = result, y = v
                while y != 0 { (x, y) = (y, x % y) }
                let (r, o) = (result / x).multipliedReportingOverflow(by: v)
                if o { throw interp.overflow() }
                result = r
            }
            return .int(result)
        }
        add("isqrt(n, /)") { interp, a in
            let n = try interp.integer(a["n"])
            if n < 0 { throw interp.error("ValueError", "isqrt() argument must be nonnegative") }
            var r = Int(Double(n).squareRoot())
            while r * r > n { r -= 1 }
            while (r + 1) * (r + 1) <= n { r += 1 }
            return .int(r)
        }
        return module
    }

    /// Shewchuk's exact summation, as CPython's `math.fsum`.
    func exactSum(_ values: [Double]) throws -> Double {
        var partials: [Double] = []
        var specialSum = 0.0
        for var x in values {
            if !x.isFinite { specialSum += x; continue }
            var kept: [Double] = []
            for var y in partials {
                if abs(x) < abs(y) { swap(&x, &y) }
                let hi = x + y
                let lo = y - (hi - x)
                if lo != 0 { kept.append(lo) }
                x = hi
            }
            if x.isInfinite { throw error("OverflowError", "intermediate overflow in fsum") }
            kept.append(x)
            partials = kept
        }
        if specialSum != 0 || specialSum.isNaN {
            if specialSum.isNaN { throw error("ValueError", "-inf + inf in fsum") }
            return specialSum
        }
        guard var hi = partials.popLast() else { return 0 }
        var lo = 0.0
        while let y = partials.popLast() {
            let x = hi
            hi = x + y
            let yr = hi - x
            lo = y - yr
            if lo != 0 { break }
        }
        if let next = partials.last, (lo < 0 && next < 0) || (lo > 0 && next > 0) {
            let y = lo * 2
            let x = hi + y
            if y == x - hi { hi = x }
        }
        return hi
    }
}

/// libm `exp`/`log` under names that do not collide with members.
@inline(__always) func libmExp(_ x: Double) -> Double { exp(x) }
@inline(__always) func libmLog(_ x: Double) -> Double { log(x) }
