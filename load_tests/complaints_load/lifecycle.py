"""Locust's events wired to the run: prepare before, judge after. Owns the run context's life."""

import logging
import sys
from typing import Any

import gevent
import requests
from locust import between
from locust.env import Environment
from locust.event import Events

from .accounts import SetupFailed
from .cleanup import clean_up, print_cleanup
from .context import RunContext
from .integrity import Integrity, verify_integrity
from .options import RunOptions, add_options
from .scenarios import SCENARIOS
from .seeding import prepare
from .users import ApiUser
from .verdict import integrity_failed, judge, report

log = logging.getLogger("complaints-load")


class Lifecycle:
    """One run of one Locust process: `users` are the user classes by their role in a scenario's
    weights."""

    def __init__(self, run: RunContext, users: dict[str, type[ApiUser]]) -> None:
        self.run = run
        self.users = users

    def install(self, events: Events) -> None:
        events.init_command_line_parser.add_listener(add_options)
        events.init.add_listener(self.on_init)
        events.test_start.add_listener(self.on_test_start)
        events.quitting.add_listener(self.on_quitting)

    def apply_scenario(self, options: RunOptions) -> None:
        scenario = SCENARIOS[options.scenario]
        for role, cls in self.users.items():
            cls.weight = scenario["weights"][role]
            cls.wait_time = between(*scenario["wait"])
        log.info("scenario %s, targets %s", options.scenario, options.targets_name)

    def on_init(self, environment: Environment, **_: Any) -> None:
        options = RunOptions.of(environment.parsed_options)
        if options is None:
            return
        self.apply_scenario(options)
        # Headless runs set up before the clock starts, so seeding does not eat the run time; the
        # web UI sets up when its start button is pressed, against the host chosen there.
        if environment.host and (options.headless or options.autostart) and not options.worker:
            try:
                prepare(environment.host.rstrip("/"), options, self.run)
            except (SetupFailed, requests.RequestException) as e:
                log.error("cannot prepare the run: %s", e)
                sys.exit(1)

    def on_test_start(self, environment: Environment, **_: Any) -> None:
        options = RunOptions.of(environment.parsed_options)
        if options is None:
            return
        # The web UI may have changed the scenario since start-up.
        self.apply_scenario(options)
        if environment.host and self.run.host != environment.host.rstrip("/"):
            try:
                prepare(environment.host.rstrip("/"), options, self.run)
            except (SetupFailed, requests.RequestException) as e:
                log.error("cannot prepare the run: %s", e)
                if environment.runner is not None:
                    gevent.spawn(environment.runner.stop)

    def on_quitting(self, environment: Environment, **_: Any) -> None:
        options = RunOptions.of(environment.parsed_options)
        if options is None or options.worker or self.run.host is None:
            return
        verdict = judge(environment.stats, options, self.run)
        if options.verify_sample > 0 and self.run.acknowledged:
            integrity: Integrity
            try:
                integrity = verify_integrity(self.run.host, options.verify_sample, self.run)
            except Exception as e:  # the service may have gone away: a failure, not a crash
                integrity = {"ok": False, "problems": [f"integrity check could not run: {e}"]}
            verdict["integrity"] = integrity
            failed = integrity_failed(integrity)
            if failed:
                verdict["threshold_failures"].append(failed)
        report(environment, options, verdict)
        if options.keep_data:
            print("== cleanup skipped (--keep-data): the run's complaints and accounts stay")
            return
        try:
            print_cleanup(clean_up(self.run.host, self.run))
        except Exception as e:  # the results above stand; say loudly what was left behind
            log.error("cleanup failed: %s", e)
            print(f"== cleanup FAILED: {e}; the run's complaints and loadtest-* accounts may "
                  "remain")
            environment.process_exit_code = 1
