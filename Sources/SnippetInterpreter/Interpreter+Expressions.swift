extension Interpreter {
    func eval(_ expr: Expr, _ scope: Scope) throws -> PyValue {
        switch expr.kind {
        case .name(let name):
            let slot = expr.slot
            if slot >= 0 && slot < scope.slots.count, let value = scope.slots[slot] { return value }
            return try lookup(name, in: scope)
        case .int(let v):
            return .int(v)
        case .float(let v):
            return .float(v)
        case .string(let s):
            return .str(s)
        case .bytes:
            throw error("NotImplementedError", "bytes literals are not supported in quiz snippets")
        case .fstring(let parts):
            return .str(try evalFString(parts, scope))
        case .constant(let c):
            switch c {
            case .none: return .none
            case .true: return .bool(true)
            case .false: return .bool(false)
            case .ellipsis: return .ellipsis
            }
        case .list(let items):
            return .list(PyList(try evalItems(items, scope)))
        case .tuple(let items):
            return .tuple(try evalItems(items, scope))
        case .set(let items):
            let set = PySet()
            for item in try evalItems(items, scope) { set.insert(try key(item)) }
            if items.count > 2 && items.allSatisfy(\.isConstant) {
                // CPython folds constant displays into a frozenset rebuilt in its own iteration order.
                let folded = PySet()
                for element in set.keys { folded.insert(element) }
                let result = PySet()
                result.merge(folded)
                return .object(result)
            }
            return .object(set)
        case .dict(let entries):
            let dict = PyDict()
            for (keyExpr, valueExpr) in entries {
                if let keyExpr {
                    let k = try eval(keyExpr, scope)
                    dict[try key(k)] = try eval(valueExpr, scope)
                } else {
                    let mapping = try eval(valueExpr, scope)
                    guard case .dict(let other) = mapping else {
                        throw typeError("'\(typeOf(mapping).name)' object is not a mapping")
                    }
                    for (k, v) in other.keyedEntries { dict[k] = v }
                }
            }
            return .dict(dict)
        case .starred:
            throw error("SyntaxError", "can't use starred expression here")
        case .attribute(let objectExpr, let name):
            return try getAttribute(try eval(objectExpr, scope), name)
        case .item(let objectExpr, let indexExpr):
            let object = try eval(objectExpr, scope)
            return try getItem(object, try eval(indexExpr, scope))
        case .slice(let lower, let upper, let stepExpr):
            return .object(PySlice(start: try lower.map { try eval($0, scope) } ?? .none,
                                   stop: try upper.map { try eval($0, scope) } ?? .none,
                                   step: try stepExpr.map { try eval($0, scope) } ?? .none))
        case .call(let calleeExpr, let argExprs):
            return try evalCall(calleeExpr, argExprs, scope)
        case .binary(let op, let leftExpr, let rightExpr):
            let left = try eval(leftExpr, scope)
            let right = try eval(rightExpr, scope)
            return try binaryOperation(op, left, right)
        case .unary(let op, let operandExpr):
            return try unaryOperation(op, try eval(operandExpr, scope))
        case .boolAnd(let leftExpr, let rightExpr):
            let left = try eval(leftExpr, scope)
            return try truthy(left) ? try eval(rightExpr, scope) : left
        case .boolOr(let leftExpr, let rightExpr):
            let left = try eval(leftExpr, scope)
            return try truthy(left) ? left : try eval(rightExpr, scope)
        case .compare(let firstExpr, let rest):
            var left = try eval(firstExpr, scope)
            var result: PyValue = .bool(true)
            for (index, (op, rightExpr)) in rest.enumerated() {
                let right = try eval(rightExpr, scope)
                result = try compare(op, left, right)
                // Like CPython, only a chain tests truthiness (a lone `t > 0` may return a tensor).
                if index < rest.count - 1, !(try truthy(result)) { return result }
                left = right
            }
            return result
        case .ifExp(let test, let body, let orElse):
            return try truthy(try eval(test, scope)) ? try eval(body, scope) : try eval(orElse, scope)
        case .lambda(let code):
            return try makeFunction(code, scope)
        case .listComp(let element, let clauses, let info):
            var result: [PyValue] = []
            try comprehension(clauses, info, scope) { inner in result.append(try self.eval(element, inner)) }
            return .list(PyList(result))
        case .generator(let element, let clauses, let info):
            var result: [PyValue] = []
            try comprehension(clauses, info, scope) { inner in result.append(try self.eval(element, inner)) }
            var index = 0
            return .object(PyIterator {
                guard index < result.count else { return nil }
                index += 1
                return result[index - 1]
            })
        case .setComp(let element, let clauses, let info):
            let set = PySet()
            try comprehension(clauses, info, scope) { inner in set.insert(try self.key(try self.eval(element, inner))) }
            return .object(set)
        case .dictComp(let keyExpr, let valueExpr, let clauses, let info):
            let dict = PyDict()
            try comprehension(clauses, info, scope) { inner in
                let k = try self.eval(keyExpr, inner)
                dict[try self.key(k)] = try self.eval(valueExpr, inner)
            }
            return .dict(dict)
        case .walrus(let name, let valueExpr):
            let value = try eval(valueExpr, scope)
            var target = scope
            while target.isComprehension { target = target.parent ?? target.moduleScope }
            store(name, value, in: target)
            return value
        case .yield:
            throw error("SyntaxError", "generators (yield) are not supported in quiz snippets")
        }
    }

    func evalItems(_ items: [Expr], _ scope: Scope) throws -> [PyValue] {
        var result: [PyValue] = []
        result.reserveCapacity(items.count)
        for item in items {
            if case .starred(let inner) = item.kind {
                result.append(contentsOf: try iterate(try eval(inner, scope)))
            } else {
                result.append(try eval(item, scope))
            }
        }
        return result
    }

    /// Runs comprehension clauses in their own scope; the first iterable is evaluated in the enclosing scope.
    private func comprehension(_ clauses: [ComprehensionClause], _ info: ScopeInfo, _ scope: Scope, _ body: (Scope) throws -> Void) throws {
        let inner = Scope(info: info, parent: scope.info == nil && !scope.isClassBody ? nil : (scope.isClassBody ? scope.parent : scope), module: scope.moduleScope)
        inner.isComprehension = true
        let first = try eval(clauses[0].iterable, scope)
        try runClause(0, clauses, first, inner, body)
    }

    private func runClause(_ index: Int, _ clauses: [ComprehensionClause], _ iterable: PyValue, _ scope: Scope, _ body: (Scope) throws -> Void) throws {
        let clause = clauses[index]
        let iterator = try makeIterator(iterable)
        outer: while let item = try iterator.next() {
            try step()
            try assign(clause.target, item, scope)
            for condition in clause.conditions {
                if !(try truthy(try eval(condition, scope))) { continue outer }
            }
            if index + 1 < clauses.count {
                try runClause(index + 1, clauses, try eval(clauses[index + 1].iterable, scope), scope, body)
            } else {
                try body(scope)
            }
        }
    }

    func evalFString(_ parts: [FStringPart], _ scope: Scope) throws -> String {
        var result = ""
        for part in parts {
            switch part {
            case .literal(let text):
                result += text
            case .field(let expr, let conversion, let specParts, let debugText):
                let value = try eval(expr, scope)
                if let debugText { result += debugText }
                let spec = try specParts.map { try evalFString($0, scope) } ?? ""
                switch conversion {
                case "r": result += try format(.str(try repr(value)), spec)
                case "s": result += try format(.str(try str(value)), spec)
                case "a": result += try format(.str(try repr(value)), spec)
                default: result += try format(value, spec)
                }
            }
        }
        return result
    }

    func evalCall(_ calleeExpr: Expr, _ argExprs: [CallArg], _ scope: Scope) throws -> PyValue {
        let callee: PyValue
        // Method calls skip allocating a bound method when the attribute is a plain function on the class.
        if case .attribute(let objectExpr, let name) = calleeExpr.kind {
            let object = try eval(objectExpr, scope)
            if case .object(let o) = object, let instance = o as? PyInstance, instance.attributes[name] == nil,
               let (function, _) = instance.cls.lookupWithOwner(name), case .object(let f as PyFunction) = function,
               !(Interpreter.startsWithDoubleUnderscore(name) && name.hasSuffix("__") && !Interpreter.safeDunders.contains(name)),
               !instance.cls.definesGetattribute {
                let (args, kwargs) = try evalArguments(argExprs, scope, receiver: object) { f.qualname }
                return try callFunction(f, args, kwargs)
            }
            callee = try getAttribute(object, name)
        } else {
            callee = try eval(calleeExpr, scope)
        }
        let (args, kwargs) = try evalArguments(argExprs, scope) { [unowned self] in self.callableName(callee) }
        return try call(callee, args, kwargs)
    }

    /// How CPython names a callable in argument errors (`f`, `A.m`, `print`).
    func callableName(_ callee: PyValue) -> String {
        guard case .object(let o) = callee else { return typeOf(callee).name }
        switch o {
        case let f as PyFunction: return f.qualname
        case let b as PyBuiltinFunction: return b.ownerName.map { "\($0).\(b.name)" } ?? b.name
        case let m as PyBoundMethod: return callableName(m.function)
        case let c as PyClass: return c.name
        default: return typeOf(callee).name + " object"
        }
    }

    /// The call's positional and keyword arguments; `receiver`, when given, comes first (a method's `self`).
    func evalArguments(_ argExprs: [CallArg], _ scope: Scope, receiver: PyValue? = nil, calleeName: () -> String) throws -> ([PyValue], KwArgs) {
        // Sized once up front: appending into an empty array reallocated it at one, two and four arguments.
        var args: [PyValue] = []
        let capacity = argExprs.count + (receiver == nil ? 0 : 1)
        if capacity > 0 { args.reserveCapacity(capacity) }
        if let receiver { args.append(receiver) }
        var kwargs: KwArgs = []
        for arg in argExprs {
            switch arg {
            case .positional(let expr):
                args.append(try eval(expr, scope))
            case .keyword(let name, let expr):
                if kwargs.contains(where: { $0.0 == name }) {
                    throw error("SyntaxError", "keyword argument repeated: \(name)")
                }
                kwargs.append((name, try eval(expr, scope)))
            case .star(let expr):
                let value = try eval(expr, scope)
                if !isIterable(value) {
                    throw typeError("\(calleeName())() argument after * must be an iterable, not \(typeOf(value).name)")
                }
                args.append(contentsOf: try iterate(value))
            case .doubleStar(let expr):
                let value = try eval(expr, scope)
                guard case .dict(let dict) = value else {
                    throw typeError("\(calleeName())() argument after ** must be a mapping, not \(typeOf(value).name)")
                }
                for (k, v) in dict.entries {
                    guard case .str(let name) = k else { throw typeError("keywords must be strings") }
                    kwargs.append((name, v))
                }
            }
        }
        return (args, kwargs)
    }
}
