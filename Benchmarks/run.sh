#!/usr/bin/env bash
# Float32 square matmul GFLOP/s: quizc's gemmFast vs numpy (OpenBLAS) and torch (MKL), at 1 thread and
# at all threads, printed side by side.
# Usage: Benchmarks/run.sh [--cpu-time] [--rounds R] [PYTHON]  (default /work/torchenv/bin/python)
# --cpu-time: one thread only, dividing by process CPU time (steadier when other jobs share the cores).
# --rounds R: repeat the whole interleaved sweep R times and keep each library's best (default 1).
set -euo pipefail
cd "$(dirname "$0")/.."
clock=()
thread_counts=(1 "$(getconf _NPROCESSORS_ONLN)")
rounds=1
while [[ $# -gt 0 ]]; do
    case "$1" in
        --cpu-time) clock=(--cpu-time); thread_counts=(1); shift ;;
        --rounds) rounds="$2"; shift 2 ;;
        *) break ;;
    esac
done
python="${1:-/work/torchenv/bin/python}"

results=$(mktemp)
trap 'rm -f "$results"' EXIT
if ! swift build -c release --product KernelBench >"$results" 2>&1; then
    cat "$results" >&2
    exit 1
fi
: >"$results"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
# Sizes interleave the three libraries so that load changes on a shared machine hit them alike.
for _ in $(seq "$rounds"); do
    for threads in "${thread_counts[@]}"; do
        for n in 64 128 256 512 1024 2048; do
            ./.build/release/KernelBench matmul --threads "$threads" --sizes "$n" "${clock[@]}" \
                | sed 's/^matmul/quizc/' >>"$results"
            # numpy reads its thread count at import; the OpenBLAS tuning variables are dropped for this command only.
            env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE OPENBLAS_NUM_THREADS="$threads" OMP_NUM_THREADS="$threads" \
                "$python" Benchmarks/compare.py "${clock[@]}" "$threads" "$n" >>"$results"
        done
    done
done

echo "float32 matmul, square n, GFLOP/s (best of several runs${clock:+, per CPU-second}, $rounds interleaved round(s)); load average before: $load_before, after: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '| %7s | %4s | %8s | %8s | %8s | %12s |\n' threads n quizc numpy torch "quizc/numpy"
printf '|%s|%s|%s|%s|%s|%s|\n' --------: -----: ---------: ---------: ---------: -------------:
awk '
    { id = $1 " " $2 " " $3; if (!(id in value) || $4 + 0 > value[id] + 0) value[id] = $4; if (!(($3 " " $2) in seen)) { seen[$3 " " $2] = 1; order[++count] = $3 " " $2 } }
    END {
        for (i = 1; i <= count; i++) {
            split(order[i], key, " "); t = key[1]; n = key[2]
            q = value["quizc " n " " t]; np = value["numpy " n " " t]; tc = value["torch " n " " t]
            printf "| %7s | %4s | %8s | %8s | %8s | %12.2f |\n", t, n, q, np, tc, q / np
        }
    }' "$results"
