#!/usr/bin/env bash
# GET /api/v1/complaints/{id} throughput of two builds of the service, side by side in one pass:
# both jars run at once on free ports (the idle one costs next to nothing), each is seeded and
# warmed, then wrk (2 threads, 64 connections) alternates between them ROUNDS times and the
# medians are printed. Used for the issue-19 account-cache and one-round-trip figures.
#
#   load_tests/get-one-ab.sh BEFORE.jar AFTER.jar embedded|postgres [OUT_DIR]
#
# Environment: ROUNDS (3), DURATION (15s), WARMUP (20s), SEED (300 complaints), JFR (1: record
# one extra run of each jar with Flight Recorder and print where the CPU went).
set -euo pipefail
before=$1 after=$2 backend=$3 out=${4:-$(mktemp -d /tmp/get-one-ab.XXXX)}
root=$(cd "$(dirname "$0")/.." && pwd)
java=${JAVA:-$(ls -d /usr/lib/jvm/temurin-2*/bin/java 2>/dev/null | tail -1)}
jdk=$(dirname "$java")
rounds=${ROUNDS:-3} duration=${DURATION:-15s} warmup=${WARMUP:-20s} seed=${SEED:-300}
export COMPLAINTS_ADMIN_EMAIL=bench@example.org COMPLAINTS_ADMIN_PASSWORD=Bench-Passw0rd-1
export COMPLAINTS_SERVICE_TOKEN=bench-service-token-0123456789 COMPLAINTS_RATE_LIMIT_ENABLED=false
mkdir -p "$out"
dbs=()
[ "$backend" = postgres ] && dbs=("getab_before_$$" "getab_after_$$")
cleanup() {
  for pid in $(cat "$out"/*.pid 2>/dev/null); do kill "$pid" 2>/dev/null || true; done
  for db in "${dbs[@]}"; do psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1 || true; done
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

start() { # name jar -> prints port
  local name=$1 jar=$2 port data
  port=$(free_port) data="$out/$name-data"
  mkdir -p "$data"
  local env=()
  if [ "$backend" = postgres ]; then
    local db="getab_${name}_$$"
    psql -q -h 127.0.0.1 -U postgres -c "CREATE DATABASE $db" >/dev/null
    env=(SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:5432/$db" SPRING_DATASOURCE_USERNAME=postgres
      SPRING_DATASOURCE_PASSWORD= COMPLAINTS_JWT_SECRET=bench-secret-that-is-long-enough-0123456789)
  fi
  env "${env[@]}" COMPLAINTS_DATA_DIR="$data" SERVER_PORT="$port" SERVER_ADDRESS=127.0.0.1 \
    "$java" -Xmx384m -jar "$jar" >"$out/$name.log" 2>&1 &
  echo "$!" >"$out/$name.pid"
  for _ in $(seq 1 600); do
    curl -sf -o /dev/null "http://127.0.0.1:$port/health/ready" && { echo "$port"; return; }
    sleep 1
  done
  echo "$name did not start" >&2; tail -20 "$out/$name.log" >&2; exit 1
}

prepare() { # port -> token on stdout, ids in $out/ids-PORT.txt
  local host="http://127.0.0.1:$1"
  python3 - "$host" "$seed" "$out/ids-$1.txt" <<'PY'
import json, sys, urllib.request, concurrent.futures as cf
host, n, path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
def submit(i):
    body = json.dumps({"telegram_user_id": str(7000000000 + i), "hostel": "block-a",
        "room_number": "A%d" % (100 + i % 300), "category": "plumbing",
        "description": "get-one-ab seed complaint number %d, tap leaking" % i, "severity": "low"}).encode()
    req = urllib.request.Request(host + "/api/v1/complaints/submit", body, method="POST",
        headers={"Authorization": "Bearer bench-service-token-0123456789", "Content-Type": "application/json"})
    return json.load(urllib.request.urlopen(req, timeout=30))["id"]
with cf.ThreadPoolExecutor(8) as pool:
    ids = list(pool.map(submit, range(n)))
open(path, "w").write("\n".join(ids) + "\n")
PY
  curl -sf -H 'Content-Type: application/json' \
    -d "{\"username\":\"$COMPLAINTS_ADMIN_EMAIL\",\"password\":\"$COMPLAINTS_ADMIN_PASSWORD\"}" \
    "$host/auth/login-json" | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])'
}

probe() { # port token seconds file
  WRK_LUA="$root/load_tests/wrk" WRK_TOKEN=$2 WRK_IDS="$out/ids-$1.txt" \
    wrk -t2 -c64 -d"$3" --timeout 10s --latency -s "$root/load_tests/wrk/get.lua" "http://127.0.0.1:$1" >"$4" 2>&1 || true
}

# Both start at once: on a busy machine a start-up can take minutes.
start before "$before" >"$out/before.port" & start after "$after" >"$out/after.port" &
wait
pb=$(cat "$out/before.port") pa=$(cat "$out/after.port")
tb=$(prepare "$pb"); ta=$(prepare "$pa")
if [ "$backend" = postgres ]; then
  # Statements per GET: each autocommitted statement is one transaction of the database.
  for side in before:"$pb":"$tb":"${dbs[0]}" after:"$pa":"$ta":"${dbs[1]}"; do
    IFS=: read -r name port token db <<<"$side"
    python3 - "http://127.0.0.1:$port" "$token" "$out/ids-$port.txt" "$db" "$name" <<'PY'
import subprocess, sys, urllib.request
host, token, ids, db, name = sys.argv[1:]
ids = [line for line in open(ids).read().split() if line][:200]
count = lambda: int(subprocess.check_output(["psql", "-h", "127.0.0.1", "-U", "postgres", "-Atc",
    f"SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = '{db}'"]).strip())
def get(i):
    req = urllib.request.Request(f"{host}/api/v1/complaints/{i}", headers={"Authorization": "Bearer " + token})
    urllib.request.urlopen(req, timeout=30).read()
import time
get(ids[0])
time.sleep(11)  # backends report their counts when idle, at most every 10 s
start = count()
for i in ids:
    get(i)
time.sleep(11)
print(f"{name}: {(count() - start) / len(ids):.2f} database transactions per GET")
PY
  done
fi
probe "$pb" "$tb" "$warmup" /dev/null; probe "$pa" "$ta" "$warmup" /dev/null
for r in $(seq 1 "$rounds"); do
  probe "$pb" "$tb" "$duration" "$out/before-$r.txt"
  probe "$pa" "$ta" "$duration" "$out/after-$r.txt"
  echo "round $r: before $(awk '/Requests\/sec/ {print $2}' "$out/before-$r.txt")/s, after $(awk '/Requests\/sec/ {print $2}' "$out/after-$r.txt")/s"
done
python3 - "$out" "$rounds" "$backend" <<'PY'
import re, statistics, sys
out, rounds, backend = sys.argv[1], int(sys.argv[2]), sys.argv[3]
def fig(name):
    rates, p50, p99, errors = [], [], [], 0
    for r in range(1, rounds + 1):
        text = open(f"{out}/{name}-{r}.txt").read()
        rates.append(float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1)))
        unit = lambda v, u: float(v) * {"us": 0.001, "ms": 1, "s": 1000}[u]
        m = re.search(r"50%\s+([\d.]+)(us|ms|s)", text); p50.append(unit(*m.groups()))
        m = re.search(r"99%\s+([\d.]+)(us|ms|s)", text); p99.append(unit(*m.groups()))
        m = re.search(r"Non-2xx or 3xx responses: (\d+)", text); errors += int(m.group(1)) if m else 0
    return statistics.median(rates), statistics.median(p50), statistics.median(p99), errors, rates
b, a = fig("before"), fig("after")
for name, f in (("before", b), ("after", a)):
    print(f"{backend} {name}: median {f[0]:,.0f}/s (runs {', '.join(f'{x:,.0f}' for x in f[4])}), p50 {f[1]:.1f} ms, p99 {f[2]:.1f} ms, non-2xx {f[3]}")
print(f"{backend} after/before: {a[0] / b[0]:.2f}x")
PY
if [ "${JFR:-0}" = 1 ]; then
  for side in before:"$pb":"$tb" after:"$pa":"$ta"; do
    IFS=: read -r name port token <<<"$side"
    pid=$(cat "$out/$name.pid")
    "$jdk/jcmd" "$pid" JFR.start name=ab filename="$out/$name.jfr" settings=profile >/dev/null
    probe "$port" "$token" "$duration" "$out/$name-jfr-run.txt"
    "$jdk/jcmd" "$pid" JFR.stop name=ab >/dev/null
    "$jdk/jfr" print --json --events jdk.ExecutionSample --stack-depth 256 "$out/$name.jfr" >"$out/$name-samples.json"
    python3 - "$out/$name-samples.json" "$name" <<'PY'
import json, sys
events = json.load(open(sys.argv[1]))["recording"]["events"]
shares = {"security filters and token check": ("BearerTokenAuthenticationFilter.doFilterInternal",),
          "token check (TokenService.authenticate)": ("TokenService.authenticate",),
          "database (JDBC)": ("org.postgresql.", "org.sqlite.", "com.zaxxer.hikari."),
          "JSON writing": ("tools.jackson.databind.ser.",)}
counts = dict.fromkeys(shares, 0)
for e in events:
    frames = [f["method"]["type"]["name"] + "." + f["method"]["name"] for f in e["values"]["stackTrace"]["frames"]]
    text = "\n".join(frames).replace("/", ".")
    for k, needles in shares.items():
        if any(n in text for n in needles):
            counts[k] += 1
total = len(events) or 1
print(f"{sys.argv[2]}: {len(events)} samples; " + "; ".join(f"{k} {100 * v / total:.0f} %" for k, v in counts.items()))
PY
  done
fi
