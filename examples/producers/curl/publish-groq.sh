#!/usr/bin/env bash
# Publish the NVIDIA-Groq deal through tip's HTTP ingest (POST /api/events on any `tip run` instance).
#   ./publish-groq.sh [http://localhost:8080] [event-id]
# The same JSON form as `tip publish` (docs/events.md); 202 means Kafka acknowledged every accepted event.
# For many events: an array with Content-Type: application/json, or one event a line with
# Content-Type: application/x-ndjson (e.g. --data-binary @events.jsonl).
set -euo pipefail
url="${1:-http://localhost:8080}"
id="${2:-evt-nvda-groq}"
curl -sS --fail-with-body -X POST "$url/api/events" \
  -H 'Content-Type: application/json' \
  --data-binary @- <<JSON
{"id":"$id","type":"ACQUISITION","actor":"NVIDIA","target":"Groq","amountUsd":20000000000,"occurredAt":"2025-12-24",
 "headline":"NVIDIA to acquire Groq for \$20B","source":"example-curl","tags":["inference"]}
JSON
echo
