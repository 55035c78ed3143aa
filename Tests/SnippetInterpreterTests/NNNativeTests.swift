import Testing
@testable import SnippetInterpreter

/// `nn.Linear`, `nn.LayerNorm` and `nn.MultiheadAttention` built and called in Swift (`NNNative*.swift`) must be
/// indistinguishable from the prelude's Python code: every snippet runs twice on a pooled interpreter, Swift paths on
/// and off, and stdout and errors (tracebacks included) must be identical.
@Suite struct NNNativeTests {
    /// Stdout, error and steps of `source` on a fresh pooled interpreter with the Swift paths `native` or not.
    private static func run(_ source: String, native: Bool) -> (stdout: String, error: String?, steps: Int) {
        let session = SnippetSession(filename: "native.py", limits: .default, pool: InterpreterPool(capacity: 1))
        // Built here so the flag is set on the interpreter the snippet runs in (a pooled world is prepared on run).
        _ = session.run("pass\n")
        session.interpreter.nativeModules = native
        let outcome = session.run(source)
        return (outcome.stdout, outcome.error?.traceback, session.interpreter.steps)
    }

    private static func expectIdentical(_ source: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let native = run(source, native: true), python = run(source, native: false)
        #expect(native.stdout == python.stdout, "stdout differs for:\n\(source)", sourceLocation: sourceLocation)
        #expect(native.error == python.error, "error differs for:\n\(source)", sourceLocation: sourceLocation)
    }

    static let header = "import torch\nimport torch.nn as nn\nimport torch.nn.functional as F\ntorch.manual_seed(0)\n"

    /// Constructions with many argument combinations: parameters, reprs, state dicts, the generator afterwards.
    static let constructions = [
        "m = nn.Linear(3, 2)\nprint(m)\nprint(m.weight)\nprint(m.bias)\nprint(torch.randn(2))",
        "m = nn.Linear(3, 2, bias=False)\nprint(m, m.bias)\nprint(list(m.named_parameters()))\nprint(torch.rand(3))",
        "m = nn.Linear(in_features=4, out_features=1, dtype=torch.float64)\nprint(m.weight, m.weight.dtype)\nprint(m.state_dict())",
        "m = nn.Linear(2, 3, True, None, torch.float32)\nprint(m.weight.requires_grad, m.weight.is_leaf, type(m.weight).__name__)",
        "m = nn.Linear(5, 5, device='cpu')\nprint(sorted(m.__dict__.keys()))\nprint(m.training, m.in_features, m.out_features)",
        "m = nn.LayerNorm(4)\nprint(m)\nprint(m.weight, m.bias)\nprint(m.normalized_shape, m.eps)\nprint(torch.randn(2))",
        "m = nn.LayerNorm([2, 3], eps=1e-6, elementwise_affine=False)\nprint(m, m.weight, m.bias)\nprint(m.state_dict())",
        "m = nn.LayerNorm((3,), bias=False)\nprint(m, list(m.named_parameters()))",
        "m = nn.LayerNorm(3, dtype=torch.float64)\nprint(m.weight.dtype, m.bias)",
        "m = nn.MultiheadAttention(4, 2)\nprint(m)\nprint(m.in_proj_weight)\nprint(m.in_proj_bias, m.out_proj.bias)\nprint(torch.randn(3))",
        "m = nn.MultiheadAttention(4, 1, batch_first=True, bias=False)\nprint([n for n, _ in m.named_parameters()])\nprint(m.state_dict())",
        "m = nn.MultiheadAttention(6, 3, kdim=2, vdim=5)\nprint([(n, tuple(p.shape)) for n, p in m.named_parameters()])\nprint(m.k_proj_weight)\nprint(m.in_proj_weight)",
        "m = nn.MultiheadAttention(4, 2, add_bias_kv=True, add_zero_attn=True, dropout=0.25)\nprint(m.bias_k, m.bias_v)\nprint(m.dropout, m.add_zero_attn)\nprint(torch.randn(2))",
        "m = nn.MultiheadAttention(embed_dim=8, num_heads=4, dtype=torch.float64)\nprint(m.head_dim, m._qkv_same_embed_dim, m.out_proj.weight.dtype)\nprint(sorted(m.__dict__.keys()))",
        "m = nn.MultiheadAttention(4, 2)\nprint(list(m.modules()))\nprint(m.out_proj, type(m.out_proj).__name__)\nprint(list(m.state_dict().keys()))",
        "a = nn.Linear(2, 2)\nb = nn.MultiheadAttention(2, 1)\nc = nn.LayerNorm(2)\nprint(torch.randn(4))\nprint(a.weight, b.in_proj_weight)",
        // Arguments the Swift paths leave to the Python code, errors included.
        "nn.MultiheadAttention(10, 3)",
        "nn.MultiheadAttention(0, 1)",
        "nn.MultiheadAttention(4, 2, foo=1)",
        "nn.Linear(3)",
        "nn.Linear(3, 2, 1, 2, 3, 4)",
        "nn.Linear(3, 2, in_features=3)",
        "nn.Linear(2.0, 3)",
        "nn.Linear(3, 2, dtype=torch.int64)",
        "m = nn.Linear(0, 2)\nprint(m.weight, m.bias)",
        "m = nn.Linear(3, 2, bias=0)\nprint(m.bias)",
        "nn.Linear(-1, 2)",
        "nn.LayerNorm('x')",
        "m = nn.LayerNorm(torch.Size([2, 2]))\nprint(m)",
        "m = nn.LayerNorm(3, elementwise_affine=1)\nprint(m)",
        "nn.MultiheadAttention(4, 2, kdim=-1)",
        "m = nn.MultiheadAttention(4, 2, dropout='x', batch_first=3)\nprint(m.dropout, m.batch_first)",
        // Subclasses and containers.
        "class L(nn.Linear):\n    pass\nm = L(2, 3)\nprint(m, m.weight)",
        "class Block(nn.Module):\n    def __init__(self):\n        super().__init__()\n        self.attn = nn.MultiheadAttention(4, 2, batch_first=True)\n        self.norm = nn.LayerNorm(4)\n        self.proj = nn.Linear(4, 8)\n    def forward(self, x):\n        y, _ = self.attn(x, x, x)\n        return self.proj(self.norm(x + y))\nb = Block()\nprint(b)\nx = torch.randn(2, 3, 4)\nprint(b(x))\nprint(sum(p.numel() for p in b.parameters()))",
        "s = nn.Sequential(nn.Linear(3, 4), nn.ReLU(), nn.LayerNorm(4), nn.Linear(4, 1))\nprint(s)\nprint(s(torch.randn(2, 3)))",
        "enc = nn.TransformerEncoderLayer(8, 2, dim_feedforward=16, dropout=0.0, batch_first=True)\nprint(enc(torch.randn(2, 3, 8)))",
        // Monkeypatching: the world is tainted and the Python code runs from then on.
        "nn.Linear.forward = lambda self, x: 'patched'\nprint(nn.Linear(2, 2)(torch.ones(2)))",
        "old = nn.Linear.reset_parameters\ndef reset(self):\n    print('reset', self.in_features)\n    old(self)\nnn.Linear.reset_parameters = reset\nm = nn.Linear(3, 1)\nprint(m.weight)",
        "nn.init.kaiming_uniform_ = lambda t, a=0: t.fill_(7.0)\nprint(nn.Linear(2, 1).weight)",
        "m = nn.Linear(2, 2)\nm.forward = lambda x: x * 10\nprint(m(torch.ones(2)))",
    ]

    /// Calls: values, grad_fn names, requires_grad, masks, eval/train, no_grad, errors.
    static let calls = [
        "m = nn.Linear(3, 2)\ny = m(torch.randn(4, 3))\nprint(y, y.grad_fn, y.requires_grad)\nprint(m(torch.randn(3)).grad_fn)\nprint(m(torch.randn(2, 2, 3)).grad_fn)",
        "m = nn.Linear(3, 2, bias=False)\nprint(m(torch.randn(4, 3)).grad_fn, m(input=torch.randn(1, 3)))",
        "m = nn.Linear(3, 2)\nwith torch.no_grad():\n    y = m(torch.randn(2, 3))\nprint(y, y.requires_grad, y.grad_fn)",
        "m = nn.Linear(3, 2)\nm(torch.randn(2, 4))",
        "m = nn.Linear(3, 2)\nm(torch.randn(2, 3), torch.randn(2, 3))",
        "m = nn.Linear(3, 2)\nm()",
        "m = nn.Linear(3, 2)\nm('x')",
        "m = nn.Linear(3, 2)\nm(x=torch.ones(3))",
        "m = nn.Linear(3, 2, dtype=torch.float64)\nm(torch.ones(3))",
        "m = nn.Linear(3, 2)\nm.bias = None\nprint(m(torch.ones(3)), m)",
        "m = nn.LayerNorm(3)\nx = torch.randn(2, 3)\ny = m(x)\nprint(y, y.grad_fn)\nprint(m(torch.randn(3, requires_grad=True)))",
        "m = nn.LayerNorm(3, elementwise_affine=False)\nprint(m(torch.randn(2, 3)))",
        "m = nn.LayerNorm(3)\nm(torch.randn(2, 4))",
        "m = nn.LayerNorm(3)\nm.eps = 'x'\nm(torch.randn(2, 3))",
        "m = nn.MultiheadAttention(4, 2, batch_first=True)\nx = torch.randn(2, 3, 4)\nout, w = m(x, x, x)\nprint(out, out.grad_fn)\nprint(w, w.grad_fn)",
        "m = nn.MultiheadAttention(4, 2)\nx = torch.randn(3, 2, 4)\nk = torch.randn(5, 2, 4)\nout, w = m(x, k, k)\nprint(out, w)\nout, w = m(x, k, torch.randn(5, 2, 4), average_attn_weights=False)\nprint(out.grad_fn, w.shape, w.grad_fn)",
        "m = nn.MultiheadAttention(4, 2, batch_first=True)\nq = torch.randn(1, 2, 4)\nk = torch.randn(1, 3, 4)\nv = torch.randn(1, 3, 4)\nprint(m(q, k, v))\nprint(m(q, k, v, need_weights=False))",
        "m = nn.MultiheadAttention(4, 1)\nx = torch.randn(3, 4)\nprint(m(x, x, x))\nprint(m(x, x, x, need_weights=False))\nk = torch.randn(2, 4)\nprint(m(x, k, k, key_padding_mask=torch.tensor([False, True])))",
        "m = nn.MultiheadAttention(4, 2, batch_first=True)\nx = torch.randn(2, 3, 4)\nmask = torch.triu(torch.ones(3, 3, dtype=torch.bool), diagonal=1)\nprint(m(x, x, x, attn_mask=mask))\nprint(m(x, x, x, attn_mask=mask, need_weights=False))\nprint(m(x, x, x, attn_mask=mask, is_causal=True, need_weights=False))",
        "m = nn.MultiheadAttention(4, 2, batch_first=True)\nx = torch.randn(2, 3, 4)\nfm = nn.Transformer.generate_square_subsequent_mask(3)\nkpm = torch.tensor([[False, False, True], [False, True, True]])\nprint(m(x, x, x, attn_mask=fm, key_padding_mask=kpm))\nprint(m(x, x, x, key_padding_mask=kpm, need_weights=False))\nprint(m(x, x, x, key_padding_mask=kpm.float() * -1e9))",
        "m = nn.MultiheadAttention(4, 2)\nx = torch.randn(3, 2, 4)\nprint(m(x, x, x, attn_mask=torch.zeros(4, 3, 3)))\nprint(m(x, x, x, attn_mask=torch.zeros(4, 3, 3, dtype=torch.bool), need_weights=False))",
        "m = nn.MultiheadAttention(4, 2, batch_first=True)\nm.eval()\nx = torch.randn(2, 3, 4)\nwith torch.no_grad():\n    out, w = m(x, x, x)\nprint(out, out.requires_grad, w.grad_fn)",
        "m = nn.MultiheadAttention(4, 2, dropout=0.5, batch_first=True)\nx = torch.randn(2, 3, 4)\nprint(m(x, x, x))\nm.eval()\nprint(m(x, x, x))\nprint(torch.randn(2))",
        "m = nn.MultiheadAttention(4, 2, add_bias_kv=True, add_zero_attn=True)\nx = torch.randn(3, 2, 4)\nprint(m(x, x, x))",
        "m = nn.MultiheadAttention(4, 2, kdim=3, vdim=5)\nq = torch.randn(2, 1, 4)\nprint(m(q, torch.randn(3, 1, 3), torch.randn(3, 1, 5)))",
        "m = nn.MultiheadAttention(4, 2, kdim=3, vdim=5, batch_first=True, bias=False)\nq = torch.randn(2, 2, 4)\nk = torch.randn(2, 3, 3)\nv = torch.randn(2, 3, 5)\nout, w = m(q, k, v)\nprint(out, out.grad_fn, w)\nprint(m(q, k, v, need_weights=False, key_padding_mask=torch.tensor([[False, True, False], [False, False, True]])))",
        "m = nn.MultiheadAttention(4, 1, kdim=2, vdim=2)\nq = torch.randn(3, 4)\nk = torch.randn(2, 2)\nprint(m(q, k, k))\nprint(m(q, k, k, attn_mask=torch.tensor([[True, False]] * 3), need_weights=False))",
        "m = nn.MultiheadAttention(4, 2, kdim=3, vdim=5)\nm(torch.randn(2, 1, 4), torch.randn(3, 1, 3), torch.randn(4, 1, 5))",
        "m = nn.MultiheadAttention(4, 2, kdim=3, vdim=5)\nm(torch.randn(2, 1, 4), torch.randn(3, 1, 4), torch.randn(3, 1, 5))",
        "m = nn.MultiheadAttention(4, 2, batch_first=True)\nx = torch.randn(2, 3, 4, requires_grad=True)\nout, w = m(x, x.detach(), x.detach())\nprint(out.grad_fn, w.grad_fn, out.is_leaf)",
        // Errors the Python code raises.
        "m = nn.MultiheadAttention(4, 2)\nm(torch.randn(1, 2, 3, 4), torch.randn(1, 2, 3, 4), torch.randn(1, 2, 3, 4))",
        "m = nn.MultiheadAttention(4, 2)\nx = torch.randn(3, 2, 4)\nm(x, x, x, attn_mask=torch.zeros(2, 2))",
        "m = nn.MultiheadAttention(4, 2)\nx = torch.randn(3, 2, 4)\nm(x, torch.randn(3, 2, 4), torch.randn(4, 2, 4))",
        "m = nn.MultiheadAttention(4, 2)\nx = torch.randn(3, 2, 4)\nm(x, x, x, is_causal=True)",
        "m = nn.MultiheadAttention(4, 2)\nx = torch.randn(3, 2, 4)\nm(x, x, x, key_padding_mask=torch.zeros(2, 3, dtype=torch.int64))",
        "m = nn.MultiheadAttention(4, 2)\nx = torch.randn(3, 2, 5)\nm(x, x, x)",
        "m = nn.MultiheadAttention(4, 2)\nm(torch.randn(3, 2, 4), torch.randn(3, 4), torch.randn(3, 4))",
        "m = nn.MultiheadAttention(4, 2)\nx = torch.randn(3, 2, 4)\nm(x, x, x, key_padding_mask=torch.zeros(3, 3, dtype=torch.bool))",
        "m = nn.MultiheadAttention(4, 2)\nx = torch.randn(3, 2, 4, dtype=torch.float64)\nm(x, x, x)",
        "m = nn.MultiheadAttention(4, 2)\nm(1, 2, 3)",
        "m = nn.MultiheadAttention(4, 2)\nx = torch.randn(3, 2, 4)\nm(x, x)",
        "m = nn.MultiheadAttention(4, 2)\nx = torch.randn(3, 2, 4)\nm(x, x, x, need_weights=1)\nprint(m(x, x, x, need_weights=1)[0].shape)",
        "m = nn.MultiheadAttention(4, 2)\nm.in_proj_weight = nn.Parameter(torch.ones(4, 4))\nx = torch.randn(3, 2, 4)\nm(x, x, x)",
    ]

    @Test(arguments: constructions)
    func constructionIsIdentical(_ body: String) {
        Self.expectIdentical(Self.header + body + "\n")
    }

    @Test(arguments: calls)
    func callIsIdentical(_ body: String) {
        Self.expectIdentical(Self.header + body + "\n")
    }

    /// The recorded PyTorch cases of `Fixtures/nn` (modules, init, attention, errors) run identically both ways.
    @Test(arguments: NNFixtureCase.named(NNModuleTests.prefixes + NNFunctionalTests.prefixes))
    func fixtureIsIdentical(_ fixture: NNFixtureCase) throws {
        Self.expectIdentical(try #require(fixture.text(".py")))
    }

    /// The Swift paths do run: constructing and calling the three modules takes a fraction of the Python code's steps.
    @Test func swiftPathsRunForThePreludeClasses() {
        let source = Self.header + """
            x = torch.randn(2, 3, 8)
            for i in range(20):
                mha = nn.MultiheadAttention(8, 2, batch_first=True)
                out, w = mha(x, x, x)
                y = nn.LayerNorm(8)(nn.Linear(8, 8)(out))
            print(y.sum().item() != 0)
            """
        let native = Self.run(source, native: true), python = Self.run(source, native: false)
        #expect(native.stdout == "True\n" && python.stdout == native.stdout)
        #expect(native.steps * 5 < python.steps, "native \(native.steps) steps, python \(python.steps)")
    }

    /// A private interpreter never marks its world shared, so a patch could not taint it: it runs the Python code.
    @Test func privateInterpretersRunThePythonCode() {
        let session = SnippetSession(filename: "private.py", limits: .default, pool: nil)
        let outcome = session.run(Self.header + "nn.Linear.reset_parameters = lambda self: print('python')\nm = nn.Linear(2, 2)\n")
        #expect(outcome.stdout == "python\n")
        #expect(!session.interpreter.nativeModulesUsable)
    }
}
