import torch.nn as nn
mha = nn.MultiheadAttention(0, 3)
