import torch
import torch.nn as nn
mha = nn.MultiheadAttention(8, 2)
mha(torch.randn(5, 2, 8), torch.randn(6, 2, 8), torch.randn(7, 2, 8))
