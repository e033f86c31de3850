"""Before the run: accounts, and the database topped up to a realistic volume through the API."""

import logging
import os
import random
import time
from typing import Any

import requests
from gevent.pool import Pool

from . import contract
from .accounts import (SetupFailed, TokenCache, admin_password, http_session, login,
                       staff_account, test_email)
from .catalog import API, complaint_body, first_step_forward
from .context import RunContext, Staff
from .options import RunOptions

log = logging.getLogger("complaints-load")

# Where seeded complaints end up, with their share: about 30 % new and unassigned (the rest),
# 15 % assigned, 25 % in progress, 20 % resolved, 10 % closed.
FATES = [(0.15, "reported"), (0.40, "in_progress"), (0.60, "resolved"), (0.70, "closed")]


def prepare(host: str, options: RunOptions, run: RunContext) -> None:
    """Logs in, makes the staff accounts, seeds; `run` then belongs to `host`."""
    cache = TokenCache(options.token_cache)
    email = os.environ.get("COMPLAINTS_ADMIN_EMAIL") or "admin@localhost"
    password = admin_password()
    if not password:
        raise SetupFailed("set COMPLAINTS_ADMIN_EMAIL and COMPLAINTS_ADMIN_PASSWORD "
                          "(the service's own variables)")
    service_token = os.environ.get("COMPLAINTS_SERVICE_TOKEN") or None
    if not service_token:
        log.warning("COMPLAINTS_SERVICE_TOKEN is not set: "
                    "the reporter bot submits with an admin token")
    with http_session() as s:
        admin_token = login(s, host, email, password, cache).token
        run.staff = Staff(
            admin_token=admin_token,
            service_token=service_token,
            admins=[staff_account(s, host, admin_token, test_email("admin", i), "admin", cache)
                    for i in range(2)],
            porters=[staff_account(s, host, admin_token, test_email("porter", i), "porter", cache)
                     for i in range(options.porters)],
        )
        cache.save()
        seed(s, host, options.seed_complaints, run)
    run.host = host


def seed(s: requests.Session, host: str, want: int, run: RunContext) -> None:
    """Tops the database up to `want` complaints in a realistic spread of statuses and assignees."""
    auth = {"Authorization": f"Bearer {run.staff.admin_token}"}
    r = s.get(f"{host}{API}", params={"page_size": 100}, headers=auth, timeout=30)
    r.raise_for_status()
    page = r.json()
    if page["items"]:
        try:
            contract.check(page["items"][0])
        except contract.ContractMissing as e:
            raise SetupFailed(str(e)) from e
    run.known.extend(item["id"] for item in page["items"])
    # Beyond the server's count cap, total is a lower bound: enough when the bound already is.
    missing = want - page["total"]
    if not page.get("total_exact", True) and missing > 0:
        log.info("more than %d complaints present, seeding %d more", page["total"], missing)
    if missing <= 0:
        log.info("%d complaints already present, no seeding needed", page["total"])
        return
    log.info("seeding %d complaints through the API", missing)
    submitter = {"Authorization": f"Bearer {run.staff.submitter_token}"}
    residents = [str(5_000_000_000 + i) for i in range(1000)]
    porter_ids = [p.id for p in run.staff.porters]
    started = time.time()
    failures: list[Exception] = []

    def submit_one() -> None:
        r = s.post(f"{host}{API}/submit", json=complaint_body(random.choice(residents)),
                   headers=submitter, timeout=30)
        if r.status_code != 201:
            raise RuntimeError(f"seeding submit failed: {r.status_code} {r.text[:200]}")
        created = r.json()
        contract.check(created)
        cid = created["id"]
        run.known.append(cid)
        run.created.append(cid)
        fate = random.random()
        target = next((status for share, status in FATES if fate < share), None)
        if target is None:
            return
        complaint = change(cid, {"assigned_porter_id": random.choice(porter_ids)})
        while complaint["status"] != target:
            step = first_step_forward(complaint["status"],
                                      contract.allowed_transitions(complaint))
            if step is None:
                raise RuntimeError(f"seeding cannot move {cid} from {complaint['status']} "
                                   f"towards {target}: the server allows no step forward")
            complaint = change(cid, {"status": step})

    def change(cid: str, step: dict[str, Any]) -> dict[str, Any]:
        r = s.patch(f"{host}{API}/{cid}", json=step, headers=auth, timeout=30)
        if r.status_code != 200:
            raise RuntimeError(f"seeding change failed: {r.status_code} {r.text[:200]}")
        answer: dict[str, Any] = r.json()
        return answer

    def one(_: int) -> None:
        if failures:
            return
        try:
            submit_one()
        except (RuntimeError, requests.RequestException, contract.ContractMissing) as e:
            failures.append(e)

    Pool(8).map(one, range(missing))
    if failures:
        if isinstance(failures[0], contract.ContractMissing):
            raise SetupFailed(str(failures[0])) from failures[0]
        raise SetupFailed(f"seeding stopped after {time.time() - started:.0f}s: {failures[0]} "
                          f"(the service stopped answering or refused the data)")
    log.info("seeded %d complaints in %.1fs", missing, time.time() - started)
