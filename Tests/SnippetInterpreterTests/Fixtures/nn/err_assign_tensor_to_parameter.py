import torch
import torch.nn as nn
lin = nn.Linear(2, 2)
lin.weight = torch.zeros(2, 2)
