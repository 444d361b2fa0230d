#!/usr/bin/env bash
# Lookup API latency on the warm local stack: fixed-rate load (500 requests/s for 30 s, after a 10 s
# warm-up) for an id lookup and a search, then wrk's closed-loop maximum for the id lookup.
# Usage: bench/lookup-load.sh [RATE] [SECONDS]     Results are printed and kept under bench/results/.
# SEARCH_RATE (default RATE) sets the search's rate separately, SEARCH_QUERY its words (default: a word
# of one seed; 'اولوند التنمية' is the worst case, two words in every article).
set -euo pipefail
cd "$(dirname "$0")/.."
RATE="${1:-500}"
SECONDS_MEASURED="${2:-30}"
SEARCH_RATE="${SEARCH_RATE:-$RATE}"
SEARCH_QUERY="${SEARCH_QUERY:-فابيوس}"
API_PORT="${API_PORT:-3300}"; S3_PORT="${S3_PORT:-9300}"; DYNAMODB_PORT="${DYNAMODB_PORT:-8300}"
ENDPOINT="http://127.0.0.1:${API_PORT}"
mkdir -p bench/results
OUT="bench/results/lookup-load-$(date -u +%Y%m%dT%H%M%SZ).txt"

./mvnw -B -q -o -DskipTests package test-compile

# 300 generated articles besides the five seeds, so listings and search have something to page through.
CORPUS="$(mktemp -d)"
for i in $(seq 1 300); do
  printf 'تقرير رقم %d عن زيارة أولوند\n\nقال المتحدث باسم الوزارة اليوم إن الاجتماع رقم %d ناقش خطط التنمية في المنطقة وأكد أهمية التعاون.\n\nوأضاف أن اللجنة ستقدم تقريرها خلال الأسابيع المقبلة.\n' "$i" "$i" > "$CORPUS/gen-$i.txt"
done

LOG="$(mktemp)"
java -jar target/article-pipeline.jar serve --port "$API_PORT" --s3-port "$S3_PORT" --dynamodb-port "$DYNAMODB_PORT" > "$LOG" 2>&1 &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null; wait "$SERVER" 2>/dev/null || true; rm -rf "$CORPUS" "$LOG"' EXIT
for _ in $(seq 1 120); do grep -q '^ready' "$LOG" && break; sleep 1; done
grep -q '^ready' "$LOG" || { cat "$LOG"; exit 1; }
AWS_ENDPOINT_URL_S3="http://127.0.0.1:${S3_PORT}" AWS_ENDPOINT_URL_DYNAMODB="http://127.0.0.1:${DYNAMODB_PORT}" \
  AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_REGION=us-east-1 \
  java -jar target/article-pipeline.jar ingest "$CORPUS" > /dev/null

# Picked before any load: a search run past what the stack follows leaves a backlog behind it.
ID="$(curl -s --max-time 30 "$ENDPOINT/articles?limit=1" | grep -o '"id":"[0-9a-f]\{24\}"' | head -1 | cut -d'"' -f4)"
drain() { sleep 20; }

{
  echo "# $(date -u +%FT%TZ) $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
  java -cp target/test-classes org.articlepipeline.bench.LookupLoad --endpoint "$ENDPOINT" --target id \
    --rate "$RATE" --seconds "$SECONDS_MEASURED" --warmup 10
  drain
  java -cp target/test-classes org.articlepipeline.bench.LookupLoad --endpoint "$ENDPOINT" --target search \
    --q "$SEARCH_QUERY" --rate "$SEARCH_RATE" --seconds "$SECONDS_MEASURED" --warmup 10
  if command -v wrk > /dev/null; then
    drain
    echo "wrk -t2 -c16 -d15s --latency $ENDPOINT/articles/$ID"
    wrk -t2 -c16 -d15s --latency "$ENDPOINT/articles/$ID"
  fi
  echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$OUT"
