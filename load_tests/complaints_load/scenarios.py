"""User mix, pace and pass/fail targets of each scenario."""

from typing import TypedDict


class Scenario(TypedDict):
    weights: dict[str, int]  # by user role: bot, porter, admin, dashboard
    wait: tuple[float, float]  # think time between tasks, seconds


class Targets(TypedDict, total=False):
    p95: int  # ms, every endpoint
    p99: int | None  # ms, every endpoint
    errors: float  # highest error rate
    no_5xx: bool  # no server error and no timeout at all


# "mixed" is what the guide's plain commands run.
SCENARIOS: dict[str, Scenario] = {
    "mixed": {"weights": {"bot": 3, "porter": 4, "admin": 2, "dashboard": 1}, "wait": (1.0, 4.0)},
    "normal": {"weights": {"bot": 1, "porter": 5, "admin": 3, "dashboard": 1}, "wait": (1.0, 3.0)},
    "high": {"weights": {"bot": 6, "porter": 3, "admin": 2, "dashboard": 1}, "wait": (0.2, 1.0)},
    "stress": {"weights": {"bot": 6, "porter": 3, "admin": 2, "dashboard": 1}, "wait": (0.0, 0.2)},
}

# "guide" is the published guide's scenario ceilings (what CI holds the service to on a shared
# machine); "strict" is the targets for this 2-core machine, tighter than every
# per-request target of the guide (submission 300 ms, list 200 ms, status update 150 ms,
# WebSocket connection 100 ms), used by the benchmark (--strict).
TARGETS: dict[str, dict[str, Targets]] = {
    "guide": {
        "mixed": {"p95": 500, "errors": 0.01},
        "normal": {"p95": 500, "errors": 0.01},
        "high": {"p95": 1000, "errors": 0.01},
        "stress": {"p99": None, "errors": 0.05, "no_5xx": True},
    },
    "strict": {
        "mixed": {"p95": 50, "errors": 0.0},
        "normal": {"p95": 50, "errors": 0.0},
        "high": {"p95": 100, "errors": 0.001},
        "stress": {"p99": 1000, "errors": 0.0, "no_5xx": True},
    },
}

# Requests whose cost is not the API's: photo processing and the time an event travels.
OWN_TARGET_P95 = {"POST /api/v1/complaints/[id]/photos": 2000, "WS /ws/dashboard event delay": 1000}

# A p95 of a handful of samples is one slow request; below this many a row is reported, not judged.
MIN_SAMPLES = 20
