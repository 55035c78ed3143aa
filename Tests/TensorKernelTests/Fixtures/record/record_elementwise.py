"""Records elementwise results (dtype, shape, values) from PyTorch 2.15 CPU for TensorKernel's tests.

Run: /work/torchenv/bin/python record/record_elementwise.py > elementwise.json
Values are strings: float.hex() for floats (exact, including nan/inf), decimal for ints and bools.
"""
import json
import math
import torch

torch.manual_seed(1)


def enc_tensor(t):
    vals = t.flatten().tolist()
    if t.dtype.is_floating_point:
        vals = [float(v).hex() for v in vals]
    else:
        vals = [str(int(v)) for v in vals]
    return {"dtype": str(t.dtype).replace("torch.", ""), "shape": list(t.shape), "values": vals}


def enc(x):
    if isinstance(x, torch.Tensor):
        return enc_tensor(x)
    if isinstance(x, bool):
        return {"bool": x}
    if isinstance(x, int):
        return {"int": x}
    return {"double": float(x).hex()}


cases = []
f32 = torch.tensor([[-2.5, -1.0, -0.0, 0.5], [1.5, 2.5, 3.0, 7.25]])
f32b = torch.tensor([1.5, -2.0, 0.75, 3.0])
f32r = torch.randn(3, 4)
f64 = torch.tensor([0.1, -0.3, 2.0, 5.5], dtype=torch.float64)
i64 = torch.tensor([[-7, -3, 0, 4], [5, 9, -12, 2]])
i64b = torch.tensor([2, -3, 5, 4])
i32 = torch.tensor([3, -4, 6, 8], dtype=torch.int32)
b1 = torch.tensor([True, False, True, False])
b2 = torch.tensor([True, True, False, False])
zero_f64 = torch.tensor(2.5, dtype=torch.float64)
pairs = [(f32, f32b), (f32r, f32r[0] + 0.5), (f32, 2), (f32, 0.1), (f32, -1.5), (i64, 2.5), (i64, i64b),
         (i64, 3), (i32, i64b), (i32, 2), (i32, 0.5), (b1, b2), (b1, 2), (b1, 1.5), (i64, zero_f64), (f32, zero_f64),
         (f32, f64), (f64, 0.1), (2.0, f32b), (3, i64b), (f32, True)]
ops = {
    "add": lambda a, b: a + b, "sub": lambda a, b: a - b, "mul": lambda a, b: a * b, "div": lambda a, b: a / b,
    "floor_divide": lambda a, b: a // b, "remainder": lambda a, b: a % b, "pow": lambda a, b: a ** b,
    "eq": lambda a, b: a == b, "lt": lambda a, b: a < b, "ge": lambda a, b: a >= b,
    "bitwise_and": lambda a, b: a & b, "bitwise_xor": lambda a, b: a ^ b,
    "maximum": lambda a, b: torch.maximum(a, b), "minimum": lambda a, b: torch.minimum(a, b),
}
for name, f in ops.items():
    for a, b in pairs:
        if name in ("maximum", "minimum") and not (isinstance(a, torch.Tensor) and isinstance(b, torch.Tensor)):
            continue
        try:
            out = f(a, b)
            cases.append({"op": name, "a": enc(a), "b": enc(b), "out": enc_tensor(out)})
        except Exception as e:
            cases.append({"op": name, "a": enc(a), "b": enc(b), "error": type(e).__name__ + ": " + str(e)})
# add with alpha
cases.append({"op": "add_alpha", "a": enc(f32r), "b": enc(f32r * 3), "alpha": 0.3, "out": enc_tensor(torch.add(f32r, f32r * 3, alpha=0.3))})

u = torch.cat([torch.randn(40) * 3, torch.tensor([0.0, -0.0, 0.5, -0.5, 1.5, 2.5, -2.5, float("nan"), float("inf"), float("-inf")])])
pos = torch.rand(40) * 10 + 0.01
unary = {
    "exp": (u, torch.exp), "log": (pos, torch.log), "log1p": (pos, torch.log1p), "sqrt": (pos, torch.sqrt),
    "rsqrt": (pos, torch.rsqrt), "sin": (u, torch.sin), "cos": (u, torch.cos), "tanh": (u, torch.tanh),
    "sigmoid": (u, torch.sigmoid), "relu": (u, torch.relu), "gelu": (u, torch.nn.functional.gelu),
    "gelu_tanh": (u, lambda x: torch.nn.functional.gelu(x, approximate="tanh")), "silu": (u, torch.nn.functional.silu),
    "abs": (u, torch.abs), "neg": (u, torch.neg), "sign": (u, torch.sign), "floor": (u, torch.floor), "ceil": (u, torch.ceil),
    "round": (u, torch.round), "round2": (u * 10, lambda x: torch.round(x, decimals=2)), "clamp": (u, lambda x: x.clamp(-0.5, 0.5)),
    "isnan": (u, torch.isnan), "isinf": (u, torch.isinf), "nan_to_num": (u, torch.nan_to_num),
    "exp_int": (torch.tensor([0, 1, 2, -1]), torch.exp), "abs_int": (i64, torch.abs), "sqrt_int": (torch.tensor([4, 2, 9]), torch.sqrt),
    "pow2": (u, lambda x: x ** 2), "pow3": (u, lambda x: x ** 3), "pow_half": (pos, lambda x: x ** 0.5), "pow_1_7": (pos, lambda x: x ** 1.7),
    "pow_neg1": (pos, lambda x: x ** -1), "rpow": (f32b, lambda x: 2 ** x), "reciprocal": (pos, torch.reciprocal),
    "sigmoid64": (u.double(), torch.sigmoid), "exp64": (u.double(), torch.exp),
}
for name, (x, f) in unary.items():
    cases.append({"op": name, "a": enc(x), "out": enc_tensor(f(x))})
print(json.dumps(cases))
