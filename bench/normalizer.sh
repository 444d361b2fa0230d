#!/usr/bin/env bash
# Normalizer throughput: the full pipeline on each seed page vs. a UTF-8 + NFC floor, in one JMH run.
# Extra arguments go to JMH (e.g. -rf json -rff bench/results/normalizer.json).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q test-compile
CP=$(./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/dev/stdout)
exec java -cp "target/test-classes:target/classes:${CP}" org.openjdk.jmh.Main NormalizerBenchmark \
  -f 1 -wi 3 -w 2s -i 5 -r 2s "$@"
