#!/usr/bin/env bash
# HTML extraction quality on the development corpus, beside the peers: the 38 pages of ../shared/corpus/html
# read as HTML (title, body kept, chrome dropped, dates, language, source) and the Zyte article-extraction
# benchmark's development half (body precision/recall/F1 beside the 14 extractors whose published outputs the
# benchmark ships). Only reads the corpus: it calls `java -jar target/article-pipeline.jar normalize`.
#
# Usage: bench/html-quality.sh [--no-build]
set -euo pipefail
cd "$(dirname "$0")/.."
quality=../shared/quality/run
[ -x "$quality" ] || { echo "no $quality: the development corpus is not beside this checkout" >&2; exit 2; }
if [ "${1:-}" != "--no-build" ]; then
  ./mvnw -B -q -o -DskipTests package
fi
echo "commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src || echo ' (+ uncommitted changes)')"
echo
"$quality" html | sed -n '/^== /p;/^per metric/,/^summary/p'
"$quality" zyte
