#!/usr/bin/env python3
"""Whole-process start-up: `quizc run` on a snippet vs `python -c 'import torch'` and `python SNIPPET`.

Usage: Benchmarks/startup.py QUIZC SNIPPET.py [PYTHON]   (PYTHON defaults to /work/torchenv/bin/python)
Prints min and median wall time of each command, measured in the same run. Never run in CI (needs torch).
"""
import statistics
import subprocess
import sys
import time


def timed(command, runs):
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        samples.append(time.perf_counter() - start)
    return min(samples), statistics.median(samples)


def main():
    quizc, snippet = sys.argv[1], sys.argv[2]
    python = sys.argv[3] if len(sys.argv) > 3 else "/work/torchenv/bin/python"
    rows = [
        (f"quizc run {snippet} (10 runs)", timed([quizc, "run", snippet], 10)),
        ("python -c 'import torch' (5 runs)", timed([python, "-c", "import torch"], 5)),
        (f"python {snippet} (5 runs)", timed([python, snippet], 5)),
    ]
    print("| command | min | median |\n|---|---:|---:|")
    for name, (low, mid) in rows:
        print(f"| `{name}` | {low * 1000:,.0f} ms | {mid * 1000:,.0f} ms |")
    print(f"\nimport torch / quizc run (medians): {rows[1][1][1] / rows[0][1][1]:.0f}x")


if __name__ == "__main__":
    main()
