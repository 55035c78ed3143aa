import torch
import torch.nn as nn
import torch.nn.functional as F
tormch.anual_seed(0)
class Head(nn.Module):
    def __init__(self, n_embd, head_size, block_size=8):
        super().__init__()
        self.key = nn.Linear(n_embd, head_size, bias=False)
        self.query = nn.Linear(n_embd, head_size, bias=False)
        self.value = nn.Linear(n_embd, head_size, bias=False)
        self.register_buffer('tril', torch.tril(torch.ones(block_size, block_size)))
        self.dropout = nn.Dropout(0.0)
    def forward(self, x):
        B, T, C = x.shape
        k = self.key(x)
        q = self.query(x)
        wei = q @ k.transpose(-2, -1) * k.shape[-1] ** -0.5
        wei = wei.masked_fill(self.tril[:T, :T] == 0, float('-inf'))
        wei = F.softmax(wei, dim=-1)
        wei = self.dropout(wei)
        return wei @ self.value(x)
h = Head(8, 4)
x = torch.randn(1, 3, 8)
print(h(x).shape)
print(h)
print(h.tril.shape, h.training)
print(h.state_dict().keys())
m = nn.ModuleList([Head(8, 4) for _ in range(2)])
print(len(m), m[0].key)
print(sum(p.numel() for p in m.parameters() if p.requires_grad))
print(nn.Linear(3, 3).weight.dtype, nn.Linear(3,3).weight.is_leaf)
lin = nn.Linear(2, 2)
with torch.no_grad():
    lin.weight.copy_(torch.eye(2))
    lin.bias.zero_()
print(lin(torch.tensor([[1.0, 2.0]])))
print(lin.weight)
seq = nn.Sequential(nn.Linear(2, 4), nn.ReLU(), nn.Linear(4, 1))
for name, mod in seq.named_children():
    print(name, mod)
print(seq.__class__.__name__, isinstance(seq, nn.Module))
d = nn.Dropout()
print(d)
print(nn.Softmax(dim=1), nn.GELU(), nn.Identity(), nn.LayerNorm([2, 3]))
print(nn.Embedding(10, 3).weight.shape)
emb = nn.Embedding(10, 3)
print(emb(torch.tensor([[1, 2], [3, 4]])).shape)
print(F.softmax(torch.tensor([1.0, 2.0]), dim=0))
t = torch.tensor([[1.0, 2.0]])
print(F.normalize(t, dim=-1))
print(nn.functional.relu(torch.tensor([-1.0, 1.0])))
print(torch.nn.init.zeros_(torch.empty(2)))
