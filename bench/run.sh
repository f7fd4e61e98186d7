#!/usr/bin/env bash
# Runs the Lodestone benchmark suite (docs/performance.md). Arguments go to io.lodestone.bench.Suite,
# e.g. bench/run.sh --only batch,peers --sets 500. Builds the jar, the bench classes (with the Maven
# "bench" profile's Evrete dependency) and the node peer (npm ci) first; nothing here runs in mvn verify.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
out=target/bench
mkdir -p "$out"
mvn -B -q -Dstyle.color=never -DskipTests package 1>&2
mvn -B -q -Dstyle.color=never -Pbench dependency:build-classpath -Dmdep.includeScope=runtime \
    -Dmdep.outputFile="$out/cp.txt" 1>&2
cp="target/classes:$(cat "$out/cp.txt")"
rm -rf "$out/classes"
javac -nowarn -d "$out/classes" -cp "$cp" $(find bench/java -name '*.java')
(cd bench/node && npm ci --no-audit --no-fund --silent)
exec java -Xmx3g -cp "$out/classes:$cp" io.lodestone.bench.Suite "$@"
