import torch
import torch.nn as nn
import torch.nn.functional as F
torch.manual_seed(0)
mha = nn.MultiheadAttention(4, 2, batch_first=True)
x = torch.randn(1, 3, 4)
out, w = mha(x, x, x, need_weights=False)
print(out)
print(nn.Transformer.generate_square_subsequent_mask(3))
causal = torch.triu(torch.full((3, 3), float('-inf')), 1)
out, w = mha(x, x, x, attn_mask=causal, need_weights=False, is_causal=True)
print(out)
layer = nn.TransformerEncoderLayer(4, 2, 8, dropout=0.5, batch_first=True)
y = layer(x)
print(y)
print(torch.rand(1))
class M(nn.Module):
    def __init__(self):
        self.lin = nn.Linear(2, 2)
try:
    M()
except AttributeError as e:
    print("AttributeError:", e)
unbatched = torch.randn(3, 4)
o, w = mha(unbatched, unbatched, unbatched)
print(o.shape, w.shape)
print(mha(unbatched, unbatched, unbatched, key_padding_mask=torch.tensor([False, False, True]))[1])
