"""Records views, shape ops, indexing and creation results from PyTorch 2.15 CPU.

Run: /work/torchenv/bin/python record/record_shapes.py > shapes.json
"""
import json, torch
out = {}
x = torch.arange(24).reshape(2, 3, 4)
def info(t):
    return {"shape": list(t.shape), "stride": list(t.stride()), "offset": t.storage_offset(), "contiguous": t.is_contiguous(), "values": [str(float(v)) for v in t.flatten().tolist()]}
views = {
    "transpose(0,2)": x.transpose(0, 2), "permute(2,0,1)": x.permute(2, 0, 1), "view(4,6)": x.view(4, 6), "view(-1,4)": x.view(-1, 4),
    "unsqueeze(1)": x.unsqueeze(1), "unsqueeze(-1)": x.unsqueeze(-1), "narrow(2,1,2)": x.narrow(2, 1, 2), "select(1,-1)": x.select(1, -1),
    "expand": torch.arange(3).reshape(3, 1).expand(2, 3, 4), "flatten(1)": x.flatten(1), "unflatten(2,(2,2))": x.unflatten(2, (2, 2)),
    "T": x.T, "mT": x.mT, "slice(2,1,None,2)": x[:, :, 1::2], "transpose_view": x.transpose(1, 2).reshape(2, 12), "squeeze": torch.zeros(1, 3, 1).squeeze(),
    "squeeze(0)": torch.zeros(1, 3, 1).squeeze(0), "squeeze((0,2))": torch.zeros(1, 3, 1).squeeze((0, 2)), "t_view": x[0].t().contiguous(),
    "index_basic": x[1, ..., ::2], "index_none": x[None, 0, :, None], "index_adv1": x[[0, 1], :, [0, 1]], "index_adv2": x[:, [0, 2], [1, 3]],
    "index_adv3": x[[[0], [1]], [[0, 1]]], "index_mask": x[x > 20], "index_mask2": x[:, torch.tensor([True, False, True])],
    "index_int_adv": x[0, :, [1, 2]], "index_tensor0": x[torch.tensor(1)],
}
out["views"] = {k: info(v) for k, v in views.items()}
m = x.float()
shape_ops = {
    "cat1": torch.cat([x, x], dim=1), "stack2": torch.stack([x, x], dim=2), "split": [info(t) for t in x.split(2, dim=2)],
    "chunk": [info(t) for t in torch.arange(5).chunk(3)], "repeat": x[0].repeat(2, 1, 2), "repeat_interleave": torch.arange(3).repeat_interleave(2),
    "repeat_interleave_dim": x[0].repeat_interleave(torch.tensor([1, 2, 0]), dim=0), "gather": torch.gather(x[0], 1, torch.tensor([[0, 3], [1, 1], [2, 0]])),
    "index_select": x.index_select(2, torch.tensor([3, 0])), "masked_select": x.masked_select(x % 5 == 0), "roll": x.roll(1), "roll2": x.roll((1, -1), (0, 2)),
    "flip": x.flip((0, 2)), "tril": m[0].tril(), "triu1": m[0].triu(1), "tril-1": m.tril(-1), "where": torch.where(x > 10, x, -x),
    "masked_fill": m.masked_fill(x % 2 == 0, float("-inf")), "scatter": x[0].scatter(1, torch.tensor([[0], [1], [2]]), torch.tensor([[-1], [-2], [-3]])),
    "cumsum_int": x.cumsum(2), "max_dim": x.max(dim=1)[0], "argmax_dim": x.float().argmax(dim=2), "argmax": x.argmax(), "amax": x.amax(dim=(0, 2)),
    "sort": torch.tensor([3., 1., 2., 1.]).sort(descending=True)[1], "topk": torch.tensor([3., 1., 2., 5.]).topk(2)[0],
}
out["shape_ops"] = {k: (v if isinstance(v, list) else info(v)) for k, v in shape_ops.items()}
creation = {
    "arange_f": torch.arange(0, 3, 0.1), "arange_i": torch.arange(2, 12, 3), "arange_neg": torch.arange(10.0, 0, -3),
    "linspace": torch.linspace(-1, 1, 7), "linspace_i": torch.linspace(0, 10, 5, dtype=torch.int64), "eye": torch.eye(2, 3),
    "full": torch.full((2,), 7), "full_f": torch.full((2,), 0.1), "tensor_mixed": torch.tensor([True, 2]), "tensor_float": torch.tensor([[1, 2.5]]),
}
out["creation"] = {k: dict(info(v), dtype=str(v.dtype).replace("torch.", "")) for k, v in creation.items()}
import random
random.seed(3)
ranges = []
for _ in range(30):
    start, end, steps = random.uniform(-5, 5), random.uniform(-5, 20), random.randint(2, 80)
    ranges.append({"op": "linspace", "start": start.hex(), "end": end.hex(), "steps": steps,
                   "values": [float(v).hex() for v in torch.linspace(start, end, steps).tolist()]})
    start, end, step = random.uniform(-5, 5), random.uniform(6, 30), random.uniform(0.01, 0.9)
    ranges.append({"op": "arange", "start": start.hex(), "end": end.hex(), "steps": 0, "step": step.hex(),
                   "values": [float(v).hex() for v in torch.arange(start, end, step).tolist()]})
out["ranges"] = ranges
print(json.dumps(out))
