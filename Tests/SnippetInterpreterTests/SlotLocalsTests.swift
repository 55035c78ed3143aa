import Testing
@testable import SnippetInterpreter

/// A function's own locals live in slots its names were resolved to at parse time (`SlotResolver`); every other way
/// of reaching them (closures, `nonlocal`, `del`, `except ... as`, comprehensions, suggestions, zero-argument
/// `super()`) must see the same values and raise the same errors as when they were found by name.
@Suite struct SlotLocalsTests {
    @Test func functionBodiesGiveEachLocalASlotParametersFirst() throws {
        let body = try Parser.parseModule("def f(a, b=2, *rest, c, **more):\n    x = a\n    for i in range(b):\n        x = x + i\n    return x\n")
        guard case .functionDef(let code, _) = try #require(body.first).kind else {
            Issue.record("not a function definition")
            return
        }
        #expect(code.scope.slotCount == 7)
        #expect(code.positionalSlots == [0, 1])
        #expect(code.scope.slots["x"] == 5)
        #expect(code.scope.slots["i"] == 6)
    }

    @Test func namesOutsideTheFunctionsOwnScopeAreLeftToLookups() throws {
        let body = try Parser.parseModule("def f(x):\n    g = lambda y=x: y + x\n    return [x for x in range(x)], g\n")
        guard case .functionDef(let code, _) = try #require(body.first).kind,
              case .assign(_, let lambda) = code.body[0].kind, case .lambda(let inner) = lambda.kind,
              case .returnStmt(let value?) = code.body[1].kind, case .tuple(let items) = value.kind,
              case .listComp(let element, let clauses, _) = items[0].kind,
              case .call(_, let args) = clauses[0].iterable.kind, case .positional(let iterableArgument) = args[0] else {
            Issue.record("unexpected tree")
            return
        }
        // The lambda's default and the comprehension's first iterable run in `f`; the lambda's body and the
        // comprehension's element run in scopes of their own.
        #expect(inner.parameters[0].defaultValue?.slot == code.scope.slots["x"])
        #expect(iterableArgument.slot == code.scope.slots["x"])
        #expect(element.slot == -1)
        guard case .returnStmt(let lambdaBody?) = inner.body[0].kind, case .binary(_, let left, let right) = lambdaBody.kind else {
            Issue.record("unexpected lambda body")
            return
        }
        #expect(left.slot == inner.scope.slots["y"])
        #expect(right.slot == -1)
    }

    @Test func localsReachedByNameSeeTheSlots() {
        let outcome = Snippet.run("""
            def counter():
                n = 0
                def bump(by=1):
                    nonlocal n
                    n += by
                    return n
                bump()
                bump(5)
                return n, [n * k for k in range(3)], (lambda: n + 1)()
            print(counter())
            def shadow(x):
                y = [x for x in range(3)]
                return x, y
            print(shadow(9))
            def handled():
                try:
                    raise ValueError('v')
                except ValueError as e:
                    text = str(e)
                return text
            print(handled())
            def erased():
                z = 1
                del z
                return z
            try:
                erased()
            except UnboundLocalError as e:
                print(e)
            def unbound_handler():
                try:
                    raise KeyError('k')
                except KeyError as err:
                    pass
                return err
            try:
                unbound_handler()
            except UnboundLocalError as e:
                print(e)
            class Base:
                def who(self):
                    return 'base'
            class Child(Base):
                def who(self):
                    inner = super().who()
                    return 'child of ' + inner
            print(Child().who())
            def keywords(a, b=2, *, c=3, **rest):
                return a, b, c, sorted(rest)
            print(keywords(1, c=4, d=5), keywords(b=7, a=0))
            def in_class_body(v):
                class Holder:
                    value = v
                return Holder.value
            print(in_class_body(42))

            """)
        #expect(outcome.error == nil)
        #expect(outcome.stdout == """
            (6, [0, 6, 12], 7)
            (9, [0, 1, 2])
            v
            cannot access local variable 'z' where it is not associated with a value
            cannot access local variable 'err' where it is not associated with a value
            child of base
            (1, 2, 4, ['d']) (0, 7, 3, [])
            42

            """)
    }

    @Test func aMissingNameSuggestsBoundLocals() throws {
        let error = try #require(Snippet.run("def f(alpha):\n    beta = 2\n    return alpah + beta\nf(1)\n").error)
        #expect(error.lastLine == "NameError: name 'alpah' is not defined. Did you mean: 'alpha'?")
    }

    @Test func argumentErrorsAreUnchanged() throws {
        let missing = try #require(Snippet.run("def f(a, b):\n    return a\nf(1)\n").error)
        #expect(missing.lastLine == "TypeError: f() missing 1 required positional argument: 'b'")
        let twice = try #require(Snippet.run("def f(a, b):\n    return a\nf(1, a=2)\n").error)
        #expect(twice.lastLine == "TypeError: f() got multiple values for argument 'a'")
    }
}
