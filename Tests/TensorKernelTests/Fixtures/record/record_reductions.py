"""Records sum/mean/var/std/norm/cumsum/logsumexp results from PyTorch 2.15 (CPU) as float bit patterns.

Run: /work/torchenv/bin/python record/record_reductions.py > reductions.json
Recorded on an AVX2 machine, so float32 `Vectorized` lane width is 8 (tests pass laneWidth: 8).
"""
import json
import numpy as np
import torch

torch.manual_seed(0)
cases = []


def bits(t):
    t = t.detach().contiguous()
    if t.dtype == torch.float32:
        return t.view(torch.int32).flatten().tolist()
    return t.view(torch.int64).flatten().tolist()


def case(op, x, args, out, view=None):
    cases.append({
        "op": op, "dtype": str(x.dtype).replace("torch.", ""), "shape": list(x.shape), "x": bits(x),
        "view": view, "args": args, "out_shape": list(out.shape), "out": bits(out),
    })


for n in list(range(1, 101)) + [127, 128, 129, 255, 256, 300, 1000, 4099]:
    x = torch.randn(n)
    case("sum", x, {}, x.sum())
    case("mean", x, {}, x.mean())
for shape, dims in [((5, 37), [0]), ((5, 37), [1]), ((7, 3), [0]), ((3, 20), [0]), ((40, 9), [0]), ((4, 5, 19), [0, 2]),
                    ((4, 5, 19), [1]), ((4, 5, 19), None), ((2, 3, 40), [2]), ((6, 70), [0]), ((33, 33), [0]),
                    ((2, 8, 8), [1, 2]), ((3, 4, 5, 6), [1, 3])]:
    x = torch.randn(*shape)
    args = {"dim": dims}
    out = x.sum() if dims is None else x.sum(dim=dims)
    case("sum", x, args, out)
    out = x.mean() if dims is None else x.mean(dim=dims)
    case("mean", x, args, out)
x = torch.randn(9, 21)
case("sum", x, {"dim": [0]}, x.t().sum(0), view="t")
case("sum", x, {"dim": [1]}, x.t().sum(1), view="t")
for shape, dims in [((50,), None), ((7, 13), [1]), ((7, 13), [0]), ((3, 4, 5), [0, 2])]:
    x = torch.randn(*shape)
    for op in ["var", "std"]:
        f = getattr(x, op)
        case(op, x, {"dim": dims, "correction": 1}, f() if dims is None else f(dim=dims))
        case(op, x, {"dim": dims, "correction": 0}, f(correction=0) if dims is None else f(dim=dims, correction=0))
    case("norm", x, {"dim": dims}, x.norm() if dims is None else x.norm(dim=dims))
    case("logsumexp", x, {"dim": dims if dims else [0]}, torch.logsumexp(x, dim=dims if dims else [0]))
for shape, d in [((50,), 0), ((7, 13), 1), ((7, 13), 0)]:
    x = torch.randn(*shape)
    case("cumsum", x, {"dim": d}, x.cumsum(d))
    case("prod", x, {"dim": d}, x.prod(d))
x = torch.randn(5, 7, dtype=torch.float64)
case("sum", x, {"dim": [1]}, x.sum(1))
case("mean", x, {"dim": None}, x.mean())
print(json.dumps(cases))
