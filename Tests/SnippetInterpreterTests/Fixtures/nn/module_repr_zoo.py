import torch
import torch.nn as nn

class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.emb = nn.Embedding(10, 4, padding_idx=0)
        self.blocks = nn.ModuleList([nn.Linear(4, 4) for _ in range(3)] + [nn.Linear(4, 2)])
        self.heads = nn.ModuleDict({"a": nn.Identity(), "b": nn.Tanh()})
        self.norm = nn.LayerNorm((2, 4), elementwise_affine=False)
        self.act = nn.Sequential(nn.SiLU(), nn.Sigmoid(), nn.Softmax(dim=-1), nn.GELU(approximate='tanh'), nn.ReLU(), nn.Dropout(0.25))
        self.scale = 0.5

net = Net()
print(net)
print(nn.ModuleList())
print(nn.Sequential())
print(nn.LayerNorm(8, eps=1e-6, bias=False))
print(nn.Embedding(3, 2))
print(nn.MultiheadAttention(8, 2, kdim=4, vdim=6))
print(nn.TransformerEncoderLayer(8, 2, dim_feedforward=16))
