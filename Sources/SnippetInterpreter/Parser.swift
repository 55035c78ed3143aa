/// A syntax error with CPython's wording and a 1-based line and column.
struct ParseError: Error {
    var type = "SyntaxError"
    var message: String
    var line: Int
    var column: Int
}

/// Recursive-descent parser from tokens to `Stmt`/`Expr`, with scope analysis for functions.
struct Parser {
    var tokens: [LexToken]
    /// The source's UTF-8 bytes the tokens' ranges point into.
    let bytes: [UInt8]
    var index = 0
    var scopes: [ScopeInfo] = [ScopeInfo()]
    let lineOffset: Int
    var filename = "<stdin>"

    init(tokens: [LexToken], bytes: [UInt8], lineOffset: Int = 0) {
        self.tokens = tokens
        self.bytes = bytes
        self.lineOffset = lineOffset
    }

    /// A token's source text.
    func text(_ token: LexToken) -> String { String(decoding: bytes[token.range], as: UTF8.self) }

    /// Parses a whole module; `firstLine` shifts every line number to file lines.
    static func parseModule(_ source: String, firstLine: Int = 1, filename: String = "<stdin>") throws(ParseError) -> [Stmt] {
        let lexed: (tokens: [LexToken], bytes: [UInt8])
        do {
            lexed = try PythonLexer(source).lex()
        } catch {
            throw ParseError(type: error.type, message: error.message, line: error.line + firstLine - 1, column: error.column + 1)
        }
        var parser = Parser(tokens: lexed.tokens, bytes: lexed.bytes, lineOffset: firstLine - 1)
        parser.filename = filename
        var body: [Stmt] = []
        body.reserveCapacity(16) // a snippet's statements: one allocation instead of five
        while parser.current.kind != .end {
            if parser.current.kind == .newline { parser.index += 1; continue }
            if parser.current.kind == .indent {
                throw parser.error("unexpected indent", type: "IndentationError")
            }
            try parser.statement(into: &body)
        }
        return body
    }

    var current: LexToken { tokens[index] }
    var line: Int { tokens[index].line + lineOffset }
    var column: Int { tokens[index].column }

    func peekToken(_ offset: Int = 1) -> LexToken { tokens[min(index + offset, tokens.count - 1)] }

    func error(_ message: String = "invalid syntax", type: String = "SyntaxError", at token: LexToken? = nil) -> ParseError {
        let token = token ?? current
        return ParseError(type: type, message: message, line: token.line + lineOffset, column: token.column + 1)
    }

    /// The current token's operator or keyword code (`.none` for names, literals and layout tokens).
    var code: TokenCode { tokens[index].code }

    func isOp(_ code: TokenCode) -> Bool { tokens[index].code == code }
    func isKeyword(_ code: TokenCode) -> Bool { tokens[index].code == code }

    mutating func accept(_ code: TokenCode) -> Bool {
        if tokens[index].code == code { index += 1; return true }
        return false
    }

    mutating func expect(_ code: TokenCode) throws(ParseError) {
        if !accept(code) {
            if code == .colon { throw error("expected ':'") }
            throw error()
        }
    }

    mutating func expectName() throws(ParseError) -> String {
        guard current.kind == .name else { throw error() }
        let name = text(current)
        index += 1
        return name
    }

    /// Records `name` as bound in the innermost scope; the module's own scope is never consulted (module names live
    /// in the globals dictionary), so its bindings are not recorded.
    mutating func bind(_ name: String) {
        if scopes.count > 1 { scopes[scopes.count - 1].bindLocal(name) }
    }

    mutating func bindTarget(_ expr: Expr) {
        switch expr.kind {
        case .name(let name): bind(name)
        case .tuple(let items), .list(let items): items.forEach { bindTarget($0) }
        case .starred(let inner): bindTarget(inner)
        default: break
        }
    }

    func checkTarget(_ expr: Expr, augmented: Bool = false) throws(ParseError) {
        switch expr.kind {
        case .name, .attribute, .item: return
        case .tuple(let items), .list(let items):
            if augmented { throw ParseError(message: "'tuple' is an illegal expression for augmented assignment", line: expr.line, column: expr.column + 1) }
            for item in items { try checkTarget(item) }
        case .starred(let inner): try checkTarget(inner)
        case .call:
            throw ParseError(message: "cannot assign to function call here. Maybe you meant '==' instead of '='?", line: expr.line, column: expr.column + 1)
        case .int, .float, .string, .constant:
            throw ParseError(message: "cannot assign to literal here. Maybe you meant '==' instead of '='?", line: expr.line, column: expr.column + 1)
        default:
            throw ParseError(message: "cannot assign to expression here. Maybe you meant '==' instead of '='?", line: expr.line, column: expr.column + 1)
        }
    }

    // MARK: Statements

    /// `after` names the header for CPython's "expected an indented block after 'if' statement on line N".
    mutating func block(after: String = "", line headerLine: Int = 0) throws(ParseError) -> [Stmt] {
        try expect(.colon)
        var body: [Stmt] = []
        if current.kind != .newline {
            try simpleStatements(into: &body)
            return body
        }
        index += 1
        guard current.kind == .indent else {
            let message = after.isEmpty ? "expected an indented block" : "expected an indented block after \(after) on line \(headerLine)"
            throw error(message, type: "IndentationError")
        }
        index += 1
        while current.kind != .dedent && current.kind != .end {
            if current.kind == .newline { index += 1; continue }
            if current.kind == .indent { throw error("unexpected indent", type: "IndentationError") }
            try statement(into: &body)
        }
        if current.kind == .dedent { index += 1 }
        return body
    }

    /// Parses one statement (a line of simple statements may be several) onto `body`.
    mutating func statement(into body: inout [Stmt]) throws(ParseError) {
        if current.kind == .keyword {
            switch code {
            case .kwIf: body.append(try ifStatement()); return
            case .kwWhile:
                let (l, c) = (line, column)
                index += 1
                let test = try expression()
                let loopBody = try block(after: "'while' statement", line: l)
                let orElse = try elseBlock()
                body.append(Stmt(.whileStmt(test, loopBody, orElse), line: l, column: c))
                return
            case .kwFor:
                let (l, c) = (line, column)
                index += 1
                let target = try targetList()
                try checkTarget(target)
                bindTarget(target)
                try expect(.kwIn)
                let iterable = try expressionList()
                let loopBody = try block(after: "'for' statement", line: l)
                let orElse = try elseBlock()
                body.append(Stmt(.forStmt(target, iterable, loopBody, orElse), line: l, column: c))
                return
            case .kwDef: body.append(try functionDef(decorators: [])); return
            case .kwClass: body.append(try classDef(decorators: [])); return
            case .kwTry: body.append(try tryStatement()); return
            case .kwWith:
                let (l, c) = (line, column)
                index += 1
                var items: [(Expr, Expr?)] = []
                repeat {
                    let ctx = try expression()
                    var target: Expr?
                    if accept(.kwAs) {
                        let t = try primaryTarget()
                        try checkTarget(t)
                        bindTarget(t)
                        target = t
                    }
                    items.append((ctx, target))
                } while accept(.comma)
                let withBody = try block(after: "'with' statement", line: l)
                body.append(Stmt(.with(items, withBody), line: l, column: c))
                return
            default: break
            }
        }
        if isOp(.at) {
            var decorators: [Expr] = []
            while accept(.at) {
                decorators.append(try expression())
                guard current.kind == .newline else { throw error() }
                index += 1
            }
            if isKeyword(.kwDef) { body.append(try functionDef(decorators: decorators)); return }
            if isKeyword(.kwClass) { body.append(try classDef(decorators: decorators)); return }
            throw error()
        }
        try simpleStatements(into: &body)
    }

    mutating func elseBlock() throws(ParseError) -> [Stmt] {
        if isKeyword(.kwElse) {
            let l = line
            index += 1
            return try block(after: "'else' statement", line: l)
        }
        return []
    }

    mutating func ifStatement(isElif: Bool = false) throws(ParseError) -> Stmt {
        let (l, c) = (line, column)
        index += 1
        let test = try expression()
        let body = try block(after: isElif ? "'elif' statement" : "'if' statement", line: l)
        var orElse: [Stmt] = []
        if isKeyword(.kwElif) {
            orElse = [try ifStatement(isElif: true)]
        } else {
            orElse = try elseBlock()
        }
        return Stmt(.ifStmt(test, body, orElse), line: l, column: c)
    }

    mutating func tryStatement() throws(ParseError) -> Stmt {
        let (l, c) = (line, column)
        index += 1
        let body = try block(after: "'try' statement", line: l)
        var handlers: [ExceptHandler] = []
        while isKeyword(.kwExcept) {
            let handlerLine = line
            index += 1
            var type: Expr?
            var name: String?
            if !isOp(.colon) {
                type = try expression()
                if accept(.comma) {
                    var items = [type!]
                    repeat { items.append(try expression()) } while accept(.comma)
                    throw ParseError(message: "multiple exception types must be parenthesized", line: items[0].line, column: items[0].column + 1)
                }
                if accept(.kwAs) {
                    name = try expectName()
                    bind(name!)
                }
            }
            handlers.append(ExceptHandler(type: type, name: name, body: try block(after: "'except' statement", line: handlerLine), line: handlerLine))
        }
        let orElse = try elseBlock()
        var finally: [Stmt] = []
        if isKeyword(.kwFinally) {
            let finallyLine = line
            index += 1
            finally = try block(after: "'finally' statement", line: finallyLine)
        }
        if handlers.isEmpty && finally.isEmpty {
            throw error("expected 'except' or 'finally' block")
        }
        return Stmt(.tryStmt(body: body, handlers: handlers, orElse: orElse, finally: finally), line: l, column: c)
    }

    mutating func parameters(closing: TokenCode) throws(ParseError) -> [Parameter] {
        var params: [Parameter] = []
        var keywordOnly = false
        var seenDefault = false
        while !isOp(closing) {
            if accept(.star) {
                if current.kind == .name {
                    params.append(Parameter(name: try expectName(), kind: .varArgs, defaultValue: nil))
                    if closing == .rparen && accept(.colon) { _ = try expression() }
                }
                keywordOnly = true
            } else if accept(.doubleStar) {
                params.append(Parameter(name: try expectName(), kind: .varKeywords, defaultValue: nil))
                if closing == .rparen && accept(.colon) { _ = try expression() }
            } else if accept(.slash) {
                // Positional-only marker: accepted, treated as ordinary parameters.
            } else {
                let nameToken = current
                let name = try expectName()
                if closing == .rparen && accept(.colon) { _ = try expression() }
                var defaultValue: Expr?
                if accept(.assign) {
                    defaultValue = try expression()
                    seenDefault = true
                } else if seenDefault && !keywordOnly {
                    throw error("non-default argument follows default argument", at: nameToken)
                }
                if params.contains(where: { $0.name == name }) {
                    throw error("duplicate argument '\(name)' in function definition", at: nameToken)
                }
                params.append(Parameter(name: name, kind: keywordOnly ? .keywordOnly : .normal, defaultValue: defaultValue))
            }
            if !accept(.comma) { break }
        }
        return params
    }

    mutating func functionDef(decorators: [Expr]) throws(ParseError) -> Stmt {
        let (l, c) = (line, column)
        index += 1
        let name = try expectName()
        bind(name)
        try expect(.lparen)
        let params = try parameters(closing: .rparen)
        try expect(.rparen)
        if accept(.arrow) { _ = try expression() }
        let scope = ScopeInfo()
        params.forEach { scope.bindLocal($0.name) }
        scopes.append(scope)
        let body = try block(after: "function definition", line: l)
        scopes.removeLast()
        scope.unbindLocals(scope.globals)
        scope.unbindLocals(scope.nonlocals)
        SlotResolver.resolve(body, in: scope)
        let code = FunctionCode(name: name, parameters: params, body: body, scope: scope, line: l, isLambda: false, filename: filename)
        return Stmt(.functionDef(code, decorators: decorators), line: l, column: c)
    }

    mutating func classDef(decorators: [Expr]) throws(ParseError) -> Stmt {
        let (l, c) = (line, column)
        index += 1
        let name = try expectName()
        bind(name)
        var bases: [CallArg] = []
        if accept(.lparen) {
            bases = try callArguments()
        }
        scopes.append(ScopeInfo())
        let body = try block(after: "class definition", line: l)
        scopes.removeLast()
        return Stmt(.classDef(name: name, bases: bases, body: body, decorators: decorators), line: l, column: c)
    }

    mutating func simpleStatements(into body: inout [Stmt]) throws(ParseError) {
        body.append(try simpleStatement())
        while accept(.semicolon) {
            if current.kind == .newline { break }
            body.append(try simpleStatement())
        }
        guard current.kind == .newline || current.kind == .end else {
            throw error()
        }
        if current.kind == .newline { index += 1 }
    }

    mutating func dottedName() throws(ParseError) -> String { try dottedNameAndHead().name }

    /// `a.b.c` and its first part `a` (what `import a.b.c` binds), built by appending, without splitting it again.
    mutating func dottedNameAndHead() throws(ParseError) -> (name: String, head: String) {
        let head = try expectName()
        var name = head
        while accept(.dot) {
            name.append(".")
            name.append(try expectName())
        }
        return (name, head)
    }

    mutating func simpleStatement() throws(ParseError) -> Stmt {
        let (l, c) = (line, column)
        if current.kind == .keyword {
            switch code {
            case .kwPass: index += 1; return Stmt(.pass, line: l, column: c)
            case .kwBreak: index += 1; return Stmt(.breakStmt, line: l, column: c)
            case .kwContinue: index += 1; return Stmt(.continueStmt, line: l, column: c)
            case .kwReturn:
                index += 1
                let value = atStatementEnd ? nil : try expressionList()
                return Stmt(.returnStmt(value), line: l, column: c)
            case .kwRaise:
                index += 1
                if atStatementEnd { return Stmt(.raise(nil, cause: nil), line: l, column: c) }
                let exc = try expression()
                let cause = accept(.kwFrom) ? try expression() : nil
                return Stmt(.raise(exc, cause: cause), line: l, column: c)
            case .kwAssert:
                index += 1
                let test = try expression()
                let message = accept(.comma) ? try expression() : nil
                return Stmt(.assert(test, message), line: l, column: c)
            case .kwGlobal, .kwNonlocal:
                let isGlobal = code == .kwGlobal
                index += 1
                var names = [try expectName()]
                while accept(.comma) { names.append(try expectName()) }
                if isGlobal {
                    scopes[scopes.count - 1].globals.formUnion(names)
                    return Stmt(.global(names), line: l, column: c)
                }
                if scopes.count == 1 { throw ParseError(message: "nonlocal declaration not allowed at module level", line: l, column: c + 1) }
                scopes[scopes.count - 1].nonlocals.formUnion(names)
                return Stmt(.nonlocal(names), line: l, column: c)
            case .kwDel:
                index += 1
                var targets = [try expression()]
                while accept(.comma) { if atStatementEnd { break }; targets.append(try expression()) }
                targets.forEach { bindTarget($0) }
                return Stmt(.del(targets), line: l, column: c)
            case .kwImport:
                index += 1
                var names: [ImportName] = []
                repeat {
                    let (name, head) = try dottedNameAndHead()
                    let alias = accept(.kwAs) ? try expectName() : nil
                    bind(alias ?? head)
                    names.append(ImportName(name: name, alias: alias))
                } while accept(.comma)
                return Stmt(.importModule(names), line: l, column: c)
            case .kwFrom:
                index += 1
                var level = 0
                while isOp(.dot) || isOp(.ellipsis) { level += current.range.count; index += 1 }
                let module = level > 0 && isKeyword(.kwImport) ? "" : try dottedName()
                try expect(.kwImport)
                var names: [ImportName] = []
                if accept(.star) {
                    names.append(ImportName(name: "*", alias: nil))
                } else {
                    let parenthesized = accept(.lparen)
                    repeat {
                        if parenthesized && isOp(.rparen) { break }
                        let name = try expectName()
                        let alias = accept(.kwAs) ? try expectName() : nil
                        bind(alias ?? name)
                        names.append(ImportName(name: name, alias: alias))
                    } while accept(.comma)
                    if parenthesized { try expect(.rparen) }
                }
                return Stmt(.importFrom(String(repeating: ".", count: level) + module, names), line: l, column: c)
            default: break
            }
        }
        let first = try starExpressionList()
        if accept(.assign) {
            // `a = b = value`: every part but the last is a target (appended only once the next `=` is seen, so a
            // plain assignment's target array is never regrown).
            var targets = [first]
            var value = isKeyword(.kwYield) ? try yieldExpression() : try starExpressionList()
            while accept(.assign) {
                targets.append(value)
                value = isKeyword(.kwYield) ? try yieldExpression() : try starExpressionList()
            }
            for target in targets {
                try checkTarget(target)
                bindTarget(target)
            }
            return Stmt(.assign(targets, value), line: l, column: c)
        }
        if code == .augmented || code == .walrus {
            let opText = String(text(current).dropLast())
            guard let op = BinaryOp(rawValue: opText) else { throw error() }
            index += 1
            try checkTarget(first, augmented: true)
            bindTarget(first)
            let value = isKeyword(.kwYield) ? try yieldExpression() : try expressionList()
            return Stmt(.augAssign(first, op, value), line: l, column: c)
        }
        if accept(.colon) {
            let annotation = try expression()
            _ = annotation
            let value = accept(.assign) ? try expressionList() : nil
            try checkTarget(first)
            if value != nil { bindTarget(first) }
            return Stmt(.annAssign(first, value), line: l, column: c)
        }
        return Stmt(.expr(first), line: l, column: c)
    }

    var atStatementEnd: Bool { current.kind == .newline || current.kind == .end || isOp(.semicolon) }
}
