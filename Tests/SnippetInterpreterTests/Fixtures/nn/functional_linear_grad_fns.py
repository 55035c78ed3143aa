import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(1)
w = torch.randn(3, 4, requires_grad=True)
b = torch.randn(3, requires_grad=True)
print(F.linear(torch.ones(2, 4), w, b))
print(F.linear(torch.ones(2, 4), w))
print(F.linear(torch.ones(4), w, b))
print(F.linear(torch.ones(2, 1, 4), w, b))
with torch.no_grad():
    print(F.linear(torch.ones(2, 4), w, b))
lin = nn.Linear(4, 2)
print(lin(torch.ones(4)).grad_fn is not None)
