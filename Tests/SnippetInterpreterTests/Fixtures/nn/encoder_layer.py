import torch
import torch.nn as nn

torch.manual_seed(0)
layer = nn.TransformerEncoderLayer(d_model=8, nhead=2, dim_feedforward=16, dropout=0.0)
x = torch.randn(4, 2, 8)
layer.eval()
with torch.no_grad():
    y = layer(x)
print(y.shape, round(y.sum().item(), 3))
print(torch.allclose(y.mean(-1), torch.zeros(4, 2), atol=1e-6))
first = nn.TransformerEncoderLayer(8, 2, 16, 0.0, activation="gelu", batch_first=True, norm_first=True)
print(first.norm_first, first.activation.__name__)
print([n for n, _ in first.named_parameters()])
print(torch.rand(1))
