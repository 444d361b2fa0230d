#!/usr/bin/env bash
# Warm ingest on the embedded stack: per-article latency (median, p99) over many generated articles,
# and throughput with 1 and 2 worker threads. Arguments: [articles per run] (default 600).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q test-compile
CP=$(./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/dev/stdout)
exec java -Xmx1g -cp "target/test-classes:target/classes:${CP}" org.articlepipeline.bench.IngestBenchmark "$@"
