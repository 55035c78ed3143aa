"""Float32 square matmul GFLOP/s of numpy (OpenBLAS) and torch (MKL) on this machine.

Usage: python compare.py [--cpu-time] THREADS [N ...]  (run.sh sets OPENBLAS_NUM_THREADS before numpy
loads). `--cpu-time` divides by process CPU time instead of wall time, like `KernelBench --cpu-time`.
Prints `library n threads gflops` lines, the same format as `KernelBench matmul`.
"""
import sys
import time

import numpy as np
import torch

SIZES = [64, 128, 256, 512, 1024, 2048]


def best_seconds(body, repeats, clock):
    body()
    best = float("inf")
    for _ in range(repeats):
        start = clock()
        body()
        best = min(best, clock() - start)
    return best


def main():
    arguments = sys.argv[1:]
    clock = time.perf_counter
    if arguments and arguments[0] == "--cpu-time":
        clock = time.process_time
        arguments = arguments[1:]
    threads = int(arguments[0])
    torch.set_num_threads(threads)
    rng = np.random.default_rng(0)
    for n in [int(v) for v in arguments[1:]] or SIZES:
        a = rng.uniform(-1, 1, (n, n)).astype(np.float32)
        b = rng.uniform(-1, 1, (n, n)).astype(np.float32)
        c = np.empty((n, n), dtype=np.float32)
        flops = 2.0 * n * n * n
        repeats = max(5, min(50, int(2e9 / flops)))
        seconds = best_seconds(lambda: np.matmul(a, b, out=c), repeats, clock)
        print(f"numpy {n} {threads} {flops / seconds / 1e9:.2f}", flush=True)
        ta, tb, tc = torch.from_numpy(a), torch.from_numpy(b), torch.from_numpy(c)
        seconds = best_seconds(lambda: torch.mm(ta, tb, out=tc), repeats, clock)
        print(f"torch {n} {threads} {flops / seconds / 1e9:.2f}", flush=True)


if __name__ == "__main__":
    main()
