import torch
import torch.nn as nn
mha = nn.MultiheadAttention(8, 2)
mha(torch.randn(2, 8))
