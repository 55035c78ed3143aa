extension Parser {
    func make(_ kind: ExprKind, _ token: PythonToken) -> Expr {
        Expr(kind, line: token.line + lineOffset, column: token.column)
    }

    var startsExpression: Bool {
        switch current.kind {
        case .name, .number, .string: return true
        case .keyword: return ["None", "True", "False", "not", "lambda", "await", "yield"].contains(current.text)
        case .op: return ["(", "[", "{", "-", "+", "~", "...", "*"].contains(current.text)
        default: return false
        }
    }

    /// `a, b` → tuple; a single expression stays itself.
    mutating func expressionList() throws(ParseError) -> Expr {
        let start = current
        let first = try expression()
        if !isOp(",") { return first }
        var items = [first]
        while accept(",") {
            if !startsExpression || isOp("*") { break }
            items.append(try expression())
        }
        return make(.tuple(items), start)
    }

    mutating func starOrExpression() throws(ParseError) -> Expr {
        if isOp("*") {
            let start = current
            index += 1
            return make(.starred(try bitOr()), start)
        }
        return try expression()
    }

    mutating func starExpressionList() throws(ParseError) -> Expr {
        let start = current
        let first = try starOrExpression()
        if !isOp(",") {
            if case .starred = first.kind { throw ParseError(message: "can't use starred expression here", line: first.line, column: first.column + 1) }
            return first
        }
        var items = [first]
        while accept(",") {
            if !startsExpression { break }
            items.append(try starOrExpression())
        }
        return make(.tuple(items), start)
    }

    /// Targets of `for` (stops before `in`).
    mutating func targetList() throws(ParseError) -> Expr {
        let start = current
        var items: [Expr] = []
        repeat {
            if isKeyword("in") { break }
            if accept("*") {
                items.append(make(.starred(try bitOr()), start))
            } else {
                items.append(try bitOr())
            }
        } while accept(",")
        if items.count == 1 && !(tokens[index - 1].text == ",") { return items[0] }
        return make(.tuple(items), start)
    }

    mutating func primaryTarget() throws(ParseError) -> Expr { try bitOr() }

    mutating func yieldExpression() throws(ParseError) -> Expr {
        let start = current
        index += 1
        if atStatementEnd || isOp(")") { return make(.yield(nil), start) }
        return make(.yield(try expressionList()), start)
    }

    mutating func expression() throws(ParseError) -> Expr {
        if isKeyword("lambda") { return try lambda() }
        if isKeyword("yield") { return try yieldExpression() }
        let start = current
        if current.kind == .name && peekToken().kind == .op && peekToken().text == ":=" {
            let name = current.text
            index += 2
            bind(name)
            return make(.walrus(name, try expression()), start)
        }
        let body = try orTest()
        if isKeyword("if") {
            index += 1
            let test = try orTest()
            guard accept("else") else { throw error("expected 'else' after 'if' expression") }
            let orElse = try expression()
            return make(.ifExp(test: test, body: body, orElse: orElse), start)
        }
        return body
    }

    mutating func lambda() throws(ParseError) -> Expr {
        let start = current
        index += 1
        let params = try parameters(closing: ":")
        try expect(":")
        let scope = ScopeInfo()
        params.forEach { scope.locals.insert($0.name) }
        scopes.append(scope)
        let body = try expression()
        scopes.removeLast()
        scope.locals.subtract(scope.globals)
        let returnStmt = Stmt(.returnStmt(body), line: body.line, column: body.column)
        let code = FunctionCode(name: "<lambda>", parameters: params, body: [returnStmt], scope: scope, line: start.line + lineOffset, isLambda: true, filename: filename)
        return make(.lambda(code), start)
    }

    mutating func orTest() throws(ParseError) -> Expr {
        var left = try andTest()
        while isKeyword("or") {
            let token = current
            index += 1
            left = make(.boolOr(left, try andTest()), token)
            left = Expr(left.kind, line: left.line, column: left.column)
        }
        return left
    }

    mutating func andTest() throws(ParseError) -> Expr {
        var left = try notTest()
        while isKeyword("and") {
            let token = current
            index += 1
            left = make(.boolAnd(left, try notTest()), token)
        }
        return left
    }

    mutating func notTest() throws(ParseError) -> Expr {
        if isKeyword("not") {
            let token = current
            index += 1
            return make(.unary(.not, try notTest()), token)
        }
        return try comparison()
    }

    mutating func comparison() throws(ParseError) -> Expr {
        let start = current
        let left = try bitOr()
        var ops: [(CompareOp, Expr)] = []
        while true {
            var op: CompareOp?
            if current.kind == .op, let o = CompareOp(rawValue: current.text) {
                op = o; index += 1
            } else if isKeyword("in") {
                op = .inOp; index += 1
            } else if isKeyword("not") && peekToken().text == "in" {
                op = .notIn; index += 2
            } else if isKeyword("is") {
                index += 1
                if accept("not") { op = .isNot } else { op = .isOp }
            }
            guard let found = op else { break }
            ops.append((found, try bitOr()))
        }
        if ops.isEmpty { return left }
        return Expr(.compare(left, ops), line: left.line, column: left.column).withStart(start, lineOffset)
    }

    mutating func binaryLevel(_ ops: [String], next: (inout Parser) throws(ParseError) -> Expr) throws(ParseError) -> Expr {
        var left = try next(&self)
        while current.kind == .op, ops.contains(current.text) {
            let op = BinaryOp(rawValue: current.text)!
            index += 1
            let right = try next(&self)
            left = Expr(.binary(op, left, right), line: left.line, column: left.column)
        }
        return left
    }

    mutating func bitOr() throws(ParseError) -> Expr { try binaryLevel(["|"]) { (p: inout Parser) throws(ParseError) in try p.bitXor() } }
    mutating func bitXor() throws(ParseError) -> Expr { try binaryLevel(["^"]) { (p: inout Parser) throws(ParseError) in try p.bitAnd() } }
    mutating func bitAnd() throws(ParseError) -> Expr { try binaryLevel(["&"]) { (p: inout Parser) throws(ParseError) in try p.shift() } }
    mutating func shift() throws(ParseError) -> Expr { try binaryLevel(["<<", ">>"]) { (p: inout Parser) throws(ParseError) in try p.arith() } }
    mutating func arith() throws(ParseError) -> Expr { try binaryLevel(["+", "-"]) { (p: inout Parser) throws(ParseError) in try p.term() } }
    mutating func term() throws(ParseError) -> Expr {
        try binaryLevel(["*", "/", "//", "%", "@"]) { (p: inout Parser) throws(ParseError) in try p.factor() }
    }

    mutating func factor() throws(ParseError) -> Expr {
        if current.kind == .op, let op = ["-": UnaryOp.neg, "+": .pos, "~": .invert][current.text] {
            let token = current
            index += 1
            let operand = try factor()
            if op == .neg, case .int(let v) = operand.kind { return make(.int(-v), token) }
            if op == .neg, case .float(let v) = operand.kind { return make(.float(-v), token) }
            return make(.unary(op, operand), token)
        }
        return try power()
    }

    mutating func power() throws(ParseError) -> Expr {
        let base = try primary()
        if accept("**") {
            let exponent = try factor()
            return Expr(.binary(.pow, base, exponent), line: base.line, column: base.column)
        }
        return base
    }

    mutating func primary() throws(ParseError) -> Expr {
        var expr = try atom()
        while true {
            if isOp(".") {
                index += 1
                let name = try expectName()
                expr = Expr(.attribute(expr, name), line: expr.line, column: expr.column)
            } else if isOp("(") {
                index += 1
                let args = try callArguments()
                expr = Expr(.call(expr, args), line: expr.line, column: expr.column)
            } else if isOp("[") {
                index += 1
                let sub = try subscriptList()
                try expect("]")
                expr = Expr(.item(expr, sub), line: expr.line, column: expr.column)
            } else {
                return expr
            }
        }
    }

    /// Parses call arguments after `(` up to and including `)`.
    mutating func callArguments() throws(ParseError) -> [CallArg] {
        var args: [CallArg] = []
        var sawKeyword = false
        while !isOp(")") {
            if accept("*") {
                args.append(.star(try expression()))
            } else if accept("**") {
                args.append(.doubleStar(try expression()))
                sawKeyword = true
            } else if current.kind == .name && peekToken().kind == .op && peekToken().text == "=" {
                let name = current.text
                index += 2
                args.append(.keyword(name, try expression()))
                sawKeyword = true
            } else {
                let start = current
                let value = try expression()
                if isKeyword("for") {
                    args.append(.positional(try comprehension(value, start: start, kind: "gen")))
                } else {
                    if sawKeyword {
                        let message = args.contains { if case .doubleStar = $0 { true } else { false } }
                            ? "positional argument follows keyword argument unpacking" : "positional argument follows keyword argument"
                        throw ParseError(message: message, line: value.line, column: value.column + 1)
                    }
                    args.append(.positional(value))
                }
            }
            if !accept(",") { break }
        }
        guard accept(")") else {
            if current.kind == .newline || current.kind == .end { throw error("'(' was never closed") }
            throw error("invalid syntax. Perhaps you forgot a comma?")
        }
        return args
    }

    mutating func subscriptList() throws(ParseError) -> Expr {
        let start = current
        let first = try sliceItem()
        if !isOp(",") { return first }
        var items = [first]
        while accept(",") {
            if isOp("]") { break }
            items.append(try sliceItem())
        }
        return make(.tuple(items), start)
    }

    mutating func sliceItem() throws(ParseError) -> Expr {
        let start = current
        var lower: Expr?
        if !isOp(":") {
            if isOp("*") { return try starOrExpression() }
            lower = try expression()
            if !isOp(":") { return lower! }
        }
        index += 1
        var upper: Expr?
        var step: Expr?
        if !isOp(":") && !isOp("]") && !isOp(",") { upper = try expression() }
        if accept(":") {
            if !isOp("]") && !isOp(",") { step = try expression() }
        }
        return make(.slice(lower, upper, step), start)
    }

    mutating func comprehension(_ element: Expr, value: Expr? = nil, start: PythonToken, kind: String) throws(ParseError) -> Expr {
        let scope = ScopeInfo()
        scopes.append(scope)
        var clauses: [ComprehensionClause] = []
        while isKeyword("for") {
            index += 1
            let target = try targetList()
            try checkTarget(target)
            bindTarget(target)
            try expect("in")
            let iterable = try orTest()
            var conditions: [Expr] = []
            while isKeyword("if") {
                index += 1
                conditions.append(try orTest())
            }
            clauses.append(ComprehensionClause(target: target, iterable: iterable, conditions: conditions))
        }
        scopes.removeLast()
        switch kind {
        case "list": return make(.listComp(element, clauses, scope), start)
        case "set": return make(.setComp(element, clauses, scope), start)
        case "dict": return make(.dictComp(element, value!, clauses, scope), start)
        default: return make(.generator(element, clauses, scope), start)
        }
    }

    mutating func atom() throws(ParseError) -> Expr {
        let token = current
        switch token.kind {
        case .name:
            index += 1
            return make(.name(token.text), token)
        case .number:
            index += 1
            return make(try parseNumber(token), token)
        case .string:
            return try strings()
        case .keyword:
            switch token.text {
            case "None": index += 1; return make(.constant(.none), token)
            case "True": index += 1; return make(.constant(.true), token)
            case "False": index += 1; return make(.constant(.false), token)
            default: throw error()
            }
        case .op:
            switch token.text {
            case "(":
                index += 1
                if accept(")") { return make(.tuple([]), token) }
                if isKeyword("yield") {
                    let y = try yieldExpression()
                    try expect(")")
                    return y
                }
                let first = try starOrExpression()
                if isKeyword("for") {
                    let gen = try comprehension(first, start: token, kind: "gen")
                    try expect(")")
                    return gen
                }
                if accept(")") {
                    if case .starred = first.kind { throw ParseError(message: "cannot use starred expression here", line: first.line, column: first.column + 1) }
                    return first
                }
                var items = [first]
                while accept(",") {
                    if isOp(")") { break }
                    items.append(try starOrExpression())
                }
                guard accept(")") else {
                    if current.kind == .newline || current.kind == .end { throw error("'(' was never closed", at: token) }
                    throw error("invalid syntax. Perhaps you forgot a comma?")
                }
                return make(.tuple(items), token)
            case "[":
                index += 1
                if accept("]") { return make(.list([]), token) }
                let first = try starOrExpression()
                if isKeyword("for") {
                    let comp = try comprehension(first, start: token, kind: "list")
                    try expect("]")
                    return comp
                }
                var items = [first]
                while accept(",") {
                    if isOp("]") { break }
                    items.append(try starOrExpression())
                }
                guard accept("]") else {
                    if current.kind == .newline || current.kind == .end { throw error("'[' was never closed", at: token) }
                    throw error("invalid syntax. Perhaps you forgot a comma?")
                }
                return make(.list(items), token)
            case "{":
                index += 1
                if accept("}") { return make(.dict([]), token) }
                if accept("**") {
                    var entries: [(Expr?, Expr)] = [(nil, try bitOr())]
                    try dictRest(&entries)
                    return make(.dict(entries), token)
                }
                let first = try starOrExpression()
                if accept(":") {
                    let value = try expression()
                    if isKeyword("for") {
                        let comp = try comprehension(first, value: value, start: token, kind: "dict")
                        try expect("}")
                        return comp
                    }
                    var entries: [(Expr?, Expr)] = [(first, value)]
                    try dictRest(&entries)
                    return make(.dict(entries), token)
                }
                if isKeyword("for") {
                    let comp = try comprehension(first, start: token, kind: "set")
                    try expect("}")
                    return comp
                }
                var items = [first]
                while accept(",") {
                    if isOp("}") { break }
                    items.append(try starOrExpression())
                }
                try expect("}")
                return make(.set(items), token)
            case "...":
                index += 1
                return make(.constant(.ellipsis), token)
            default:
                throw error()
            }
        case .newline, .end:
            throw error()
        case .indent:
            throw error("unexpected indent", type: "IndentationError")
        default:
            throw error()
        }
    }

    mutating func dictRest(_ entries: inout [(Expr?, Expr)]) throws(ParseError) {
        while accept(",") {
            if isOp("}") { break }
            if accept("**") {
                entries.append((nil, try bitOr()))
            } else {
                let key = try expression()
                try expect(":")
                entries.append((key, try expression()))
            }
        }
        try expect("}")
    }

    func parseNumber(_ token: PythonToken) throws(ParseError) -> ExprKind {
        // Plain decimal literals (`3`, `0`, `1.5`) without the string work below.
        let utf8 = token.text.utf8
        var dots = 0
        if utf8.allSatisfy({ byte in
            if byte == UInt8(ascii: ".") { dots += 1 }
            return (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: ".")
        }) {
            if dots == 0, utf8.count == 1 || utf8.first != UInt8(ascii: "0"), let value = Int(token.text) { return .int(value) }
            if dots == 1, utf8.count > 1, let value = Double(token.text) { return .float(value) }
        }
        let text = token.text.replacingOccurrences("_", "")
        let lower = text.lowercased()
        if lower.hasSuffix("j") {
            throw error("complex numbers are not supported in quiz snippets", at: token)
        }
        if lower.hasPrefix("0x") || lower.hasPrefix("0o") || lower.hasPrefix("0b") {
            let radix = lower.hasPrefix("0x") ? 16 : lower.hasPrefix("0o") ? 8 : 2
            guard let value = Int(lower.dropFirst(2), radix: radix) else {
                throw error("integer literal too large (quiz snippets support 64-bit integers)", at: token)
            }
            return .int(value)
        }
        if !lower.contains(".") && !lower.contains("e") {
            if lower.count > 1 && lower.hasPrefix("0") && lower.contains(where: { $0 != "0" }) {
                throw error("leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", at: token)
            }
            guard let value = Int(lower) else {
                throw error("integer literal too large (quiz snippets support 64-bit integers)", at: token)
            }
            return .int(value)
        }
        return .float(Double(lower) ?? .infinity)
    }
}

extension Expr {
    func withStart(_ token: PythonToken, _ offset: Int) -> Expr { self }
}

extension StringProtocol {
    func replacingOccurrences(_ target: Character, _ replacement: String) -> String {
        var result = ""
        for c in self { if c == target { result += replacement } else { result.append(c) } }
        return result
    }
}
