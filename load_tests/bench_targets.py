"""Issue 19's targets beside the ceilings measured in the same pass: the table at the top of
summary.md. Each line: the target, what was measured, the ceiling of this machine in the same
pass (where one applies), the ratio of the two, and MET or MISSED. A figure the pass did not
measure says so instead of a verdict.
"""

import glob
import os
import re
from typing import Any

from bench_tools import load, query_limit_ms, wrk
from complaints_load.scenarios import MIN_SAMPLES, OWN_TARGET_P95

BACKENDS = {"embedded": "embedded", "postgres": "PostgreSQL"}
# A refusal counts as fast when its p99 is under this: a 503 that waits is no better than a queue.
FAST_REFUSAL_MS = 100
# Locust rows of honest contention ("… [412]") and of graceful refusals ("… [429 Retry-After]").
OUTCOME_ROW = re.compile(r" \[[^\]]*\]$")


class Line:
    def __init__(self, target: str, measured: str, met: bool | None,
                 ceiling: str = "—", ratio: float | None = None) -> None:
        self.target, self.measured, self.met = target, measured, met
        self.ceiling, self.ratio = ceiling, ratio

    def row(self) -> str:
        ratio = f"{self.ratio:.0%}" if self.ratio is not None else "—"
        verdict = "not measured" if self.met is None else ("MET" if self.met else "**MISSED**")
        return f"| {self.target} | {self.measured} | {self.ceiling} | {ratio} | {verdict} |"


def missing(target: str) -> Line:
    return Line(target, "not measured in this pass", None)


def ceiling(folder: str, name: str) -> float | None:
    try:
        with open(os.path.join(folder, f"ceiling-{name}.txt")) as f:
            text = f.read()
    except OSError:
        return None
    found = re.search(r"Requests/sec:\s+([\d.]+)", text) or re.search(r"tps = ([\d.]+)", text)
    return float(found.group(1)) if found else None


def millis(text: str | None) -> float | None:
    """wrk's latency ("812.00us", "26.10ms", "4.10s") in ms."""
    found = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text or "")
    if not found:
        return None
    return float(found.group(1)) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[found.group(2)]


def rate_line(target: str, w: dict[str, Any] | None, at_least: float,
              top: float | None, top_name: str, share: float | None = None) -> Line:
    """A wrk rate against an absolute target, or (share) against a share of the ceiling."""
    if not w or w.get("rps") is None:
        return missing(target)
    rps = w["rps"]
    ratio = rps / top if top else None
    met = (ratio >= share if ratio is not None else None) if share else rps >= at_least
    errors = f", {w['non2xx']} non-2xx" if w.get("non2xx") else ""
    return Line(target, f"{rps:,.0f}/s (p99 {w.get('p99')}{errors})", met,
                f"{top_name} {top:,.0f}/s" if top else "not measured", ratio)


def probe(folder: str, backend: str, name: str) -> dict[str, Any] | None:
    return wrk(os.path.join(folder, f"{backend}-wrk-{name}.txt"))


def throughput_lines(folder: str) -> list[Line]:
    nginx = ceiling(folder, "bare-http-nginx")
    pk_reads = ceiling(folder, "postgres-pk-reads")
    commits = {"embedded": ceiling(folder, "sqlite-full-commits"),
               "postgres": ceiling(folder, "postgres-single-row-commits")}
    lines = [
        rate_line("GET by id, embedded: ≥ 8,000/s", probe(folder, "embedded", "1-get-one"),
                  8000, nginx, "bare HTTP (nginx)"),
        rate_line("GET by id, PostgreSQL: ≥ 50 % of `pgbench -S`",
                  probe(folder, "postgres", "1-get-one"), 0, pk_reads, "`pgbench -S`", 0.5),
    ]
    for backend, label in BACKENDS.items():
        top = nginx if backend == "embedded" else pk_reads
        lines.append(rate_line(f"list of 20, {label}: ≥ 3,000/s",
                               probe(folder, backend, "2-list-20"), 3000, top,
                               "bare HTTP (nginx)" if backend == "embedded" else "`pgbench -S`"))
    lines.append(rate_line(
        "submit, embedded (synchronous=FULL): ≥ 2,500/s", probe(folder, "embedded", "3-submit"),
        2500, commits["embedded"], "SQLite FULL commits"))
    lines.append(rate_line(
        "submit, PostgreSQL: ≥ 40 % of single-row commits", probe(folder, "postgres", "3-submit"),
        0, commits["postgres"], "pgbench one-row INSERT", 0.4))
    nginx_p99 = millis((wrk(os.path.join(folder, "ceiling-bare-http-nginx.txt")) or {}).get("p99"))
    for backend, label in BACKENDS.items():
        target = f"p99 < 50 ms at 64 connections (GET, list), {label}"
        tails = [millis((probe(folder, backend, n) or {}).get("p99"))
                 for n in ("1-get-one", "2-list-20")]
        known = [t for t in tails if t is not None]
        if not known:
            lines.append(missing(target))
            continue
        worst = max(known)
        lines.append(Line(target, f"{worst:,.1f} ms (worst of the two)", worst < 50,
                          f"bare HTTP p99 {nginx_p99:.1f} ms" if nginx_p99 else "—",
                          nginx_p99 / worst if nginx_p99 else None))
    return lines


def judged(row: dict[str, Any]) -> bool:
    """A row the scenario's latency targets apply to: a request, often enough, with no own
    target (photo upload, event delay) and not an outcome row."""
    return (row["requests"] >= MIN_SAMPLES and row["endpoint"] not in OWN_TARGET_P95
            and not OUTCOME_ROW.search(row["endpoint"])
            and not row["endpoint"].endswith("event delay"))


def scenario_lines(folder: str) -> list[Line]:
    lines = []
    for backend, label in BACKENDS.items():
        target = f"high scenario (200 users), {label}: p95 < 100 ms, 0 errors"
        high = load(os.path.join(folder, f"{backend}-high.json"))
        rows = [r for r in (high or {}).get("endpoints", []) if judged(r)]
        if not rows:
            lines.append(missing(target))
        else:
            worst = max(rows, key=lambda r: float(r["p95"]))
            errors = high["failures"] if high else 0
            lines.append(Line(target, f"worst p95 {worst['p95']:.0f} ms (`{worst['endpoint']}`), "
                                      f"{errors} errors", worst["p95"] < 100 and errors == 0))
        target = (f"stress (500 users), {label}: accepted p99 < 1 s, refusals only 503s "
                  f"faster than {FAST_REFUSAL_MS} ms")
        stress = load(os.path.join(folder, f"{backend}-stress.json"))
        endpoints = (stress or {}).get("endpoints", [])
        accepted = [r for r in endpoints if judged(r)]
        if not stress or not accepted:
            lines.append(missing(target))
            continue
        worst = max(accepted, key=lambda r: float(r["p99"]))
        refusals = [r for r in endpoints if r["endpoint"].endswith(("Retry-After]", "later]"))]
        refusal_p99 = max((r["p99"] for r in refusals), default=0)
        bad = stress["server_errors"] + stress["timeouts"]
        lines.append(Line(
            target,
            f"accepted p99 {worst['p99']:.0f} ms (`{worst['endpoint']}`); "
            f"{stress['graceful_rejections']} refused, refusal p99 {refusal_p99:.0f} ms; "
            f"{stress['server_errors']} other 5xx, {stress['timeouts']} timeouts",
            worst["p99"] < 1000 and bad == 0 and refusal_p99 < FAST_REFUSAL_MS))
    return lines


def photo_lines(folder: str) -> list[Line]:
    """From PhotoUploadBenchmark's report: the 20 uploaders of phone photos on the local disk."""
    reports = sorted(glob.glob(os.path.join(folder, "photo-benchmark-*.md")))
    rows = []
    for path in reports[-1:]:
        with open(path) as f:
            rows = [[c.strip() for c in line.strip().strip("|").split("|")]
                    for line in f if line.startswith("| disk:") or line.startswith("| s3:")]
    uploaders = [r for r in rows if r[0].startswith("disk: 20 uploaders")]
    p95_target = "photo upload p95 < 400 ms (20 uploaders, 3 MB phone photos, disk)"
    rss_target = "photo upload peak RSS < 600 MB (shipped JVM defaults)"
    if not uploaders:
        return [missing(p95_target), missing(rss_target)]
    r = uploaders[0]
    p95 = float(r[4])
    peak = max(float(row[10].split()[0]) for row in rows)
    return [Line(p95_target, f"{p95:.0f} ms ({r[2]}, {r[7]} errors)", p95 < 400 and r[7] == "0"),
            Line(rss_target, f"{peak:.0f} MB (worst phase, VmHWM)", peak < 600)]


def socket_lines(folder: str) -> list[Line]:
    """From DashboardBenchmark's report: N sockets on one instance, a burst of events to all."""
    burst_target = "socket burst: delivery p99 < 250 ms"
    connect_target = "socket connect p95 < 20 ms"
    try:
        with open(os.path.join(folder, "sockets-realtime.md")) as f:
            text = f.read()
    except OSError:
        return [missing(burst_target), missing(connect_target)]
    sockets = re.search(r"One instance, (\d+) dashboard sockets", text)
    connect = re.search(r"\| connect [^|]*\| [\d.]+ / ([\d.]+) / [\d.]+ / [\d.]+ ms", text)
    delivery = re.search(r"\| delivery [^|]*\| \d+ / \d+ / (\d+) / \d+ ms", text)
    delivered = re.search(r"\| burst: [^|]*\| (\d+) of (\d+)", text)
    n = f"{int(sockets.group(1)):,} sockets" if sockets else "? sockets"
    lines = []
    if delivery and delivered:
        p99 = float(delivery.group(1))
        complete = delivered.group(1) == delivered.group(2)
        lines.append(Line(f"{burst_target} ({n})",
                          f"{p99:.0f} ms, {delivered.group(1)} of {delivered.group(2)} delivered",
                          p99 < 250 and complete))
    else:
        lines.append(missing(burst_target))
    if connect:
        p95 = float(connect.group(1))
        lines.append(Line(f"{connect_target} ({n})", f"{p95:.1f} ms", p95 < 20))
    else:
        lines.append(missing(connect_target))
    return lines


def big_table_lines(folder: str) -> list[Line]:
    lines = []
    for backend, label in BACKENDS.items():
        preload = load(os.path.join(folder, f"preload-{backend}.json")) or {}
        queries = preload.get("queries", {})
        rows = f"{preload.get('rows', 1_000_000):,}"
        for kind, limit in (("list and filter", 30), ("search", 50)):
            target = f"{rows} complaints, {label}: {kind} p95 < {limit} ms"
            chosen = {n: q for n, q in queries.items()
                      if (query_limit_ms(n) == 50) == (kind == "search") and q["p95"] is not None}
            if not chosen:
                lines.append(missing(target))
                continue
            name, worst = max(chosen.items(), key=lambda item: float(item[1]["p95"]))
            ok = all(200 in q["statuses"] and len(q["statuses"]) == 1 for q in chosen.values())
            lines.append(Line(target, f"worst p95 {worst['p95']} ms ({name})"
                                      + ("" if ok else ", some calls not 200"),
                              worst["p95"] < limit and ok))
    return lines


def startup_lines(folder: str) -> list[Line]:
    target = "start-up to a ready /health/ready, embedded: < 3 s"
    result = load(os.path.join(folder, "startup.json"))
    if not result:
        return [missing(target)]
    return [Line(target, f"median {result['median_s']} s of {len(result['restarts_s'])} restarts "
                         f"({', '.join(map(str, result['restarts_s']))}); first start on an "
                         f"empty folder {result['first_start_s']} s; CPU to ready, median "
                         f"{result.get('cpu_median_s', '?')} s", result["median_s"] < 3)]


def target_lines(folder: str) -> list[str]:
    lines = (throughput_lines(folder) + scenario_lines(folder) + photo_lines(folder)
             + socket_lines(folder) + big_table_lines(folder) + startup_lines(folder))
    met = sum(1 for line in lines if line.met)
    judged_count = sum(1 for line in lines if line.met is not None)
    return [
        "## Issue 19 targets",
        "",
        f"{met} of {judged_count} measured targets met. Ratio: the figure as a share of the "
        "ceiling measured in the same pass (for p99, the ceiling's p99 over the figure).",
        "",
        "| Target | Measured | Ceiling (same pass) | Ratio | Verdict |",
        "|---|---|---|---|---|",
        *(line.row() for line in lines),
        "",
    ]
