"""Records what the Swift printing tests need from PyTorch 2.15 (documentation; tests never run it).

Writes, next to this file:
* print_examples_tensors.json: for each case of torch-print-examples.json, the tensors passed to
  print() (shape, dtype, raw values, print options, grad suffix) when every print() call prints one
  tensor, else {"tensor": false};
* python_float_repr.json: [float64 bits, repr(x)] pairs for PythonFloatFormatter;
* print_random.json: random tensors (dtypes, shapes, magnitudes, specials, options) and their repr.
Float values are hex bit strings (8 hex digits per float32, 16 per float64); ints and bools are lists.
"""
import builtins
import contextlib
import io
import json
import math
import os
import random

import torch
from torch._tensor_str import PRINT_OPTS

SUPPORTED = (torch.float32, torch.float64, torch.int64, torch.int32, torch.bool)  # TensorKernel's DType
HERE = os.path.dirname(os.path.abspath(__file__))


def encode_values(t):
    t = t.detach().contiguous().flatten()
    if t.dtype == torch.float32:
        return {"bits": "".join(format(w & 0xFFFFFFFF, "08x") for w in t.view(torch.int32).tolist())}
    if t.dtype == torch.float64:
        return {"bits": "".join(format(w & 0xFFFFFFFFFFFFFFFF, "016x") for w in t.view(torch.int64).tolist())}
    if t.dtype == torch.bool:
        return {"values": [int(v) for v in t.tolist()]}
    return {"values": t.tolist()}


def options():
    threshold = PRINT_OPTS.threshold
    return {"precision": PRINT_OPTS.precision, "threshold": -1 if threshold == math.inf else int(threshold),
            "edgeitems": PRINT_OPTS.edgeitems, "linewidth": PRINT_OPTS.linewidth, "sci_mode": PRINT_OPTS.sci_mode}


def grad_suffixes(t):
    grad_fn = t.grad_fn
    if grad_fn is not None:
        name = type(grad_fn).__name__
        if name == "CppFunction":
            name = grad_fn.name().rsplit("::", 1)[-1]
        return ["grad_fn=<%s>" % name]
    return ["requires_grad=True"] if t.requires_grad else []


def describe(t):
    return {"shape": list(t.shape), "dtype": str(t.dtype)[6:], **encode_values(t), "options": options(),
            "suffixes": grad_suffixes(t), "parameter": isinstance(t, torch.nn.Parameter)}


def record_examples():
    cases = json.load(open(os.path.join(HERE, "torch-print-examples.json")))
    out = []
    real_print = builtins.print
    for index, case in enumerate(cases):
        torch.set_printoptions(profile="default")
        prints = []
        pure = [True]

        def spy(*args, **kwargs):
            if (len(args) == 1 and not kwargs and isinstance(args[0], torch.Tensor)
                    and args[0].layout == torch.strided and args[0].dtype in SUPPORTED):
                prints.append(describe(args[0]))
            else:
                pure[0] = False
            real_print(*args, **kwargs)

        buffer = io.StringIO()
        builtins.print = spy
        try:
            with contextlib.redirect_stdout(buffer):
                exec(case["code"], {"__name__": "__main__"})
        finally:
            builtins.print = real_print
        assert buffer.getvalue() == case["stdout"], index
        out.append({"index": index, "tensor": pure[0] and bool(prints), "prints": prints if pure[0] else []})
    torch.set_printoptions(profile="default")
    return out


def random_values(rng, n, dtype):
    kind = rng.choice(["normal", "wide", "ints", "small", "specials", "zeros", "mixed"])
    vals = []
    for _ in range(n):
        if kind == "normal":
            v = rng.gauss(0, 1) * 10 ** rng.choice([-2, 0, 1, 2])
        elif kind == "wide":
            v = rng.gauss(0, 1) * 10 ** rng.uniform(-30, 30)
        elif kind == "ints":
            v = float(rng.randint(-1200, 1200))
        elif kind == "small":
            v = rng.gauss(0, 1) * 1e-5
        elif kind == "specials":
            v = rng.choice([0.0, -0.0, math.inf, -math.inf, math.nan, 1.0, -2.5, 1e-3, 0.03125, 0.96875])
        elif kind == "zeros":
            v = rng.choice([0.0, -0.0])
        else:
            v = rng.choice([rng.gauss(0, 1), float(rng.randint(-9, 9)), 0.0, 1e4 * rng.random()])
        vals.append(v)
    if dtype in (torch.int64, torch.int32):
        return torch.tensor([max(-2**31, min(2**31 - 1, int(v))) if math.isfinite(v) else 7 for v in vals], dtype=dtype)
    if dtype == torch.bool:
        return torch.tensor([rng.random() < 0.5 for _ in vals])
    return torch.tensor(vals, dtype=dtype)


def record_random():
    rng = random.Random(2150)
    out = []
    option_sets = [{}, {"precision": 2}, {"precision": 6}, {"precision": 0}, {"sci_mode": True}, {"sci_mode": False},
                   {"linewidth": 40}, {"linewidth": 120}, {"threshold": 10}, {"threshold": 10, "edgeitems": 1},
                   {"threshold": 20, "edgeitems": 2, "linewidth": 60}, {"profile": "short"}, {"threshold": 5, "edgeitems": 0}]
    for i in range(420):
        dims = rng.choice([0, 1, 1, 1, 2, 2, 2, 3, 3, 4])
        shape = [rng.choice([0, 1, 1, 2, 3, 4, 5, 7, 8]) if rng.random() < 0.1 else rng.randint(1, 4 if dims > 2 else 9)
                 for _ in range(dims)]
        if dims == 1 and rng.random() < 0.3:
            shape = [rng.randint(10, 40)]
        dtype = rng.choice([torch.float32] * 5 + [torch.float64] * 2 + [torch.int64, torch.int32, torch.bool])
        t = random_values(rng, math.prod(shape), dtype).reshape(shape)
        if dtype.is_floating_point and rng.random() < 0.15:
            t = t.clone().requires_grad_()
            if rng.random() < 0.5:
                t = t * 1
        opts = rng.choice(option_sets) if i >= 40 else {}
        torch.set_printoptions(**opts)
        out.append({**describe(t), "repr": repr(t)})
        torch.set_printoptions(profile="default")
    for n, scale in [(1100, 1.0), (2000, 1e3), (1500, 1.0)]:
        g = torch.Generator().manual_seed(n)
        t = torch.randn(n, generator=g) * scale
        shapes = {1100: [1100], 2000: [10, 200], 1500: [3, 10, 50]}
        t = t.reshape(shapes[n])
        out.append({**describe(t), "repr": repr(t)})
    return out


def record_float_reprs():
    """Python repr of random doubles: raw bit patterns, float32-widened values, round decimals."""
    import struct
    rng = random.Random(311)
    values = []
    for _ in range(200):
        values.append(struct.unpack("<d", struct.pack("<Q", rng.getrandbits(64)))[0])
    for _ in range(200):
        values.append(struct.unpack("<f", struct.pack("<I", rng.getrandbits(32)))[0])
    for _ in range(200):
        values.append(round(rng.uniform(-1, 1) * 10 ** rng.randint(-8, 18), rng.randint(0, 6)))
    values += [1e16, 1e15, 9999999999999998.0, 1e-4, 1e-5, 0.00011, 123456789012345678.0, 2.0**60, 5e-324, -0.0]
    out = []
    for v in values:
        if math.isnan(v):
            continue
        out.append([format(struct.unpack("<Q", struct.pack("<d", v))[0], "016x"), repr(v)])
    return out


if __name__ == "__main__":
    with open(os.path.join(HERE, "python_float_repr.json"), "w") as f:
        json.dump(record_float_reprs(), f, separators=(",", ":"))
    with open(os.path.join(HERE, "print_examples_tensors.json"), "w") as f:
        json.dump(record_examples(), f, separators=(",", ":"))
    with open(os.path.join(HERE, "print_random.json"), "w") as f:
        json.dump(record_random(), f, separators=(",", ":"))
