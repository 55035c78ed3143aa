import Testing
@testable import SnippetInterpreter

/// Name lookups that skip a function scope's dictionary when its local mask rules a name out must still find
/// every name a scope can hold, and raise the same errors.
@Suite struct NameLookupTests {
    @Test func maskNeverRulesOutAnInsertedName() {
        let names: Set<String> = ["x", "self", "query", "embed_dim", "_qkv_same_embed_dim", "é", "", "a_very_long_local_name"]
        let mask = NameMask(names)
        for name in names { #expect(mask.mayContain(name), "\(name)") }
        #expect(!NameMask().mayContain("x"))
    }

    @Test func scopesHoldingNamesTheirLocalsDoNotListStillFindThem() {
        let outcome = Snippet.run("""
            def walrus():
                [y := i for i in range(3)]
                return y
            print(walrus())
            def parameter(x):
                global x
                return x
            print(parameter(5))
            def star():
                from math import *
                return floor(2.5)
            print(star())
            def outer():
                a = 1
                def inner():
                    return a + len([a])
                def bump():
                    nonlocal a
                    a += 10
                bump()
                return inner()
            print(outer())
            class C:
                k = 3
                m = [k] if True else None
            print(C.m, len("ab"))

            """)
        #expect(outcome.error == nil)
        #expect(outcome.stdout == "2\n5\n2\n12\n[3] 2\n")
    }

    @Test func unboundLocalsAndFreeVariablesKeepTheirErrors() throws {
        let local = try #require(Snippet.run("zz = 0\ndef u():\n    print(zz)\n    zz = 1\nu()\n").error)
        #expect(local.lastLine == "UnboundLocalError: cannot access local variable 'zz' where it is not associated with a value")
        let free = try #require(Snippet.run("def f():\n    def g():\n        return b\n    r = g()\n    b = 1\nf()\n").error)
        #expect(free.lastLine == "NameError: cannot access free variable 'b' where it is not associated with a value in enclosing scope")
        let missing = try #require(Snippet.run("def f():\n    return qwertyuiop\nf()\n").error)
        #expect(missing.lastLine == "NameError: name 'qwertyuiop' is not defined")
    }
}
