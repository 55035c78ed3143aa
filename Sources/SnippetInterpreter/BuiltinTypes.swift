/// The builtin classes of one interpreter (each session owns its own, so sessions share no mutable state).
final class BuiltinTypes {
    let object: PyClass
    let type: PyClass
    let int: PyClass
    let bool: PyClass
    let float: PyClass
    let str: PyClass
    let list: PyClass
    let tuple: PyClass
    let dict: PyClass
    let set: PyClass
    let frozenset: PyClass
    let noneType: PyClass
    let range: PyClass
    let slice: PyClass
    let function: PyClass
    let builtinFunction: PyClass
    let method: PyClass
    let module: PyClass
    let property: PyClass
    let staticmethod: PyClass
    let classmethod: PyClass
    let superType: PyClass
    let iterator: PyClass
    let ellipsis: PyClass
    let notImplementedType: PyClass
    let baseException: PyClass
    var exceptions: [String: PyClass] = [:]
    /// Further builtin classes (dict views, native helpers) by name.
    var extra: [String: PyClass] = [:]

    /// Every class above, the exceptions and the extras (roots of a pooled interpreter's world).
    var allClasses: [PyClass] {
        [object, type, int, bool, float, str, list, tuple, dict, set, frozenset, noneType, range, slice, function,
         builtinFunction, method, module, property, staticmethod, classmethod, superType, iterator, ellipsis,
         notImplementedType, baseException] + exceptions.values + extra.values
    }

    init() {
        func make(_ name: String, _ bases: [PyClass]) -> PyClass {
            PyClass(name: name, bases: bases, isBuiltin: true)
        }
        object = make("object", [])
        type = make("type", [object])
        int = make("int", [object])
        bool = make("bool", [int])
        float = make("float", [object])
        str = make("str", [object])
        list = make("list", [object])
        tuple = make("tuple", [object])
        dict = make("dict", [object])
        set = make("set", [object])
        frozenset = make("frozenset", [object])
        noneType = make("NoneType", [object])
        range = make("range", [object])
        slice = make("slice", [object])
        function = make("function", [object])
        builtinFunction = make("builtin_function_or_method", [object])
        method = make("method", [object])
        module = make("module", [object])
        property = make("property", [object])
        staticmethod = make("staticmethod", [object])
        classmethod = make("classmethod", [object])
        superType = make("super", [object])
        iterator = make("iterator", [object])
        ellipsis = make("ellipsis", [object])
        notImplementedType = make("NotImplementedType", [object])
        baseException = make("BaseException", [object])
        exceptions["BaseException"] = baseException
        let hierarchy: [(String, String)] = [
            ("Exception", "BaseException"), ("KeyboardInterrupt", "BaseException"), ("SystemExit", "BaseException"),
            ("GeneratorExit", "BaseException"),
            ("ArithmeticError", "Exception"), ("ZeroDivisionError", "ArithmeticError"), ("OverflowError", "ArithmeticError"),
            ("FloatingPointError", "ArithmeticError"),
            ("AssertionError", "Exception"), ("AttributeError", "Exception"), ("ImportError", "Exception"),
            ("ModuleNotFoundError", "ImportError"), ("LookupError", "Exception"), ("IndexError", "LookupError"),
            ("KeyError", "LookupError"), ("NameError", "Exception"), ("UnboundLocalError", "NameError"),
            ("RuntimeError", "Exception"), ("NotImplementedError", "RuntimeError"), ("RecursionError", "RuntimeError"),
            ("StopIteration", "Exception"), ("TypeError", "Exception"), ("ValueError", "Exception"),
            ("UnicodeError", "ValueError"), ("SyntaxError", "Exception"), ("IndentationError", "SyntaxError"),
            ("MemoryError", "Exception"), ("OSError", "Exception"), ("TimeoutError", "OSError"), ("EOFError", "Exception"),
            ("Warning", "Exception"), ("UserWarning", "Warning"), ("DeprecationWarning", "Warning"),
            ("RuntimeWarning", "Warning"),
        ]
        for (name, base) in hierarchy {
            exceptions[name] = make(name, [exceptions[base]!])
        }
    }

    /// Builtin types exposed by name in `builtins`.
    var named: [PyClass] {
        [object, type, int, bool, float, str, list, tuple, dict, set, frozenset, range, slice, property, staticmethod,
         classmethod, superType]
    }
}
