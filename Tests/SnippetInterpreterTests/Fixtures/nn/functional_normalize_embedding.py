import torch
import torch.nn.functional as F

x = torch.tensor([[3.0, 4.0], [0.0, 0.0], [1.0, 1.0]])
print(F.normalize(x))
print(F.normalize(x, dim=0))
print(F.normalize(x, p=1.0, dim=1))
weight = torch.arange(12.0).view(4, 3)
print(F.embedding(torch.tensor([[0, 3], [1, 1]]), weight))
