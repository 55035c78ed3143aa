import torch
import torch.nn.functional as F

x = torch.arange(6.0).view(2, 3)
print(F.pad(x, (1, 1)))
print(F.pad(x, (0, 2, 1, 0), value=-1.0))
print(F.pad(x, (-1, 1)))
print(F.pad(torch.tensor([True, False]), (0, 1)))
labels = torch.tensor([0, 2, 1, 2])
print(F.one_hot(labels))
print(F.one_hot(labels, num_classes=5))
print(F.one_hot(torch.tensor([[1], [0]]), 3).shape)
