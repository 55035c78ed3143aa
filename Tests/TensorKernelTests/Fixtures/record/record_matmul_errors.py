"""Records torch 2.15 errors and small exact results of the matmul family into ../matmul_cases.json.

Run: /work/torchenv/bin/python record_matmul_errors.py
Each error case is an expression over r = torch.randn (values do not matter). Value cases use small
integers so every summation order gives the same float; they check rank dispatch and output shapes.
"""
import json
import os

import torch
import torch.nn.functional as F

r = torch.randn
L = torch.long
D = torch.float64

errors = {
    "dot_dtype": "torch.dot(r(3), torch.ones(3, dtype=L))",
    "dot_2d": "torch.dot(r(2, 3), r(2, 3))",
    "dot_0d": "torch.dot(torch.tensor(1.), r(3))",
    "matmul_1d_dtype": "r(3) @ torch.ones(3, dtype=L)",
    "mv_dtype": "r(2, 3) @ torch.ones(3, dtype=L)",
    "mv_long_float": "torch.mv(torch.ones(2, 3, dtype=L), r(3))",
    "mv_float_double": "torch.mv(r(2, 3), r(3, dtype=D))",
    "mv_1d": "torch.mv(r(3), r(3))",
    "mv_2d_vec": "torch.mv(r(2, 3), r(3, 1))",
    "mv_size_before_dtype": "torch.mv(r(2, 3), torch.ones(4, dtype=L))",
    "vm_dtype": "r(3) @ torch.ones(3, 2, dtype=L)",
    "fold_dtype": "r(2, 3, 4) @ torch.ones(4, 2, dtype=L)",
    "fold_mv_dtype": "r(2, 3, 4) @ torch.ones(4, dtype=L)",
    "fold_size_before_dtype": "r(2, 3, 4) @ torch.ones(5, 2, dtype=L)",
    "batched_dtype_long": "r(2, 3, 4) @ torch.ones(2, 4, 2, dtype=L)",
    "batched_dtype_rev": "torch.ones(2, 3, 4, dtype=L) @ r(2, 4, 2)",
    "batched_size_before_dtype": "r(2, 3, 4) @ torch.ones(2, 5, 2, dtype=D)",
    "mm_mat2_1d": "torch.mm(r(2, 3), r(3))",
    "mm_0d": "torch.mm(torch.tensor(1.), r(3, 3))",
    "mm_size_before_dtype": "torch.mm(r(2, 3), torch.ones(4, 5, dtype=L))",
    "mm_double_float": "torch.mm(r(2, 3).double(), r(3, 4))",
    "mm_int_long": "torch.ones(2, 2, dtype=torch.int32) @ torch.ones(2, 2, dtype=L)",
    "bool_mm": "torch.ones(2, 2, dtype=torch.bool) @ torch.ones(2, 2, dtype=torch.bool)",
    "bool_mv": "torch.ones(2, 2, dtype=torch.bool) @ torch.ones(2, dtype=torch.bool)",
    "bool_dot": "torch.ones(2, dtype=torch.bool) @ torch.ones(2, dtype=torch.bool)",
    "bool_bmm": "torch.ones(2, 2, 2, dtype=torch.bool) @ torch.ones(2, 2, 2, dtype=torch.bool)",
    "bmm_4d": "torch.bmm(r(2, 3, 4, 5), r(2, 3, 5, 4))",
    "matmul_0d_both": "torch.matmul(torch.tensor(1.), torch.tensor(2.))",
    "matmul_2d_0d": "torch.matmul(r(2, 2), torch.tensor(2.))",
    "outer_2d": "torch.outer(r(2, 3), r(3))",
    "outer_2d_b": "torch.outer(r(3), r(2, 3))",
    "outer_0d": "torch.outer(torch.tensor(1.), r(3))",
    "linear_nobias_dtype": "F.linear(torch.ones(2, 4, dtype=L), r(3, 4))",
    "linear_bias_dtype": "F.linear(r(2, 4), r(3, 4), torch.ones(3, dtype=L))",
    "linear_all_long_bias": "F.linear(torch.ones(2, 4, dtype=L), r(3, 4), torch.ones(3, dtype=L))",
    "linear_w_long": "F.linear(r(2, 4), torch.ones(3, 4, dtype=L), r(3))",
    "linear_dtype_before_size": "F.linear(torch.ones(2, 5, dtype=L), r(3, 4), r(3))",
    "linear_bias_shape": "F.linear(r(2, 4), r(3, 4), r(4))",
    "linear_bias_shape_3d": "F.linear(r(5, 2, 4), r(3, 4), r(4))",
    "linear_bias_3d": "F.linear(r(2, 4), r(3, 4), r(2, 2, 3))",
    "linear_1d_nobias": "F.linear(r(5), r(3, 4))",
    "linear_3d_nobias": "F.linear(r(2, 7, 5), r(3, 4))",
    "linear_w1d_bias": "F.linear(r(2, 4), r(4), r(1))",
    "linear_w3d": "F.linear(r(2, 4), r(2, 3, 4))",
    "linear_0d": "F.linear(torch.tensor(1.0), r(3, 4))",
    "linear_noncontiguous_3d": "F.linear(r(2, 5, 7).transpose(1, 2), r(3, 4), r(3))",
}


def ar(*shape, dtype=torch.float32):
    n = 1
    for s in shape:
        n *= s
    return (torch.arange(n) % 7 - 3).to(dtype).reshape(shape)


values = {
    "vv": "ar(3) @ ar(3)",
    "mv": "ar(2, 3) @ ar(3)",
    "vm": "ar(3) @ ar(3, 4)",
    "mm": "ar(2, 3) @ ar(3, 4)",
    "fold_mm": "ar(2, 3, 4) @ ar(4, 5)",
    "fold_mv": "ar(2, 3, 4) @ ar(4)",
    "v_batched": "ar(5) @ ar(2, 5, 4)",
    "batched_v": "ar(2, 5, 4) @ ar(4)",
    "m_batched": "ar(3, 5) @ ar(2, 5, 4)",
    "broadcast_batched": "ar(2, 1, 3, 4) @ ar(5, 4, 2)",
    "transposed_batched": "ar(2, 4, 3).transpose(1, 2) @ ar(2, 4, 5)",
    "long_mm": "ar(2, 3, dtype=L) @ ar(3, 2, dtype=L)",
    "int_bmm": "ar(2, 2, 3, dtype=torch.int32) @ ar(2, 3, 2, dtype=torch.int32)",
    "double_mv": "ar(2, 3, dtype=D) @ ar(3, dtype=D)",
    "long_dot": "ar(4, dtype=L) @ ar(4, dtype=L)",
    "empty_k": "ar(2, 0) @ ar(0, 3)",
    "empty_batch": "ar(0, 2, 3) @ ar(0, 3, 4)",
    "outer": "torch.outer(ar(3), ar(2))",
    "outer_mixed": "torch.outer(ar(3, dtype=L), ar(2))",
    "linear_bias": "F.linear(ar(2, 4), ar(3, 4), ar(3))",
    "linear_3d_bias": "F.linear(ar(2, 2, 4), ar(3, 4), ar(3))",
    "linear_1d_bias": "F.linear(ar(4), ar(3, 4), ar(3))",
    "linear_nobias": "F.linear(ar(2, 2, 4), ar(3, 4))",
    "linear_w1d": "F.linear(ar(2, 4), ar(4))",
    "linear_bias_2d": "F.linear(ar(5, 2, 4), ar(3, 4), ar(2, 3))",
    "linear_bias_0d": "F.linear(ar(2, 4), ar(3, 4), torch.tensor(2.0))",
    "linear_noncontiguous_3d": "F.linear(ar(2, 4, 3).transpose(1, 2), ar(5, 4), ar(5))",
    "bmm": "torch.bmm(ar(2, 2, 3), ar(2, 3, 2))",
}

out = {"torch": torch.__version__, "errors": [], "values": []}
for key, code in errors.items():
    try:
        eval(code)
        raise SystemExit(f"{key} did not raise")
    except RuntimeError as e:
        out["errors"].append({"id": key, "code": code, "error_type": type(e).__name__, "message": str(e)})
for key, code in values.items():
    t = eval(code)
    out["values"].append({"id": key, "code": code, "dtype": str(t.dtype).replace("torch.", ""),
                          "shape": list(t.shape), "values": [float(v) for v in t.reshape(-1).tolist()]})

here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "..", "matmul_cases.json"), "w") as f:
    json.dump(out, f, indent=1)
    f.write("\n")
