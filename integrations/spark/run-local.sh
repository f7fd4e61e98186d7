#!/usr/bin/env bash
# Runs the Lodestone Spark job on this machine in local[*] mode:
#   integrations/spark/run-local.sh INPUT OUTPUT [--rules DIR] [--param k=v] [--input-format jsonl] ...
# writes OUTPUT/findings, OUTPUT/reports and OUTPUT/errors as JSON Lines (part files, as Spark writes them).
# INPUT is a file, a folder or a Hadoop glob; relative paths are named as ./lodestone names them. Builds
# what is missing first: the core library (mvn install at the root) and this project's classes.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
if [ $# -lt 2 ]; then
  echo "usage: integrations/spark/run-local.sh INPUT OUTPUT [job options, see --help]" >&2
  exit 2
fi
input="$1"; output="$2"; shift 2

cp_file="$here/target/classpath.txt"
core="$HOME/.m2/repository/io/lodestone/lodestone/0.1.0/lodestone-0.1.0.jar"
quiet_mvn() {
  # Maven's log only when it fails, so that stderr carries the job's own lines
  local log; log="$(mktemp)"
  if ! mvn -B -q -Dstyle.color=never "$@" >"$log" 2>&1; then cat "$log" >&2; rm -f "$log"; exit 4; fi
  rm -f "$log"
}
if [ ! -f "$core" ] || [ -n "$(find "$root/src/main" "$root/pom.xml" -newer "$core" -type f -print -quit)" ]; then
  echo "run-local: installing the core library (mvn install at the root)..." >&2
  quiet_mvn -f "$root/pom.xml" -DskipTests install
fi
if [ ! -f "$cp_file" ] || [ -n "$(find "$here/src/main" "$here/pom.xml" "$core" -newer "$cp_file" -type f -print -quit)" ]; then
  echo "run-local: compiling integrations/spark..." >&2
  quiet_mvn -f "$here/pom.xml" compile dependency:build-classpath -Dmdep.includeScope=compile \
      -Dmdep.outputFile="$cp_file"
fi

rules=(--rules "$root/rules")
for arg in "$@"; do [ "$arg" = --rules ] && rules=(); done
exec java ${LODESTONE_SPARK_JAVA_OPTS:-} -Dlog4j2.configurationFile="$here/log4j2-local.properties" \
    -cp "$here/target/classes:$(cat "$cp_file")" io.lodestone.spark.SparkMain \
    --master "${LODESTONE_SPARK_MASTER:-local[*]}" --format jsonl "${rules[@]}" --input "$input" --output "$output" "$@"
