#!/usr/bin/env bash
# Normalizer throughput: the full pipeline on each seed page vs. a UTF-8 + NFC floor, in one JMH run.
#   bench/normalizer.sh [Benchmark] [JMH options]
# Benchmark defaults to NormalizerBenchmark; NormalizerStagesBenchmark times each stage on its own.
# JAVA picks the JVM that runs it (default: java on PATH), e.g. the newer one a Lambda runtime uses:
#   JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java bench/normalizer.sh
# FORKS (default 1) runs that many JVMs per benchmark: each fork compiles the code its own way, so more
# forks average that out.
# Extra arguments go to JMH (e.g. -rf json -rff bench/results/normalizer.json).
set -euo pipefail
cd "$(dirname "$0")/.."
BENCH=NormalizerBenchmark
if [[ $# -gt 0 && $1 != -* ]]; then
  BENCH=$1
  shift
fi
./mvnw -B -q test-compile
CP=$(./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/dev/stdout)
exec "${JAVA:-java}" -cp "target/test-classes:target/classes:${CP}" org.openjdk.jmh.Main "\\.${BENCH}\\." \
  -f "${FORKS:-1}" -wi 3 -w 2s -i 5 -r 2s "$@"
