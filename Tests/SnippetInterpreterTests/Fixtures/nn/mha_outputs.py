import torch
import torch.nn as nn

torch.manual_seed(4)
mha = nn.MultiheadAttention(6, 2)
x = torch.randn(3, 6)
with torch.no_grad():
    out, w = mha(x, x, x)
print(out.shape, w.shape)
print(w)
mask = torch.tensor([[0.0, -1.0, -2.0], [0.0, 0.0, -1.0], [0.5, 0.0, 0.0]])
with torch.no_grad():
    _, w = mha(x, x, x, attn_mask=mask)
print(w)
xb = torch.randn(3, 2, 6)
pad = torch.tensor([[False, False, True], [False, False, False]])
causal = torch.triu(torch.ones(3, 3, dtype=torch.bool), 1)
with torch.no_grad():
    out, w = mha(xb, xb, xb, key_padding_mask=pad, attn_mask=causal, average_attn_weights=False)
print(out.shape, w.shape)
print(w[0])
with torch.no_grad():
    out, w = mha(xb, xb, xb, need_weights=False)
print(out.shape, w)
mem = torch.randn(5, 2, 6)
with torch.no_grad():
    out, w = mha(xb, mem, mem)
print(out.shape, w.shape)
print(w.sum(-1))
