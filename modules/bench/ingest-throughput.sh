#!/usr/bin/env bash
# Events/s through POST /api/events of a running `tip run`, in requests of 1 and of 500 events, with
# ApacheBench (apt-get install apache2-utils), 4 connections. Every request waits for Kafka's acks.
#   modules/bench/ingest-throughput.sh [http://localhost:8080] [seconds per case]
set -euo pipefail
url="${1:-http://localhost:8080}"
seconds="${2:-20}"
command -v ab >/dev/null || { echo "ingest-throughput: needs ab (apt-get install apache2-utils)" >&2; exit 2; }
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
event() {
  printf '{"id":"bench-%s-%s","type":"ACQUISITION","actor":"Acme","target":"Beta","occurredAt":"2025-01-01","headline":"Acme buys Beta","tags":["bench"]}' "$1" "$2"
}
event one 1 > "$tmp/1.json"
{ printf '['; for i in $(seq 1 500); do [ "$i" -gt 1 ] && printf ','; event batch "$i"; done; printf ']'; } > "$tmp/500.json"
echo "# $(date -u +%FT%TZ) $url, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
for batch in 1 500; do
  out="$(ab -q -t "$seconds" -n 100000000 -c 4 -T application/json -p "$tmp/$batch.json" "$url/api/events" 2>&1)"
  rps="$(awk '/Requests per second/ {print $4}' <<<"$out")"
  bad="$(awk '/Non-2xx responses/ {print $3}' <<<"$out")"
  p99="$(awk '/ 99%/ {print $2}' <<<"$out")"
  awk -v b="$batch" -v r="${rps:-0}" -v n="${bad:-0}" -v p="${p99:-?}" \
    'BEGIN {printf "batch %3d: %8.0f requests/s %9.0f events/s  p99 %s ms  non-2xx %s\n", b, r, r * b, p, n}'
done
