"""The test's own command-line options, and a typed view of them."""

from argparse import Namespace
from dataclasses import dataclass
from typing import Any

from .scenarios import SCENARIOS


def add_options(parser: Any, **_: Any) -> None:
    """Registered on Locust's `init_command_line_parser` (configargparse: options read env_var)."""
    parser.add_argument(
        "--scenario",
        choices=sorted(SCENARIOS),
        default="mixed",
        env_var="LOCUST_SCENARIO",
        include_in_web_ui=True,
        help="user mix, pace and targets: normal (50 users), high (200), stress (500), "
             "mixed (default)",
    )
    parser.add_argument(
        "--strict",
        action="store_true",
        default=False,
        env_var="LOCUST_STRICT",
        help="judge against the issue's targets for this machine instead of the guide's",
    )
    parser.add_argument(
        "--seed-complaints",
        type=int,
        default=1000,
        env_var="LOCUST_SEED_COMPLAINTS",
        help="top the database up to at least this many complaints before the run",
    )
    parser.add_argument("--porters", type=int, default=10, env_var="LOCUST_PORTERS",
                        help="porter accounts")
    parser.add_argument(
        "--verify-sample",
        type=int,
        default=300,
        env_var="LOCUST_VERIFY_SAMPLE",
        help="complaints whose history is replayed after the run (0 skips the integrity check)",
    )
    parser.add_argument(
        "--keep-data",
        action="store_true",
        default=False,
        env_var="LOCUST_KEEP_DATA",
        help="leave the complaints and staff accounts the run made (by default they are removed "
             "after the run; keep them only on a scratch instance)",
    )
    parser.add_argument("--summary-json", default="", env_var="LOCUST_SUMMARY_JSON",
                        help="write the verdict here as JSON")
    parser.add_argument(
        "--token-cache",
        default="",
        env_var="LOCUST_TOKEN_CACHE",
        help="file that keeps staff tokens between runs (logins are rate-limited per address)",
    )


@dataclass(frozen=True)
class RunOptions:
    scenario: str
    strict: bool
    seed_complaints: int
    porters: int
    verify_sample: int
    summary_json: str
    token_cache: str
    keep_data: bool
    headless: bool
    autostart: bool
    worker: bool

    @property
    def targets_name(self) -> str:
        return "strict" if self.strict else "guide"

    @classmethod
    def of(cls, parsed: Namespace | None) -> "RunOptions | None":
        """Read afresh each time: the web UI changes the parsed options when a run starts."""
        if parsed is None:
            return None
        return cls(
            scenario=parsed.scenario,
            strict=bool(parsed.strict),
            seed_complaints=int(parsed.seed_complaints),
            porters=int(parsed.porters),
            verify_sample=int(parsed.verify_sample),
            summary_json=parsed.summary_json or "",
            token_cache=parsed.token_cache or "",
            keep_data=bool(getattr(parsed, "keep_data", False)),
            headless=bool(parsed.headless),
            autostart=bool(getattr(parsed, "autostart", False)),
            worker=bool(parsed.worker),
        )
