import torch.nn as nn
lin = nn.Linear(2, 2)
lin.weights
