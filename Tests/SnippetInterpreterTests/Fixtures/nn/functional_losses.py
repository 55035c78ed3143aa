import torch
import torch.nn as nn
import torch.nn.functional as F

logits = torch.tensor([[2.0, 0.5, -1.0], [0.1, 0.2, 0.3], [-1.0, 3.0, 0.0]])
target = torch.tensor([0, 2, 1])
print(F.cross_entropy(logits, target))
print(F.cross_entropy(logits, target, reduction='none'))
print(F.cross_entropy(logits, target, reduction='sum'))
print(F.cross_entropy(logits, torch.tensor([0, -100, 1])))
print(F.cross_entropy(logits, target, label_smoothing=0.1))
print(F.cross_entropy(logits, torch.tensor([[1.0, 0.0, 0.0], [0.0, 0.5, 0.5], [0.0, 1.0, 0.0]])))
print(nn.CrossEntropyLoss()(logits, target))
print(F.nll_loss(F.log_softmax(logits, dim=1), target))
print(F.mse_loss(logits, torch.zeros(3, 3)))
print(nn.MSELoss(reduction='sum')(logits, torch.ones(3, 3)))
w = torch.ones(3, requires_grad=True)
print(F.cross_entropy(logits * w, target))
