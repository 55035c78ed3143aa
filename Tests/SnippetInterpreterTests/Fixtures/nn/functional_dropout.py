import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(5)
x = torch.ones(2, 6)
print(F.dropout(x, 0.5))
print(F.dropout(x, 0.2, training=False) is x)
print(F.dropout(x, 1.0))
drop = nn.Dropout(0.25)
print(drop(torch.arange(8.0)))
drop.eval()
print(drop(torch.arange(4.0)))
print(torch.rand(2))
