#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Interpreter {
    func typeOf(_ value: PyValue) -> PyClass {
        switch value {
        case .none: return types.noneType
        case .bool: return types.bool
        case .int: return types.int
        case .float: return types.float
        case .str: return types.str
        case .tuple: return types.tuple
        case .list: return types.list
        case .dict: return types.dict
        case .object(let o):
            switch o {
            case let instance as PyInstance: return instance.cls
            case is PyClass: return types.type
            case let set as PySet: return set.frozen ? types.frozenset : types.set
            case is PyFunction: return types.function
            case is PyBuiltinFunction: return types.builtinFunction
            case is PyBoundMethod: return types.method
            case is PyRange: return types.range
            case is PySlice: return types.slice
            case is PyModule: return types.module
            case is PyProperty: return types.property
            case is PyStaticMethod: return types.staticmethod
            case is PyClassMethod: return types.classmethod
            case is PySuper: return types.superType
            case is PyIterator: return types.iterator
            case let view as PyDictView: return types.extra[view.kind.rawValue] ?? types.object
            case let s as PySingleton: return s === PySingleton.ellipsis ? types.ellipsis : types.notImplementedType
            default: return types.object
            }
        }
    }

    func truthy(_ value: PyValue) throws -> Bool {
        switch value {
        case .none: return false
        case .bool(let b): return b
        case .int(let i): return i != 0
        case .float(let d): return d != 0
        case .str(let s): return !s.isEmpty
        case .tuple(let t): return !t.isEmpty
        case .list(let l): return !l.items.isEmpty
        case .dict(let d): return d.count > 0
        case .object(let o):
            if let set = o as? PySet { return set.count > 0 }
            if let range = o as? PyRange { return range.count > 0 }
            guard o is PyInstance else { return true }
            if let result = try callSpecial(value, "__bool__", []) {
                guard case .bool(let b) = result else {
                    throw typeError("__bool__ should return bool, returned \(typeOf(result).name)")
                }
                return b
            }
            if let result = try callSpecial(value, "__len__", []) {
                guard case .int(let n) = result else { throw typeError("'\(typeOf(result).name)' object cannot be interpreted as an integer") }
                return n != 0
            }
            return true
        }
    }

    func overflow() -> PythonRaise {
        error("OverflowError", "integer overflow (quiz snippets support 64-bit integers)")
    }

    func intValue(_ value: PyValue) -> Int? {
        switch value {
        case .int(let i): return i
        case .bool(let b): return b ? 1 : 0
        default: return nil
        }
    }

    func floatValue(_ value: PyValue) -> Double? {
        switch value {
        case .int(let i): return Double(i)
        case .bool(let b): return b ? 1 : 0
        case .float(let d): return d
        default: return nil
        }
    }

    func binaryOperation(_ op: BinaryOp, _ left: PyValue, _ right: PyValue) throws -> PyValue {
        if case .int(let a) = left, case .int(let b) = right { return try intOperation(op, a, b) }
        if let result = try builtinOperation(op, left, right) { return result }
        return try dunderOperation(op, left, right)
    }

    func inplaceOperation(_ op: BinaryOp, _ left: PyValue, _ right: PyValue) throws -> PyValue {
        if case .list(let list) = left, op == .add {
            list.items.append(contentsOf: try iterate(right))
            return left
        }
        if case .object(let o) = left, o is PyInstance, let method = typeOf(left).lookup("__i\(op.dunder)__") {
            let result = try callMethod(method, left, [right])
            if !result.isNotImplemented { return result }
        }
        return try binaryOperation(op, left, right)
    }

    private func dunderOperation(_ op: BinaryOp, _ left: PyValue, _ right: PyValue) throws -> PyValue {
        let leftType = typeOf(left)
        let rightType = typeOf(right)
        let rightFirst = rightType !== leftType && rightType.isSubclass(of: leftType)
        if rightFirst, let method = rightType.lookup("__r\(op.dunder)__") {
            let result = try callMethod(method, right, [left])
            if !result.isNotImplemented { return result }
        }
        if let method = leftType.lookup("__\(op.dunder)__") {
            let result = try callMethod(method, left, [right])
            if !result.isNotImplemented { return result }
        }
        if !rightFirst, rightType !== leftType, let method = rightType.lookup("__r\(op.dunder)__") {
            let result = try callMethod(method, right, [left])
            if !result.isNotImplemented { return result }
        }
        let symbol = op == .pow ? "** or pow()" : op.rawValue
        throw typeError("unsupported operand type(s) for \(symbol): '\(leftType.name)' and '\(rightType.name)'")
    }

    func intOperation(_ op: BinaryOp, _ a: Int, _ b: Int) throws -> PyValue {
        switch op {
        case .add:
            let (r, o) = a.addingReportingOverflow(b)
            if o { throw overflow() }
            return .int(r)
        case .sub:
            let (r, o) = a.subtractingReportingOverflow(b)
            if o { throw overflow() }
            return .int(r)
        case .mul:
            let (r, o) = a.multipliedReportingOverflow(by: b)
            if o { throw overflow() }
            return .int(r)
        case .div:
            if b == 0 { throw error("ZeroDivisionError", "division by zero") }
            return .float(Double(a) / Double(b))
        case .floorDiv:
            if b == 0 { throw error("ZeroDivisionError", "integer division or modulo by zero") }
            if a == Int.min && b == -1 { throw overflow() }
            let q = a / b
            return .int((a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q)
        case .mod:
            if b == 0 { throw error("ZeroDivisionError", "integer modulo by zero") }
            if b == -1 { return .int(0) }
            let r = a % b
            return .int((r != 0 && (r < 0) != (b < 0)) ? r + b : r)
        case .pow:
            if b < 0 {
                if a == 0 { throw error("ZeroDivisionError", "0.0 cannot be raised to a negative power") }
                return .float(pow(Double(a), Double(b)))
            }
            var result = 1
            var base = a
            var exponent = b
            while exponent > 0 {
                if exponent & 1 == 1 {
                    let (r, o) = result.multipliedReportingOverflow(by: base)
                    if o { throw overflow() }
                    result = r
                }
                exponent >>= 1
                if exponent > 0 {
                    let (sq, o) = base.multipliedReportingOverflow(by: base)
                    if o { throw overflow() }
                    base = sq
                }
            }
            return .int(result)
        case .lshift:
            if b < 0 { throw error("ValueError", "negative shift count") }
            if a == 0 { return .int(0) }
            if b >= 63 || (a << b) >> b != a { throw overflow() }
            return .int(a << b)
        case .rshift:
            if b < 0 { throw error("ValueError", "negative shift count") }
            return .int(b >= 64 ? (a < 0 ? -1 : 0) : a >> b)
        case .bitAnd: return .int(a & b)
        case .bitOr: return .int(a | b)
        case .bitXor: return .int(a ^ b)
        case .matmul:
            throw typeError("unsupported operand type(s) for @: 'int' and 'int'")
        }
    }

    func floatOperation(_ op: BinaryOp, _ a: Double, _ b: Double) throws -> PyValue? {
        switch op {
        case .add: return .float(a + b)
        case .sub: return .float(a - b)
        case .mul: return .float(a * b)
        case .div:
            if b == 0 { throw error("ZeroDivisionError", "float division by zero") }
            return .float(a / b)
        case .floorDiv:
            if b == 0 { throw error("ZeroDivisionError", "float floor division by zero") }
            return .float(Interpreter.floatDivmod(a, b).0)
        case .mod:
            if b == 0 { throw error("ZeroDivisionError", "float modulo") }
            return .float(Interpreter.floatDivmod(a, b).1)
        case .pow:
            if a == 0 && b < 0 { throw error("ZeroDivisionError", "0.0 cannot be raised to a negative power") }
            if a < 0 && b != b.rounded() && b.isFinite {
                throw error("ValueError", "complex numbers are not supported in quiz snippets")
            }
            let r = pow(a, b)
            if r.isInfinite && a.isFinite && b.isFinite { throw error("OverflowError", "(34, 'Numerical result out of range')") }
            return .float(r)
        default: return nil
        }
    }

    /// CPython's float divmod: the remainder takes the divisor's sign.
    static func floatDivmod(_ a: Double, _ b: Double) -> (Double, Double) {
        var mod = fmod(a, b)
        var div = (a - mod) / b
        if mod != 0 {
            if (b < 0) != (mod < 0) {
                mod += b
                div -= 1
            }
        } else {
            mod = copysign(0, b)
        }
        var floorDiv: Double
        if div != 0 {
            floorDiv = div.rounded(.down)
            if div - floorDiv > 0.5 { floorDiv += 1 }
        } else {
            floorDiv = copysign(0, a / b)
        }
        if !a.isFinite || !b.isFinite { floorDiv = (a / b).rounded(.down) }
        return (floorDiv, mod)
    }

    private func builtinOperation(_ op: BinaryOp, _ left: PyValue, _ right: PyValue) throws -> PyValue? {
        switch (left, right) {
        case (.float, .float), (.float, .int), (.int, .float), (.float, .bool), (.bool, .float):
            return try floatOperation(op, floatValue(left)!, floatValue(right)!)
        case (.bool(let a), .bool(let b)):
            switch op {
            case .bitAnd: return .bool(a && b)
            case .bitOr: return .bool(a || b)
            case .bitXor: return .bool(a != b)
            default: return try intOperation(op, a ? 1 : 0, b ? 1 : 0)
            }
        case (.int, .bool), (.bool, .int):
            return try intOperation(op, intValue(left)!, intValue(right)!)
        case (.str(let a), .str(let b)) where op == .add:
            try checkSize(bytes: a.utf8.count + b.utf8.count)
            return .str(a + b)
        case (.str(let s), _) where op == .mod:
            return .str(try percentFormat(s, right))
        case (.str, _) where op == .add:
            if case .object(let o) = right, o is PyInstance { return nil }
            throw typeError("can only concatenate str (not \"\(typeOf(right).name)\") to str")
        case (.list(let a), .list(let b)) where op == .add:
            try checkSize(bytes: (a.items.count + b.items.count) * 16)
            return .list(PyList(a.items + b.items))
        case (.tuple(let a), .tuple(let b)) where op == .add:
            return .tuple(a + b)
        case (.list, _) where op == .add:
            if case .object(let o) = right, o is PyInstance { return nil }
            throw typeError("can only concatenate list (not \"\(typeOf(right).name)\") to list")
        case (.tuple, _) where op == .add:
            if case .object(let o) = right, o is PyInstance { return nil }
            throw typeError("can only concatenate tuple (not \"\(typeOf(right).name)\") to tuple")
        case (.str, _), (.list, _), (.tuple, _):
            if op == .mul { return try repeatSequence(left, right) }
            return nil
        case (_, .str), (_, .list), (_, .tuple):
            if op == .mul, intValue(left) != nil { return try repeatSequence(right, left) }
            return nil
        case (.object(let a as PySet), .object(let b as PySet)):
            switch op {
            case .bitOr: return .object(a.union(b))
            case .bitAnd: return .object(a.intersection(b))
            case .sub: return .object(a.difference(b))
            case .bitXor: return .object(a.symmetricDifference(b))
            default: return nil
            }
        case (.dict(let a), .dict(let b)) where op == .bitOr:
            let result = a.copy()
            for (k, v) in b.keyedEntries { result[k] = v }
            return .dict(result)
        default:
            return nil
        }
    }

    /// `s * times` by doubling a UTF-8 buffer: `String(repeating:count:)` appends one copy at a time, about 170 ns each.
    static func repeated(_ s: String, _ times: Int, totalBytes: Int) -> String {
        if times <= 1 || s.isEmpty { return times == 1 ? s : "" }
        return String(unsafeUninitializedCapacity: totalBytes) { buffer in
            var filled = 0
            for byte in s.utf8 { buffer[filled] = byte; filled += 1 }
            while filled < totalBytes {
                let chunk = min(filled, totalBytes - filled)
                buffer.baseAddress!.advanced(by: filled).update(from: buffer.baseAddress!, count: chunk)
                filled += chunk
            }
            return totalBytes
        }
    }

    private func repeatSequence(_ sequence: PyValue, _ count: PyValue) throws -> PyValue {
        guard let n = intValue(count) else {
            if case .object(let o) = count, o is PyInstance { return try dunderOperation(.mul, sequence, count) }
            throw typeError("can't multiply sequence by non-int of type '\(typeOf(count).name)'")
        }
        let times = max(0, n)
        switch sequence {
        case .str(let s):
            let (bytes, o) = s.utf8.count.multipliedReportingOverflow(by: times)
            if o { throw abort("MemoryError", "snippet exceeded the memory limit of \(limits.maxMemoryBytes) bytes") }
            try checkSize(bytes: bytes)
            return .str(Self.repeated(s, times, totalBytes: bytes))
        case .list(let l):
            let (size, o) = l.items.count.multipliedReportingOverflow(by: times * 16)
            if o { throw abort("MemoryError", "snippet exceeded the memory limit of \(limits.maxMemoryBytes) bytes") }
            try checkSize(bytes: size)
            var items: [PyValue] = []
            items.reserveCapacity(l.items.count * times)
            for _ in 0..<times { items.append(contentsOf: l.items) }
            return .list(PyList(items))
        case .tuple(let t):
            let (size, o) = t.count.multipliedReportingOverflow(by: times * 16)
            if o { throw abort("MemoryError", "snippet exceeded the memory limit of \(limits.maxMemoryBytes) bytes") }
            try checkSize(bytes: size)
            var items: [PyValue] = []
            for _ in 0..<times { items.append(contentsOf: t) }
            return .tuple(items)
        default:
            return .none
        }
    }

    func unaryOperation(_ op: UnaryOp, _ value: PyValue) throws -> PyValue {
        switch (op, value) {
        case (.not, _): return .bool(!(try truthy(value)))
        case (.neg, .int(let i)):
            if i == Int.min { throw overflow() }
            return .int(-i)
        case (.neg, .bool(let b)): return .int(b ? -1 : 0)
        case (.neg, .float(let d)): return .float(-d)
        case (.pos, .int), (.pos, .float): return value
        case (.pos, .bool(let b)): return .int(b ? 1 : 0)
        case (.invert, .int(let i)): return .int(~i)
        case (.invert, .bool(let b)): return .int(~(b ? 1 : 0))
        default:
            let name = op == .neg ? "__neg__" : op == .pos ? "__pos__" : "__invert__"
            if let result = try callSpecial(value, name, []) { return result }
            throw typeError("bad operand type for unary \(op.rawValue): '\(typeOf(value).name)'")
        }
    }

    // MARK: Comparison

    func compare(_ op: CompareOp, _ left: PyValue, _ right: PyValue) throws -> PyValue {
        switch op {
        case .isOp: return .bool(left.isIdentical(to: right))
        case .isNot: return .bool(!left.isIdentical(to: right))
        case .inOp: return .bool(try contains(right, left))
        case .notIn: return .bool(!(try contains(right, left)))
        default: return try richCompare(op, left, right)
        }
    }

    func richCompare(_ op: CompareOp, _ left: PyValue, _ right: PyValue) throws -> PyValue {
        switch (left, right) {
        case (.int(let a), .int(let b)):
            return .bool(Interpreter.apply(op, a, b))
        case (.float, .float), (.int, .float), (.float, .int), (.bool, _), (_, .bool):
            if let a = left.numericValue, let b = right.numericValue {
                if case .int(let x) = left, case .float(let y) = right, abs(y) >= 9.0e15, y.isFinite { return .bool(Interpreter.applyExact(op, x, y)) }
                if case .float(let x) = left, case .int(let y) = right, abs(x) >= 9.0e15, x.isFinite { return .bool(Interpreter.applyExact(op, y, x, swapped: true)) }
                return .bool(Interpreter.apply(op, a, b))
            }
        case (.str(let a), .str(let b)):
            let order = a == b ? 0 : (a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars) { $0.value < $1.value } ? -1 : 1)
            return .bool(Interpreter.apply(op, order, 0))
        case (.none, .none) where op == .eq || op == .ne:
            return .bool(op == .eq)
        case (.list(let a), .list(let b)):
            return try compareSequences(op, a.items, b.items)
        case (.tuple(let a), .tuple(let b)):
            return try compareSequences(op, a, b)
        case (.dict(let a), .dict(let b)) where op == .eq || op == .ne:
            var equal = a.count == b.count
            if equal {
                for (k, v) in a.entries {
                    guard let other = b[PyKey(value: k)], try equals(v, other) else { equal = false; break }
                }
            }
            return .bool(equal == (op == .eq))
        case (.object(let a as PySet), .object(let b as PySet)):
            let subset = a.keys.allSatisfy { b.contains($0) }
            let superset = b.keys.allSatisfy { a.contains($0) }
            switch op {
            case .eq: return .bool(subset && superset)
            case .ne: return .bool(!(subset && superset))
            case .le: return .bool(subset)
            case .lt: return .bool(subset && !superset)
            case .ge: return .bool(superset)
            case .gt: return .bool(superset && !subset)
            default: break
            }
        case (.object(let a as PyRange), .object(let b as PyRange)) where op == .eq || op == .ne:
            let same = a.count == b.count && (a.count == 0 || (a.start == b.start && (a.count == 1 || a.step == b.step)))
            return .bool(same == (op == .eq))
        default:
            break
        }
        let names: [CompareOp: (String, String)] = [
            .eq: ("__eq__", "__eq__"), .ne: ("__ne__", "__ne__"), .lt: ("__lt__", "__gt__"),
            .le: ("__le__", "__ge__"), .gt: ("__gt__", "__lt__"), .ge: ("__ge__", "__le__"),
        ]
        let (forward, reflected) = names[op]!
        let leftType = typeOf(left)
        let rightType = typeOf(right)
        if let method = leftType.lookup(forward), !isObjectDefault(leftType, forward) {
            let result = try callMethod(method, left, [right])
            if !result.isNotImplemented { return result }
        }
        if let method = rightType.lookup(reflected), !isObjectDefault(rightType, reflected) {
            let result = try callMethod(method, right, [left])
            if !result.isNotImplemented { return result }
        }
        if op == .ne, let method = leftType.lookup("__eq__"), !isObjectDefault(leftType, "__eq__") {
            let result = try callMethod(method, left, [right])
            if !result.isNotImplemented { return .bool(!(try truthy(result))) }
        }
        switch op {
        case .eq: return .bool(left.isIdentical(to: right))
        case .ne: return .bool(!left.isIdentical(to: right))
        default:
            throw typeError("'\(op.rawValue)' not supported between instances of '\(leftType.name)' and '\(rightType.name)'")
        }
    }

    private func isObjectDefault(_ type: PyClass, _ name: String) -> Bool {
        guard let (_, owner) = type.lookupWithOwner(name) else { return true }
        return owner === types.object
    }

    static func apply<T: Comparable>(_ op: CompareOp, _ a: T, _ b: T) -> Bool {
        switch op {
        case .eq: return a == b
        case .ne: return a != b
        case .lt: return a < b
        case .le: return a <= b
        case .gt: return a > b
        case .ge: return a >= b
        default: return false
        }
    }

    /// Exact int-vs-float comparison for magnitudes where `Double(int)` would round.
    static func applyExact(_ op: CompareOp, _ i: Int, _ d: Double, swapped: Bool = false) -> Bool {
        let order: Int
        if d >= 9.3e18 { order = -1 } else if d <= -9.3e18 { order = 1 } else {
            let t = Int(d.rounded(.towardZero))
            if i != t { order = i < t ? -1 : 1 } else {
                let frac = d - d.rounded(.towardZero)
                order = frac > 0 ? -1 : frac < 0 ? 1 : 0
            }
        }
        let effective = swapped ? -order : order
        return apply(op, effective, 0)
    }

    private func compareSequences(_ op: CompareOp, _ a: [PyValue], _ b: [PyValue]) throws -> PyValue {
        if (op == .eq || op == .ne) && a.count != b.count { return .bool(op == .ne) }
        nativeDepth += 1
        defer { nativeDepth -= 1 }
        if nativeDepth > limits.maxRecursionDepth { throw error("RecursionError", "maximum recursion depth exceeded in comparison") }
        for (x, y) in zip(a, b) {
            if x.isIdentical(to: y) { continue }
            if !(try equals(x, y)) {
                if op == .eq { return .bool(false) }
                if op == .ne { return .bool(true) }
                return try richCompare(op, x, y)
            }
        }
        return .bool(Interpreter.apply(op, a.count, b.count))
    }

    func equals(_ a: PyValue, _ b: PyValue) throws -> Bool {
        try truthy(try richCompare(.eq, a, b))
    }

    func lessThan(_ a: PyValue, _ b: PyValue) throws -> Bool {
        try truthy(try richCompare(.lt, a, b))
    }

    /// `haystack.contains(needle)` by bytes when both are ASCII and the needle has no CR or LF. `String.contains`
    /// matches whole characters; in ASCII text each is one byte except CRLF, which a match cannot split unless the
    /// needle holds CR or LF. Nil: not such a pair (ask `String.contains`).
    static func asciiContains(_ haystack: String, _ needle: String) -> Bool? {
        var haystack = haystack
        var needle = needle
        return haystack.withUTF8 { text in
            needle.withUTF8 { pattern -> Bool? in
                for byte in pattern where byte >= 0x80 || byte == 0x0A || byte == 0x0D { return nil }
                for byte in text where byte >= 0x80 { return nil }
                if pattern.count > text.count { return false }
                for start in 0...(text.count - pattern.count) {
                    var offset = 0
                    while offset < pattern.count && text[start + offset] == pattern[offset] { offset += 1 }
                    if offset == pattern.count { return true }
                }
                return false
            }
        }
    }

    func contains(_ container: PyValue, _ item: PyValue) throws -> Bool {
        switch container {
        case .str(let s):
            guard case .str(let needle) = item else {
                throw typeError("'in <string>' requires string as left operand, not \(typeOf(item).name)")
            }
            return needle.isEmpty || (Interpreter.asciiContains(s, needle) ?? s.contains(needle))
        case .list(let l):
            for element in l.items where try element.isIdentical(to: item) || equals(element, item) { return true }
            return false
        case .tuple(let t):
            for element in t where try element.isIdentical(to: item) || equals(element, item) { return true }
            return false
        case .dict(let d):
            return d[try key(item)] != nil
        case .object(let o):
            if let set = o as? PySet { return set.contains(try key(item)) }
            if let view = o as? PyDictView, view.kind == .keys { return view.dict[try key(item)] != nil }
            if let range = o as? PyRange {
                guard let i = intValue(item) else {
                    return try iterate(container).contains { (try? equals($0, item)) == true }
                }
                if range.step > 0 { return i >= range.start && i < range.stop && (i - range.start) % range.step == 0 }
                return i <= range.start && i > range.stop && (range.start - i) % (-range.step) == 0
            }
            if let result = try callSpecial(container, "__contains__", [item]) { return try truthy(result) }
            if !isIterable(container) { throw typeError("argument of type '\(typeOf(container).name)' is not iterable") }
            let iterator = try makeIterator(container)
            while let element = try iterator.next() {
                if try equals(element, item) { return true }
            }
            return false
        default:
            throw typeError("argument of type '\(typeOf(container).name)' is not iterable")
        }
    }

    /// Dictionary/set key, refusing unhashable values the way CPython does.
    func key(_ value: PyValue) throws -> PyKey {
        switch value {
        case .list: throw typeError("unhashable type: 'list'")
        case .dict: throw typeError("unhashable type: 'dict'")
        case .tuple(let items):
            for item in items { _ = try key(item) }
        case .object(let o):
            if let set = o as? PySet, !set.frozen { throw typeError("unhashable type: 'set'") }
            if let instance = o as? PyInstance {
                if let hash = instance.cls.lookup("__hash__") {
                    if hash.isNone { throw typeError("unhashable type: '\(instance.cls.name)'") }
                    if case .object(let f) = hash, f is PyFunction {
                        let result = try callMethod(hash, value, [])
                        guard let h = intValue(result) else { throw typeError("__hash__ method should return an integer") }
                        return PyKey(value: value, customHash: h, equality: keyEquality)
                    }
                }
            }
        default: break
        }
        return PyKey(value: value)
    }
}
