#!/usr/bin/env bash
# Builds one libFuzzer target with ASan and runs it for SECONDS, seeded from content/ and the test fixtures.
# Usage: Fuzz/run.sh FuzzFrontMatter|FuzzMarkdown|FuzzLexer|FuzzParser|FuzzInterpreter SECONDS [libFuzzer flags...]
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:?usage: Fuzz/run.sh TARGET SECONDS}
seconds=${2:?usage: Fuzz/run.sh TARGET SECONDS}
shift 2
export QUIZC_FUZZ=1
swift build --build-path .build-fuzz --product "$target" \
  -Xswiftc -sanitize=fuzzer,address >&2
binary=$(swift build --build-path .build-fuzz --show-bin-path)/$target

corpus=Fuzz/corpus/$target
seeds=.build-fuzz/seeds/$target
crashes=Fuzz/crashes/$target
mkdir -p "$corpus" "$seeds" "$crashes"
case $target in
  FuzzFrontMatter|FuzzMarkdown)
    find content Tests -name '*.md' -size -64k -exec cp {} "$seeds/" \; ;;
  *)
    # Python fences of the content plus the interpreter's golden snippets.
    find Tests/SnippetInterpreterTests/Fixtures -name '*.py' -size -64k -exec cp {} "$seeds/" \;
    n=0
    for md in $(find content -name '*.md'); do
      awk '/^```python/{f=1;next}/^```/{f=0}f' "$md" > "$seeds/fence-$n.py"; n=$((n+1))
    done ;;
esac
# Inputs earlier runs stopped on (crashes, timeouts) are replayed first.
if [ -d "Fuzz/regressions/$target" ]; then cp Fuzz/regressions/"$target"/* "$seeds/"; fi
# -timeout is wall-clock time: on a shared, loaded machine a debug + ASan unit can wait 10 s for a core, so a
# unit counts as a hang only after 60 s.
"$binary" "$corpus" "$seeds" -max_total_time="$seconds" -timeout=60 -rss_limit_mb=2048 \
  -max_len=16384 -artifact_prefix="$crashes/" -print_final_stats=1 "$@"
