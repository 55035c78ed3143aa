import torch
import torch.nn as nn
mha = nn.MultiheadAttention(8, 2)
x = torch.randn(2, 3, 4, 8)
mha(x, x, x)
