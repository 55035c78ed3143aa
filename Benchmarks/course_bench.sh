#!/usr/bin/env bash
# Course-scale benchmark: generate N challenges, fill their answers with `quizc fix`, then time a release
# `quizc build` cold (--no-cache, into a fresh output folder; and into the previous build's output folder, whose
# files it writes over) and warm (cache filled, one snippet edited), with peak memory, against CPython + PyTorch
# running the same snippets in one process. Never run in CI (needs torch).
#
#   Benchmarks/course_bench.sh [N ...]          default: 1000 10000
#   RUNS=3       cold builds (each into a fresh output folder), warm builds and baseline runs per row; the row
#                shows their medians (single runs swing by a third on a shared machine), interleaved
#   PLAIN=1      generate plain-Python snippets (for an interpreter without torch; baseline runs without torch)
#   PYTHON=...   the Python with torch (default /work/torchenv/bin/python)
#   QUIZC=...    a quizc binary (default: build .build/release/quizc)
#   BASE=...     an older quizc binary: its cold builds run interleaved with QUIZC's and the row adds its median
#                and the speed-up (side by side, one window: the only comparison that means anything here)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
counts=("$@")
[ ${#counts[@]} -eq 0 ] && counts=(1000 10000)
python=${PYTHON:-/work/torchenv/bin/python}
plain_flag=() baseline_flag=()
if [ "${PLAIN:-0}" = 1 ]; then plain_flag=(--plain); baseline_flag=(--no-torch); fi
if [ -z "${QUIZC:-}" ]; then
  swift build -c release --product quizc >&2
  QUIZC="$root/.build/release/quizc"
fi
command -v /usr/bin/time >/dev/null || { echo "install GNU time: apt-get install -y time" >&2; exit 2; }

# Runs a command under GNU time; prints "SECONDS PEAK_MB" (wall clock, maximum resident set).
measure() {
  local log; log=$(mktemp)
  /usr/bin/time -v "$@" >/dev/null 2>"$log" || { tail -5 "$log" >&2; rm -f "$log"; return 1; }
  awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i] }
              /Maximum resident set size/ { kb = $2 }
              END { printf "%.2f %.0f\n", s, kb / 1024 }' "$log"
  rm -f "$log"
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }

# The median of its arguments (the lower middle one for an even count).
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
runs=${RUNS:-3}

base_header="" base_rule=""
if [ -n "${BASE:-}" ]; then base_header=" BASE cold | BASE ÷ cold |" base_rule=" ---: | ---: |"; fi
printf '%s\n' "| challenges | quizc fix (fills answers) | quizc build cold | cold, output kept | build warm, 1 edited | peak MB cold | python baseline | peak MB python | python ÷ cold | python ÷ warm |$base_header"
printf '%s\n' "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |$base_rule"
for n in "${counts[@]}"; do
  work=$(mktemp -d)
  python3 Benchmarks/generate_course.py "$n" "$work/content" "${plain_flag[@]}"
  cd "$work"
  read -r fix_s _ < <(measure "$QUIZC" fix content || echo "fail 0")                # cold: the cache is empty
  "$QUIZC" check content >"$work/check.log" 2>&1 || { echo "quizc check failed for $n challenges:" >&2; tail -5 "$work/check.log" >&2; }
  # Cold builds (no result cache, a fresh output folder each) interleaved with the baseline, so load changes on
  # the machine hit both alike.
  colds=() cold_mbs=() pys=() py_mbs=() bases=() kepts=()
  "$QUIZC" build --no-cache --content content --output out-kept >/dev/null 2>&1
  for run in $(seq "$runs"); do
    if [ -n "${BASE:-}" ]; then
      read -r base_s _ < <(measure "$BASE" build --no-cache --content content --output "base-out-$run")
      bases+=("$base_s")
    fi
    read -r cold_s cold_mb < <(measure "$QUIZC" build --no-cache --content content --output "out-$run")
    colds+=("$cold_s") cold_mbs+=("$cold_mb")
    # Also cold (no result cache, nothing reused) but into the output folder of the previous build, as a rebuild
    # with --no-cache does: its files are written over in place instead of created.
    read -r kept_s _ < <(measure "$QUIZC" build --no-cache --content content --output out-kept)
    kepts+=("$kept_s")
    read -r py_s py_mb < <(measure "$python" "$root/Benchmarks/python_baseline.py" content "${baseline_flag[@]}")
    pys+=("$py_s") py_mbs+=("$py_mb")
  done
  rm -rf out-* .out-* base-out-* .base-out-*
  sleep 1.1  # as in an editing session, the files are older than a second: the build state records their stamps
  "$QUIZC" build --content content --output out >/dev/null            # fills .quizc-cache
  first=$(find content -name '*.md' ! -name quiz.md | sort | awk 'NR == 1')   # awk reads all: no SIGPIPE under pipefail
  warms=()
  for run in $(seq "$runs"); do
    sed -i "0,/^\`\`\`python\$/s//\`\`\`python\nedited_marker_$run = 1/" "$first"   # one snippet changes, its output does not
    read -r warm_s _ < <(measure "$QUIZC" build --content content --output out)
    warms+=("$warm_s")
  done
  "$python" "$root/Benchmarks/python_baseline.py" content "${baseline_flag[@]}" | head -1 >&2
  echo "runs: cold ${colds[*]} s; cold, output kept ${kepts[*]} s; warm ${warms[*]} s; python ${pys[*]} s${BASE:+; BASE cold ${bases[*]} s}" >&2
  cold_s=$(median "${colds[@]}") kept_s=$(median "${kepts[@]}") warm_s=$(median "${warms[@]}") py_s=$(median "${pys[@]}")
  cold_mb=$(median "${cold_mbs[@]}") py_mb=$(median "${py_mbs[@]}")
  base_cells=""
  if [ -n "${BASE:-}" ]; then
    base_s=$(median "${bases[@]}")
    base_cells=" $base_s s | $(ratio "$base_s" "$cold_s") |"
  fi
  printf '| %s | %s s | %s s | %s s | %s s | %s | %s s | %s | %s | %s |%s\n' "$n" "$fix_s" "$cold_s" "$kept_s" "$warm_s" "$cold_mb" \
    "$py_s" "$py_mb" "$(ratio "$py_s" "$cold_s")" "$(ratio "$py_s" "$warm_s")" "$base_cells"
  cd "$root"
  rm -rf "$work"
done
