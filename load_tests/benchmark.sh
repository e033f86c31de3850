#!/usr/bin/env bash
# Benchmark: every target of issue 19 beside the ceilings of this machine measured in the same pass.
# The guide's three scenarios (60 s each) against the embedded default and against PostgreSQL +
# Redis, a recovery check after the stress run, a maximum-throughput probe per key endpoint with wrk
# (64 connections), the ceilings (nginx, `pgbench -S`, pgbench one-row INSERTs, SQLite synced
# commits), start-up to a ready /health/ready, the Java benchmarks for photo uploads and a socket
# burst, and 1,000,000 complaints bulk-loaded into both databases for list/filter/search.
# Writes load_tests/reports/<date-time>/summary.md (the targets table first) plus a Locust HTML
# report per run, and prints the targets table.
#
#   load_tests/benchmark.sh [--quick] [--only PHASES] [--soak] [--preload N] [--backends "embedded postgres"] [--wrk-duration 60s]
#
#   --quick        short everything (5 s probes, 15 s scenarios, 20,000 rows, 1,000 sockets): to
#                  check that the script works, not for figures (about 15 minutes)
#   --only PHASES  a comma-separated subset of: scenarios probes ceilings startup photos sockets preload;
#                  also gc (not in the default run): the GET and submit probes under each collector
#                  (Serial, Parallel, G1, ZGC), BENCH_GC_RUNS (3) instances each, heap BENCH_GC_HEAP
#   --soak         also 10 minutes at 200 users (high mix), heap after a forced GC each minute, on
#                  BENCH_SOAK_BACKEND (postgres, the production shape; or embedded)
#   --preload N    rows for the big-table phase (1,000,000)
#   --only-probes, --only-scenarios, --only-extras  the older spellings of --only probes,ceilings /
#                  scenarios / startup,photos,sockets,preload
#
# Environment: BENCH_PORT (8000), BENCH_WARMUP (30s of the mix before the wrk probes), BENCH_EMBEDDED_JAVA_OPTS (JVM options for the embedded runs only), BENCH_SCENARIO_SECONDS (60), BENCH_JAVA_OPTS (JVM options of the service;
# default the Debian launcher's), BENCH_STARTUP_RUNS (5), BENCH_CONDITIONS
# (a sentence for the report, e.g. "machine shared with other jobs"). PostgreSQL at 127.0.0.1:5432
# (user postgres, trust) and Redis at 127.0.0.1:6379 are used; each run creates its own database.
# Needs: python3-locust python3-websocket wrk postgresql-client redis-tools nginx sqlite3 (apt-get)
# and Maven with a JDK 21+ for the Java benchmarks.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

backends="embedded postgres"
wrk_duration=60s
soak=false
preload=1000000
phases=scenarios,probes,ceilings,startup,photos,sockets,preload
quick=false
command_line="load_tests/benchmark.sh $*"
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick=true ;;
    --only) phases=$2; shift ;;
    --soak) soak=true ;;
    --preload)
      if [[ "${2:-}" =~ ^[0-9]+$ ]]; then preload=$2; shift; fi ;;
    --backends) backends=$2; shift ;;
    --wrk-duration) wrk_duration=$2; shift ;;
    --only-extras) phases=startup,photos,sockets,preload ;;
    --only-probes) phases=probes,ceilings ;;
    --only-scenarios) phases=scenarios ;;
    *) sed -n '2,30p' "$0"; exit 2 ;;
  esac
  shift
done
runs() { [[ ",$phases," == *",$1,"* ]]; }
scenario_seconds=${BENCH_SCENARIO_SECONDS:-60}
warmup=${BENCH_WARMUP:-30s}
startup_runs=${BENCH_STARTUP_RUNS:-5}
seed=1000 sockets=10000 photo_seconds=30 big_uploads=50 socket_hold=60
if $quick; then
  wrk_duration=5s warmup=5s scenario_seconds=15 startup_runs=2 seed=100
  sockets=1000 photo_seconds=5 big_uploads=10 socket_hold=5
  [ "$preload" = 1000000 ] && preload=20000
fi
export LOCUST_SEED_COMPLAINTS=$seed

port=${BENCH_PORT:-8000}
host="http://127.0.0.1:$port"
# What the Debian launcher (src/deb/files/bin/complaints) and the container image run with.
java_opts=${BENCH_JAVA_OPTS-"-Xms64m -Xmx512m -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError"}
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

for tool in locust wrk psql pgbench redis-cli nginx sqlite3 mvn; do
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
 "command": "$command_line", "wrk_duration": "$wrk_duration", "quick": $quick,
 "users": {"normal": 50, "high": 200, "stress": 500}, "backends": [$(printf '"%s",' $backends | sed 's/,$//')]}
EOF

mark() { # phase start end -> BACKEND-phases.tsv
  printf '%s\t%s\t%s\n' "$2" "$3" "$4" >>"$out/$1-phases.tsv"
}

start_service() { # backend data-dir [label of its files, default the backend]
  local backend=$1 data=$2 label=${3:-$1}
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
  "$py" "$tools" sample "$(cat "$data/service.pid")" "$out/$label-resources.tsv" &
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
    -u "${users[$scenario]}" -r "${rate[$scenario]}" -t "${scenario_seconds}s" --scenario "$scenario" --strict \
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

if runs scenarios; then
  for backend in $backends; do
    echo "== $backend"
    start_service "$backend" "$work/$backend"
    run_scenario "$backend" normal
    run_scenario "$backend" high
    tok=$(token)
    "$py" "$tools" recovery "$host" "$tok" 10 0 "$out/$backend-recovery.json"
    # The recovery probe starts when the stress load stops, not after Locust's integrity check.
    (sleep "$((scenario_seconds + 1))" && "$py" "$tools" recovery "$host" "$tok" 0 20 "$out/$backend-recovery.json") &
    recovery_pid=$!
    run_scenario "$backend" stress
    wait "$recovery_pid" || true
    echo "  recovery: $("$py" -c "import json; r=json.load(open('$out/$backend-recovery.json')); print(r['recovered_after_s'], 's', 'OK' if r['ok'] else 'MISSED')")"
    stop_service
  done
fi

if runs probes; then
  for backend in $backends; do
    # Maximum throughput of the service itself: one token makes all of wrk's calls, so the per-caller
    # rate limits (which the scenarios above run with) are switched off here, as the README advises.
    echo "== $backend: wrk probes (fresh instance, COMPLAINTS_RATE_LIMIT_ENABLED=false)"
    export COMPLAINTS_RATE_LIMIT_ENABLED=false
    start_service "$backend" "$work/$backend-probes"
    unset COMPLAINTS_RATE_LIMIT_ENABLED
    locust -f load_tests/test_complaints_load.py --host="$host" --headless --only-summary \
      -u 1 -r 1 -t 1s --verify-sample 0 >"$out/$backend-probes-seed.log" 2>&1 || true
    tok=$(token)
    "$py" "$tools" ids "$host" "$tok" "$work/ids.txt"
    export WRK_TOKEN=$tok WRK_SERVICE_TOKEN=$COMPLAINTS_SERVICE_TOKEN WRK_IDS="$work/ids.txt"
    # A fresh JVM compiles its hot paths in the first minute: measured cold, the first probe showed
    # half the rate the same instance reached a minute later. Warm up on the mix, unrecorded.
    WRK_LUA="$root/load_tests/wrk" wrk -t2 -c64 -d"$warmup" --timeout 10s \
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

if runs ceilings; then
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
  # The embedded default's commit ceiling: its own settings (WAL, synchronous=FULL), one writer.
  "$py" "$tools" sqlite-commits "$seconds" "$work" "$out/ceiling-sqlite-full-commits.txt"
  grep -h -E "Requests/sec|^tps" "$out"/ceiling-*.txt || true
fi

if runs startup; then
  echo "== start-up, embedded: launch to a ready /health/ready, first start and $startup_runs restarts"
  # shellcheck disable=SC2086
  "$py" "$tools" startup "$(load_tests/service.sh java)" "$(load_tests/service.sh jar)" "$port" \
    "$startup_runs" "$out/startup.json" $java_opts ${BENCH_EMBEDDED_JAVA_OPTS:-} || true
fi

if runs photos || runs sockets; then
  # The Java benchmarks (src/bench/java) start their own instances on free ports.
  tests=()
  runs photos && tests+=(PhotoUploadBenchmark)
  runs sockets && tests+=("DashboardBenchmark#tenThousandSocketsOnOneInstance")
  echo "== Java benchmarks: ${tests[*]}"
  rm -rf target/photo-benchmark target/benchmarks/realtime.md
  # They choose their own databases: the PostgreSQL run's settings must not reach them.
  env -u SPRING_DATASOURCE_URL -u SPRING_DATASOURCE_USERNAME -u SPRING_DATASOURCE_PASSWORD \
    -u SPRING_DATA_REDIS_URL -u COMPLAINTS_JWT_SECRET \
    mvn -B -q -Pbench test -Djacoco.skip=true -Dspotless.check.skip=true \
    -Dtest="$(IFS=,; echo "${tests[*]}")" -Dsurefire.failIfNoSpecifiedTests=false \
    -Dbenchmark.seconds="$photo_seconds" -Dbenchmark.bigUploads="$big_uploads" \
    -Dbenchmark.serviceJvmArgs="$java_opts" \
    -Dbenchmark.sockets="$sockets" -Dbenchmark.hold-seconds="$socket_hold" \
    >"$out/java-benchmarks.log" 2>&1 || echo "  a Java benchmark missed its own checks (see java-benchmarks.log)"
  for report in target/photo-benchmark/report-*.md; do
    [ -f "$report" ] && cp "$report" "$out/photo-benchmark-$(basename "$report" | tr -dc 0-9).md"
  done
  [ -f target/benchmarks/realtime.md ] && cp target/benchmarks/realtime.md "$out/sockets-realtime.md"
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

if runs gc; then
  # Collector choice for a 2-core, 1 GB instance: the GET and submit probes on the embedded default
  # under each collector with the same heap, BENCH_GC_RUNS fresh instances each, interleaved so
  # that a noisy minute on a shared machine falls on all of them. Peak RSS from the sampler.
  declare -A collectors=([serial]=-XX:+UseSerialGC [parallel]=-XX:+UseParallelGC [g1]=-XX:+UseG1GC
    [zgc]=-XX:+UseZGC)
  shipped_opts=$java_opts
  export COMPLAINTS_RATE_LIMIT_ENABLED=false
  for run in $(seq 1 "${BENCH_GC_RUNS:-3}"); do
    for gc in serial parallel g1 zgc; do
      label=gc-$gc-$run
      echo "== $label: ${BENCH_GC_HEAP:--Xms64m -Xmx512m} ${collectors[$gc]}"
      java_opts="${BENCH_GC_HEAP:--Xms64m -Xmx512m} ${collectors[$gc]} -XX:+ExitOnOutOfMemoryError"
      start_service embedded "$work/$label" "$label"
      tok=$(token)
      # Unrecorded: submissions give the GET probe its complaints and warm both paths up.
      WRK_LUA="$root/load_tests/wrk" WRK_TOKEN=$tok WRK_SERVICE_TOKEN=$COMPLAINTS_SERVICE_TOKEN \
        wrk -t2 -c64 -d"$warmup" --timeout 10s -s "$root/load_tests/wrk/submit.lua" "$host" >/dev/null 2>&1 || true
      "$py" "$tools" ids "$host" "$tok" "$work/ids.txt"
      export WRK_TOKEN=$tok WRK_SERVICE_TOKEN=$COMPLAINTS_SERVICE_TOKEN WRK_IDS="$work/ids.txt"
      probe "$label" 1-get-one get.lua
      probe "$label" 3-submit submit.lua
      stop_service
      rm -rf "${work:?}/$label"
    done
  done
  unset COMPLAINTS_RATE_LIMIT_ENABLED
  java_opts=$shipped_opts
fi

if runs preload; then
  for backend in $backends; do
    echo "== $preload complaints bulk-loaded ($backend)"
    start_service "$backend" "$work/preload-$backend"
    # The staff the rows point at: the admin, plus porters made by a short Locust run with no load.
    LOCUST_SEED_COMPLAINTS=0 locust -f load_tests/test_complaints_load.py --host="$host" --headless --only-summary \
      -u 1 -r 1 -t 1s --verify-sample 0 >"$out/preload-$backend-accounts.log" 2>&1 || true
    started=$(date +%s.%N)
    if [ "$backend" = postgres ]; then
      db=$(cat "$work/db-postgres")
      psql -q -h 127.0.0.1 -U postgres -d "$db" -v ON_ERROR_STOP=1 -v n="$preload" -f load_tests/preload.sql \
        >"$out/preload-$backend-sql.log" 2>&1
    else
      # SQLite has one writer: the service stops while the rows go in, and starts on them.
      stop_service
      { echo ".bail on"; echo ".parameter set :n $preload"; cat load_tests/preload-sqlite.sql; } |
        sqlite3 "$work/preload-$backend/complaints.db" >"$out/preload-$backend-sql.log" 2>&1
    fi
    load_seconds=$("$py" -c "import time; print(round(time.time() - $started, 1))")
    [ "$backend" = embedded ] && start_service embedded "$work/preload-$backend"
    echo "  loaded in ${load_seconds}s"
    tok=$(token)
    "$py" "$tools" queries "$host" "$tok" "$work/queries.json"
    echo '{}' >"$work/queries-indexed.json"
    if [ "$backend" = postgres ]; then
      psql -h 127.0.0.1 -U postgres -d "$db" -f load_tests/preload-explain.sql >"$out/preload-explain.txt" 2>&1 || true
      psql -q -h 127.0.0.1 -U postgres -d "$db" -f load_tests/preload-indexes.sql >>"$out/preload-$backend-sql.log" 2>&1 || true
      "$py" "$tools" queries "$host" "$tok" "$work/queries-indexed.json"
    fi
    "$py" - "$out" "$work" "$preload" "$load_seconds" "$backend" <<'EOF'
import json, sys
out, work, rows, seconds, backend = sys.argv[1:]
json.dump({"rows": int(rows), "load_seconds": float(seconds),
           "database": {"embedded": "SQLite (embedded)", "postgres": "PostgreSQL"}[backend],
           "queries": json.load(open(f"{work}/queries.json")),
           "after_indexes": json.load(open(f"{work}/queries-indexed.json"))},
          open(f"{out}/preload-{backend}.json", "w"), indent=2)
EOF
    stop_service
  done
fi

"$py" "$tools" report "$out"
