import torch
import torch.nn as nn
class Empty(nn.Module):
    pass
Empty()(torch.zeros(1))
