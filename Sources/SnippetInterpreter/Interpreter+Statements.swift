extension Interpreter {
    func exec(_ body: [Stmt], _ scope: Scope) throws -> Flow {
        for stmt in body {
            let flow = try exec(stmt, scope)
            if case .normal = flow { continue }
            return flow
        }
        return .normal
    }

    func exec(_ stmt: Stmt, _ scope: Scope) throws -> Flow {
        try step()
        frames[frames.count - 1].line = stmt.line
        switch stmt.kind {
        case .expr(let expr):
            _ = try eval(expr, scope)
        case .assign(let targets, let valueExpr):
            let value = try eval(valueExpr, scope)
            for target in targets { try assign(target, value, scope) }
        case .augAssign(let target, let op, let valueExpr):
            try augmentedAssign(target, op, valueExpr, scope)
        case .annAssign(let target, let valueExpr):
            if let valueExpr { try assign(target, try eval(valueExpr, scope), scope) }
        case .ifStmt(let test, let body, let orElse):
            return try exec(try truthy(try eval(test, scope)) ? body : orElse, scope)
        case .whileStmt(let test, let body, let orElse):
            while try truthy(try eval(test, scope)) {
                try step()
                switch try exec(body, scope) {
                case .breakLoop: return .normal
                case .returnValue(let v): return .returnValue(v)
                default: break
                }
            }
            return try exec(orElse, scope)
        case .forStmt(let target, let iterableExpr, let body, let orElse):
            return try execFor(target, try eval(iterableExpr, scope), body, orElse, scope)
        case .breakStmt: return .breakLoop
        case .continueStmt: return .continueLoop
        case .pass: break
        case .returnStmt(let valueExpr):
            return .returnValue(try valueExpr.map { try eval($0, scope) } ?? .none)
        case .functionDef(let code, let decorators):
            var value = try makeFunction(code, scope)
            for decorator in decorators.reversed() {
                value = try call(try eval(decorator, scope), [value])
            }
            store(code.name, value, in: scope)
        case .classDef(let name, let bases, let body, let decorators):
            var value = try makeClass(name: name, baseArgs: bases, body: body, scope: scope, line: stmt.line)
            for decorator in decorators.reversed() {
                value = try call(try eval(decorator, scope), [value])
            }
            store(name, value, in: scope)
        case .with(let items, let body):
            return try execWith(items[...], body, scope)
        case .tryStmt(let body, let handlers, let orElse, let finally):
            return try execTry(body, handlers, orElse, finally, scope)
        case .raise(let excExpr, let causeExpr):
            try execRaise(excExpr, causeExpr, scope)
        case .assert(let test, let messageExpr):
            if !(try truthy(try eval(test, scope))) {
                let exception = makeException("AssertionError", "")
                if let messageExpr {
                    exception.attributes["args"] = .tuple([try eval(messageExpr, scope)])
                }
                throw PythonRaise(exception)
            }
        case .global, .nonlocal:
            break
        case .del(let targets):
            for target in targets { try deleteTarget(target, scope) }
        case .importModule(let names):
            for item in names {
                let module = try importModule(item.name)
                if let alias = item.alias {
                    store(alias, .object(module), in: scope)
                } else {
                    let top = String(item.name.split(separator: ".")[0])
                    store(top, .object(try importModule(top)), in: scope)
                }
            }
        case .importFrom(let moduleName, let names):
            let module = try importModule(moduleName)
            for item in names {
                if item.name == "*" {
                    for (key, value) in module.attributes where !key.hasPrefix("_") { store(key, value, in: scope) }
                    continue
                }
                var value = module.attributes[item.name]
                if value == nil, let sub = try? importModule(moduleName + "." + item.name) { value = .object(sub) }
                guard let found = value else {
                    throw error("ImportError", "cannot import name '\(item.name)' from '\(moduleName)' (unknown location)")
                }
                store(item.alias ?? item.name, found, in: scope)
            }
        }
        return .normal
    }

    func execFor(_ target: Expr, _ iterable: PyValue, _ body: [Stmt], _ orElse: [Stmt], _ scope: Scope) throws -> Flow {
        if case .object(let o) = iterable, let range = o as? PyRange, case .name(let name) = target.kind {
            var i = range.start
            let slot = target.slot < scope.slots.count ? target.slot : -1
            while range.step > 0 ? i < range.stop : i > range.stop {
                try step()
                if slot >= 0 { scope.slots[slot] = .int(i) } else { store(name, .int(i), in: scope) }
                switch try exec(body, scope) {
                case .breakLoop: return .normal
                case .returnValue(let v): return .returnValue(v)
                default: break
                }
                i += range.step
            }
            return try exec(orElse, scope)
        }
        let iterator = try makeIterator(iterable)
        while let item = try iterator.next() {
            try step()
            try assign(target, item, scope)
            switch try exec(body, scope) {
            case .breakLoop: return .normal
            case .returnValue(let v): return .returnValue(v)
            default: break
            }
        }
        return try exec(orElse, scope)
    }

    func execWith(_ items: ArraySlice<(Expr, Expr?)>, _ body: [Stmt], _ scope: Scope) throws -> Flow {
        guard let (ctxExpr, target) = items.first else { return try exec(body, scope) }
        let manager = try eval(ctxExpr, scope)
        let managerType = typeOf(manager)
        guard let enter = managerType.lookup("__enter__"), let exit = managerType.lookup("__exit__") else {
            throw typeError("'\(managerType.name)' object does not support the context manager protocol")
        }
        let entered = try callMethod(enter, manager, [])
        if let target { try assign(target, entered, scope) }
        let flow: Flow
        do {
            flow = try execWith(items.dropFirst(), body, scope)
        } catch let raise as PythonRaise {
            let exc = raise.exception
            let suppress = try callMethod(exit, manager, [.object(exc.cls), .object(exc), .none])
            if try truthy(suppress) { return .normal }
            throw raise
        }
        _ = try callMethod(exit, manager, [.none, .none, .none])
        return flow
    }

    func execTry(_ body: [Stmt], _ handlers: [ExceptHandler], _ orElse: [Stmt], _ finally: [Stmt], _ scope: Scope) throws -> Flow {
        var flow: Flow = .normal
        do {
            do {
                flow = try exec(body, scope)
            } catch let raise as PythonRaise {
                let exc = raise.exception
                addTraceback(exc, frame: currentFrame)
                guard let handler = try findHandler(handlers, exc, scope) else { throw raise }
                if let name = handler.name { store(name, .object(exc), in: scope) }
                handling.append(exc)
                defer {
                    handling.removeLast()
                    if let name = handler.name { try? delete(name, in: scope) }
                }
                do {
                    return try finishTry(try exec(handler.body, scope), finally, scope)
                } catch let inner as PythonRaise {
                    if inner.exception !== exc && inner.exception.attributes["__context__"] == nil {
                        inner.exception.attributes["__context__"] = .object(exc)
                    }
                    throw inner
                }
            }
            if case .normal = flow { flow = try exec(orElse, scope) }
        } catch let abort as SnippetAbort {
            throw abort
        } catch {
            if !finally.isEmpty {
                let finalFlow = try exec(finally, scope)
                if case .normal = finalFlow { throw error }
                return finalFlow
            }
            throw error
        }
        return try finishTry(flow, finally, scope)
    }

    private func finishTry(_ flow: Flow, _ finally: [Stmt], _ scope: Scope) throws -> Flow {
        if finally.isEmpty { return flow }
        let finalFlow = try exec(finally, scope)
        if case .normal = finalFlow { return flow }
        return finalFlow
    }

    private func findHandler(_ handlers: [ExceptHandler], _ exc: PyInstance, _ scope: Scope) throws -> ExceptHandler? {
        for handler in handlers {
            guard let typeExpr = handler.type else { return handler }
            let typeValue = try eval(typeExpr, scope)
            let candidates: [PyValue]
            if case .tuple(let items) = typeValue { candidates = items } else { candidates = [typeValue] }
            for candidate in candidates {
                guard case .object(let o) = candidate, let cls = o as? PyClass, cls.isSubclass(of: types.baseException) else {
                    throw typeError("catching classes that do not inherit from BaseException is not allowed")
                }
                if exc.cls.isSubclass(of: cls) { return handler }
            }
        }
        return nil
    }

    private func execRaise(_ excExpr: Expr?, _ causeExpr: Expr?, _ scope: Scope) throws {
        guard let excExpr else {
            guard let current = handling.last else { throw error("RuntimeError", "No active exception to reraise") }
            throw PythonRaise(current)
        }
        let exc = try exceptionInstance(try eval(excExpr, scope))
        if let causeExpr {
            let cause = try eval(causeExpr, scope)
            if cause.isNone {
                exc.attributes["__cause__"] = PyValue.none
                exc.attributes["__suppress_context__"] = .bool(true)
            } else {
                guard case .object(let o) = cause, (o as? PyInstance)?.cls.isSubclass(of: types.baseException) == true
                        || (o as? PyClass)?.isSubclass(of: types.baseException) == true else {
                    throw typeError("exception causes must derive from BaseException")
                }
                exc.attributes["__cause__"] = .object(try exceptionInstance(cause))
            }
        }
        if let current = handling.last, current !== exc, exc.attributes["__context__"] == nil {
            exc.attributes["__context__"] = .object(current)
        }
        throw PythonRaise(exc)
    }

    /// `raise X` accepts an exception class (instantiated with no arguments) or instance.
    func exceptionInstance(_ value: PyValue) throws -> PyInstance {
        if case .object(let o) = value {
            if let instance = o as? PyInstance, instance.cls.isSubclass(of: types.baseException) { return instance }
            if let cls = o as? PyClass, cls.isSubclass(of: types.baseException) {
                if case .object(let made) = try call(value, []), let instance = made as? PyInstance { return instance }
            }
        }
        throw typeError("exceptions must derive from BaseException")
    }

    // MARK: Assignment

    func assign(_ target: Expr, _ value: PyValue, _ scope: Scope) throws {
        switch target.kind {
        case .name(let name):
            let slot = target.slot
            if slot >= 0 && slot < scope.slots.count {
                scope.slots[slot] = value
            } else {
                store(name, value, in: scope)
            }
        case .attribute(let objectExpr, let name):
            try setAttribute(try eval(objectExpr, scope), name, value)
        case .item(let objectExpr, let indexExpr):
            let object = try eval(objectExpr, scope)
            try setItem(object, try eval(indexExpr, scope), value)
        case .tuple(let targets), .list(let targets):
            try unpack(targets, value, scope)
        case .starred:
            throw error("SyntaxError", "starred assignment target must be in a list or tuple")
        default:
            throw error("SyntaxError", "cannot assign to expression")
        }
    }

    private func unpack(_ targets: [Expr], _ value: PyValue, _ scope: Scope) throws {
        let items: [PyValue]
        switch value {
        case .tuple(let t): items = t
        case .list(let l): items = l.items
        default:
            let type = typeOf(value)
            if !isIterable(value) { throw typeError("cannot unpack non-iterable \(type.name) object") }
            items = try iterate(value)
        }
        if let starIndex = targets.firstIndex(where: { if case .starred = $0.kind { true } else { false } }) {
            let after = targets.count - starIndex - 1
            guard items.count >= targets.count - 1 else {
                throw error("ValueError", "not enough values to unpack (expected at least \(targets.count - 1), got \(items.count))")
            }
            for i in 0..<starIndex { try assign(targets[i], items[i], scope) }
            guard case .starred(let inner) = targets[starIndex].kind else { return }
            try assign(inner, .list(PyList(Array(items[starIndex..<(items.count - after)]))), scope)
            for i in 0..<after { try assign(targets[starIndex + 1 + i], items[items.count - after + i], scope) }
            return
        }
        if items.count > targets.count {
            throw error("ValueError", "too many values to unpack (expected \(targets.count))")
        }
        if items.count < targets.count {
            throw error("ValueError", "not enough values to unpack (expected \(targets.count), got \(items.count))")
        }
        for (target, item) in zip(targets, items) { try assign(target, item, scope) }
    }

    private func augmentedAssign(_ target: Expr, _ op: BinaryOp, _ valueExpr: Expr, _ scope: Scope) throws {
        switch target.kind {
        case .name(let name):
            let current = try lookup(name, in: scope)
            let result = try inplaceOperation(op, current, try eval(valueExpr, scope))
            store(name, result, in: scope)
        case .attribute(let objectExpr, let name):
            let object = try eval(objectExpr, scope)
            let current = try getAttribute(object, name)
            try setAttribute(object, name, try inplaceOperation(op, current, try eval(valueExpr, scope)))
        case .item(let objectExpr, let indexExpr):
            let object = try eval(objectExpr, scope)
            let index = try eval(indexExpr, scope)
            let current = try getItem(object, index)
            try setItem(object, index, try inplaceOperation(op, current, try eval(valueExpr, scope)))
        default:
            throw error("SyntaxError", "illegal expression for augmented assignment")
        }
    }

    private func deleteTarget(_ target: Expr, _ scope: Scope) throws {
        switch target.kind {
        case .name(let name): try delete(name, in: scope)
        case .attribute(let objectExpr, let name): try deleteAttribute(try eval(objectExpr, scope), name)
        case .item(let objectExpr, let indexExpr): try deleteItem(try eval(objectExpr, scope), try eval(indexExpr, scope))
        case .tuple(let items), .list(let items): for item in items { try deleteTarget(item, scope) }
        default: throw error("SyntaxError", "cannot delete expression")
        }
    }

    // MARK: Definitions

    func makeFunction(_ code: FunctionCode, _ scope: Scope) throws -> PyValue {
        var defaults: [String: PyValue] = [:]
        for parameter in code.parameters {
            if let expr = parameter.defaultValue { defaults[parameter.name] = try eval(expr, scope) }
        }
        var closure: Scope? = scope.info == nil ? nil : scope
        while let c = closure, c.isClassBody { closure = c.parent }
        let qualname: String
        if scope.isClassBody, case .str(let owner)? = scope.vars["__qualname__"] {
            qualname = owner + "." + code.name
        } else if let frame = frames.last, let function = frame.function {
            qualname = function.qualname + ".<locals>." + code.name
        } else {
            qualname = code.name
        }
        let function = PyFunction(code: code, globals: scope.moduleScope, closure: closure, defaults: defaults, qualname: qualname)
        function.hidden = frames.last?.hidden ?? false
        return .object(function)
    }

    func makeClass(name: String, baseArgs: [CallArg], body: [Stmt], scope: Scope, line: Int) throws -> PyValue {
        var bases: [PyClass] = []
        for arg in baseArgs {
            switch arg {
            case .positional(let expr):
                guard case .object(let o) = try eval(expr, scope), let cls = o as? PyClass else {
                    throw typeError("bases must be types")
                }
                bases.append(cls)
            case .keyword: continue
            default: throw typeError("class bases must be given positionally")
            }
        }
        if bases.isEmpty { bases = [types.object] }
        let classScope = Scope(info: ScopeInfo(), parent: scope.info == nil ? nil : scope, module: scope.moduleScope, isClassBody: true)
        classScope.vars["__module__"] = .str("__main__")
        let outerQualname: String
        if scope.isClassBody, case .str(let owner)? = scope.vars["__qualname__"] { outerQualname = owner + "." } else { outerQualname = "" }
        classScope.vars["__qualname__"] = .str(outerQualname + name)
        let flow = try exec(body, classScope)
        if case .returnValue = flow { throw error("SyntaxError", "'return' outside function") }
        let cls = PyClass(name: name, bases: bases, isBuiltin: false)
        if classScope.vars["__eq__"] != nil && classScope.vars["__hash__"] == nil { classScope.vars["__hash__"] = PyValue.none }
        if case .str(let moduleName)? = scope.moduleScope.vars["__name__"] { cls.module = moduleName }
        for (key, value) in classScope.vars {
            cls.dict[key] = value
            // Functions of the shared world assigned in a class body keep the class they were defined in.
            if case .object(let o) = value, !o.isShared {
                if let f = o as? PyFunction { f.definingClass = cls }
                if let s = o as? PyStaticMethod, case .object(let f as PyFunction) = s.function, !f.isShared { f.definingClass = cls }
                if let c = o as? PyClassMethod, case .object(let f as PyFunction) = c.function, !f.isShared { f.definingClass = cls }
                if let p = o as? PyProperty {
                    for accessor in [p.getter, p.setter, p.deleter] {
                        if case .object(let f as PyFunction) = accessor, !f.isShared { f.definingClass = cls }
                    }
                }
            }
        }
        return .object(cls)
    }
}
