import torch
import torch.nn as nn
emb = nn.Embedding.from_pretrained(torch.tensor([[1.0, 2.0], [3.0, 4.0]]))
print(emb, emb.weight.requires_grad)
print(emb(torch.tensor([1, 0])))
ml = nn.ModuleList()
ml.append(nn.ReLU())
ml.extend([nn.Tanh(), nn.Tanh()])
ml.insert(0, nn.Identity())
print(ml, len(ml), [type(m).__name__ for m in ml])
print(ml[1:])
md = nn.ModuleDict({"x": nn.Linear(1, 1)})
md["y"] = nn.ReLU()
print(md, list(md.keys()), "y" in md, len(md))
for k, v in md.items():
    print(k, v)
seq = nn.Sequential(nn.Linear(1, 2), nn.ReLU())
seq.append(nn.Linear(2, 1))
print(seq, len(seq))
print(seq[0].weight.shape, seq[-1].bias.shape)
seq[1] = nn.GELU()
print(seq)
del seq[0]
print(seq)
class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.w = nn.Parameter(torch.zeros(2))
        self.w = None
        self.register_parameter('b', nn.Parameter(torch.ones(1)))
        self.layers = nn.ModuleList(nn.Linear(2, 2) for _ in range(2))
    def forward(self, x):
        for l in self.layers:
            x = l(x)
        return x
n = Net()
print([name for name, _ in n.named_parameters()], n.w)
print(n.get_submodule('layers.1'))
print(n.get_parameter('layers.0.bias').shape)
n.apply(lambda m: print(type(m).__name__))
print(n.zero_grad())
