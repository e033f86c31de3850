#!/usr/bin/env bash
# Benchmark: the guide's three scenarios (60 s each) against the embedded default and against
# PostgreSQL + Redis, a recovery check after the stress run, a maximum-throughput probe per key
# endpoint with wrk (64 connections), and the ceilings of this machine measured in the same run.
# Writes load_tests/reports/<date-time>/summary.md plus a Locust HTML report per run.
#
#   load_tests/benchmark.sh [--only-scenarios | --only-probes] [--soak] [--preload] [--backends "embedded postgres"] [--wrk-duration 60s]
#
#   --soak         also 10 minutes at 200 users (high mix), heap after a forced GC each minute, on
#                  BENCH_SOAK_BACKEND (postgres, the production shape; or embedded)
#   --preload [N]  also bulk-load N (1,000,000) complaints into PostgreSQL and time list/filter/search
#   --only-probes  only the wrk probes (and the ceilings)
#   --only-scenarios  only the three scenarios and the recovery check
#   --only-extras  skip the scenarios and probes (with --soak and/or --preload)
#
# Environment: BENCH_PORT (8000), BENCH_WARMUP (30s of the mix before the wrk probes), BENCH_EMBEDDED_JAVA_OPTS (JVM options for the embedded runs only), BENCH_SCENARIO_SECONDS (60, shorter only for trying the script out), BENCH_JAVA_OPTS (JVM options of the service), BENCH_CONDITIONS
# (a sentence for the report, e.g. "machine shared with other jobs"). PostgreSQL at 127.0.0.1:5432
# (user postgres, trust) and Redis at 127.0.0.1:6379 are used; each run creates its own database.
# Needs: python3-locust python3-websocket wrk postgresql-client redis-tools nginx (apt-get).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

backends="embedded postgres"
wrk_duration=60s
soak=false
preload=0
scenarios=true
probes=true
while [ $# -gt 0 ]; do
  case "$1" in
    --soak) soak=true ;;
    --preload)
      preload=1000000
      if [[ "${2:-}" =~ ^[0-9]+$ ]]; then preload=$2; shift; fi ;;
    --backends) backends=$2; shift ;;
    --wrk-duration) wrk_duration=$2; shift ;;
    --only-extras) scenarios=false probes=false ;;
    --only-probes) scenarios=false ;;
    --only-scenarios) probes=false ;;
    *) sed -n '2,21p' "$0"; exit 2 ;;
  esac
  shift
done

port=${BENCH_PORT:-8000}
host="http://127.0.0.1:$port"
java_opts=${BENCH_JAVA_OPTS:-}
stamp=$(date +%Y-%m-%d-%H%M)
out=${BENCH_OUT:-"$root/load_tests/reports/$stamp"}  # BENCH_OUT adds to an earlier report folder
work=$(mktemp -d)
mkdir -p "$out"
export PATH="/usr/bin:$PATH"  # Debian's locust and python3 first
# Its instances are scratch ones and each run builds on the data of the one before.
export LOCUST_KEEP_DATA=true
py=/usr/bin/python3
tools="$root/load_tests/bench_tools.py"
declare -A users=([normal]=50 [high]=200 [stress]=500)
declare -A rate=([normal]=25 [high]=50 [stress]=100)

for tool in locust wrk psql pgbench redis-cli; do
  command -v "$tool" >/dev/null || { echo "missing $tool (see the header of $0)" >&2; exit 1; }
done

export COMPLAINTS_ADMIN_EMAIL=${COMPLAINTS_ADMIN_EMAIL:-bench-admin@example.org}
export COMPLAINTS_ADMIN_PASSWORD=${COMPLAINTS_ADMIN_PASSWORD:-Bench-Admin-2026}
export COMPLAINTS_SERVICE_TOKEN=${COMPLAINTS_SERVICE_TOKEN:-bench-bot-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')}
export LOCUST_TOKEN_CACHE="$work/tokens.json"

current_data=""
cleanup() {
  [ -n "$current_data" ] && stop_service
  [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

[ -f "$out/meta.json" ] && cp "$out/meta.json" "$out/meta-$stamp.json"
cat >"$out/meta.json" <<EOF
{"cpu": "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)", "cores": $(nproc),
 "memory": "$(free -h | awk '/Mem:/ {print $2}')", "commit": "$(git rev-parse --short HEAD)",
 "java_opts": "$java_opts${BENCH_EMBEDDED_JAVA_OPTS:+ (embedded runs: $BENCH_EMBEDDED_JAVA_OPTS)}", "conditions": "${BENCH_CONDITIONS:-load average $(cut -d' ' -f1-3 /proc/loadavg) at start}",
 "command": "load_tests/benchmark.sh $*", "wrk_duration": "$wrk_duration",
 "users": {"normal": 50, "high": 200, "stress": 500}, "backends": [$(printf '"%s",' $backends | sed 's/,$//')]}
EOF

mark() { # phase start end -> BACKEND-phases.tsv
  printf '%s\t%s\t%s\n' "$2" "$3" "$4" >>"$out/$1-phases.tsv"
}

start_service() { # backend data-dir
  local backend=$1 data=$2
  rm -f "$LOCUST_TOKEN_CACHE"
  if [ "$backend" = postgres ]; then
    local db="bench_${stamp//-/_}_$RANDOM"
    psql -q -h 127.0.0.1 -U postgres -c "CREATE DATABASE $db" >/dev/null
    echo "$db" >"$work/db-$backend"
    export SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:5432/$db" SPRING_DATASOURCE_USERNAME=postgres
    export SPRING_DATASOURCE_PASSWORD="" SPRING_DATA_REDIS_URL="redis://127.0.0.1:6379"
    export COMPLAINTS_JWT_SECRET="bench-secret-$(od -An -N24 -tx1 /dev/urandom | tr -d ' \n')"
  else
    unset SPRING_DATASOURCE_URL SPRING_DATASOURCE_USERNAME SPRING_DATASOURCE_PASSWORD SPRING_DATA_REDIS_URL
    unset COMPLAINTS_JWT_SECRET
  fi
  local opts=$java_opts
  [ "$backend" = embedded ] && opts="$opts ${BENCH_EMBEDDED_JAVA_OPTS:-}"
  # shellcheck disable=SC2086
  load_tests/service.sh start "$port" "$data" $opts
  current_data=$data
  "$py" "$tools" sample "$(cat "$data/service.pid")" "$out/$backend-resources.tsv" &
  if [ "$backend" = postgres ]; then
    # Connections the instance holds and how many are busy, once a second.
    local pid db
    pid=$(cat "$data/service.pid") db=$(cat "$work/db-$backend")
    while kill -0 "$pid" 2>/dev/null; do
      printf '%s\t%s\n' "$(date +%s)" "$(psql -h 127.0.0.1 -U postgres -Atc "SELECT count(*) FILTER (WHERE state = 'active'), count(*) FROM pg_stat_activity WHERE datname = '$db'" 2>/dev/null | tr '|' '\t')"
      sleep 1
    done >>"$out/$backend-connections.tsv" &
  fi
}

stop_service() {
  load_tests/service.sh stop "$current_data"
  cp "$current_data/service.log" "$out/$(basename "$current_data")-service.log" 2>/dev/null || true
  current_data=""
  if [ -f "$work/db-postgres" ]; then
    psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS $(cat "$work/db-postgres")" >/dev/null || true
    rm -f "$work/db-postgres"
  fi
}

token() {
  curl -sf -m 30 -H 'Content-Type: application/json' \
    -d "{\"username\":\"$COMPLAINTS_ADMIN_EMAIL\",\"password\":\"$COMPLAINTS_ADMIN_PASSWORD\"}" \
    "$host/auth/login-json" | "$py" -c 'import json,sys; print(json.load(sys.stdin)["access_token"])'
}

run_scenario() { # backend scenario
  local backend=$1 scenario=$2 start rc=0
  start=$(date +%s.%N)
  locust -f load_tests/test_complaints_load.py --host="$host" --headless --only-summary \
    -u "${users[$scenario]}" -r "${rate[$scenario]}" -t "${BENCH_SCENARIO_SECONDS:-60}s" --scenario "$scenario" --strict \
    --html "$out/$backend-$scenario.html" --summary-json "$out/$backend-$scenario.json" \
    >"$out/$backend-$scenario.log" 2>&1 || rc=$?
  mark "$backend" "$scenario" "$start" "$(date +%s.%N)"
  echo "  $scenario: exit $rc ($(grep -E '^== (PASS|FAIL|thresholds)' "$out/$backend-$scenario.log" | head -3 | tr '\n' ' '))"
}

probe() { # backend name script
  local backend=$1 name=$2 script=$3 start
  start=$(date +%s.%N)
  WRK_LUA="$root/load_tests/wrk" wrk -t2 -c64 -d"$wrk_duration" --timeout 10s --latency \
    -s "$root/load_tests/wrk/$script" "$host" >"$out/$backend-wrk-$name.txt" 2>&1 || true
  mark "$backend" "wrk-$name" "$start" "$(date +%s.%N)"
  echo "  wrk $name: $(grep 'Requests/sec' "$out/$backend-wrk-$name.txt" || echo failed)"
}

if $scenarios; then
  for backend in $backends; do
    echo "== $backend"
    start_service "$backend" "$work/$backend"
    run_scenario "$backend" normal
    run_scenario "$backend" high
    tok=$(token)
    "$py" "$tools" recovery "$host" "$tok" 10 0 "$out/$backend-recovery.json"
    # The recovery probe starts when the stress load stops, not after Locust's integrity check.
    (sleep "$((${BENCH_SCENARIO_SECONDS:-60} + 1))" && "$py" "$tools" recovery "$host" "$tok" 0 20 "$out/$backend-recovery.json") &
    recovery_pid=$!
    run_scenario "$backend" stress
    wait "$recovery_pid" || true
    echo "  recovery: $("$py" -c "import json; r=json.load(open('$out/$backend-recovery.json')); print(r['recovered_after_s'], 's', 'OK' if r['ok'] else 'MISSED')")"
    stop_service
  done
fi

if $probes; then
  for backend in $backends; do
    # Maximum throughput of the service itself: one token makes all of wrk's calls, so the per-caller
    # rate limits (which the scenarios above run with) are switched off here, as the README advises.
    echo "== $backend: wrk probes (fresh instance, COMPLAINTS_RATE_LIMIT_ENABLED=false)"
    export COMPLAINTS_RATE_LIMIT_ENABLED=false
    start_service "$backend" "$work/$backend-probes"
    unset COMPLAINTS_RATE_LIMIT_ENABLED
    LOCUST_SEED_COMPLAINTS=1000 locust -f load_tests/test_complaints_load.py --host="$host" --headless --only-summary \
      -u 1 -r 1 -t 1s --verify-sample 0 >"$out/$backend-probes-seed.log" 2>&1 || true
    tok=$(token)
    "$py" "$tools" ids "$host" "$tok" "$work/ids.txt"
    export WRK_TOKEN=$tok WRK_SERVICE_TOKEN=$COMPLAINTS_SERVICE_TOKEN WRK_IDS="$work/ids.txt"
    # A fresh JVM compiles its hot paths in the first minute: measured cold, the first probe showed
    # half the rate the same instance reached a minute later. Warm up on the mix, unrecorded.
    WRK_LUA="$root/load_tests/wrk" wrk -t2 -c64 -d"${BENCH_WARMUP:-30s}" --timeout 10s \
      -s "$root/load_tests/wrk/mix.lua" "$host" >/dev/null 2>&1 || true
    probe "$backend" 1-get-one get.lua
    probe "$backend" 2-list-20 list.lua
    probe "$backend" 3-submit submit.lua
    probe "$backend" 4-high-mix mix.lua
    if curl -s -m 10 -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $tok" "$host/api/v1/websocket/stats" | grep -q 200; then
      "$py" "$tools" sockets "$host" "$tok" 2000 "$(cat "$current_data/service.pid")" "$out/$backend-sockets.json" >/dev/null 2>&1 || true
      echo "  sockets: $(cat "$out/$backend-sockets.json" 2>/dev/null)"
    fi
    stop_service
  done
fi

if $probes; then
  echo "== ceilings of this machine"
  mkdir -p "$work/nginx"
  cat >"$work/nginx/nginx.conf" <<EOF
worker_processes 2; pid $work/nginx.pid; error_log $work/nginx/error.log; daemon on;
events { worker_connections 1024; }
http { access_log off; server { listen 127.0.0.1:$((port + 1)); location / { return 200 "ok"; } } }
EOF
  nginx -c "$work/nginx/nginx.conf" -p "$work/nginx"
  sleep 1
  wrk -t2 -c64 -d"$wrk_duration" --latency "http://127.0.0.1:$((port + 1))/" >"$out/ceiling-bare-http-nginx.txt" 2>&1 || true
  kill "$(cat "$work/nginx.pid")"; rm -f "$work/nginx.pid"
  db="bench_pgbench_$RANDOM"
  psql -q -h 127.0.0.1 -U postgres -c "CREATE DATABASE $db" >/dev/null
  pgbench -q -i -s 10 -h 127.0.0.1 -U postgres "$db" >/dev/null 2>&1
  seconds=${wrk_duration%s}
  pgbench -S -c 64 -j 2 -T "$seconds" -h 127.0.0.1 -U postgres "$db" >"$out/ceiling-postgres-pk-reads.txt" 2>&1 || true
  echo "INSERT INTO pgbench_history (tid, bid, aid, delta, mtime) VALUES (1, 1, 1, 1, now());" >"$work/commit.sql"
  pgbench -f "$work/commit.sql" -c 64 -j 2 -T "$seconds" -h 127.0.0.1 -U postgres "$db" >"$out/ceiling-postgres-single-row-commits.txt" 2>&1 || true
  psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE $db" >/dev/null
  grep -h -E "Requests/sec|^tps" "$out"/ceiling-*.txt || true
fi

if $soak; then
  soak_backend=${BENCH_SOAK_BACKEND:-postgres}
  echo "== soak: 200 users for 10 minutes ($soak_backend)"
  start_service "$soak_backend" "$work/soak"
  pid=$(cat "$work/soak/service.pid")
  jcmd=$(dirname "$(readlink -f "/proc/$pid/exe")")/jcmd
  LOCUST_VERIFY_SAMPLE=300 locust -f load_tests/test_complaints_load.py --host="$host" --headless --only-summary \
    -u 200 -r 50 -t 600s --scenario high --html "$out/soak.html" --summary-json "$out/soak-locust.json" \
    >"$out/soak.log" 2>&1 &
  locust_pid=$!
  : >"$out/soak-heap.tsv"
  for minute in $(seq 1 10); do
    sleep 60
    "$jcmd" "$pid" GC.run >/dev/null 2>&1 || true
    used=$("$jcmd" "$pid" GC.heap_info 2>/dev/null | grep -oE 'used [0-9]+K' | head -1 | tr -dc 0-9)
    rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
    printf '%s\t%s\t%s\n' "$minute" "$used" "$rss" >>"$out/soak-heap.tsv"
    echo "  minute $minute: heap after GC ${used}K, RSS ${rss}K"
  done
  wait "$locust_pid" || true
  stop_service
  "$py" - "$out" "$soak_backend" <<'EOF'
import json, sys
out = sys.argv[1]
rows = [line.split() for line in open(f"{out}/soak-heap.tsv") if line.strip()]
heap = [int(r[1]) / 1024 for r in rows if r[1]]
rss = [int(r[2]) / 1024 for r in rows]
summary = json.load(open(f"{out}/soak-locust.json")) if __import__("os").path.exists(f"{out}/soak-locust.json") else {}
# Growth judged from minute 3 on: the first minutes fill caches, pools and the JIT's code.
late = heap[2:]
growth = (late[-1] - late[0]) if len(late) > 1 else 0
text = (f"On {sys.argv[2]}: heap after a forced full GC, per minute (MB): " + ", ".join(f"{h:.0f}" for h in heap) +
        f". RSS (MB): " + ", ".join(f"{r:.0f}" for r in rss) +
        f". Growth from minute 3 to 10: {growth:+.1f} MB: **{'no leak seen' if growth < max(10, 0.1 * late[0]) else 'GROWING'}**. "
        f"Load: {summary.get('requests', '?')} requests, {summary.get('rps', '?')} req/s, error rate "
        f"{summary.get('error_rate', 0):.3%}.")
json.dump({"heap_mb": heap, "rss_mb": rss, "growth_mb": growth, "text": text}, open(f"{out}/soak.json", "w"))
print("  " + text)
EOF
fi

if [ "$preload" -gt 0 ]; then
  echo "== $preload complaints bulk-loaded into PostgreSQL"
  start_service postgres "$work/preload"
  db=$(cat "$work/db-postgres")
  tok=$(token)
  # The staff the rows point at: the admin, plus porters made by a short Locust run with no load.
  LOCUST_SEED_COMPLAINTS=0 locust -f load_tests/test_complaints_load.py --host="$host" --headless --only-summary \
    -u 1 -r 1 -t 1s --verify-sample 0 >"$out/preload-accounts.log" 2>&1 || true
  started=$(date +%s.%N)
  psql -q -h 127.0.0.1 -U postgres -d "$db" -v ON_ERROR_STOP=1 -v n="$preload" -f load_tests/preload.sql >"$out/preload-sql.log" 2>&1
  load_seconds=$("$py" -c "import time; print(round(time.time() - $started, 1))")
  echo "  loaded in ${load_seconds}s"
  "$py" "$tools" queries "$host" "$tok" "$work/queries.json"
  psql -h 127.0.0.1 -U postgres -d "$db" -f load_tests/preload-explain.sql >"$out/preload-explain.txt" 2>&1 || true
  psql -q -h 127.0.0.1 -U postgres -d "$db" -f load_tests/preload-indexes.sql >>"$out/preload-sql.log" 2>&1 || true
  "$py" "$tools" queries "$host" "$tok" "$work/queries-indexed.json"
  "$py" - "$out" "$work" "$preload" "$load_seconds" <<'EOF'
import json, sys
out, work, rows, seconds = sys.argv[1:]
json.dump({"rows": int(rows), "load_seconds": float(seconds),
           "queries": json.load(open(f"{work}/queries.json")),
           "after_indexes": json.load(open(f"{work}/queries-indexed.json"))}, open(f"{out}/preload.json", "w"), indent=2)
EOF
  stop_service
fi

"$py" "$tools" report "$out"
