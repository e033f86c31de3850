#!/usr/bin/env bash
# Two builds of the service side by side on the embedded default, measured in the same pass: wrk's
# submission probe (and the GET probe, for the p99 tail at 64 connections) on each, alternating
# builds within every round so both see the same machine. Prints one line per run.
#
#   load_tests/write_probes.sh BEFORE.jar AFTER.jar [ROUNDS] [SECONDS]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
before=$1 after=$2 rounds=${3:-3} seconds=${4:-15}
work=$(mktemp -d)
java=${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
export COMPLAINTS_SERVICE_TOKEN="probe-bot-$RANDOM$RANDOM" COMPLAINTS_RATE_LIMIT_ENABLED=false
export COMPLAINTS_ADMIN_EMAIL=probe-admin@example.org COMPLAINTS_ADMIN_PASSWORD=Probe-Admin-2026
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"' EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

declare -A port
for name in before after; do
  jar=${!name} p=$(free_port)
  mkdir -p "$work/$name"
  COMPLAINTS_DATA_DIR="$work/$name" SERVER_PORT=$p SERVER_ADDRESS=127.0.0.1 \
    nohup "$java" -Xmx384m -jar "$jar" >"$work/$name/service.log" 2>&1 &
  pids+=($!) port[$name]=$p
done
for name in before after; do
  for _ in $(seq 1 180); do
    curl -sf -o /dev/null "http://127.0.0.1:${port[$name]}/health/ready" && break
    sleep 1
  done
done
for name in before after; do
  host="http://127.0.0.1:${port[$name]}"
  tok=$(curl -sf -H 'Content-Type: application/json' \
    -d "{\"username\":\"$COMPLAINTS_ADMIN_EMAIL\",\"password\":\"$COMPLAINTS_ADMIN_PASSWORD\"}" \
    "$host/auth/login-json" | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')
  echo "$tok" >"$work/$name/token"
  # Warm-up, unrecorded: it also leaves complaints to read.
  WRK_LUA="$root/load_tests/wrk" WRK_TOKEN=$tok WRK_SERVICE_TOKEN=$COMPLAINTS_SERVICE_TOKEN \
    wrk -t2 -c64 -d20s -s "$root/load_tests/wrk/submit.lua" "$host" >/dev/null 2>&1 || true
  python3 "$root/load_tests/bench_tools.py" ids "$host" "$tok" "$work/$name/ids.txt"
done
for round in $(seq 1 "$rounds"); do
  for probe in submit get; do
    for name in before after; do
      host="http://127.0.0.1:${port[$name]}"
      out=$(WRK_LUA="$root/load_tests/wrk" WRK_TOKEN=$(cat "$work/$name/token") \
        WRK_SERVICE_TOKEN=$COMPLAINTS_SERVICE_TOKEN WRK_IDS="$work/$name/ids.txt" \
        wrk -t2 -c64 -d"${seconds}s" --timeout 10s --latency -s "$root/load_tests/wrk/$probe.lua" "$host" 2>&1)
      rate=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
      p50=$(awk '$1=="50%" {print $2}' <<<"$out") p99=$(awk '$1=="99%" {print $2}' <<<"$out")
      errors=$(grep -E 'Non-2xx|Socket errors' <<<"$out" | tr '\n' ' ' || true)
      echo "round $round $probe $name: $rate/s p50 $p50 p99 $p99 $errors (load $(cut -d' ' -f1 /proc/loadavg))"
    done
  done
done
