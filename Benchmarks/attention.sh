#!/usr/bin/env bash
# Fused attention and softmax at one thread: quizc's kernels vs torch, same shapes, same run, CPU time.
# Usage: Benchmarks/attention.sh [PYTHON]  (default /work/torchenv/bin/python)
set -euo pipefail
cd "$(dirname "$0")/.."
python="${1:-/work/torchenv/bin/python}"
swift build -c release --product KernelBench >/dev/null
ours=$(./.build/release/KernelBench attention softmax --threads 1 --cpu-time)
theirs=$(OMP_NUM_THREADS=1 "$python" Benchmarks/attention_torch.py 1)
echo "1 thread, GFLOP/s = 4·B·H·L·S·E / CPU time (best of several runs); load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "| B | H | L = S | E | quizc | torch | quizc/torch |"
echo "|--:|--:|------:|--:|------:|------:|------------:|"
while read -r _ b h l _ e _ g; do
    t=$(echo "$theirs" | awk -v b="$b" -v h="$h" -v l="$l" '$1 == "torch-attention" && $2 == b && $3 == h && $4 == l { print $8 }')
    awk -v b="$b" -v h="$h" -v l="$l" -v e="$e" -v q="$g" -v t="$t" \
        'BEGIN { printf "| %s | %s | %s | %s | %.1f | %.1f | %.2f |\n", b, h, l, e, q, t, q / t }'
done < <(echo "$ours" | grep '^attention')
s_ours=$(echo "$ours" | awk '$1 == "softmax" { print $5 }')
s_torch=$(echo "$theirs" | awk '$1 == "torch-softmax" { print $5 }')
echo
echo "softmax over the last dim of (4096, 512) float32, million rows/s: quizc $s_ours (ATen-exact emulation), torch $s_torch"
