import torch
import torch.nn.functional as F

x = torch.tensor([[-3.0, -0.5, 0.0], [0.25, 1.5, 4.0]])
print(F.relu(x))
print(F.gelu(x))
print(F.gelu(x, approximate='tanh'))
print(F.silu(x))
print(F.sigmoid(x))
print(F.tanh(x))
print(F.leaky_relu(x, 0.1))
print(F.softmax(x, dim=0))
print(F.softmax(x, dim=-1, dtype=torch.float64))
print(F.log_softmax(x, dim=1))
print(F.softmax(torch.tensor([1.0, 2.0, 3.0])))
print(F.softmax(x))
