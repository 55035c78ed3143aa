import Testing
@testable import SnippetInterpreter

/// The parser's tree shapes for the constructs whose precedence, associativity or folding is easy to get wrong.
@Suite struct ParserTests {
    /// A one-line S-expression of `expr`: `(op left right)`, names bare, `@line:column` where asked.
    static func render(_ expr: Expr, positions: Bool = false) -> String {
        let r = { (e: Expr) in render(e, positions: positions) }
        let body: String
        switch expr.kind {
        case .name(let name): body = name
        case .int(let value): body = "\(value)"
        case .float(let value): body = "\(value)"
        case .string(let value): body = "'\(value)'"
        case .bytes(let value): body = "b'\(value)'"
        case .constant(let value): body = "\(value)"
        case .fstring(let parts): body = "(f " + parts.map { render($0, positions: positions) }.joined(separator: " ") + ")"
        case .list(let items): body = "[" + items.map(r).joined(separator: " ") + "]"
        case .tuple(let items): body = "(tuple " + items.map(r).joined(separator: " ") + ")"
        case .set(let items): body = "{" + items.map(r).joined(separator: " ") + "}"
        case .dict(let entries): body = "(dict " + entries.map { ($0.0.map(r) ?? "**") + ":" + r($0.1) }.joined(separator: " ") + ")"
        case .starred(let inner): body = "*" + r(inner)
        case .attribute(let base, let name): body = "(. \(r(base)) \(name))"
        case .item(let base, let index): body = "(sub \(r(base)) \(r(index)))"
        case .slice(let a, let b, let c): body = "(slice \(a.map(r) ?? "_") \(b.map(r) ?? "_") \(c.map(r) ?? "_"))"
        case .call(let callee, let args): body = "(call \(r(callee))" + args.map { " " + render($0, positions: positions) }.joined() + ")"
        case .binary(let op, let a, let b): body = "(\(op.rawValue) \(r(a)) \(r(b)))"
        case .unary(let op, let a): body = "(\(op.rawValue) \(r(a)))"
        case .boolAnd(let a, let b): body = "(and \(r(a)) \(r(b)))"
        case .boolOr(let a, let b): body = "(or \(r(a)) \(r(b)))"
        case .compare(let a, let ops): body = "(cmp \(r(a))" + ops.map { " \($0.0.rawValue) \(r($0.1))" }.joined() + ")"
        case .ifExp(let test, let a, let b): body = "(if \(r(test)) \(r(a)) \(r(b)))"
        case .lambda(let code):
            let params = code.parameters.map { "\($0.kind):\($0.name)" + ($0.defaultValue.map { "=" + r($0) } ?? "") }
            guard case .returnStmt(let value?) = code.body[0].kind else { return "?" }
            body = "(lambda [\(params.joined(separator: " "))] \(r(value)))"
        case .listComp(let e, let clauses, _): body = "(listcomp \(r(e))\(render(clauses, positions: positions)))"
        case .setComp(let e, let clauses, _): body = "(setcomp \(r(e))\(render(clauses, positions: positions)))"
        case .generator(let e, let clauses, _): body = "(gen \(r(e))\(render(clauses, positions: positions)))"
        case .dictComp(let k, let v, let clauses, _): body = "(dictcomp \(r(k)):\(r(v))\(render(clauses, positions: positions)))"
        case .walrus(let name, let value): body = "(:= \(name) \(r(value)))"
        case .yield(let value): body = "(yield \(value.map(r) ?? "_"))"
        }
        return positions ? body + "@\(expr.line):\(expr.column)" : body
    }

    static func render(_ part: FStringPart, positions: Bool) -> String {
        switch part {
        case .literal(let text): return "'\(text)'"
        case .field(let expr, let conversion, let spec, let debug):
            let specText = spec.map { ":" + $0.map { render($0, positions: positions) }.joined(separator: " ") } ?? ""
            return "{\(render(expr, positions: positions))\(conversion.map { "!\($0)" } ?? "")\(specText)\(debug.map { " debug='\($0)'" } ?? "")}"
        }
    }

    static func render(_ arg: CallArg, positions: Bool) -> String {
        switch arg {
        case .positional(let e): return render(e, positions: positions)
        case .keyword(let name, let e): return "\(name)=" + render(e, positions: positions)
        case .star(let e): return "*" + render(e, positions: positions)
        case .doubleStar(let e): return "**" + render(e, positions: positions)
        }
    }

    static func render(_ clauses: [ComprehensionClause], positions: Bool) -> String {
        clauses.map { clause in
            " for \(render(clause.target, positions: positions)) in \(render(clause.iterable, positions: positions))"
                + clause.conditions.map { " if " + render($0, positions: positions) }.joined()
        }.joined()
    }

    /// The expression of a one-statement module.
    static func parse(_ source: String, positions: Bool = false) throws -> String {
        let body = try Parser.parseModule(source)
        try #require(body.count == 1)
        guard case .expr(let expr) = body[0].kind else { Issue.record("not an expression: \(source)"); return "" }
        return render(expr, positions: positions)
    }

    @Test(arguments: [
        ("a or b and not c", "(or a (and b (not c)))"),
        ("not a == b", "(not (cmp a == b))"),
        ("a < b <= c != d", "(cmp a < b <= c != d)"),
        ("a not in b is not c in d is e", "(cmp a not in b is not c in d is e)"),
        ("a | b ^ c & d << e + f * g", "(| a (^ b (& c (<< d (+ e (* f g))))))"),
        ("a - b - c + d", "(+ (- (- a b) c) d)"),
        ("a * b / c // d % e @ f", "(@ (% (// (/ (* a b) c) d) e) f)"),
        ("a << b >> c", "(>> (<< a b) c)"),
        ("2 ** 3 ** 2", "(** 2 (** 3 2))"),
        ("-2 ** 2", "(- (** 2 2))"),
        ("2 ** -1", "(** 2 -1)"),
        ("-x ** -y", "(- (** x (- y)))"),
        ("- - 1", "1"),
        ("-1.5 + ~a", "(+ -1.5 (~ a))"),
        ("+a.b[c](d) ** e", "(+ (** (call (sub (. a b) c) d) e))"),
        ("a if b else c if d else e", "(if b a (if d c e))"),
        ("x == 1 or y if z else w", "(if z (or (cmp x == 1) y) w)"),
        ("lambda x, *a, k=1, **kw: x + k", "(lambda [normal:x varArgs:a keywordOnly:k=1 varKeywords:kw] (+ x k))"),
        ("lambda: (yield)", "(lambda [] (yield _))"),
        ("f(a, *b, c=1, **d)", "(call f a *b c=1 **d)"),
        ("f(x for x in y if x)", "(call f (gen x for x in y if x))"),
        ("x[1:2, ::3, ..., a:]", "(sub x (tuple (slice 1 2 _) (slice _ _ 3) ellipsis (slice a _ _)))"),
        ("x[:, None]", "(sub x (tuple (slice _ _ _) none))"),
        ("[*a, b], {1, 2}, {**a, 'k': v}", "(tuple [*a b] {1 2} (dict **:a 'k':v))"),
        ("{k: v for k, v in d.items()}", "(dictcomp k:v for (tuple k v) in (call (. d items)))"),
        ("[y for x in a if x for y in x]", "(listcomp y for x in a if x for y in x)"),
        ("(n := 10) > 5", "(cmp (:= n 10) > 5)"),
        ("f'{x!r:>{w}} {y=} {{z}}'", "(f {x!r:'>' {w}} ' ' {y!r debug='y='} ' {z}')"),
        ("'a' 'b' \"c\"", "'abc'"),
        ("b'\\x41' b'c'", "b'Ac'"),
        ("0x1F + 0o17 + 0b101 + 1_000 + 1e3 + .5", "(+ (+ (+ (+ (+ 31 15) 5) 1000) 1000.0) 0.5)"),
    ])
    func expressionShapes(_ source: String, _ expected: String) throws {
        #expect(try Self.parse(source) == expected)
    }

    @Test func operatorNodesTakeTheirPositionsFromTheRightTokens() throws {
        // Binary operators and comparisons sit at their left operand; `and`/`or` at their keyword; unary
        // operators at the operator; a conditional expression at its body.
        #expect(try Self.parse("a + b * c", positions: true) == "(+ a@1:0 (* b@1:4 c@1:8)@1:4)@1:0")
        #expect(try Self.parse("x or y and z", positions: true) == "(or x@1:0 (and y@1:5 z@1:11)@1:7)@1:2")
        #expect(try Self.parse("not -a < b", positions: true) == "(not (cmp (- a@1:5)@1:4 < b@1:9)@1:4)@1:0")
        #expect(try Self.parse("(a if b else c)", positions: true) == "(if b@1:6 a@1:1 c@1:13)@1:1")
        #expect(try Self.parse("f(\n  x)[0]", positions: true) == "(sub (call f@1:0 x@2:2)@1:0 0@2:5)@1:0")
    }

    @Test(arguments: [
        ("a +", "SyntaxError", "invalid syntax", 1, 4),
        ("f(a b)", "SyntaxError", "invalid syntax. Perhaps you forgot a comma?", 1, 5),
        ("f(x=1, y)", "SyntaxError", "positional argument follows keyword argument", 1, 8),
        ("x = (1,\n", "SyntaxError", "'(' was never closed", 1, 5),
        ("1 = x", "SyntaxError", "cannot assign to literal here. Maybe you meant '==' instead of '='?", 1, 1),
        ("if x:\npass", "IndentationError", "expected an indented block after 'if' statement on line 1", 2, 1),
        ("  x = 1", "IndentationError", "unexpected indent", 1, 1),
        ("a if b", "SyntaxError", "expected 'else' after 'if' expression", 1, 7),
        ("def f(a=1, b): pass", "SyntaxError", "non-default argument follows default argument", 1, 12),
        ("x = 1 $ 2", "SyntaxError", "invalid character '$' (U+24)", 1, 7),
        ("f'{}'", "SyntaxError", "f-string: empty expression not allowed", 1, 1),
    ])
    func errors(_ source: String, _ type: String, _ message: String, _ line: Int, _ column: Int) {
        #expect(throws: (any Error).self) { try Parser.parseModule(source) }
        do {
            _ = try Parser.parseModule(source)
        } catch {
            #expect(error.type == type)
            #expect(error.message == message)
            #expect(error.line == line && error.column == column)
        }
    }
}
