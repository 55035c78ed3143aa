import Testing
@testable import SnippetInterpreter

/// Targeted checks of the `torch` binding. Expected outputs were recorded with PyTorch 2.15 (CPU); cases where the
/// quiz interpreter deliberately refuses (torch.fft, backward, the memory budget) assert its own clear errors.
@Suite struct TorchBindingTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let code: String
        let stdout: String
        /// Expected last traceback line, or nil when the snippet succeeds.
        let error: String?
        /// Expected full message when it spans lines.
        var message: String? = nil
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "sizeBehavesLikeTuple",
             code: "import torch\nx = torch.zeros(2, 3, 4)\nB, T, C = x.shape\nprint(B, T, C, x.shape[1:], x.shape == (2, 3, 4), len(x.shape), x.shape.numel())\nprint(list(x.size()), x.size(-1), x.dim(), x.ndim)",
             stdout: "2 3 4 torch.Size([3, 4]) True 3 24\n[2, 3, 4] 4 3 3\n",
             error: nil),
        Case(name: "dtypesAndDevice",
             code: "import torch\nprint(torch.float32 == torch.float, torch.long, torch.int64 is torch.long, torch.tensor([1.]).device)\nprint(torch.tensor([1, 2]).dtype.is_floating_point, torch.get_default_dtype())",
             stdout: "True torch.int64 True cpu\nFalse torch.float32\n",
             error: nil),
        Case(name: "formatZeroDim",
             code: "import torch\nt = torch.tensor(0.5)\nprint(f'{t}', f'{t:.3f}', f'{torch.tensor([1.5, 2.0])}')",
             stdout: "0.5 0.500 tensor([1.5000, 2.0000])\n",
             error: nil),
        Case(name: "gradFnNames",
             code: "import torch\nx = torch.ones(2, 2, requires_grad=True)\nprint((x * 2).sum(), x.t(), x[0], x[:, 1:], x.mean(dim=0), x.detach(), sep='\\n')",
             stdout: "tensor(8., grad_fn=<SumBackward0>)\ntensor([[1., 1.],\n        [1., 1.]], grad_fn=<TBackward0>)\ntensor([1., 1.], grad_fn=<SelectBackward0>)\ntensor([[1.],\n        [1.]], grad_fn=<SliceBackward0>)\ntensor([1., 1.], grad_fn=<MeanBackward1>)\ntensor([[1., 1.],\n        [1., 1.]])\n",
             error: nil),
        Case(name: "roundGradFnDependsOnTheOverload",
             code: "import torch\nx = torch.ones(2, requires_grad=True)\nprint(x.round(), x.round(decimals=0), torch.round(x, decimals=1), sep=\"\\n\")\nprint(torch.tensor([1.2345]).round(decimals=2))\n",
             stdout: "tensor([1., 1.], grad_fn=<RoundBackward0>)\ntensor([1., 1.], grad_fn=<RoundBackward1>)\ntensor([1., 1.], grad_fn=<RoundBackward1>)\ntensor([1.2300])\n",
             error: nil),
        Case(name: "noGradDecorator",
             code: "import torch\nw = torch.ones(2, requires_grad=True)\n@torch.no_grad()\ndef f(v):\n    return v * 2\nprint(f(w), torch.is_grad_enabled())\nwith torch.no_grad():\n    print(torch.is_grad_enabled(), w + 1)",
             stdout: "tensor([2., 2.]) True\nFalse tensor([2., 2.])\n",
             error: nil),
        Case(name: "chainedComparisonOfTensorsNeedsBool",
             code: "import torch\nx = torch.tensor([1, 2, 3])\nprint(x > 1)\nprint(0 < x < 2)",
             stdout: "tensor([False,  True,  True])\n",
             error: "RuntimeError: Boolean value of Tensor with more than one value is ambiguous"),
        Case(name: "reverseOperators",
             code: "import torch\nx = torch.tensor([1., 2., 4.])\nprint(1 - x, 2 / x, 2 ** x, 3 * x, -x, x // 3, x % 3)",
             stdout: "tensor([ 0., -1., -3.]) tensor([2.0000, 1.0000, 0.5000]) tensor([ 2.,  4., 16.]) tensor([ 3.,  6., 12.]) tensor([-1., -2., -4.]) tensor([0., 0., 1.]) tensor([1., 2., 1.])\n",
             error: nil),
        Case(name: "indexingVariants",
             code: "import torch\nx = torch.arange(12).reshape(3, 4)\nprint(x[1], x[:, 0], x[..., -1], x[None].shape, x[[0, 2]], x[x > 8], x[torch.tensor([2, 0]), 1:3])\nx[0] = -1\nx[:, 3] = torch.tensor([7, 8, 9])\nprint(x)",
             stdout: "tensor([4, 5, 6, 7]) tensor([0, 4, 8]) tensor([ 3,  7, 11]) torch.Size([1, 3, 4]) tensor([[ 0,  1,  2,  3],\n        [ 8,  9, 10, 11]]) tensor([ 9, 10, 11]) tensor([[ 9, 10],\n        [ 1,  2]])\ntensor([[-1, -1, -1,  7],\n        [ 4,  5,  6,  8],\n        [ 8,  9, 10,  9]])\n",
             error: nil),
        Case(name: "iterationAndLen",
             code: "import torch\nx = torch.tensor([[1, 2], [3, 4]])\nfor row in x:\n    print(row, len(row))\nprint(len(x), [v.item() for v in x[0]])",
             stdout: "tensor([1, 2]) 2\ntensor([3, 4]) 2\n2 [1, 2]\n",
             error: nil),
        Case(name: "returnTypesUnpack",
             code: "import torch\nv, i = torch.tensor([[1., 3.], [4., 2.]]).max(dim=1)\nprint(v, i)\nr = torch.topk(torch.tensor([1., 5., 3.]), 2)\nprint(r.values, r.indices, r[0])\nprint(torch.sort(torch.tensor([3, 1, 2]), descending=True))",
             stdout: "tensor([3., 4.]) tensor([1, 0])\ntensor([5., 3.]) tensor([1, 2]) tensor([5., 3.])\ntorch.return_types.sort(\nvalues=tensor([3, 2, 1]),\nindices=tensor([0, 2, 1]))\n",
             error: nil),
        Case(name: "boolOfMultiElementTensor",
             code: "import torch\nif torch.tensor([1, 2]):\n    pass",
             stdout: "",
             error: "RuntimeError: Boolean value of Tensor with more than one value is ambiguous"),
        Case(name: "unsupportedModuleAttribute",
             code: "import torch\ntorch.fft.fft(torch.ones(4))",
             stdout: "",
             error: "NotImplementedError: torch.fft is not supported in quiz snippets"),
        Case(name: "backwardRefused",
             code: "import torch\nx = torch.ones(2, requires_grad=True)\n(x * 2).sum().backward()",
             stdout: "",
             error: "NotImplementedError: autograd (backward) is not supported in quiz snippets"),
        Case(name: "unsupportedOperand",
             code: "import torch\ntorch.ones(2) + None",
             stdout: "",
             error: "TypeError: unsupported operand type(s) for +: 'Tensor' and 'NoneType'"),
        Case(name: "catNeedsSequence",
             code: "import torch\ntorch.cat(torch.ones(2))",
             stdout: "",
             error: "TypeError: cat(): argument 'tensors' (position 1) must be tuple of Tensors, not Tensor"),
        Case(name: "transposeMissingDim",
             code: "import torch\ntorch.ones(2, 3).transpose(0)",
             stdout: "",
             error: "TypeError: transpose() missing 1 required positional arguments: \"dim1\""),
        Case(name: "maskedFillMissingValue",
             code: "import torch\ntorch.ones(2).masked_fill(torch.tensor([True, False]))",
             stdout: "",
             error: nil, message: "masked_fill() received an invalid combination of arguments - got (Tensor), but expected one of:\n * (Tensor mask, Tensor value)\n * (Tensor mask, Number value)\n"),
        Case(name: "generatorObjects",
             code: "import torch\ng = torch.Generator().manual_seed(3)\nprint(torch.rand(2, generator=g))\nprint(torch.manual_seed(0).initial_seed(), torch.randint(0, 10, (4,)))",
             stdout: "tensor([0.0043, 0.1056])\n0 tensor([4, 9, 3, 0])\n",
             error: nil),
        Case(name: "finfoIinfo",
             code: "import torch\nf = torch.finfo(torch.float32)\nprint(f.eps, f.max, f.tiny, f.bits, torch.iinfo(torch.int64).max, torch.finfo(torch.float64).eps)",
             stdout: "1.1920928955078125e-07 3.4028234663852886e+38 1.1754943508222875e-38 32 9223372036854775807 2.220446049250313e-16\n",
             error: nil),
        Case(name: "inPlaceOps",
             code: "import torch\nx = torch.zeros(2, 3)\nx.add_(1).mul_(3)\nx[0].fill_(2)\nx.clamp_(max=2.5)\nprint(x, x.masked_fill_(x > 2.2, 0.), x.zero_().sum())",
             stdout: "tensor([[0., 0., 0.],\n        [0., 0., 0.]]) tensor([[0., 0., 0.],\n        [0., 0., 0.]]) tensor(0.)\n",
             error: nil),
        Case(name: "leafInPlaceRefused",
             code: "import torch\nw = torch.ones(2, requires_grad=True)\nw.add_(1)",
             stdout: "",
             error: "RuntimeError: a leaf Variable that requires grad is being used in an in-place operation."),
        Case(name: "itemAndTolist",
             code: "import torch\nx = torch.tensor([[0.1, 2.0], [3.5, -0.0]])\nprint(x[0, 0].item(), x.tolist(), torch.tensor(7).item(), torch.tensor(True).item())",
             stdout: "0.10000000149011612 [[0.10000000149011612, 2.0], [3.5, -0.0]] 7 True\n",
             error: nil),
        Case(name: "printOptions",
             code: "import torch\ntorch.set_printoptions(precision=2)\nprint(torch.tensor([1.23456, 2.5]))\ntorch.set_printoptions(profile='default')\nprint(torch.tensor([1.23456, 2.5]))",
             stdout: "tensor([1.23, 2.50])\ntensor([1.2346, 2.5000])\n",
             error: nil),
        Case(name: "nonzeroAndWhere",
             code: "import torch\nx = torch.tensor([[0, 1], [2, 0]])\nprint(x.nonzero(), torch.where(x > 0), torch.where(x > 0, x, -1))",
             stdout: "tensor([[0, 1],\n        [1, 0]]) (tensor([0, 1]), tensor([1, 0])) tensor([[-1,  1],\n        [ 2, -1]])\n",
             error: nil),
        Case(name: "viewWithFloatSize",
             code: "import torch\ntorch.arange(6.).view(2.5)",
             stdout: "",
             error: nil, message: "view() received an invalid combination of arguments - got (float), but expected one of:\n * (torch.dtype dtype)\n      didn't match because some of the arguments have invalid types: (!float!)\n * (tuple of ints size)\n      didn't match because some of the arguments have invalid types: (!float!)\n"),
        Case(name: "randnWithFloatSize",
             code: "import torch\ntorch.randn(2, 3.0)",
             stdout: "",
             error: "TypeError: randn(): argument 'size' failed to unpack the object at pos 2 with error \"type must be tuple of ints,but got float\""),
        Case(name: "catWithNonTensorElement",
             code: "import torch\nx = torch.ones(2)\ntorch.cat((x, 1))",
             stdout: "",
             error: "TypeError: expected Tensor as element 1 in argument 0, but got int"),
        Case(name: "missingPositionalArgument",
             code: "import torch\ntorch.ones(2).unsqueeze()",
             stdout: "",
             error: "TypeError: unsqueeze() missing 1 required positional arguments: \"dim\""),
        Case(name: "missingTwoPositionalArguments",
             code: "import torch\ntorch.ones(2, 3).transpose()",
             stdout: "",
             error: "TypeError: transpose() missing 2 required positional argument: \"dim0\", \"dim1\""),
        Case(name: "invertFloatTensor",
             code: "import torch\n~torch.tensor([1.0])",
             stdout: "",
             error: "TypeError: ~ (operator.invert) is only implemented on integer and Boolean-type tensors"),
        Case(name: "tensorArgumentPosition",
             code: "import torch\ntorch.relu(5)",
             stdout: "",
             error: "TypeError: relu(): argument 'input' (position 1) must be Tensor, not int"),
        Case(name: "requiresGradSetterOnIntTensor",
             code: "import torch\nx = torch.tensor([1])\nx.requires_grad = True",
             stdout: "",
             error: "RuntimeError: only Tensors of floating point and complex dtype can require gradients"),
        Case(name: "percentFormatAndDecorators",
             code: "import torch\nx = torch.tensor([1.25, 2.5])\nprint('%.3f' % x.sum(), '{:.1f}'.format(x.max()))\n@torch.no_grad\ndef f(v):\n    return v * 2\nprint(f(torch.ones(1, requires_grad=True)))",
             stdout: "3.750 2.5\ntensor([2.])\n",
             error: nil),
        Case(name: "kernelGapOps",
             code: "import torch\nx = torch.tensor([[0, 3], [3, 1]])\nprint(x.nonzero(), torch.where(x > 1), x.unique(return_counts=True), torch.diag(x), x.trace())\nprint(torch.linalg.norm(torch.tensor([3., 4.])), torch.var_mean(torch.tensor([1., 2., 4.])), x.clamp_min(1), x.new_zeros(2))",
             stdout: "tensor([[0, 1],\n        [1, 0],\n        [1, 1]]) (tensor([0, 1]), tensor([1, 0])) (tensor([0, 1, 3]), tensor([1, 1, 2])) tensor([0, 1]) tensor(1)\ntensor(5.) (tensor(2.3333), tensor(2.3333)) tensor([[1, 3],\n        [3, 1]]) tensor([0, 0])\n",
             error: nil),
        Case(name: "viewOfLeafInPlace",
             code: "import torch\nx = torch.ones(2, 2, requires_grad=True)\ny = x.view(4)\ny += 1",
             stdout: "",
             error: "RuntimeError: a view of a leaf Variable that requires grad is being used in an in-place operation."),
        Case(name: "unsupportedLinalgFunction",
             code: "import torch\ntorch.linalg.inv(torch.eye(2))",
             stdout: "",
             error: "NotImplementedError: torch.linalg.inv is not supported in quiz snippets"),
        Case(name: "memoryBudgetCheckedBeforeAllocating",
             code: "import torch\nprint('before')\nx = torch.randn(100000, 100000)",
             stdout: "before\n",
             error: "MemoryError: snippet exceeded the memory limit of 1073741824 bytes"),
        Case(name: "broadcastResultCheckedBeforeAllocating",
             code: "import torch\nx = torch.ones(50000, 1) * torch.ones(1, 50000)",
             stdout: "",
             error: "MemoryError: snippet exceeded the memory limit of 1073741824 bytes"),
        Case(name: "unsupportedTensorMethod",
             code: "import torch\nprint(hasattr(torch.ones(1), 'foo'))\ntorch.ones(3).cumprod(0)",
             stdout: "False\n",
             error: "NotImplementedError: Tensor.cumprod() is not supported in quiz snippets"),
    ]

    @Test(arguments: cases)
    func behavesLikePyTorch(_ c: Case) {
        let outcome = SnippetSession(filename: "t.py").run(c.code)
        #expect(outcome.stdout == c.stdout, "\(c.name)\n\(OutputDiff.describe(expected: c.stdout, actual: outcome.stdout))")
        if let message = c.message {
            #expect(outcome.error?.message == message)
        } else {
            #expect(outcome.error?.lastLine == c.error, "\(c.name): \(outcome.error?.traceback ?? "no error")")
        }
    }

    @Test func derivedTensorsShareTheMemoryBudgetAndReleaseIt() {
        let limits = SnippetLimits(maxSteps: 1_000_000, maxMemoryBytes: 1 << 20, maxRecursionDepth: 100, maxOutputBytes: 1 << 16)
        let freed = Snippet.run("import torch\nfor _ in range(50):\n    x = torch.zeros(256, 256)\nprint('ok')", limits: limits)
        #expect(freed.stdout == "ok\n")
        #expect(freed.error == nil)
        let kept = Snippet.run("import torch\nxs = [torch.zeros(256, 256) for _ in range(50)]", limits: limits)
        #expect(kept.error?.lastLine == "MemoryError: snippet exceeded the memory limit of 1048576 bytes")
    }
}
