#!/usr/bin/env bash
# Runs the benchmark (see docs/performance.md), building the operator and the benchmark first when their sources
# changed since the last build:
#   ./benchmark/run.sh [--stacks 100,1000] [--real] [--output FILE] [--help]
# --real also measures against the real control plane; it needs KUBE_TESTBIN_DIR (tools/kube-testbin/build.sh).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
jar=operator/target/quarkus-app/quarkus-run.jar
classpath=benchmark/target/benchmark.classpath
stamp=benchmark/target/benchmark.stamp
sources=(pom.xml api-types/pom.xml operator/pom.xml benchmark/pom.xml api-types/src/main operator/src/main operator/src/test/java benchmark/src/main)
if [ ! -f "$jar" ] || [ ! -f "$stamp" ] || [ ! -f "$classpath" ] || [ -n "$(find "${sources[@]}" -type f -newer "$stamp" | head -1)" ]; then
  echo "benchmark: building the operator and the benchmark (first run downloads dependencies from Maven Central)..." >&2
  ./mvnw -B -q -DskipTests install -pl benchmark -am >&2
  ./mvnw -B -q -pl benchmark dependency:build-classpath -Dmdep.outputFile=target/benchmark.classpath -Dmdep.includeScope=runtime >&2
  touch "$stamp"
fi
exec java -Xmx4g -Datonix.repository.root="$root" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "benchmark/target/classes:$(cat "$classpath")" io.atonix.benchmark.Benchmark "$@"
