import torch
import torch.nn.functional as F

torch.manual_seed(6)
q = torch.randn(1, 2, 3, 4)
k = torch.randn(1, 2, 3, 4)
v = torch.randn(1, 2, 3, 4)
print(F.scaled_dot_product_attention(q, k, v))
print(F.scaled_dot_product_attention(q, k, v, is_causal=True)[0, 0])
mask = torch.tensor([[True, False, True], [True, True, False], [False, True, True]])
print(F.scaled_dot_product_attention(q, k, v, attn_mask=mask)[0, 1])
print(F.scaled_dot_product_attention(q, k, v, scale=0.1)[0, 0])
kv = torch.randn(1, 1, 3, 4)
print(F.scaled_dot_product_attention(q, kv, kv, enable_gqa=True).shape)
q3 = torch.randn(2, 3, 4, requires_grad=True)
print(F.scaled_dot_product_attention(q3, q3, q3).grad_fn is not None)
