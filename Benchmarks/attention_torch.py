"""PyTorch side of the attention/softmax benchmark rows (same shapes and flop count as KernelBench).

    /work/torchenv/bin/python Benchmarks/attention_torch.py [threads]
At one thread it divides by process CPU time, like `KernelBench --cpu-time`, to resist machine load.
"""
import sys
import time

import torch
import torch.nn.functional as F

threads = int(sys.argv[1]) if len(sys.argv) > 1 else 1
torch.set_num_threads(threads)


clock = time.process_time if threads == 1 else time.perf_counter


def best(fn, repeats):
    fn()
    times = []
    for _ in range(repeats):
        t0 = clock()
        fn()
        times.append(clock() - t0)
    return min(times)


with torch.no_grad():
    for b, h, n, d in [(1, 8, 512, 64), (1, 16, 2048, 64)]:
        q, k, v = (torch.rand(b, h, n, d) * 2 - 1 for _ in range(3))
        flops = 4.0 * b * h * n * n * d
        s = best(lambda: F.scaled_dot_product_attention(q, k, v), max(3, min(20, int(4e9 / flops))))
        print(f"torch-attention {b} {h} {n} {n} {d} {threads} {flops / s / 1e9:.2f}")
    x = torch.rand(4096, 512) * 8 - 4
    s = best(lambda: torch.softmax(x, -1), 5)
    print(f"torch-softmax 4096 512 {threads} {4096 / s / 1e6:.2f} {4096 * 512 * 8 / s / 1e9:.2f}")
