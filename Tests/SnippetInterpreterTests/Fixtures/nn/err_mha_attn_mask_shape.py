import torch
import torch.nn as nn
mha = nn.MultiheadAttention(8, 2, batch_first=True)
x = torch.randn(2, 5, 8)
mha(x, x, x, attn_mask=torch.zeros(4, 4, dtype=torch.bool))
