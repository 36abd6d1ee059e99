#!/usr/bin/env bash
# Measures the cold start and idle memory of the assembled distribution.
#
#   distribution/measure-startup.sh [RUNS] [DIST]      (defaults: 5, distribution/target/cambist)
#   JAVA_OPTS=... distribution/measure-startup.sh      to compare JVM flags
#   WARM=1 distribution/measure-startup.sh             to keep the data directory between runs (warm restart)
#
# Cold start = from launching bin/cambist (fresh data directory) to the first 200 from GET /api/v1/health,
# polled with curl every 20 ms; CPU = user + system time the java process used until then. Idle RSS = the java process's resident set 5 s after that.
# Each run ends with SIGTERM; its exit code is reported (0 = clean stop).
set -euo pipefail

RUNS=${1:-5}
DIST=$(cd "${2:-$(dirname "$0")/target/cambist}" && pwd)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/cambist-measure.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

free_port() {
  local port
  while :; do
    port=$((20000 + RANDOM % 20000))
    if ! (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
  done
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)}'; }

echo "machine: $(nproc) cores, $(awk -F': ' '/model name/{print $2; exit}' /proc/cpuinfo), $(awk '/MemTotal/{printf "%.0f GiB", $2/1048576}' /proc/meminfo)"
echo "java:    $(java -version 2>&1 | head -1) ${JAVA_OPTS:+(JAVA_OPTS=$JAVA_OPTS)}"
echo "command: $DIST/bin/cambist run --data <fresh dir> --port <free port>"

starts=(); rss=(); cpus=()
for run in $(seq 1 "$RUNS"); do
  data="$WORK/data"
  [ -z "${WARM:-}" ] && rm -rf "$data"
  port=$(free_port)
  log="$WORK/run-$run.log"
  t0=$(date +%s%N)
  "$DIST/bin/cambist" run --data "$data" --port "$port" >"$log" 2>&1 &
  pid=$!
  code=000
  until [ "$code" = 200 ]; do
    code=$(curl -s -o /dev/null -m 1 -w '%{http_code}' "http://127.0.0.1:$port/api/v1/health" 2>/dev/null || true)
    [ "$code" = 200 ] && break
    if ! kill -0 "$pid" 2>/dev/null; then echo "run $run: cambist exited early; log:"; cat "$log"; exit 1; fi
    if (( ($(date +%s%N) - t0) / 1000000 > 60000 )); then echo "run $run: no health answer in 60 s"; kill "$pid"; exit 1; fi
    sleep 0.02
  done
  t1=$(date +%s%N)
  cpu=$(awk -v hz="$(getconf CLK_TCK)" '{printf "%d", ($14 + $15) * 1000 / hz}' "/proc/$pid/stat")
  sleep 5
  kib=$(awk '/VmRSS/{print $2}' "/proc/$pid/status")
  reported=$(grep -o 'started in [0-9]* ms, [0-9]* bundles' "$log" || echo "no ready line")
  kill -TERM "$pid"
  exit_code=0; wait "$pid" || exit_code=$?
  ms=$(( (t1 - t0) / 1000000 ))
  starts+=("$ms"); rss+=("$((kib / 1024))")
  cpus+=("$cpu")
  echo "run $run: first health answer after $ms ms (CPU $cpu ms); idle RSS $((kib / 1024)) MiB; launcher reported: $reported; exit code after SIGTERM: $exit_code"
done
echo "median of $RUNS: cold start $(printf '%s\n' "${starts[@]}" | median) ms (CPU $(printf '%s\n' "${cpus[@]}" | median) ms), idle RSS $(printf '%s\n' "${rss[@]}" | median) MiB"
