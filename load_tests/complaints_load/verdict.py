"""After the run: the scenario's targets, judged on Locust's figures, and the printed verdict."""

import json
from typing import Any

from locust.env import Environment
from locust.stats import RequestStats

from .context import RunContext
from .integrity import Integrity
from .options import RunOptions
from .scenarios import MIN_SAMPLES, OWN_TARGET_P95, TARGETS

# Rows of honest contention and of graceful refusals: reported, never judged against a target.
GRACEFUL = ("Retry-After]", "try again later]", "going away]", "[403]", "[404]", "[412]")


def judge(stats: RequestStats, options: RunOptions, run: RunContext) -> dict[str, Any]:
    targets = TARGETS[options.targets_name][options.scenario]
    failures: list[str] = []
    rows = []
    # Event deliveries are observations, not requests: they would dilute the error rate and inflate
    # the request rate, so the totals count requests (HTTP and socket connects) only.
    requests_only = [e for e in stats.entries.values() if not e.name.endswith("event delay")]
    num_requests = sum(e.num_requests for e in requests_only)
    num_failures = sum(e.num_failures for e in requests_only)
    request_rps = sum(e.total_rps for e in requests_only)
    error_rate = num_failures / num_requests if num_requests else 0.0
    five_xx = sum(e.occurrences for e in stats.errors.values() if str(e.error).startswith("5"))
    timeouts = sum(e.occurrences for e in stats.errors.values()
                   if "timeout" in str(e.error).lower() or str(e.error).startswith("0"))
    for entry in sorted(stats.entries.values(), key=lambda e: (e.name, e.method)):
        key = f"{entry.method} {entry.name}"
        row = {
            "endpoint": key, "requests": entry.num_requests, "failures": entry.num_failures,
            "rps": round(entry.total_rps, 1), "p50": entry.get_response_time_percentile(0.5),
            "p95": entry.get_response_time_percentile(0.95),
            "p99": entry.get_response_time_percentile(0.99),
            "max": round(entry.max_response_time or 0),
        }
        rows.append(row)
        if entry.name.endswith(GRACEFUL) or entry.num_requests < MIN_SAMPLES:
            continue
        p95, p99 = targets.get("p95"), targets.get("p99")
        if p95:
            limit = max(p95, OWN_TARGET_P95.get(key, 0))
            if row["p95"] > limit:
                failures.append(f"{key}: p95 {row['p95']} ms over {limit} ms")
        if p99 and row["p99"] > p99 and key not in OWN_TARGET_P95:
            failures.append(f"{key}: p99 {row['p99']} ms over {p99} ms")
    errors = targets["errors"]
    if error_rate > errors or (errors == 0 and num_failures):
        failures.append(f"error rate {error_rate:.3%} over {errors:.1%}")
    if targets.get("no_5xx") and (five_xx or timeouts):
        failures.append(f"{five_xx} server errors and {timeouts} timeouts "
                        "(only 429/503 with Retry-After are graceful)")
    rejected = sum(run.rejected.values())
    return {
        "scenario": options.scenario, "targets": options.targets_name,
        "requests": num_requests, "failures": num_failures, "error_rate": error_rate,
        "rps": round(request_rps, 1), "graceful_rejections": rejected,
        "rejection_rate": rejected / num_requests if num_requests else 0.0,
        "events_received": stats.total.num_requests - num_requests,
        "rejections": {f"{k[0]} {k[1]}": v for k, v in run.rejected.items()},
        "server_errors": five_xx, "timeouts": timeouts, "endpoints": rows,
        "threshold_failures": failures,
    }


def integrity_failed(integrity: Integrity) -> str | None:
    if integrity["ok"]:
        return None
    return "data integrity: " + "; ".join(integrity.get("problems", [])[:5])


def report(environment: Environment, options: RunOptions, verdict: dict[str, Any]) -> None:
    """Prints the verdict, writes it as JSON when asked, and sets the exit code: 1 on any miss."""
    print(f"\n== {verdict['scenario']} scenario against {verdict['targets']} targets: "
          f"{verdict['requests']} requests, {verdict['rps']} req/s, "
          f"error rate {verdict['error_rate']:.3%}, "
          f"graceful 429/503 {verdict['graceful_rejections']}")
    if "integrity" in verdict:
        i = verdict["integrity"]
        print(f"== integrity: {i.get('found_once', 0)}/{i.get('acknowledged', 0)} acknowledged "
              f"submissions stored exactly once, {i.get('histories_replayed', 0)} histories "
              f"replayed: {'OK' if i['ok'] else 'FAILED'}")
    for failure in verdict["threshold_failures"]:
        print(f"== FAIL {failure}")
    print("== PASS" if not verdict["threshold_failures"] else "== thresholds missed: exit code 1")
    if options.summary_json:
        with open(options.summary_json, "w", encoding="utf-8") as f:
            json.dump(verdict, f, indent=2, default=str)
    environment.process_exit_code = 1 if verdict["threshold_failures"] else 0
