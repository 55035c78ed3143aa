import Testing
@testable import SnippetInterpreter

/// `nn.Module.__getattr__` / `__setattr__` run in Swift for their common cases (`ModuleFastPaths`); every other case
/// must still reach the prelude's Python functions, with PyTorch's messages.
@Suite struct ModuleFastPathTests {
    @Test func attributeHooksKeepPyTorchBehaviour() {
        let outcome = Snippet.run("""
            import torch
            import torch.nn as nn
            m = nn.Linear(2, 2)
            m.note = 'x'
            print(m.note, 'note' in m.__dict__, 'note' in m._parameters)
            m.extra = nn.ReLU()
            print([name for name, _ in m.named_children()], 'extra' in m.__dict__)
            try:
                m.weight = 5
            except TypeError as e:
                print(e)
            m.bias = None
            print(m.bias, [name for name, _ in m.named_parameters()])
            m.bias = nn.Parameter(torch.zeros(2))
            print(m.bias.shape, m.weight.shape)
            try:
                m.wieght
            except AttributeError as e:
                print(e)
            class Custom(nn.Module):
                def __getattr__(self, name):
                    return 'custom ' + name
            print(Custom().anything)
            class Early(nn.Module):
                def __init__(self):
                    self.x = 1
                    super().__init__()
            print(Early().x)
            class Late(nn.Module):
                def __init__(self):
                    self.layer = nn.ReLU()
            try:
                Late()
            except AttributeError as e:
                print(e)
            """)
        #expect(outcome.error == nil, "\(outcome.error?.traceback ?? "")")
        #expect(outcome.stdout == """
            x True False
            ['extra'] False
            cannot assign 'int' as parameter 'weight' (torch.nn.Parameter or None expected)
            None ['weight']
            torch.Size([2]) torch.Size([2, 2])
            'Linear' object has no attribute 'wieght'
            custom anything
            1
            cannot assign module before Module.__init__() call

            """)
    }

    /// Parameters and modules assigned as attributes register as PyTorch registers them, and the cases its checks
    /// refuse raise its errors.
    @Test func registeringParametersAndModules() {
        let outcome = Snippet.run("""
            import torch
            import torch.nn as nn
            class M(nn.Module):
                def foo(self):
                    return 1
            m = M()
            try:
                m.foo = nn.Parameter(torch.zeros(1))
            except KeyError as e:
                print(e)
            try:
                setattr(m, 'a.b', nn.Parameter(torch.zeros(1)))
            except KeyError as e:
                print(e)
            m.extra = nn.ReLU()
            m.extra = nn.Parameter(torch.ones(1))
            print([n for n, _ in m.named_children()], [n for n, _ in m.named_parameters()])
            m.extra = nn.Tanh()
            print([n for n, _ in m.named_children()], [n for n, _ in m.named_parameters()])
            m.plain = 3
            m.plain = nn.Parameter(torch.ones(2))
            print('plain' in m.__dict__, m.plain.shape)
            class Early(nn.Module):
                def __init__(self):
                    self.p = nn.Parameter(torch.zeros(1))
            try:
                Early()
            except AttributeError as e:
                print(e)
            """)
        #expect(outcome.error == nil, "\(outcome.error?.traceback ?? "")")
        #expect(outcome.stdout == """
            "attribute 'foo' already exists"
            'parameter name can\\'t contain "."'
            [] ['extra']
            ['extra'] []
            False torch.Size([2])
            cannot assign parameters before Module.__init__() call

            """)
    }

    /// A patched hook is the one that runs (the fast path is keyed on the prelude's own functions).
    @Test func aPatchedHookIsHonoured() {
        let outcome = Snippet.run("""
            import torch.nn as nn
            original = nn.Module.__getattr__
            def loud(self, name):
                if name == 'missing':
                    return 'patched ' + name
                return original(self, name)
            nn.Module.__getattr__ = loud
            layer = nn.Linear(2, 2)
            print(layer.missing, layer.weight.shape)
            """)
        #expect(outcome.error == nil, "\(outcome.error?.traceback ?? "")")
        #expect(outcome.stdout == "patched missing torch.Size([2, 2])\n")
    }
}
