#!/usr/bin/env bash
# Cold start of each Lambda handler, measured: a fresh JVM per run with Lambda's JIT flags and only the
# Lambda jar (+ a jar of the bench entry points) on its class path, from process start to the first
# handled event, against the embedded S3/DynamoDB stack on loopback; beside a baseline JVM that only
# builds the two SDK clients and makes one call with each. Also prints the Lambda jar's composition.
#
# Usage: bench/coldstart.sh [runs=5] [--crt]   (--crt also measures the AWS CRT HTTP client: it fetches
# software.amazon.awssdk:aws-crt-client from Maven Central into ~/.m2 for this measurement only)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
work=bench/results/work
mkdir -p "$work"

./mvnw -B -q -o package -DskipTests
./mvnw -B -q -o dependency:build-classpath -Dmdep.outputFile="$work/test.classpath" -Dmdep.includeScope=test >/dev/null

# The child JVMs must not see target/test-classes whole: pack just the bench entry points into a jar
# (a jar, not a directory, so that AppCDS can archive them).
jar --create --file "$work/bench.jar" -C target/test-classes org/articlepipeline/bench

crt_args=()
if [[ " $* " == *" --crt "* ]]; then
  # The newest aws-crt-client Maven Central serves at or below the project's SDK version (2.54.15).
  crt_version="${CRT_CLIENT_VERSION:-2.54.13}"
  ./mvnw -B -q dependency:get -Dartifact="software.amazon.awssdk:aws-crt-client:$crt_version" >/dev/null
  crt_jar="$(ls ~/.m2/repository/software/amazon/awssdk/aws-crt-client/"$crt_version"/aws-crt-client-"$crt_version".jar)"
  native_jar="$(ls ~/.m2/repository/software/amazon/awssdk/crt/aws-crt/*/aws-crt-*.jar | grep -v sources | sort -V | tail -1)"
  echo "$crt_jar:$native_jar" > "$work/crt.classpath"
  crt_args=(--crt-classpath "$(cat "$work/crt.classpath")")
fi

echo "## Lambda artifact"
java -cp "target/test-classes:target/classes:$(cat "$work/test.classpath")" org.articlepipeline.bench.JarComposition \
  target/article-pipeline-lambda.jar target/lib target/classes
echo
echo "## Cold start"
java -cp "target/test-classes:target/classes:$(cat "$work/test.classpath")" org.articlepipeline.bench.ColdStartBench \
  --lambda-jar target/article-pipeline-lambda.jar --bench-jar "$work/bench.jar" --work "$work" --runs "$runs" "${crt_args[@]}" \
  2> "$work/stack.log"
