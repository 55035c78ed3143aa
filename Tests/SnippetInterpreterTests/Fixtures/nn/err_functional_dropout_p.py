import torch
import torch.nn.functional as F
F.dropout(torch.ones(2), p=-0.1)
