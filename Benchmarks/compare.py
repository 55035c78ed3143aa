"""Float32 square matmul GFLOP/s of numpy (OpenBLAS) and torch (MKL) on this machine.

Usage: python compare.py THREADS  (run.sh sets OPENBLAS_NUM_THREADS before numpy loads).
Prints `library n threads gflops` lines, the same format as `KernelBench matmul`.
"""
import sys
import time

import numpy as np
import torch

SIZES = [64, 128, 256, 512, 1024, 2048]


def best_seconds(body, repeats):
    body()
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        body()
        best = min(best, time.perf_counter() - start)
    return best


def main():
    threads = int(sys.argv[1])
    torch.set_num_threads(threads)
    rng = np.random.default_rng(0)
    for n in SIZES:
        a = rng.uniform(-1, 1, (n, n)).astype(np.float32)
        b = rng.uniform(-1, 1, (n, n)).astype(np.float32)
        c = np.empty((n, n), dtype=np.float32)
        flops = 2.0 * n * n * n
        repeats = max(3, min(50, int(2e9 / flops)))
        seconds = best_seconds(lambda: np.matmul(a, b, out=c), repeats)
        print(f"numpy {n} {threads} {flops / seconds / 1e9:.2f}", flush=True)
        ta, tb, tc = torch.from_numpy(a), torch.from_numpy(b), torch.from_numpy(c)
        seconds = best_seconds(lambda: torch.mm(ta, tb, out=tc), repeats)
        print(f"torch {n} {threads} {flops / seconds / 1e9:.2f}", flush=True)


if __name__ == "__main__":
    main()
