#!/usr/bin/python3
"""Pieces of benchmark.sh that are easier in Python: the recovery probe, timed API queries, the
resource sampler and the Markdown summary. Standard library only, so it runs under any python3.

    bench_tools.py sample PID FILE                     # RSS and CPU once a second until PID exits
    bench_tools.py recovery HOST TOKEN BASELINE_S AFTER_S OUT.json
    bench_tools.py queries HOST TOKEN OUT.json        # p50/p95/p99 of list, filter and search calls
    bench_tools.py ids HOST TOKEN FILE                # complaint ids for the wrk GET probe
    bench_tools.py sockets HOST TOKEN N PID OUT.json  # open N dashboard sockets, hold, measure
    bench_tools.py startup JAVA JAR PORT RUNS OUT.json [JVM option...]  # launch to /health/ready
    bench_tools.py sqlite-commits SECONDS DIR OUT.txt  # ceiling: synced one-row SQLite commits
    bench_tools.py report FOLDER                       # FOLDER/summary.md from everything in FOLDER
"""

import glob
import json
import os
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from typing import Any

TICKS = os.sysconf("SC_CLK_TCK")


def get(host: str, path: str, token: str,
        params: dict[str, Any] | None = None) -> tuple[int, float, bytes]:
    url = f"{host}{path}" + (f"?{urllib.parse.urlencode(params)}" if params else "")
    request = urllib.request.Request(url, headers={"Authorization": f"Bearer {token}"})
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=30) as r:
            body = r.read()
            status = r.status
    except urllib.error.HTTPError as e:
        body, status = e.read(), e.code
    return status, (time.perf_counter() - started) * 1000, body


def percentile(values: list[float], p: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p * (len(ordered) - 1))))]


def rss_kb(pid: int) -> int:
    """Resident memory of the process; OSError once it is gone."""
    with open(f"/proc/{pid}/status") as f:
        found = re.search(r"VmRSS:\s+(\d+)", f.read())
    if not found:
        raise OSError(f"no VmRSS for {pid}")
    return int(found.group(1))


def sample(pid: int, path: str) -> None:
    with open(path, "a", encoding="utf-8") as out:
        while os.path.exists(f"/proc/{pid}"):
            try:
                rss = rss_kb(pid)
                with open(f"/proc/{pid}/stat") as f:
                    fields = f.read().rsplit(")", 1)[1].split()
                ticks = int(fields[11]) + int(fields[12])
            except OSError:
                return
            out.write(f"{time.time():.1f}\t{rss}\t{ticks}\n")
            out.flush()
            time.sleep(1)


def recovery(host: str, token: str, baseline_s: float, after_s: float, path: str) -> None:
    """Latency of a 20-item list before the stress run and right after it stops. Recovered means
    every sample from then on is within twice the baseline p95 (and at least 20 ms of slack)."""
    params = {"page_size": 20}
    if baseline_s > 0:
        samples: list[float] = []
        end = time.time() + baseline_s
        while time.time() < end:
            samples.append(get(host, "/api/v1/complaints", token, params)[1])
            time.sleep(0.1)
        with open(path, "w") as f:
            json.dump({"baseline_ms": samples}, f)
        return
    with open(path) as f:
        result = json.load(f)
    base = percentile(result["baseline_ms"], 0.95) or 0.0
    limit = max(2 * base, base + 20)
    started = time.time()
    after: list[tuple[float, float, int]] = []
    while time.time() - started < after_s:
        status, ms, _ = get(host, "/api/v1/complaints", token, params)
        after.append((time.time() - started, ms, status))
        time.sleep(0.1)
    recovered_at = None
    for i, (t, _, _) in enumerate(after):
        if all(ms <= limit and status == 200 for _, ms, status in after[i:]):
            recovered_at = t
            break
    result.update(
        baseline_p95_ms=base,
        limit_ms=limit,
        after=after,
        recovered_after_s=recovered_at,
        ok=recovered_at is not None and recovered_at <= 10,
    )
    with open(path, "w") as f:
        json.dump(result, f)


QUERIES: list[tuple[str, dict[str, Any]]] = [
    ("list, newest 20", {"page_size": 20}),
    ("list, page 50", {"page_size": 20, "page": 50}),
    ("filter status=reported", {"status": "reported", "page_size": 20}),
    ("filter hostel+category", {"hostel": "block-b", "category": "electrical", "page_size": 20}),
    ("filter severity=high+status=in_progress",
     {"severity": "high", "status": "in_progress", "page_size": 20}),
    ("filter telegram_user_id", {"telegram_user_id": "5000007919", "page_size": 20}),
    ("search q=leak", {"q": "leak", "page_size": 20}),
    ("search q, no match", {"q": "zzqx", "page_size": 20}),
]


def query_limit_ms(name: str) -> int:
    """Issue 19: at 1,000,000 complaints lists and filters answer in 30 ms (p95), search in 50."""
    return 50 if name.startswith("search") else 30


def rounded(value: float | None) -> float | None:
    return round(value, 1) if value is not None else None


def queries(host: str, token: str, path: str, rounds: int = 60) -> None:
    result = {}
    for name, params in QUERIES:
        times: list[float] = []
        statuses: set[int] = set()
        status, body = 0, b""
        for i in range(rounds):
            status, ms, body = get(host, "/api/v1/complaints", token, params)
            statuses.add(status)
            if i >= 3:  # the first calls warm caches and the JIT
                times.append(ms)
        answer = json.loads(body) if status == 200 else {}
        total = answer.get("total")
        if total is not None and answer.get("total_exact") is False:
            total = f"{total}+"  # the server's count cap: at least this many
        result[name] = {
            "p50": rounded(percentile(times, 0.5)),
            "p95": rounded(percentile(times, 0.95)),
            "p99": rounded(percentile(times, 0.99)),
            "statuses": sorted(statuses),
            "total": total,
        }
    with open(path, "w") as f:
        json.dump(result, f, indent=2)


def ids(host: str, token: str, path: str) -> None:
    found: list[str] = []
    for page in range(1, 11):
        status, _, body = get(host, "/api/v1/complaints", token, {"page_size": 100, "page": page})
        if status != 200:
            break
        found += [c["id"] for c in json.loads(body)["items"]]
    with open(path, "w") as f:
        f.write("\n".join(found) + "\n")


def sockets(host: str, token: str, n: int, pid: int, path: str, rate: int = 100,
            hold: int = 20) -> None:
    """How many dashboard sockets one instance holds: connect time, refusals (1013 or 429/503),
    and the service's resident memory before and with all of them open."""
    from gevent import monkey

    monkey.patch_all()
    import gevent
    import websocket

    def rss() -> float:
        return rss_kb(pid) / 1024

    url = host.replace("http://", "ws://") + f"/ws/dashboard?token={token}"
    before = rss()
    connect_ms: list[float] = []
    failed: list[str] = []
    open_sockets: list[Any] = []
    refused = 0

    def one() -> None:
        nonlocal refused
        started = time.perf_counter()
        try:
            ws = websocket.create_connection(url, timeout=30)
        except websocket.WebSocketBadStatusException as e:
            refused += 1 if e.status_code in (429, 503) else 0
            if e.status_code not in (429, 503):
                failed.append(str(e))
            return
        except Exception as e:
            failed.append(str(e))
            return
        connect_ms.append((time.perf_counter() - started) * 1000)
        open_sockets.append(ws)

    greenlets = []
    for _ in range(n):
        greenlets.append(gevent.spawn(one))
        gevent.sleep(1 / rate)
    gevent.joinall(greenlets)
    gevent.sleep(hold)
    alive = 0
    for ws in open_sockets:
        try:
            ws.settimeout(5)
            ws.send("ping")
            alive += 1
        except Exception:
            pass
    with_all = rss()
    for ws in open_sockets:
        try:
            ws.close()
        except Exception:
            pass
    result = {
        "asked": n, "connected": len(connect_ms), "refused_gracefully": refused,
        "failed": len(failed), "failures": failed[:5], "alive_after_hold": alive,
        "connect_p50_ms": round(percentile(connect_ms, 0.5) or 0, 1),
        "connect_p95_ms": round(percentile(connect_ms, 0.95) or 0, 1),
        "connect_p99_ms": round(percentile(connect_ms, 0.99) or 0, 1),
        "rss_before_mb": round(before), "rss_with_all_mb": round(with_all),
        "kb_per_socket": round((with_all - before) * 1024 / max(1, len(connect_ms)), 1),
    }
    with open(path, "w") as f:
        json.dump(result, f, indent=2)
    print(json.dumps(result))


def startup(java: str, jar: str, port: int, runs: int, path: str, options: list[str]) -> None:
    """Seconds from launching the JVM to a 200 from /health/ready on the embedded default: the
    first start on an empty data folder (migrations, the generated admin), then `runs` restarts on
    that data, each stopped with SIGTERM before the next; the median of the restarts counts. The
    CPU seconds the JVM used until then are kept too: on a machine shared with other work they
    say more than the wall clock, which waits for the cores."""
    data = tempfile.mkdtemp(prefix="bench-startup-")
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("SPRING_DATASOURCE_", "SPRING_DATA_REDIS"))}
    env.update(COMPLAINTS_DATA_DIR=data, SERVER_PORT=str(port), SERVER_ADDRESS="127.0.0.1")
    url = f"http://127.0.0.1:{port}/health/ready"
    wall: list[float] = []
    cpu: list[float] = []
    try:
        for _ in range(runs + 1):
            with open(os.path.join(data, "startup.log"), "ab") as log:
                started = time.perf_counter()
                process = subprocess.Popen([java, *options, "-jar", jar], env=env, stdout=log,
                                           stderr=subprocess.STDOUT)
            try:
                while not ready(url):
                    if process.poll() is not None:
                        sys.exit(f"the service exited while starting; see {data}/startup.log")
                    time.sleep(0.02)
                wall.append(time.perf_counter() - started)
                cpu.append(cpu_seconds(process.pid))
            finally:
                process.terminate()
                process.wait(60)
    finally:
        shutil.rmtree(data, ignore_errors=True)
    result = {"options": options, "jar": jar, "load_average": os.getloadavg()[0],
              "first_start_s": round(wall[0], 2), "restarts_s": [round(s, 2) for s in wall[1:]],
              "median_s": round(statistics.median(wall[1:]), 2),
              "cpu_restarts_s": [round(s, 2) for s in cpu[1:]],
              "cpu_median_s": round(statistics.median(cpu[1:]), 2)}
    with open(path, "w") as f:
        json.dump(result, f, indent=2)
    print(json.dumps(result))


def cpu_seconds(pid: int) -> float:
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS


def ready(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=1) as r:
            return bool(r.status == 200)
    except (urllib.error.URLError, OSError):
        return False


def sqlite_commits(seconds: float, folder: str, path: str) -> None:
    """The embedded default's write ceiling: one-row transactions, each synced, as the service's
    database is set up (WAL, synchronous=FULL), back to back from one writer (SQLite has one)."""
    db = os.path.join(folder, "ceiling-commits.db")
    connection = sqlite3.connect(db, isolation_level=None)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=FULL")
    connection.execute("CREATE TABLE IF NOT EXISTS t (id INTEGER PRIMARY KEY, body TEXT)")
    commits = 0
    started = time.perf_counter()
    while time.perf_counter() - started < seconds:
        connection.execute("BEGIN IMMEDIATE")
        connection.execute("INSERT INTO t (body) VALUES (?)", ("a complaint-sized row " * 8,))
        connection.execute("COMMIT")
        commits += 1
    elapsed = time.perf_counter() - started
    connection.close()
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(db + suffix):
            os.remove(db + suffix)
    with open(path, "w") as f:
        f.write(f"SQLite WAL synchronous=FULL, one writer: {commits} commits in {elapsed:.1f} s\n"
                f"tps = {commits / elapsed:.1f}\n")


# ---------------------------------------------------------------- report


def load(path: str) -> Any:
    try:
        with open(path) as f:
            return json.load(f)
    except (OSError, ValueError):
        return None


def resources(folder: str, backend: str) -> dict[str, dict[str, int]]:
    """Peak RSS and mean CPU of the service per phase, from the sampler file and phase marks."""
    samples: list[tuple[float, int, int]] = []
    try:
        with open(os.path.join(folder, f"{backend}-resources.tsv")) as f:
            for line in f:
                t, rss, ticks = line.split()
                samples.append((float(t), int(rss), int(ticks)))
    except OSError:
        return {}
    phases: dict[str, tuple[float, float]] = {}
    try:
        with open(os.path.join(folder, f"{backend}-phases.tsv")) as f:
            for line in f:
                name, start, end = line.split()
                phases[name] = (float(start), float(end))
    except OSError:
        pass
    connections: list[tuple[float, int, int]] = []
    try:
        with open(os.path.join(folder, f"{backend}-connections.tsv")) as f:
            for line in f:
                parts = line.split()
                if len(parts) == 3:
                    connections.append((float(parts[0]), int(parts[1]), int(parts[2])))
    except OSError:
        pass
    out: dict[str, dict[str, int]] = {}
    for phase, (begin, finish) in phases.items():
        inside = [s for s in samples if begin <= s[0] <= finish]
        if len(inside) < 2:
            continue
        cpu = (inside[-1][2] - inside[0][2]) / TICKS / (inside[-1][0] - inside[0][0]) * 100
        out[phase] = {"peak_rss_mb": round(max(s[1] for s in inside) / 1024),
                      "cpu_percent": round(cpu)}
        db = [c for c in connections if begin <= c[0] <= finish]
        if db:
            out[phase]["db_active_peak"] = max(c[1] for c in db)
            out[phase]["db_open_peak"] = max(c[2] for c in db)
    return out


def wrk(path: str) -> dict[str, Any] | None:
    try:
        with open(path) as f:
            text = f.read()
    except OSError:
        return None
    rps = re.search(r"Requests/sec:\s+([\d.]+)", text)
    lat = dict(re.findall(r"^\s+(50|90|99)%\s+([\d.]+\w+)", text, re.M))
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    total = re.search(r"(\d+) requests in", text)
    errors = re.search(r"Socket errors: (.*)", text)
    return {
        "rps": float(rps.group(1)) if rps else None,
        "p50": lat.get("50"),
        "p90": lat.get("90"),
        "p99": lat.get("99"),
        "requests": int(total.group(1)) if total else None,
        "non2xx": int(non2xx.group(1)) if non2xx else 0,
        "socket_errors": errors.group(1) if errors else "none",
    }


def report(folder: str) -> None:
    meta = load(os.path.join(folder, "meta.json")) or {}
    lines = [f"# Benchmark {os.path.basename(folder.rstrip('/'))}", ""]
    lines += [
        f"- Machine: {meta.get('cpu', '?')}, {meta.get('cores', '?')} cores, "
        f"{meta.get('memory', '?')} RAM; load generator (Locust, wrk) on the same cores.",
        f"- Commit: `{meta.get('commit', '?')}`; "
        f"JVM options: `{meta.get('java_opts') or 'none'}`.",
        f"- Conditions: {meta.get('conditions', 'not recorded')}.",
        f"- Command: `{meta.get('command', 'load_tests/benchmark.sh')}`",
        "",
    ]
    for backend in meta.get("backends", []):
        lines += [f"## {backend}", ""]
        res = resources(folder, backend)
        for scenario in ["normal", "high", "stress"]:
            lines += scenario_lines(folder, backend, scenario, meta, res.get(scenario, {}))
        lines += recovery_lines(load(os.path.join(folder, f"{backend}-recovery.json")))
        lines += sockets_lines(load(os.path.join(folder, f"{backend}-sockets.json")))
        lines += probe_lines(folder, backend, meta, res)
    lines += ceiling_lines(folder)
    soak = load(os.path.join(folder, "soak.json"))
    if soak:
        lines += ["## Soak", "", soak.get("text", ""), ""]
    lines += gc_lines(folder)
    for path in sorted(glob.glob(os.path.join(folder, "preload*.json"))):
        lines += preload_lines(load(path))
    from bench_targets import target_lines  # it reads this module's parsers

    targets = target_lines(folder)
    with open(os.path.join(folder, "summary.md"), "w") as f:
        f.write("\n".join(lines[:1] + targets + lines[1:]) + "\n")
    print("\n".join(targets))
    print(os.path.join(folder, "summary.md"))


def scenario_lines(folder: str, backend: str, scenario: str, meta: dict[str, Any],
                   r: dict[str, int]) -> list[str]:
    summary = load(os.path.join(folder, f"{backend}-{scenario}.json"))
    if not summary:
        return [f"### {scenario}: no result (see {backend}-{scenario}.log)", ""]
    verdict = "PASS" if not summary["threshold_failures"] else "FAIL"
    # Requests only: socket event deliveries are observations (older summaries counted them).
    rows = [e for e in summary["endpoints"] if not e["endpoint"].endswith("event delay")]
    requests = sum(e["requests"] for e in rows)
    failures = sum(e["failures"] for e in rows)
    rps = round(sum(e["rps"] for e in rows), 1)
    error_rate = failures / requests if requests else 0.0
    rejection_rate = summary["graceful_rejections"] / requests if requests else 0.0
    users = meta.get("users", {}).get(scenario, "?")
    database = (f"; database connections busy at peak {r['db_active_peak']} of "
                f"{r['db_open_peak']} open" if "db_active_peak" in r else "")
    lines = [
        f"### {scenario} ({users} users, 60 s, strict targets): {verdict}",
        "",
        f"{requests} requests (socket events not counted), {rps} req/s, "
        f"error rate {error_rate:.3%}, "
        f"graceful 429/503 {summary['graceful_rejections']} ({rejection_rate:.2%}), "
        f"5xx {summary['server_errors']}, timeouts {summary['timeouts']}; "
        f"service peak RSS {r.get('peak_rss_mb', '?')} MB, "
        f"mean CPU {r.get('cpu_percent', '?')} % (of {meta.get('cores', '?')}00 %)"
        f"{database}. [Locust report]({backend}-{scenario}.html)",
        "",
        "| Endpoint | Requests | Failures | req/s | p50 ms | p95 ms | p99 ms | max ms |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for row in summary["endpoints"]:
        lines.append(
            f"| `{row['endpoint']}` | {row['requests']} | {row['failures']} | {row['rps']} | "
            f"{row['p50']} | {row['p95']} | {row['p99']} | {row['max']} |"
        )
    lines.append("")
    for failure in summary["threshold_failures"]:
        lines.append(f"- missed: {failure}")
    integrity = summary.get("integrity")
    if integrity:
        lines.append(
            f"- data integrity: {integrity.get('found_once', 0)}/"
            f"{integrity.get('acknowledged', 0)} acknowledged submissions stored exactly once, "
            f"{integrity.get('histories_replayed', 0)} histories replayed, "
            f"{integrity.get('stored_without_acknowledgement', 0)} stored without an "
            f"acknowledgement (a lost answer): **{'OK' if integrity['ok'] else 'FAILED'}**"
        )
        for problem in integrity.get("problems", [])[:5]:
            lines.append(f"  - {problem}")
    lines.append("")
    return lines


def recovery_lines(rec: Any) -> list[str]:
    if not rec or "after" not in rec:
        return []
    recovered = rec["recovered_after_s"] if rec["recovered_after_s"] is not None else "never"
    return [
        f"**Recovery after stress**: baseline list p95 {rec['baseline_p95_ms']:.0f} ms; "
        f"latency stayed within {rec['limit_ms']:.0f} ms from {recovered}"
        f" s after the stress load stopped: **{'OK' if rec['ok'] else 'MISSED (target 10 s)'}**.",
        "",
    ]


def sockets_lines(socks: Any) -> list[str]:
    if not socks:
        return []
    return [
        f"**Dashboard sockets**: {socks['connected']}/{socks['asked']} connected at 100 a second "
        f"({socks['refused_gracefully']} refused with 429/503, {socks['failed']} failed), "
        f"{socks['alive_after_hold']} alive after 20 s; connect p50/p95/p99 "
        f"{socks['connect_p50_ms']}/{socks['connect_p95_ms']}/{socks['connect_p99_ms']} ms; "
        f"service RSS {socks['rss_before_mb']} → {socks['rss_with_all_mb']} MB "
        f"({socks['kb_per_socket']} KB a socket).",
        "",
    ]


def probe_lines(folder: str, backend: str, meta: dict[str, Any],
                res: dict[str, dict[str, int]]) -> list[str]:
    probes = sorted(glob.glob(os.path.join(folder, f"{backend}-wrk-*.txt")))
    if not probes:
        return []
    lines = [
        f"**Maximum throughput** (wrk, 64 connections, {meta.get('wrk_duration', '?')}):",
        "",
        "| Probe | req/s | p50 | p90 | p99 | non-2xx | socket errors | service CPU % "
        "| peak RSS MB | DB busy/open |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for path in probes:
        name = os.path.basename(path)[len(backend) + 5:-4]
        w = wrk(path) or {}
        r = res.get(f"wrk-{name}", {})
        lines.append(
            f"| {name} | {w.get('rps')} | {w.get('p50')} | {w.get('p90')} | {w.get('p99')} | "
            f"{w.get('non2xx')} | {w.get('socket_errors')} | {r.get('cpu_percent', '?')} | "
            f"{r.get('peak_rss_mb', '?')} | "
            f"{r.get('db_active_peak', '-')}/{r.get('db_open_peak', '-')} |"
        )
    lines.append("")
    return lines


def gc_lines(folder: str) -> list[str]:
    """The collector comparison (phase gc): medians over the runs of each collector."""
    runs: dict[str, list[tuple[float | None, float | None, float]]] = {}
    for path in sorted(glob.glob(os.path.join(folder, "gc-*-resources.tsv"))):
        label = os.path.basename(path)[:-len("-resources.tsv")]
        get_rate = (wrk(os.path.join(folder, f"{label}-wrk-1-get-one.txt")) or {}).get("rps")
        submit_rate = (wrk(os.path.join(folder, f"{label}-wrk-3-submit.txt")) or {}).get("rps")
        with open(path) as f:
            peak = max((int(line.split()[1]) for line in f if line.strip()), default=0) / 1024
        runs.setdefault(label.split("-")[1], []).append((get_rate, submit_rate, peak))
    if not runs:
        return []
    lines = ["## Collectors (phase gc): medians of the runs", "",
             "| Collector | runs | GET /s | submit /s | peak RSS MB | each run: GET, submit, RSS |",
             "|---|---|---|---|---|---|"]

    def median(values: list[float | None]) -> str:
        known = [v for v in values if v is not None]
        return f"{statistics.median(known):,.0f}" if known else "?"

    for gc, results in runs.items():
        get_rate, submit_rate, rss = (median([r[i] for r in results]) for i in range(3))
        each = "; ".join(f"{g}, {s}, {r:.0f}" for g, s, r in results)
        lines.append(f"| {gc} | {len(results)} | {get_rate} | {submit_rate} | {rss} "
                     f"| {each} |")
    lines.append("")
    return lines


def ceiling_lines(folder: str) -> list[str]:
    ceilings = sorted(glob.glob(os.path.join(folder, "ceiling-*.txt")))
    if not ceilings:
        return []
    lines = ["## Ceilings measured in the same run", "", "| Ceiling | per second |", "|---|---|"]
    for path in ceilings:
        with open(path) as f:
            text = f.read()
        m = re.search(r"Requests/sec:\s+([\d.]+)", text) or re.search(r"tps = ([\d.]+)", text)
        lines.append(f"| {os.path.basename(path)[8:-4]} | {m.group(1) if m else '?'} |")
    lines.append("")
    return lines


def preload_lines(preload: Any) -> list[str]:
    if not preload:
        return []
    lines = [
        f"## {preload.get('rows', '?')} complaints in {preload.get('database', 'PostgreSQL')}",
        "",
        f"Bulk load: {preload.get('load_seconds', '?')} s. "
        "Each call measured 60 times in a row (first 3 dropped).",
        "",
        "| Query | total | p50 ms | p95 ms | p99 ms | p95 within 30 ms (search 50 ms) |",
        "|---|---|---|---|---|---|",
    ]
    for name, q in preload.get("queries", {}).items():
        within = "yes" if q["p95"] is not None and q["p95"] < query_limit_ms(name) else "NO"
        lines.append(
            f"| {name} | {q['total']} | {q['p50']} | {q['p95']} | {q['p99']} | {within} |")
    lines.append("")
    if preload.get("after_indexes"):
        lines += ["With the proposed indexes (see CAPACITY_PLANNING.md):", "",
                  "| Query | p50 ms | p95 ms | p99 ms |", "|---|---|---|---|"]
        for name, q in preload["after_indexes"].items():
            lines.append(f"| {name} | {q['p50']} | {q['p95']} | {q['p99']} |")
        lines.append("")
    return lines


if __name__ == "__main__":
    command, args = sys.argv[1], sys.argv[2:]
    if command == "sample":
        sample(int(args[0]), args[1])
    elif command == "recovery":
        recovery(args[0], args[1], float(args[2]), float(args[3]), args[4])
    elif command == "queries":
        queries(args[0], args[1], args[2])
    elif command == "ids":
        ids(args[0], args[1], args[2])
    elif command == "sockets":
        sockets(args[0], args[1], int(args[2]), int(args[3]), args[4])
    elif command == "startup":
        startup(args[0], args[1], int(args[2]), int(args[3]), args[4], args[5:])
    elif command == "sqlite-commits":
        sqlite_commits(float(args[0]), args[1], args[2])
    elif command == "report":
        report(args[0])
    else:
        sys.exit(__doc__)
