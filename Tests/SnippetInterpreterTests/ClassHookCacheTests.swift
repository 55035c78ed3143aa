import Testing
@testable import SnippetInterpreter

/// `PyClass` keeps whether its MRO defines `__getattr__` / `__getattribute__` per epoch: a class changed after
/// an attribute access must be seen at the next one.
@Suite struct ClassHookCacheTests {
    @Test func addingAndDeletingGetattrTakesEffectAtOnce() {
        let outcome = Snippet.run("""
            class A:
                pass
            class B(A):
                pass
            b = B()
            try:
                b.x
            except AttributeError as e:
                print(e)
            A.__getattr__ = lambda self, name: name * 2
            print(b.x)
            del A.__getattr__
            try:
                b.y
            except AttributeError as e:
                print(e)

            """)
        #expect(outcome.error == nil)
        #expect(outcome.stdout == "'B' object has no attribute 'x'\nxx\n'B' object has no attribute 'y'\n")
    }
}
