#!/usr/bin/env bash
# Serve latency at a fixed offered rate (issue 17 item 6; docs/performance.md): `bench-http --rate` on the
# seed, 8 clients, the server in-process with its rules isolated as `serve` runs them. Contenders alternate
# round after round so that each sees the same machine load; `uptime` is printed before each run and a
# table at the end. The contenders: the launcher's serve flags; the same with isolation off (to see what
# isolation costs) and with two evaluation threads per core; other JVM flags.
#   bench/serve-latency.sh                    # 3 rounds, 1000 req/s, 10000 requests after 60000 warm-up
#   ROUNDS=5 RATE=1000 N=20000 WARMUP=90000 bench/serve-latency.sh
# The warm-up is long because C2 keeps compiling for about a minute of requests on 2 cores: after 24,000
# requests the CPU per request was 1.75-2.34 ms, after 60,000 it was 1.40-1.88 ms (docs/performance.md).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
rounds="${ROUNDS:-3}" rate="${RATE:-1000}" n="${N:-10000}" warmup="${WARMUP:-60000}"
jar=target/lodestone-cli.jar
mvn -B -q -Dstyle.color=never -DskipTests -DskipStaticChecks package 1>&2
out=target/bench/serve-latency
mkdir -p "$out"
# name|JVM flags|extra bench-http options
twice=$((2 * $(nproc)))
contenders=(
  "launcher's serve flags (C2, Serial)|-XX:+UseSerialGC|"
  "same, NOT isolated|-XX:+UseSerialGC|--no-isolation"
  "same, $twice threads (2 per core)|-XX:+UseSerialGC|--threads $twice"
  "C1, Serial (the launcher's batch flags)|-XX:+UseSerialGC -XX:TieredStopAtLevel=1|"
  "C2, Parallel|-XX:+UseParallelGC|"
)
for round in $(seq 1 "$rounds"); do
  for i in "${!contenders[@]}"; do
    IFS='|' read -r name flags extra <<<"${contenders[$i]}"
    log="$out/r$round-c$i.txt"
    { echo "== round $round: $name [$flags] $extra"; uptime; } | tee "$log"
    # shellcheck disable=SC2086 # flags and options are word lists
    java $flags -jar "$jar" bench-http --rate "$rate" -c 8 -n "$n" --warmup "$warmup" $extra 2>/dev/null \
      | tee -a "$log" | grep -E 'rate|latency|cpu|errors' || true
  done
done
echo
echo "| contender | round | load (1 min) | achieved req/s | p50 ms | p90 ms | p99 ms | max ms | cpu ms/req |"
echo "|---|---|---|---|---|---|---|---|---|"
for round in $(seq 1 "$rounds"); do
  for i in "${!contenders[@]}"; do
    IFS='|' read -r name _ _ <<<"${contenders[$i]}"
    awk -v name="$name" -v round="$round" '
      /load average/ { sub(/.*load average: /, ""); split($0, l, ", "); load = l[1] }
      /achieved/ { for (f = 1; f <= NF; f++) if ($f == "achieved") ach = $(f + 1) }
      /latency ms/ { p50 = $4; p90 = $6; p99 = $8; max = $10 }
      /cpu / { cpu = $2 }
      END { printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", name, round, load, ach, p50, p90, p99, max, cpu }
    ' "$out/r$round-c$i.txt"
  done
done
