"""Records torch 2.15 CPU matmul results as float bit patterns into ../matmul.json.

Run with the reference venv: /work/torchenv/bin/python record_matmul.py
Inputs come from torch.randn (seeded) and are stored as bits too, so the Swift tests need no RNG.
"""
import json
import os

import numpy as np
import torch

torch.manual_seed(2015)


def bits32(t):
    return t.contiguous().numpy().astype(np.float32).view(np.uint32).ravel().tolist()


def bits64(t):
    return [str(v) for v in t.contiguous().numpy().astype(np.float64).view(np.uint64).ravel().tolist()]


def case(a, b, out, kind):
    conv = bits32 if a.dtype == torch.float32 else bits64
    return {"kind": kind, "a_shape": list(a.shape), "b_shape": list(b.shape), "out_shape": list(out.shape),
            "a": conv(a), "b": conv(b), "out": conv(out)}


cases = []
# Batched products below 400 multiply-adds per batch: torch's naive loop, bit-exact target.
for a_shape, b_shape in [((2, 3, 4), (2, 4, 5)), ((1, 7, 7), (1, 7, 7)), ((3, 5, 8), (3, 8, 9)),
                         ((2, 1, 13), (2, 13, 1)), ((4, 6, 11), (4, 11, 6)), ((2, 2, 5, 8), (2, 2, 8, 5)),
                         ((1, 4, 6, 16), (1, 4, 16, 4)), ((2, 3, 10, 3), (2, 3, 3, 10))]:
    a, b = torch.randn(*a_shape), torch.randn(*b_shape)
    cases.append(case(a, b, a @ b, "batched"))
# 2-D mm / bmm above 400 multiply-adds: MKL, compared with a tolerance.
for a_shape, b_shape in [((16, 32), (32, 8)), ((40, 64), (64, 24)), ((3, 200), (200, 5)), ((70, 70), (70, 70))]:
    a, b = torch.randn(*a_shape), torch.randn(*b_shape)
    cases.append(case(a, b, a @ b, "mkl"))
a, b = torch.randn(8, 20, 30), torch.randn(8, 30, 10)
cases.append(case(a, b, torch.bmm(a, b), "mkl"))
# float64 small products.
a, b = torch.randn(3, 4, dtype=torch.float64), torch.randn(4, 2, dtype=torch.float64)
cases.append(case(a, b, a @ b, "float64"))

here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "..", "matmul.json"), "w") as f:
    json.dump({"torch": torch.__version__, "cases": cases}, f, separators=(",", ":"))
    f.write("\n")
