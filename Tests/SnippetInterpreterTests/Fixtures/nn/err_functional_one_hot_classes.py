import torch
import torch.nn.functional as F
F.one_hot(torch.tensor([0, 3]), num_classes=3)
