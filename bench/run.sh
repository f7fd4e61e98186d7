#!/usr/bin/env bash
# Runs the Lodestone benchmark suite (docs/performance.md). Arguments go to io.lodestone.bench.Suite,
# e.g. bench/run.sh --only batch,peers --sets 500. Builds the jar and the bench classes (bench/java is a
# test source root, so `mvn verify` compiles it against Evrete, a test dependency, but never runs it)
# and the node peer (npm ci) first.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
out=target/bench
mkdir -p "$out"
mvn -B -q -Dstyle.color=never -DskipTests package 1>&2
mvn -B -q -Dstyle.color=never dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$out/cp.txt" 1>&2
# Drools' executable-model compiler, for the "model" section only (so a run without it never needs it), at the
# Drools version of the root pom: kept off the product's and the tests' class path
if [[ " $* " == *model* ]]; then
    drools_version=$(sed -n 's:.*<drools.version>\(.*\)</drools.version>.*:\1:p' pom.xml)
    mvn -B -q -Dstyle.color=never -f bench/model/pom.xml dependency:build-classpath \
        -Ddrools.version="$drools_version" -Dmdep.outputFile="$PWD/$out/model-cp.txt" 1>&2
fi
cp="target/test-classes:target/classes:$(cat "$out/cp.txt")"
(cd bench/node && npm ci --no-audit --no-fund --silent)
# BENCH_JAVA_OPTS replaces the suite JVM's flags, e.g. the launcher's C1-only + Serial GC:
#   BENCH_JAVA_OPTS="-Xmx3g -XX:TieredStopAtLevel=1 -XX:+UseSerialGC" bench/run.sh --only flags
# shellcheck disable=SC2086 # a list of flags
exec java ${BENCH_JAVA_OPTS:--Xmx3g} -cp "$cp" io.lodestone.bench.Suite "$@"
