import torch.nn as nn
seq = nn.Sequential(nn.ReLU(), nn.Tanh())
print(seq[-2])
seq[2]
