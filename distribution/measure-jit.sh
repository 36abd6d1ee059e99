#!/usr/bin/env bash
# Compares JIT settings on a strategy-shaped CPU loop (distribution/jit/SmaCrossLoop.java) over real candles,
# to weigh the start-up gain of C1-only compilation against the throughput it costs (docs/performance.md).
#
#   distribution/measure-jit.sh [SECONDS]     (default 10 s per setting, after 3 s of warm-up)
set -euo pipefail
SECONDS_PER_RUN=${1:-10}
HERE=$(cd "$(dirname "$0")" && pwd)
CANDLES=${CANDLES:-$HERE/../../shared/data/candles/ETH_BTC-5m.json}
[ -f "$CANDLES" ] || { echo "no candles at $CANDLES; set CANDLES=<file>"; exit 1; }
for flags in "-XX:+UseSerialGC" "-XX:+UseSerialGC -XX:TieredStopAtLevel=1"; do
  # shellcheck disable=SC2086
  echo "$flags: $(java $flags "$HERE/jit/SmaCrossLoop.java" "$CANDLES" "$SECONDS_PER_RUN")"
done
