#!/usr/bin/env bash
# Bounded work on pathological uploads: each page of PathologicalPages (one-letter lines, one 10 MB line,
# punctuation, digits, 100,000 nested divs, ...) normalized at the size cap, in a fresh JVM per page with the
# heap Lambda would give the ingest function and Lambda's C1-only JIT. Prints a Markdown table row per page:
# outcome, time (normalize + the stored document's JSON), document size against the page, peak heap.
#   bench/pathological.sh [HEAP=870m] [BYTES=10485760]
# 870m is 85 % of the template's IngestMemorySize (1024 MB): Lambda's Java runtime sizes the heap from it.
set -euo pipefail
cd "$(dirname "$0")/.."
heap="${1:-870m}"
bytes="${2:-10485760}"
./mvnw -B -q -o test-compile
CP=$(./mvnw -B -q -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/dev/stdout)
echo "| page | size | outcome | time | document | peak heap |"
echo "| --- | --- | --- | --- | --- | --- |"
for name in "one-letter lines" "one-letter sentences" "sentence lines at the line cap" "one line of sentences" \
            "one word" "punctuation" "spaced dots" "digits" "deep html" \
            "shallow html (for comparison)" "bare divs"; do
  if ! "${JAVA:-java}" "-Xmx$heap" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 \
      -cp "target/test-classes:target/classes:${CP}" org.articlepipeline.bench.PathologicalBench "$name" "$bytes"; then
    echo "| $name | | FAILED (see above) | | | |"
  fi
done
