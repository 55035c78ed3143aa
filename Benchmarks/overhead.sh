#!/usr/bin/env bash
# Interpreter overhead for tiny work: process start-up (`quizc --version`), the cost of one call from a
# snippet, measured as (time of a loop of K calls − time of the empty loop) ÷ K inside `quizc check`,
# next to the same loops in CPython, and the cost of one snippet session: `quizc check --no-cache` of S
# one-line challenges (`print`) and of S challenges that also `import torch.nn as nn`, divided by S.
# Never run in CI.
#
#   Benchmarks/overhead.sh                 plain call: abs(-1)
#   TORCH=1 Benchmarks/overhead.sh         torch op on 2×2 tensors: torch.add(a, b)
#   K=100000  S=400  QUIZC=...  PYTHON=...  loop length, session count, binaries
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
k=${K:-100000}
sessions=${S:-400}
python=${PYTHON:-/work/torchenv/bin/python}
if [ -z "${QUIZC:-}" ]; then swift build -c release --product quizc >&2; QUIZC="$root/.build/release/quizc"; fi
if [ "${TORCH:-0}" = 1 ]; then
  setup=$'import torch\na = torch.ones(2, 2)\nb = torch.ones(2, 2)'; call='torch.add(a, b)'
else
  setup='a = -1'; call='abs(a)'
fi

now() { date +%s.%N; }
# Best of five: the minimum is the least disturbed by other load on the machine.
best() { local b=999999 t; for _ in 1 2 3 4 5; do t=$("$@"); b=$(awk -v a="$b" -v t="$t" 'BEGIN { print (t < a ? t : a) }'); done; echo "$b"; }
wall() { local s; s=$(now); "$@" >/dev/null; elapsed "$s" "$(now)"; }
# In-process times, so start-up is left out: quizc's summary line, the baseline's exec time.
quizc_time() { "$QUIZC" check "$work/$1" --no-cache | sed -n 's/.* in \([0-9.]*\) s.*/\1/p'; }
python_time() { "$python" "$root/Benchmarks/python_baseline.py" "$work/$1" --no-torch | sed -n 's/.*exec \([0-9.]*\) s.*/\1/p'; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.4f", b - a }'; }

echo "quizc --version: $(awk -v t="$(best wall "$QUIZC" --version)" 'BEGIN { printf "%.1f", t * 1000 }') ms per start (best of 5)"
echo "python -c pass:  $(awk -v t="$(best wall "$python" -c pass)" 'BEGIN { printf "%.1f", t * 1000 }') ms per start (best of 5)"

work=$(mktemp -d)
course() {  # $1 folder, $2 loop body
  mkdir -p "$work/$1/q"
  printf 'title: Overhead\ndescription: x\nbase_url: ""\nlanguage: en\n' >"$work/$1/site.yml"
  printf -- '---\ntitle: Q\ndescription: x\n---\n\nx\n' >"$work/$1/q/quiz.md"
  printf -- '---\ntype: predict-output\ndifficulty: beginner\n---\n\n# Loop\n\nWhat does this print?\n\n```python\n%s\nfor i in range(%s):\n    %s\nprint("done")\n```\n\n## Answer\n\n```text\ndone\n```\n' \
    "$setup" "$k" "$2" >"$work/$1/q/01-loop.md"
}
course empty pass
course calls "$call"
qe=$(best quizc_time empty); qc=$(best quizc_time calls); pe=$(best python_time empty); pc=$(best python_time calls)
awk -v qe="$qe" -v qc="$qc" -v pe="$pe" -v pc="$pc" -v k="$k" -v call="$call" 'BEGIN {
  printf "one `%s` from a snippet: quizc %.0f ns, CPython %.0f ns (ratio %.1f)  [loop of %d: quizc %.3f s vs empty %.3f s; CPython %.3f s vs %.3f s]\n",
    call, (qc - qe) / k * 1e9, (pc - pe) / k * 1e9, (qc - qe) / ((pc - pe) > 0 ? (pc - pe) : 1e-9), k, qc, qe, pc, pe }'

# One session per challenge: S challenges in quizzes of 25, each a one-line snippet after `$1`.
sessions_course() {  # $1 folder, $2 snippet prefix
  local i q
  for ((i = 0; i < sessions; i++)); do
    q="$work/$1/q$((i / 25))"
    if [ ! -f "$q/quiz.md" ]; then
      mkdir -p "$q"; printf -- '---\ntitle: Q\ndescription: x\n---\n\nx\n' >"$q/quiz.md"
    fi
    printf -- '---\ntype: predict-output\ndifficulty: beginner\n---\n\n# S%d\n\nWhat does this print?\n\n```python\n%sprint(%d)\n```\n\n## Answer\n\n```text\n%d\n```\n' \
      "$i" "$2" "$i" "$i" >"$q/$(printf %04d "$i")-s.md"
  done
  printf 'title: Sessions\ndescription: x\nbase_url: ""\nlanguage: en\n' >"$work/$1/site.yml"
}
if [ "$sessions" -gt 0 ]; then
sessions_course plain ''
sessions_course torchnn $'import torch\nimport torch.nn as nn\n'
sp=$(best quizc_time plain); st=$(best quizc_time torchnn)
awk -v sp="$sp" -v st="$st" -v n="$sessions" 'BEGIN {
  printf "one snippet session (check, per challenge): plain %.0f us, with torch + torch.nn imported %.0f us (import cost %.0f us)  [%d challenges: %.3f s, %.3f s]\n",
    sp / n * 1e6, st / n * 1e6, (st - sp) / n * 1e6, n, sp, st }'
fi
rm -rf "$work"
