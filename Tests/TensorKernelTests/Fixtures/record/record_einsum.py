"""Records torch 2.15 einsum results (float32 bit patterns) and errors into ../einsum.json.

Run: /work/torchenv/bin/python record_einsum.py
"Random" cases use torch.randn inputs (stored as bits) with < 400 multiply-adds per batch, where torch's
bmm is its naive loop; "integer" cases use small integers so any summation order is exact.
"""
import json
import os

import numpy as np
import torch

torch.manual_seed(7)


def bits(t):
    return t.contiguous().numpy().astype(np.float32).view(np.uint32).ravel().tolist()


def ar(*shape):
    n = int(np.prod(shape)) if shape else 1
    return (torch.arange(n) % 7 - 3).float().reshape(shape)


random_cases = [
    ("bhqd,bhkd->bhqk", [(2, 2, 4, 8), (2, 2, 5, 8)]),
    ("bhqk,bhkd->bhqd", [(2, 2, 4, 5), (2, 2, 5, 8)]),
    ("ij,jk->ik", [(3, 7), (7, 5)]),
    ("bij,bjk->bik", [(2, 4, 6), (2, 6, 3)]),
    ("i,j->ij", [(4,), (3,)]),
    ("ij,jk", [(3, 4), (4, 2)]),
    ("ij,kj->ik", [(3, 6), (5, 6)]),
    ("bqd,bkd->bqk", [(3, 4, 8), (3, 6, 8)]),
    ("ijk,jk->i", [(2, 3, 4), (3, 4)]),
    ("ij,ij->ij", [(1, 3), (2, 3)]),
    ("...qd,...kd->...qk", [(2, 2, 4, 8), (2, 2, 5, 8)]),
    ("...ij,...jk", [(2, 3, 4), (4, 5)]),
    ("b...d,b...d->b...", [(2, 3, 4), (2, 3, 4)]),
]
integer_cases = [
    ("ii->i", [(3, 3)]),
    ("ij->ji", [(2, 3)]),
    ("ii", [(4, 4)]),
    ("ij->", [(3, 4)]),
    ("ij->j", [(3, 4)]),
    ("ba", [(2, 3)]),
    ("i,i->", [(5,), (5,)]),
    ("ij,jk,kl->il", [(2, 3), (3, 4), (4, 2)]),
    ("bij,bkj->bik", [(2, 1, 3), (2, 4, 3)]),
    ("ij,jk->ik", [(2, 1), (3, 4)]),
    ("iij->ij", [(3, 3, 2)]),
    ("i,jk->ijk", [(2,), (2, 3)]),
    ("...ij->...ji", [(2, 3)]),
    ("...ii->...i", [(2, 3, 3)]),
    ("i...->i", [(2, 3, 4)]),
    ("ij->...ij", [(2, 3)]),
    ("...,...->...", [(2, 1), (1, 3)]),
]
cases = []
for equation, shapes in random_cases:
    ops = [torch.randn(*s) for s in shapes]
    out = torch.einsum(equation, *ops)
    cases.append({"equation": equation, "shapes": [list(s) for s in shapes], "inputs": [bits(o) for o in ops],
                  "out_shape": list(out.shape), "out": bits(out)})
for equation, shapes in integer_cases:
    ops = [ar(*s) for s in shapes]
    out = torch.einsum(equation, *ops)
    cases.append({"equation": equation, "shapes": [list(s) for s in shapes], "inputs": [bits(o) for o in ops],
                  "out_shape": list(out.shape), "out": bits(out)})

r = torch.randn
error_cases = {
    "size": ("ij,jk->ik", [(2, 3), (4, 5)]),
    "fewer_operands": ("ij,jk->ik", [(2, 3)]),
    "more_operands": ("ij->ij", [(2, 3), (2, 3)]),
    "rank": ("ij,jk->ik", [(2, 3), (3,)]),
    "output_unknown": ("ij->ik", [(2, 3)]),
    "output_repeated": ("ij->ii", [(2, 3)]),
    "diagonal_sizes": ("ii->i", [(2, 3)]),
    "invalid_character": ("i1->i", [(2, 3)]),
    "invalid_output_character": ("ij->i2", [(2, 3)]),
    "broken_ellipsis": ("..ij->ij", [(2, 3)]),
    "second_ellipsis": ("...i...->i", [(2, 3)]),
    "ellipsis_broadcast": ("...ij,...jk->...ik", [(2, 2, 3), (5, 3, 4)]),
    "ellipsis_rank": ("ij...->...", [(2,)]),
    "broken_output_ellipsis": ("ij->..", [(2, 3)]),
    "second_output_ellipsis": ("...->......", [(2, 3)]),
}
errors = []
for key, (equation, shapes) in error_cases.items():
    try:
        torch.einsum(equation, *[r(*s) for s in shapes])
        raise SystemExit(f"{key} did not raise")
    except RuntimeError as e:
        errors.append({"id": key, "equation": equation, "shapes": [list(s) for s in shapes],
                       "error_type": type(e).__name__, "message": str(e)})
try:
    torch.einsum("ij,jk->ik", r(2, 3), torch.ones(3, 2, dtype=torch.long))
except RuntimeError as e:
    errors.append({"id": "dtype", "equation": "ij,jk->ik", "shapes": [[2, 3], [3, 2]], "long_operand": 1,
                   "error_type": type(e).__name__, "message": str(e)})

here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "..", "einsum.json"), "w") as f:
    json.dump({"torch": torch.__version__, "cases": cases, "errors": errors}, f, separators=(",", ":"))
    f.write("\n")
