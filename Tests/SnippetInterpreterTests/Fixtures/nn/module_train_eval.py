import torch
import torch.nn as nn

model = nn.Sequential(nn.Linear(2, 2), nn.Dropout(0.5), nn.Sequential(nn.Dropout(0.1)))
print(model.training, [m.training for m in model.modules()])
out = model.eval()
print(out is model, [m.training for m in model.modules()])
model.train()
print([m.training for m in model.modules()])
model[2].eval()
print([m.training for m in model.modules()])
