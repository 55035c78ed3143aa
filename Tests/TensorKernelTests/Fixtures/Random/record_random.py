"""Records PyTorch 2.15 CPU random streams and module init draws as bit patterns.

Documentation only: the Swift tests read random.json / random_modules.json and never run this.
Run with a torch 2.15.0 CPU venv: python record_random.py  (writes next to this file, Fixtures/Random).
Arrays of numel <= 40 are stored whole ("bits": concatenated hex words, 8 hex digits per 32-bit
value, 16 per 64-bit value); larger ones store the first 8 values ("head") and an FNV-1a 64 hash
of all little-endian bytes ("fnv"). "sweeps" hold one FNV-1a 64 per (api, dtype, seed) over sizes 1…100.
"""
import json
import math
import os
import struct

import torch

SEEDS = [0, 1, 42, 1234]
SHAPES = [[1], [3], [15], [16], [17], [31], [32], [33], [100], [2, 5, 16], [4, 10, 64]]
FULL_LIMIT = 40
HEAD = 8


def fnv1a(data):
    h = 0xCBF29CE484222325
    for byte in data:
        h ^= byte
        h = (h * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return h


def words_of(t):
    """Hex words and struct format of a tensor's row-major values."""
    t = t.contiguous().flatten()
    if t.dtype == torch.float32:
        words, fmt, width = t.view(torch.int32).tolist(), "<I", 8
        words = [w & 0xFFFFFFFF for w in words]
    elif t.dtype == torch.float64:
        words, fmt, width = [w & 0xFFFFFFFFFFFFFFFF for w in t.view(torch.int64).tolist()], "<Q", 16
    elif t.dtype == torch.int64:
        words, fmt, width = [w & 0xFFFFFFFFFFFFFFFF for w in t.tolist()], "<Q", 16
    else:
        raise ValueError(t.dtype)
    return [format(w, "0%dx" % width) for w in words], fmt


def encode(t):
    hexes, fmt = words_of(t)
    words = [int(h, 16) for h in hexes]
    if len(words) <= FULL_LIMIT:
        return {"bits": "".join(hexes)}
    data = b"".join(struct.pack(fmt, w) for w in words)
    return {"head": "".join(hexes[:HEAD]), "fnv": format(fnv1a(data), "016x")}


def dropout_input(shape):
    n = math.prod(shape)
    return (torch.arange(n, dtype=torch.float32) / 7 - 3).reshape(shape)


def sweep(fn):
    """FNV-1a 64 over the concatenated words of fn(n) for n = 1…100, each from a fresh seed."""
    hexes, fmt = [], "<I"
    for n in range(1, 101):
        more, fmt = words_of(fn(n))
        hexes += more
    return format(fnv1a(b"".join(struct.pack(fmt, int(h, 16)) for h in hexes)), "016x")


def stream_cases():
    cases = []
    sweeps = []
    f32, f64 = torch.float32, torch.float64
    apis = {
        "randn": lambda s, d: torch.randn(s, dtype=d),
        "rand": lambda s, d: torch.rand(s, dtype=d),
        "normal_(0.3,1.7)": lambda s, d: torch.empty(s, dtype=d).normal_(0.3, 1.7),
        "uniform_(-1/sqrt(7),1/sqrt(7))": lambda s, d: torch.empty(s, dtype=d).uniform_(-1 / math.sqrt(7), 1 / math.sqrt(7)),
        "uniform_(2.0,5.5)": lambda s, d: torch.empty(s, dtype=d).uniform_(2.0, 5.5),
        "bernoulli_(0.3)": lambda s, d: torch.empty(s, dtype=d).bernoulli_(0.3),
        "dropout(0.1)": lambda s, d: torch.nn.functional.dropout(dropout_input(s).to(d), 0.1),
        "dropout(0.3)": lambda s, d: torch.nn.functional.dropout(dropout_input(s).to(d), 0.3),
        "bernoulli(rand)": lambda s, d: torch.bernoulli(torch.rand(s, dtype=d)),
    }
    for name, fn in apis.items():
        for dtype in (f32, f64):
            for seed in SEEDS:
                for shape in SHAPES:
                    torch.manual_seed(seed)
                    t = fn(shape, dtype)
                    cases.append({"api": name, "dtype": str(dtype)[6:], "seed": seed, "shape": shape, **encode(t)})
                sweeps.append({"api": name, "dtype": str(dtype)[6:], "seed": seed,
                               "fnv": sweep(lambda n: (torch.manual_seed(seed), fn([n], dtype))[1])})
    int_apis = {
        "randint(0,10)": lambda s: torch.randint(0, 10, s),
        "randint(-5,1000)": lambda s: torch.randint(-5, 1000, s),
        "randint(0,2**40)": lambda s: torch.randint(0, 2**40, s),
        "randperm": lambda s: torch.randperm(math.prod(s)),
    }
    for name, fn in int_apis.items():
        for seed in SEEDS:
            for shape in SHAPES:
                torch.manual_seed(seed)
                cases.append({"api": name, "dtype": "int64", "seed": seed, "shape": shape, **encode(fn(shape))})
            sweeps.append({"api": name, "dtype": "int64", "seed": seed,
                           "fnv": sweep(lambda n: (torch.manual_seed(seed), fn([n]))[1])})
    return cases, sweeps


def special_cases():
    out = []
    for seed in [0, 42]:
        torch.manual_seed(seed)
        a = torch.randn(3)
        b = torch.randn(2)
        out.append({"name": "cache randn(3) randn(2)", "seed": seed, **encode(torch.cat([a, b]))})
        torch.manual_seed(seed)
        a = torch.randn(3, dtype=torch.float64)
        b = torch.randn(17, dtype=torch.float64)
        c = torch.randn(1, dtype=torch.float64)
        out.append({"name": "cache f64 randn(3) randn(17) randn(1)", "seed": seed, **encode(torch.cat([a, b, c]))})
        for rows, cols in [(5, 4), (20, 10)]:
            torch.manual_seed(seed)
            t = torch.empty(rows, cols).t()
            t.normal_()
            out.append({"name": "transposed normal_ %dx%d storage order" % (rows, cols), "seed": seed, **encode(t.t())})
    for seed in [2**32 + 5, 2**63 - 1, -1]:
        torch.manual_seed(seed)
        r = torch.rand(5)
        n = torch.randn(5)
        out.append({"name": "rand(5) randn(5)", "seed": seed, "initial_seed": str(torch.initial_seed()),
                    **encode(torch.cat([r, n]))})
    g = torch.Generator()
    r = torch.rand(5, generator=g)
    n = torch.randn(20, generator=g)
    out.append({"name": "Generator() rand(5) randn(20)", "seed": None, "initial_seed": str(g.initial_seed()),
                **encode(torch.cat([r, n]))})
    return out


def module_cases():
    nn = torch.nn
    makers = {
        "Linear(3,2)": lambda: nn.Linear(3, 2),
        "Linear(8,8)": lambda: nn.Linear(8, 8),
        "Linear(8,8,bias=False)": lambda: nn.Linear(8, 8, bias=False),
        "Linear(20,3)": lambda: nn.Linear(20, 3),
        "MultiheadAttention(8,2)": lambda: nn.MultiheadAttention(8, 2),
        "MultiheadAttention(16,4)": lambda: nn.MultiheadAttention(16, 4),
        "MultiheadAttention(8,2,kdim=5,vdim=3)": lambda: nn.MultiheadAttention(8, 2, kdim=5, vdim=3),
        "MultiheadAttention(8,2,add_bias_kv=True)": lambda: nn.MultiheadAttention(8, 2, add_bias_kv=True),
        "MultiheadAttention(32,8,add_bias_kv=True)": lambda: nn.MultiheadAttention(32, 8, add_bias_kv=True),
        "Embedding(5,3)": lambda: nn.Embedding(5, 3),
        "Embedding(10,4)": lambda: nn.Embedding(10, 4),
        "TransformerEncoderLayer(8,2,16)": lambda: nn.TransformerEncoderLayer(8, 2, 16),
    }
    out = []
    for name, make in makers.items():
        for seed in SEEDS:
            torch.manual_seed(seed)
            m = make()
            params = []
            for pname, p in m.named_parameters():
                params.append({"name": pname, "shape": list(p.shape), **encode(p.detach())})
            after = torch.rand(1)
            out.append({"module": name, "seed": seed, "parameters": params, "next_rand": encode(after)["bits"]})
    return out


if __name__ == "__main__":
    here = os.path.dirname(os.path.abspath(__file__))
    streams, sweeps = stream_cases()
    with open(os.path.join(here, "random.json"), "w") as f:
        json.dump({"torch": torch.__version__, "capability": torch.backends.cpu.get_cpu_capability(),
                   "streams": streams, "sweeps": sweeps, "special": special_cases()}, f, separators=(",", ":"))
    with open(os.path.join(here, "random_modules.json"), "w") as f:
        json.dump({"torch": torch.__version__, "modules": module_cases()}, f, indent=0, separators=(",", ":"))
