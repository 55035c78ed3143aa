import torch
import torch.nn.functional as F

a = torch.tensor([[1.0, 2.0, 3.0], [0.0, 0.0, 0.0]])
b = torch.tensor([[4.0, -5.0, 6.0], [1.0, 1.0, 1.0]])
print(F.cosine_similarity(a, b))
print(F.cosine_similarity(a, b, dim=0))
print(F.cosine_similarity(a, torch.tensor([1.0, 0.0, 0.0]), dim=-1))
w = torch.ones(3, requires_grad=True)
print(F.cosine_similarity(w, b[0], dim=0))
