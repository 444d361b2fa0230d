#!/usr/bin/env bash
# backfill --missing throughput on the embedded stack with --concurrency 1, 2 and 4: generated articles
# uploaded without notifications, ingested in-process, the index step following from the stream.
# Arguments: [articles per run] (default 300). The default JVM (C2): backfill runs on a machine, not in Lambda.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q test-compile
CP=$(./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/dev/stdout)
exec java -Xmx1g -cp "target/test-classes:target/classes:${CP}" org.articlepipeline.bench.BackfillThroughput "$@"
