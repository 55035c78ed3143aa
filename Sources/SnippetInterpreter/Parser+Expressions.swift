extension Parser {
    func make(_ kind: ExprKind, _ token: LexToken) -> Expr {
        Expr(kind, line: token.line + lineOffset, column: token.column)
    }

    var startsExpression: Bool {
        switch current.kind {
        case .name, .number, .string: return true
        case .keyword, .op:
            switch code {
            case .kwNone, .kwTrue, .kwFalse, .kwNot, .kwLambda, .kwAwait, .kwYield: return true
            case .lparen, .lbracket, .lbrace, .minus, .plus, .tilde, .ellipsis, .star: return true
            default: return false
            }
        default: return false
        }
    }

    /// `a, b` → tuple; a single expression stays itself.
    mutating func expressionList() throws(ParseError) -> Expr {
        let start = current
        let first = try expression()
        if !isOp(.comma) { return first }
        var items = [first]
        while accept(.comma) {
            if !startsExpression || isOp(.star) { break }
            items.append(try expression())
        }
        return make(.tuple(items), start)
    }

    mutating func starOrExpression() throws(ParseError) -> Expr {
        if isOp(.star) {
            let start = current
            index += 1
            return make(.starred(try bitOr()), start)
        }
        return try expression()
    }

    mutating func starExpressionList() throws(ParseError) -> Expr {
        let start = current
        let first = try starOrExpression()
        if !isOp(.comma) {
            if case .starred = first.kind { throw ParseError(message: "can't use starred expression here", line: first.line, column: first.column + 1) }
            return first
        }
        var items = [first]
        while accept(.comma) {
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
            if isKeyword(.kwIn) { break }
            if accept(.star) {
                items.append(make(.starred(try bitOr()), start))
            } else {
                items.append(try bitOr())
            }
        } while accept(.comma)
        if items.count == 1 && tokens[index - 1].code != .comma { return items[0] }
        return make(.tuple(items), start)
    }

    mutating func primaryTarget() throws(ParseError) -> Expr { try bitOr() }

    mutating func yieldExpression() throws(ParseError) -> Expr {
        let start = current
        index += 1
        if atStatementEnd || isOp(.rparen) { return make(.yield(nil), start) }
        return make(.yield(try expressionList()), start)
    }

    mutating func expression() throws(ParseError) -> Expr {
        if isKeyword(.kwLambda) { return try lambda() }
        if isKeyword(.kwYield) { return try yieldExpression() }
        let start = current
        if current.kind == .name && peekToken().code == .walrus {
            let name = text(current)
            index += 2
            bind(name)
            return make(.walrus(name, try expression()), start)
        }
        let body = try orTest()
        if isKeyword(.kwIf) {
            index += 1
            let test = try orTest()
            guard accept(.kwElse) else { throw error("expected 'else' after 'if' expression") }
            let orElse = try expression()
            return make(.ifExp(test: test, body: body, orElse: orElse), start)
        }
        return body
    }

    mutating func lambda() throws(ParseError) -> Expr {
        let start = current
        index += 1
        let params = try parameters(closing: .colon)
        try expect(.colon)
        let scope = ScopeInfo()
        params.forEach { scope.bindLocal($0.name) }
        scopes.append(scope)
        let body = try expression()
        scopes.removeLast()
        scope.unbindLocals(scope.globals)
        let returnStmt = Stmt(.returnStmt(body), line: body.line, column: body.column)
        SlotResolver.resolve([returnStmt], in: scope)
        let code = FunctionCode(name: "<lambda>", parameters: params, body: [returnStmt], scope: scope, line: start.line + lineOffset, isLambda: true, filename: filename)
        return make(.lambda(code), start)
    }

    /// `or`/`and`/`not`, comparisons and binary operators. Most operands stand alone (call arguments, subscripts,
    /// right-hand sides), so a leading primary is parsed first and returned at once when no operator follows it;
    /// otherwise it is handed down as the first operand (`first`) to the levels it would have been parsed by.
    mutating func orTest() throws(ParseError) -> Expr {
        var first: Expr?
        if !isKeyword(.kwNot) && Parser.unaryOp(code) == nil {
            let operand = try power()
            if !Parser.continuesOperand(code) { return operand }
            first = operand
        }
        var left = try andTest(first: first)
        while isKeyword(.kwOr) {
            let token = current
            index += 1
            left = make(.boolOr(left, try andTest()), token)
        }
        return left
    }

    /// Whether a token after an operand is an operator `orTest` goes on with (`**` is taken by `power` already).
    static func continuesOperand(_ code: TokenCode) -> Bool {
        switch code {
        case .pipe, .caret, .amp, .lshift, .rshift, .plus, .minus, .star, .slash, .doubleSlash, .percent, .at: true
        case .eq, .ne, .lt, .le, .gt, .ge, .kwIn, .kwNot, .kwIs, .kwAnd, .kwOr: true
        default: false
        }
    }

    mutating func andTest(first: Expr? = nil) throws(ParseError) -> Expr {
        var left = try notTest(first: first)
        while isKeyword(.kwAnd) {
            let token = current
            index += 1
            left = make(.boolAnd(left, try notTest()), token)
        }
        return left
    }

    /// `first`: an operand already parsed (never a `not`).
    mutating func notTest(first: Expr? = nil) throws(ParseError) -> Expr {
        if first == nil && isKeyword(.kwNot) {
            let token = current
            index += 1
            return make(.unary(.not, try notTest()), token)
        }
        return try comparison(first: first)
    }

    mutating func comparison(first: Expr? = nil) throws(ParseError) -> Expr {
        let left = try binary(from: 1, first: first)
        var ops: [(CompareOp, Expr)] = []
        while true {
            var op: CompareOp?
            if let o = code.compareOp {
                op = o; index += 1
            } else if isKeyword(.kwIn) {
                op = .inOp; index += 1
            } else if isKeyword(.kwNot) && peekToken().code == .kwIn {
                op = .notIn; index += 2
            } else if isKeyword(.kwIs) {
                index += 1
                if accept(.kwNot) { op = .isNot } else { op = .isOp }
            }
            guard let found = op else { break }
            ops.append((found, try bitOr()))
        }
        if ops.isEmpty { return left }
        return Expr(.compare(left, ops), line: left.line, column: left.column)
    }

    /// The binary operators from `|` down to `* / // % @`, by precedence climbing: one loop over the six
    /// left-associative levels instead of a function per level, with the same trees.
    mutating func bitOr() throws(ParseError) -> Expr { try binary(from: 1) }

    /// Operands joined by binary operators of precedence `minimum` or higher (`Parser.precedence`); `first`: the
    /// first operand, already parsed.
    mutating func binary(from minimum: Int, first: Expr? = nil) throws(ParseError) -> Expr {
        var left: Expr
        if let first { left = first } else { left = try factor() }
        while true {
            let level = Parser.precedence(code)
            guard level >= minimum, let op = code.binaryOp else { return left }
            index += 1
            let right = try binary(from: level + 1)
            left = Expr(.binary(op, left, right), line: left.line, column: left.column)
        }
    }

    /// A binary operator's precedence, loosest first: `|` 1, `^` 2, `&` 3, shifts 4, `+ -` 5, `* / // % @` 6;
    /// 0 for any other token (`**` binds in `power`).
    static func precedence(_ code: TokenCode) -> Int {
        switch code {
        case .pipe: 1
        case .caret: 2
        case .amp: 3
        case .lshift, .rshift: 4
        case .plus, .minus: 5
        case .star, .slash, .doubleSlash, .percent, .at: 6
        default: 0
        }
    }

    mutating func factor() throws(ParseError) -> Expr {
        if let op = Parser.unaryOp(code) {
            let token = current
            index += 1
            let operand = try factor()
            if op == .neg, case .int(let v) = operand.kind { return make(.int(-v), token) }
            if op == .neg, case .float(let v) = operand.kind { return make(.float(-v), token) }
            return make(.unary(op, operand), token)
        }
        return try power()
    }

    static func unaryOp(_ code: TokenCode) -> UnaryOp? {
        switch code {
        case .minus: .neg
        case .plus: .pos
        case .tilde: .invert
        default: nil
        }
    }

    mutating func power() throws(ParseError) -> Expr {
        let base = try primary()
        if accept(.doubleStar) {
            let exponent = try factor()
            return Expr(.binary(.pow, base, exponent), line: base.line, column: base.column)
        }
        return base
    }

    mutating func primary() throws(ParseError) -> Expr {
        var expr = try atom()
        while true {
            if isOp(.dot) {
                index += 1
                let name = try expectName()
                expr = Expr(.attribute(expr, name), line: expr.line, column: expr.column)
            } else if isOp(.lparen) {
                index += 1
                let args = try callArguments()
                expr = Expr(.call(expr, args), line: expr.line, column: expr.column)
            } else if isOp(.lbracket) {
                index += 1
                let sub = try subscriptList()
                try expect(.rbracket)
                expr = Expr(.item(expr, sub), line: expr.line, column: expr.column)
            } else {
                return expr
            }
        }
    }

    /// Parses call arguments after `(` up to and including `)`.
    mutating func callArguments() throws(ParseError) -> [CallArg] {
        if accept(.rparen) { return [] }
        var args: [CallArg] = []
        args.reserveCapacity(4) // most calls pass one to four: one allocation instead of up to three
        var sawKeyword = false
        while !isOp(.rparen) {
            if accept(.star) {
                args.append(.star(try expression()))
            } else if accept(.doubleStar) {
                args.append(.doubleStar(try expression()))
                sawKeyword = true
            } else if current.kind == .name && peekToken().code == .assign {
                let name = text(current)
                index += 2
                args.append(.keyword(name, try expression()))
                sawKeyword = true
            } else {
                let start = current
                let value = try expression()
                if isKeyword(.kwFor) {
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
            if !accept(.comma) { break }
        }
        guard accept(.rparen) else {
            if current.kind == .newline || current.kind == .end { throw error("'(' was never closed") }
            throw error("invalid syntax. Perhaps you forgot a comma?")
        }
        return args
    }

    mutating func subscriptList() throws(ParseError) -> Expr {
        let start = current
        let first = try sliceItem()
        if !isOp(.comma) { return first }
        var items = [first]
        while accept(.comma) {
            if isOp(.rbracket) { break }
            items.append(try sliceItem())
        }
        return make(.tuple(items), start)
    }

    mutating func sliceItem() throws(ParseError) -> Expr {
        let start = current
        var lower: Expr?
        if !isOp(.colon) {
            if isOp(.star) { return try starOrExpression() }
            lower = try expression()
            if !isOp(.colon) { return lower! }
        }
        index += 1
        var upper: Expr?
        var step: Expr?
        if !isOp(.colon) && !isOp(.rbracket) && !isOp(.comma) { upper = try expression() }
        if accept(.colon) {
            if !isOp(.rbracket) && !isOp(.comma) { step = try expression() }
        }
        return make(.slice(lower, upper, step), start)
    }

    mutating func comprehension(_ element: Expr, value: Expr? = nil, start: LexToken, kind: String) throws(ParseError) -> Expr {
        let scope = ScopeInfo()
        scopes.append(scope)
        var clauses: [ComprehensionClause] = []
        while isKeyword(.kwFor) {
            index += 1
            let target = try targetList()
            try checkTarget(target)
            bindTarget(target)
            try expect(.kwIn)
            let iterable = try orTest()
            var conditions: [Expr] = []
            while isKeyword(.kwIf) {
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
            return make(.name(text(token)), token)
        case .number:
            index += 1
            return make(try parseNumber(token), token)
        case .string:
            return try strings()
        case .keyword:
            switch token.code {
            case .kwNone: index += 1; return make(.constant(.none), token)
            case .kwTrue: index += 1; return make(.constant(.true), token)
            case .kwFalse: index += 1; return make(.constant(.false), token)
            default: throw error()
            }
        case .op:
            switch token.code {
            case .lparen:
                index += 1
                if accept(.rparen) { return make(.tuple([]), token) }
                if isKeyword(.kwYield) {
                    let y = try yieldExpression()
                    try expect(.rparen)
                    return y
                }
                let first = try starOrExpression()
                if isKeyword(.kwFor) {
                    let gen = try comprehension(first, start: token, kind: "gen")
                    try expect(.rparen)
                    return gen
                }
                if accept(.rparen) {
                    if case .starred = first.kind { throw ParseError(message: "cannot use starred expression here", line: first.line, column: first.column + 1) }
                    return first
                }
                var items = [first]
                while accept(.comma) {
                    if isOp(.rparen) { break }
                    items.append(try starOrExpression())
                }
                guard accept(.rparen) else {
                    if current.kind == .newline || current.kind == .end { throw error("'(' was never closed", at: token) }
                    throw error("invalid syntax. Perhaps you forgot a comma?")
                }
                return make(.tuple(items), token)
            case .lbracket:
                index += 1
                if accept(.rbracket) { return make(.list([]), token) }
                let first = try starOrExpression()
                if isKeyword(.kwFor) {
                    let comp = try comprehension(first, start: token, kind: "list")
                    try expect(.rbracket)
                    return comp
                }
                var items = [first]
                while accept(.comma) {
                    if isOp(.rbracket) { break }
                    items.append(try starOrExpression())
                }
                guard accept(.rbracket) else {
                    if current.kind == .newline || current.kind == .end { throw error("'[' was never closed", at: token) }
                    throw error("invalid syntax. Perhaps you forgot a comma?")
                }
                return make(.list(items), token)
            case .lbrace:
                index += 1
                if accept(.rbrace) { return make(.dict([]), token) }
                if accept(.doubleStar) {
                    var entries: [(Expr?, Expr)] = [(nil, try bitOr())]
                    try dictRest(&entries)
                    return make(.dict(entries), token)
                }
                let first = try starOrExpression()
                if accept(.colon) {
                    let value = try expression()
                    if isKeyword(.kwFor) {
                        let comp = try comprehension(first, value: value, start: token, kind: "dict")
                        try expect(.rbrace)
                        return comp
                    }
                    var entries: [(Expr?, Expr)] = [(first, value)]
                    try dictRest(&entries)
                    return make(.dict(entries), token)
                }
                if isKeyword(.kwFor) {
                    let comp = try comprehension(first, start: token, kind: "set")
                    try expect(.rbrace)
                    return comp
                }
                var items = [first]
                while accept(.comma) {
                    if isOp(.rbrace) { break }
                    items.append(try starOrExpression())
                }
                try expect(.rbrace)
                return make(.set(items), token)
            case .ellipsis:
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
        while accept(.comma) {
            if isOp(.rbrace) { break }
            if accept(.doubleStar) {
                entries.append((nil, try bitOr()))
            } else {
                let key = try expression()
                try expect(.colon)
                entries.append((key, try expression()))
            }
        }
        try expect(.rbrace)
    }

    func parseNumber(_ token: LexToken) throws(ParseError) -> ExprKind {
        // Plain decimal integers (`3`, `0`, `128`; at most 18 digits, so no overflow) straight from the bytes.
        if token.range.count <= 18 && (token.range.count == 1 || bytes[token.range.lowerBound] != UInt8(ascii: "0")) {
            var value = 0
            var allDigits = true
            for byte in bytes[token.range] {
                guard byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") else { allDigits = false; break }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            if allDigits { return .int(value) }
        }
        // Plain decimal floats (`1.5`) without the string work below.
        let spelling = text(token)
        let utf8 = spelling.utf8
        var dots = 0
        if utf8.allSatisfy({ byte in
            if byte == UInt8(ascii: ".") { dots += 1 }
            return (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: ".")
        }) {
            if dots == 0, utf8.count == 1 || utf8.first != UInt8(ascii: "0"), let value = Int(spelling) { return .int(value) }
            if dots == 1, utf8.count > 1, let value = Double(spelling) { return .float(value) }
        }
        let text = spelling.replacingOccurrences("_", "")
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

extension StringProtocol {
    func replacingOccurrences(_ target: Character, _ replacement: String) -> String {
        var result = ""
        for c in self { if c == target { result += replacement } else { result.append(c) } }
        return result
    }
}
