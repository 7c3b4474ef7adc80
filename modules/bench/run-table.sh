#!/usr/bin/env bash
# Runs the BENCHMARKS.md table: 100 / 10k / 100k theses, both guarantees, 200k events each, 1 GiB heap.
# One JSON line per run (and the load average before it) goes to the file given, default bench-table.jsonl.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="${1:-bench-table.jsonl}"
cd "$here/../.."
for guarantee in exactly_once_v2 at_least_once; do
  for theses in 100 10000 100000; do
    echo "# $(date -u +%FT%TZ) theses=$theses guarantee=$guarantee load:$(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out"
    ./tip bench \
      --theses "$theses" --events 200000 --guarantee "$guarantee" --json 2>>"${out%.jsonl}.log" | tee -a "$out"
  done
done
