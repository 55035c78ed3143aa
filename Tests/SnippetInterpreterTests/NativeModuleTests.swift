import Testing
@testable import SnippetInterpreter

/// A tiny fake `torch` built on the extension points, standing in for the real bindings.
struct FakeVector {
    var values: [Double]
}

extension Interpreter {
    func installFakeTorch() {
        registerNativeModule("torch") { interp in
            let module = PyModule(name: "torch")
            let tensor = interp.makeNativeClass(name: "Tensor", module: "torch")
            func wrap(_ values: [Double]) -> PyValue {
                let instance = PyInstance(cls: tensor)
                instance.native = FakeVector(values: values)
                return .object(instance)
            }
            func unwrap(_ value: PyValue) -> [Double]? {
                if case .object(let o) = value, let instance = o as? PyInstance, let vector = instance.native as? FakeVector {
                    return vector.values
                }
                if let d = interp.floatValue(value) { return [d] }
                return nil
            }
            func binary(_ name: String, _ op: @escaping (Double, Double) -> Double, reflected: Bool = false) {
                interp.rawMethod(tensor, name) { _, args, _ in
                    guard let a = unwrap(args[0]), let b = unwrap(args[1]) else { return .notImplemented }
                    let (x, y) = reflected ? (b, a) : (a, b)
                    let n = max(x.count, y.count)
                    return wrap((0..<n).map { op(x[x.count == 1 ? 0 : $0], y[y.count == 1 ? 0 : $0]) })
                }
            }
            binary("__add__", +)
            binary("__radd__", +, reflected: true)
            binary("__sub__", -)
            binary("__rsub__", -, reflected: true)
            binary("__mul__", *)
            interp.rawMethod(tensor, "__matmul__") { interp, args, _ in
                guard let a = unwrap(args[0]), let b = unwrap(args[1]) else { return .notImplemented }
                guard a.count == b.count else {
                    throw interp.error("RuntimeError", "inconsistent tensor size, expected tensor [\(a.count)] and src [\(b.count)] to have the same number of elements, but got \(a.count) and \(b.count) elements respectively")
                }
                return wrap([zip(a, b).map(*).reduce(0, +)])
            }
            interp.rawMethod(tensor, "__len__") { _, args, _ in .int(unwrap(args[0])!.count) }
            interp.rawMethod(tensor, "__getitem__") { interp, args, _ in
                let values = unwrap(args[0])!
                if case .object(let s as PySlice) = args[1] {
                    return wrap(try interp.sliceRange(s, length: values.count).map { values[$0] })
                }
                let i = try interp.normalizedIndex(try interp.integer(args[1]), count: values.count,
                                                   "index \(interp.intValue(args[1]) ?? 0) is out of bounds for dimension 0 with size \(values.count)")
                return wrap([values[i]])
            }
            interp.rawMethod(tensor, "__setitem__") { interp, args, _ in
                guard case .object(let o) = args[0], let instance = o as? PyInstance, var vector = instance.native as? FakeVector else { return .none }
                vector.values[try interp.integer(args[1])] = try interp.real(args[2])
                instance.native = vector
                return .none
            }
            interp.rawMethod(tensor, "__eq__") { _, args, _ in
                guard let a = unwrap(args[0]), let b = unwrap(args[1]) else { return .notImplemented }
                return wrap(zip(a, b).map { $0 == $1 ? 1 : 0 })
            }
            interp.rawMethod(tensor, "__bool__") { interp, args, _ in
                let values = unwrap(args[0])!
                guard values.count == 1 else {
                    throw interp.error("RuntimeError", "Boolean value of Tensor with more than one value is ambiguous")
                }
                return .bool(values[0] != 0)
            }
            interp.rawMethod(tensor, "__repr__") { _, args, _ in
                .str("tensor([" + unwrap(args[0])!.map { NumberFormatting.printf("%.4f", $0) }.joined(separator: ", ") + "])")
            }
            interp.rawMethod(tensor, "__format__") { interp, args, _ in
                let values = unwrap(args[0])!
                guard case .str(let spec) = args[1], values.count == 1 else { return .str(try interp.repr(args[0])) }
                return .str(try interp.format(.float(values[0]), spec))
            }
            interp.rawMethod(tensor, "__iter__") { interp, args, _ in
                try interp.iteratorValue(unwrap(args[0])!.map { wrap([$0]) })
            }
            tensor.dict["shape"] = .object(PyProperty(getter: .object(PyBuiltinFunction("shape") { _, args, _ in
                .tuple([.int(unwrap(args[0])!.count)])
            })))
            interp.method(tensor, "tolist(self)") { _, a in .list(PyList(unwrap(a["self"])!.map { .float($0) })) }
            module.attributes["Tensor"] = .object(tensor)
            module.attributes["tensor"] = interp.nativeFunction("tensor(data, dtype=None, requires_grad=False)") { interp, a in
                wrap(try interp.iterate(a["data"]).map { try interp.real($0) })
            }
            module.attributes["float32"] = .str("torch.float32")
            return module
        }
        registerNativeModule("torch.nn") { interp in
            let module = PyModule(name: "torch.nn")
            try interp.runPrelude(FakeTorch.nnPrelude, module: module, filename: "<torch.nn>")
            return module
        }
    }
}

enum FakeTorch {
    static let nnPrelude = """
    class Module:
        def __init__(self):
            object.__setattr__(self, "_modules", {})

        def __setattr__(self, name, value):
            if isinstance(value, Module):
                self._modules[name] = value
            object.__setattr__(self, name, value)

        def __call__(self, *args, **kwargs):
            return self.forward(*args, **kwargs)

        def forward(self, *args):
            raise NotImplementedError(f"Module [{type(self).__name__}] is missing the required \\"forward\\" function")

        def named_children(self):
            return list(self._modules.items())

        def __repr__(self):
            lines = [type(self).__name__ + "("]
            for name, child in self._modules.items():
                lines.append(f"  ({name}): {child!r}")
            return "\\n".join(lines) + ")" if len(lines) > 1 else type(self).__name__ + "()"

    class Scale(Module):
        def __init__(self, factor):
            super().__init__()
            self.factor = factor

        def forward(self, x):
            return x * self.factor

        def __repr__(self):
            return f"Scale(factor={self.factor})"
    """
}

@Suite struct NativeModuleTests {
    func run(_ source: String) -> SnippetOutcome {
        // A private interpreter: the fake torch must not reach a pooled one (whose world has the real torch).
        let session = SnippetSession(filename: "native.py", limits: .default, pool: nil)
        session.interpreter.installFakeTorch()
        return session.run(source)
    }

    @Test func operatorsDispatchToNativeDunders() {
        let outcome = run("""
        import torch
        x = torch.tensor([1.0, 2.0, 3.0])
        y = torch.tensor([0.5, 0.5, 0.5])
        print(x + 1, 1 + x, 10 - x, x @ y, len(x), x.shape, x[0], x[1:], x[-1])
        x[0] = 9
        print(x, x.tolist(), [float(f"{v:.1f}") for v in x], f"{x[2]:.2f}", isinstance(x, torch.Tensor))
        print(type(x), type(x).__name__, torch.tensor(data=[1], dtype=torch.float32))
        if x[1]:
            print("truthy")
        """)
        #expect(outcome.error == nil)
        #expect(outcome.stdout == """
        tensor([2.0000, 3.0000, 4.0000]) tensor([2.0000, 3.0000, 4.0000]) tensor([9.0000, 8.0000, 7.0000]) tensor([3.0000]) 3 (3,) tensor([1.0000]) tensor([2.0000, 3.0000]) tensor([3.0000])
        tensor([9.0000, 2.0000, 3.0000]) [9.0, 2.0, 3.0] [9.0, 2.0, 3.0] 3.00 True
        <class 'torch.Tensor'> Tensor tensor([1.0000])
        truthy

        """)
    }

    @Test func nativeErrorsKeepTheirWordingAndTraceback() throws {
        let outcome = run("import torch\nx = torch.tensor([1, 2])\nif x == x:\n    pass\n")
        let error = try #require(outcome.error)
        #expect(error.lastLine == "RuntimeError: Boolean value of Tensor with more than one value is ambiguous")
        #expect(error.traceback == """
        Traceback (most recent call last):
          File "native.py", line 3, in <module>
            if x == x:
        RuntimeError: Boolean value of Tensor with more than one value is ambiguous

        """)
    }

    @Test func argumentBinderRaisesCPythonStyleTypeErrors() {
        #expect(run("import torch\ntorch.tensor()\n").error?.lastLine == "TypeError: tensor() missing required argument 'data' (pos 1)")
        #expect(run("import torch\ntorch.tensor([1], bogus=2)\n").error?.lastLine == "TypeError: tensor() got an unexpected keyword argument 'bogus'")
        #expect(run("import torch\ntorch.tensor([1], None, False, 4)\n").error?.lastLine == "TypeError: tensor() takes at most 3 arguments (4 given)")
        #expect(run("import torch\ntorch.tensor([1], data=[2])\n").error?.lastLine == "TypeError: argument for tensor() given by name ('data') and position (1)")
    }

    @Test func pythonClassesSubclassPreludeModulesWithHiddenFrames() throws {
        let outcome = run("""
        import torch
        import torch.nn as nn
        from torch import nn as nn2

        class Net(nn.Module):
            def __init__(self):
                super().__init__()
                self.first = nn.Scale(2.0)
                self.second = nn2.Scale(10.0)
                self.bias = 1

            def forward(self, x):
                return self.second(self.first(x)) + self.bias

        net = Net()
        print(net(torch.tensor([1.0, 2.0])))
        print([name for name, _ in net.named_children()], isinstance(net, nn.Module), net.bias)
        print(net)
        class Broken(nn.Module):
            pass
        Broken()(1)
        """)
        #expect(outcome.stdout == """
        tensor([21.0000, 41.0000])
        ['first', 'second'] True 1
        Net(
          (first): Scale(factor=2.0)
          (second): Scale(factor=10.0))

        """)
        let error = try #require(outcome.error)
        #expect(error.traceback == """
        Traceback (most recent call last):
          File "native.py", line 21, in <module>
            Broken()(1)
        NotImplementedError: Module [Broken] is missing the required "forward" function

        """)
    }

    @Test func unknownSubmoduleIsRefused() {
        #expect(run("import torch.optim\n").error?.type == "ModuleNotFoundError")
        #expect(run("import torch\nprint(torch.nope)\n").error?.lastLine == "AttributeError: module 'torch' has no attribute 'nope'")
    }
}
