"""Records softmax / log_softmax / logsumexp / layer_norm / SDPA expectations for TensorKernelTests.

Run with a torch 2.15 CPU install (documentation only; tests never run it):
    python record_k4.py  ->  ../softmax_avx2.json, ../layernorm.json, ../attention_avx2.json
Values are stored as float32 bit patterns (unsigned ints) so tests compare bits, not decimals.
Recorded on an AVX2 machine (`get_cpu_capability() == "AVX2"`), so softmax lane sums use W = 8.
Also writes ../softmax_corpus020_input.json, the input of corpus snippet 020 (seed 0, randn(64, 64)),
whose AVX-512 print (../corpus_020_large_softmax_summarized.out, copied from the shared corpus)
checks the W = 16 emulation.
"""
import json, os
import numpy as np
import torch
import torch.nn.functional as F

torch.set_num_threads(1)
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)
print("capability:", torch.backends.cpu.get_cpu_capability())


def bits(t):
    return t.detach().contiguous().view(-1).numpy().astype(np.float32).view(np.uint32).tolist()


def case(**kw):
    return {k: (bits(v) if isinstance(v, torch.Tensor) else v) for k, v in kw.items()}


g = torch.Generator().manual_seed(1234)
softmax = []
for n in list(range(1, 41)) + [47, 63, 64, 65, 100, 129]:
    x = torch.randn(3, n, generator=g) * 3
    if n % 7 == 3:
        x[1, n // 2] = float("-inf")
    softmax.append(case(op="softmax", shape=[3, n], dim=1, input=x, output=torch.softmax(x, 1)))
    softmax.append(case(op="log_softmax", shape=[3, n], dim=1, input=x, output=torch.log_softmax(x, 1)))
x = torch.full((2, 5), float("-inf"))
softmax.append(case(op="softmax", shape=[2, 5], dim=1, input=x, output=torch.softmax(x, 1)))
for shape, dim in [((5, 3), 0), ((2, 6, 4), 1), ((4, 20), 0), ((3, 5, 9), 1), ((2, 3, 17), 0), ((7, 24), 0)]:
    x = torch.randn(*shape, generator=g) * 2
    softmax.append(case(op="softmax", shape=list(shape), dim=dim, input=x, output=torch.softmax(x, dim)))
    softmax.append(case(op="log_softmax", shape=list(shape), dim=dim, input=x, output=torch.log_softmax(x, dim)))
    softmax.append(case(op="logsumexp", shape=list(shape), dim=dim, input=x, output=torch.logsumexp(x, dim)))
for n in [1, 2, 5, 16, 33]:
    x = torch.randn(4, n, generator=g) * 4
    softmax.append(case(op="logsumexp", shape=[4, n], dim=1, input=x, output=torch.logsumexp(x, 1)))
json.dump(softmax, open(os.path.join(OUT, "softmax_avx2.json"), "w"))

ln = []
for n in list(range(1, 18)) + [20, 24, 31, 32, 33, 48, 63, 64, 65, 96, 100, 127, 128, 129, 200, 256, 300, 384, 512, 1000]:
    rows = 4 if n <= 128 else 2
    x = torch.randn(rows, n, generator=g) * 2 + 0.5
    w = torch.randn(n, generator=g)
    b = torch.randn(n, generator=g)
    y, mean, rstd = torch.native_layer_norm(x, [n], w, b, 1e-5)
    y0, mean0, rstd0 = torch.native_layer_norm(x, [n], None, None, 1e-5)
    ln.append(case(n=n, rows=rows, eps=1e-5, input=x, weight=w, bias=b, output=y, output_plain=y0,
                   mean=mean, rstd=rstd))
json.dump(ln, open(os.path.join(OUT, "layernorm.json"), "w"))

att = []


def sdpa_case(name, q, k, v, mask=None, causal=False, scale=None):
    out = F.scaled_dot_product_attention(q, k, v, attn_mask=mask, is_causal=causal, scale=scale)
    c = case(name=name, q=q, k=k, v=v, qshape=list(q.shape), kshape=list(k.shape), vshape=list(v.shape),
             causal=causal, output=out, oshape=list(out.shape))
    if scale is not None:
        c["scale"] = scale
    if mask is not None:
        c["maskshape"] = list(mask.shape)
        c["maskdtype"] = "bool" if mask.dtype == torch.bool else "float32"
        c["mask"] = mask.view(-1).int().tolist() if mask.dtype == torch.bool else bits(mask)
    att.append(c)


for (B, H, L, S, D) in [(1, 1, 3, 3, 4), (1, 2, 4, 4, 8), (2, 2, 5, 5, 4), (1, 1, 2, 7, 3), (1, 2, 6, 16, 8),
                        (1, 1, 4, 20, 4), (2, 1, 3, 33, 2), (1, 1, 1, 1, 5)]:
    q = torch.randn(B, H, L, D, generator=g)
    k = torch.randn(B, H, S, D, generator=g)
    v = torch.randn(B, H, S, D, generator=g)
    sdpa_case(f"plain{B}{H}{L}{S}{D}", q, k, v)
    sdpa_case(f"causal{B}{H}{L}{S}{D}", q, k, v, causal=True)
    sdpa_case(f"scale{B}{H}{L}{S}{D}", q, k, v, scale=0.3)
    m = torch.rand(L, S, generator=g) > 0.3
    m[0, :] = False
    sdpa_case(f"bool{B}{H}{L}{S}{D}", q, k, v, mask=m)
    fm = torch.randn(B, 1, L, S, generator=g)
    sdpa_case(f"float{B}{H}{L}{S}{D}", q, k, v, mask=fm)
q = torch.randn(2, 4, 3, generator=g); k = torch.randn(2, 6, 3, generator=g); v = torch.randn(2, 6, 5, generator=g)
sdpa_case("threeD", q, k, v)
sdpa_case("threeDcausal", q, k, v, causal=True)
q = torch.randn(4, 3, generator=g); k = torch.randn(6, 3, generator=g); v = torch.randn(6, 2, generator=g)
sdpa_case("twoD", q, k, v)
sdpa_case("twoDcausal", q, k, v, causal=True)
m = torch.tensor([[True, False, True, False, True, True]] * 3 + [[False] * 6])
sdpa_case("twoDmask", q, k, v, mask=m)
json.dump(att, open(os.path.join(OUT, "attention_avx2.json"), "w"))
print(len(softmax), len(ln), len(att))

torch.manual_seed(0)
x = torch.randn(64, 64)
json.dump({"source": "corpus 020_large_softmax_summarized.py: torch.manual_seed(0); torch.randn(64, 64)",
           "input": bits(x)}, open(os.path.join(OUT, "softmax_corpus020_input.json"), "w"))
