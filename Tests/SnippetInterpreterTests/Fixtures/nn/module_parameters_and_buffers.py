import torch
import torch.nn as nn

class Block(nn.Module):
    def __init__(self):
        super().__init__()
        self.proj = nn.Linear(3, 2)
        self.register_buffer("steps", torch.zeros(1))
        self.ln = nn.LayerNorm(2)

class Model(nn.Module):
    def __init__(self):
        super().__init__()
        self.first = Block()
        self.layers = nn.Sequential(nn.Linear(2, 2, bias=False), nn.ReLU(), Block())
        self.shared = self.first
        self.temperature = nn.Parameter(torch.ones(1))

m = Model()
for name, p in m.named_parameters():
    print(name, tuple(p.shape), p.requires_grad)
print([name for name, _ in m.named_buffers()])
print([name for name, _ in m.named_children()])
print([name for name, _ in m.named_modules()])
print(len(list(m.modules())), len(list(m.children())))
print(sum(p.numel() for p in m.parameters()))
print(list(m.state_dict().keys()))
print(len(list(m.first.parameters())), len(list(m.parameters(recurse=False))))
print(next(m.parameters()).shape)
print(m.layers[0], m.layers[-1].proj.out_features, len(m.layers))
print(type(m.layers[1:]).__name__, [type(x).__name__ for x in m.layers[1:]])
print(isinstance(m.temperature, torch.Tensor), isinstance(m.temperature, nn.Parameter))
m.requires_grad_(False)
print(all(not p.requires_grad for p in m.parameters()))
