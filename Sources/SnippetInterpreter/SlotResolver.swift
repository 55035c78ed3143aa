/// Marks the names of a finished function body that are the function's own locals with their slot (`Expr.slot`),
/// so reading or assigning them indexes the call scope's `slots` instead of hashing the name.
///
/// Only expressions evaluated in the function's own scope are marked: not the bodies of nested functions, lambdas
/// and classes, nor comprehensions past their first iterable (each runs in a scope of its own); those still find
/// the function's locals by name.
struct SlotResolver {
    let scope: ScopeInfo

    /// Gives `scope` its slots and marks `body` (called by the parser once the function's locals are final).
    static func resolve(_ body: [Stmt], in scope: ScopeInfo) {
        scope.assignSlots()
        if scope.slotCount == 0 { return }
        SlotResolver(scope: scope).visit(body)
    }

    private func visit(_ body: [Stmt]) {
        for stmt in body { visit(stmt) }
    }

    private func visit(_ stmt: Stmt) {
        switch stmt.kind {
        case .expr(let expr):
            visit(expr)
        case .assign(let targets, let value):
            visit(targets)
            visit(value)
        case .augAssign(let target, _, let value):
            visit(target)
            visit(value)
        case .annAssign(let target, let value):
            visit(target)
            if let value { visit(value) }
        case .ifStmt(let test, let body, let orElse), .whileStmt(let test, let body, let orElse):
            visit(test)
            visit(body)
            visit(orElse)
        case .forStmt(let target, let iterable, let body, let orElse):
            visit(target)
            visit(iterable)
            visit(body)
            visit(orElse)
        case .breakStmt, .continueStmt, .pass, .global, .nonlocal, .importModule, .importFrom:
            break
        case .returnStmt(let value):
            if let value { visit(value) }
        case .functionDef(let code, let decorators):
            visit(decorators)
            visitDefaults(code)
        case .classDef(_, let bases, _, let decorators):
            visit(bases)
            visit(decorators)
        case .with(let items, let body):
            for (manager, target) in items {
                visit(manager)
                if let target { visit(target) }
            }
            visit(body)
        case .tryStmt(let body, let handlers, let orElse, let finally):
            visit(body)
            for handler in handlers {
                if let type = handler.type { visit(type) }
                visit(handler.body)
            }
            visit(orElse)
            visit(finally)
        case .raise(let exception, let cause):
            if let exception { visit(exception) }
            if let cause { visit(cause) }
        case .assert(let test, let message):
            visit(test)
            if let message { visit(message) }
        case .del(let targets):
            visit(targets)
        }
    }

    private func visit(_ exprs: [Expr]) {
        for expr in exprs { visit(expr) }
    }

    private func visit(_ args: [CallArg]) {
        for arg in args {
            switch arg {
            case .positional(let expr), .keyword(_, let expr), .star(let expr), .doubleStar(let expr): visit(expr)
            }
        }
    }

    /// Default values are evaluated where the function or lambda is defined.
    private func visitDefaults(_ code: FunctionCode) {
        for parameter in code.parameters {
            if let value = parameter.defaultValue { visit(value) }
        }
    }

    private func visit(_ parts: [FStringPart]) {
        for part in parts {
            if case .field(let expr, _, let spec, _) = part {
                visit(expr)
                if let spec { visit(spec) }
            }
        }
    }

    private func visit(_ expr: Expr) {
        switch expr.kind {
        case .name(let name):
            if let slot = scope.slots[name] { expr.slot = slot }
        case .int, .float, .string, .bytes, .constant:
            break
        case .fstring(let parts):
            visit(parts)
        case .list(let items), .tuple(let items), .set(let items):
            visit(items)
        case .dict(let entries):
            for (key, value) in entries {
                if let key { visit(key) }
                visit(value)
            }
        case .starred(let inner), .attribute(let inner, _), .unary(_, let inner), .walrus(_, let inner):
            visit(inner)
        case .item(let object, let index):
            visit(object)
            visit(index)
        case .slice(let lower, let upper, let step):
            for part in [lower, upper, step] { if let part { visit(part) } }
        case .call(let callee, let args):
            visit(callee)
            visit(args)
        case .binary(_, let left, let right), .boolAnd(let left, let right), .boolOr(let left, let right):
            visit(left)
            visit(right)
        case .compare(let first, let rest):
            visit(first)
            for (_, operand) in rest { visit(operand) }
        case .ifExp(let test, let body, let orElse):
            visit(test)
            visit(body)
            visit(orElse)
        case .lambda(let code):
            visitDefaults(code)
        case .listComp(_, let clauses, _), .setComp(_, let clauses, _), .generator(_, let clauses, _),
             .dictComp(_, _, let clauses, _):
            // Only the first iterable is evaluated in the enclosing scope.
            if let first = clauses.first { visit(first.iterable) }
        case .yield(let value):
            if let value { visit(value) }
        }
    }
}
