import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(2)
x = torch.randn(2, 3, 5)
w = torch.randn(5)
b = torch.randn(5)
print(F.layer_norm(x, (5,), w, b))
print(F.layer_norm(x, [3, 5], eps=1e-3)[0])
ln = nn.LayerNorm([3, 5], elementwise_affine=False)
print(list(ln.parameters()), ln.normalized_shape)
print(torch.equal(ln(x), F.layer_norm(x, x.shape[1:])))
