import torch
import torch.nn as nn
torch.manual_seed(0)
lin = nn.Linear(2, 1)
sd = lin.state_dict()
print(sd)
print(sd.keys(), len(sd), 'weight' in sd)
print(list(sd.items())[0][0], sd['bias'])
for k in sd:
    print(k, sd[k].shape)
print(nn.Sequential(nn.Linear(1, 1)).state_dict().keys())
print(nn.ReLU().state_dict())
x = torch.randn(2, 2)
print(lin.weight.T.shape, lin.weight.data)
print(lin.weight.grad)
