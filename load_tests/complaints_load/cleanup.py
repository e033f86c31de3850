"""After the run: remove what the run made, so that a load test against someone's own instance
leaves neither fake complaints nor staff accounts behind (--keep-data skips it)."""

import logging
from typing import Any, TypedDict

import requests
from gevent.pool import Pool

from . import contract
from .accounts import http_session
from .catalog import API, first_step_forward
from .context import RunContext

log = logging.getLogger("complaints-load")

# The service purges at most this many named complaints per request.
PURGE_BATCH = 500


class Cleanup(TypedDict):
    complaints_created: int
    complaints_removed: int
    accounts_created: int
    accounts_removed: int
    accounts_kept: list[str]
    problems: list[str]


def clean_up(host: str, run: RunContext) -> Cleanup:
    """Closes and purges the complaints the run created, then deactivates and removes its accounts.
    An account that acted on complaints the run did not create keeps that history: it stays,
    deactivated, and is named in the result."""
    created = list(dict.fromkeys(run.created + [a.id for a in run.acknowledged]))
    result: Cleanup = {"complaints_created": len(created), "complaints_removed": 0,
                       "accounts_created": len(run.staff.admins) + len(run.staff.porters),
                       "accounts_removed": 0, "accounts_kept": [], "problems": []}
    auth = {"Authorization": f"Bearer {run.staff.admin_token}"}
    with http_session() as s:
        failures: list[str] = []

        def close(cid: str) -> None:
            try:
                close_one(s, host, auth, cid)
            except (RuntimeError, requests.RequestException, contract.ContractMissing) as e:
                failures.append(f"{cid}: {e}")

        Pool(8).map(close, created)
        result["problems"].extend(failures[:5])
        for start in range(0, len(created), PURGE_BATCH):
            batch = created[start:start + PURGE_BATCH]
            r = s.delete(f"{host}/api/v1/admin/purge", json={"complaint_ids": batch},
                         headers=auth, timeout=120)
            if r.status_code != 200:
                result["problems"].append(f"purge answered {r.status_code} {r.text[:200]}")
                continue
            result["complaints_removed"] += int(r.json()["deleted_count"])
        for account in run.staff.admins + run.staff.porters:
            outcome = remove_account(s, host, auth, account.id)
            if outcome is None:
                result["accounts_removed"] += 1
            else:
                result["accounts_kept"].append(f"{account.id} ({outcome})")
    return result


def close_one(s: requests.Session, host: str, auth: dict[str, str], cid: str) -> None:
    """Moves a complaint forward to a finished status, as the admin may, so that purge takes it."""
    r = s.get(f"{host}{API}/{cid}", headers=auth, timeout=30)
    if r.status_code == 404:
        return
    r.raise_for_status()
    complaint: dict[str, Any] = r.json()
    while complaint["status"] not in ("resolved", "closed"):
        step = first_step_forward(complaint["status"], contract.allowed_transitions(complaint))
        if step is None:
            raise RuntimeError(f"cannot move it on from {complaint['status']}")
        r = s.patch(f"{host}{API}/{cid}", json={"status": step}, headers=auth, timeout=30)
        if r.status_code != 200:
            raise RuntimeError(f"moving it to {step} answered {r.status_code}")
        complaint = r.json()


def remove_account(s: requests.Session, host: str, auth: dict[str, str],
                   staff_id: str) -> str | None:
    """Deactivates and removes an account; answers why it stays, or None when it is gone."""
    r = s.patch(f"{host}/api/v1/staff/{staff_id}", json={"active": False}, headers=auth,
                timeout=30)
    if r.status_code == 404:
        return None
    if r.status_code != 200:
        return f"deactivation answered {r.status_code}"
    r = s.delete(f"{host}/api/v1/staff/{staff_id}", headers=auth, timeout=30)
    if r.status_code in (204, 404):
        return None
    try:
        detail = str(r.json().get("detail", ""))
    except ValueError:
        detail = r.text[:200]
    return f"deactivated, not removed: {r.status_code} {detail}"


def print_cleanup(result: Cleanup) -> None:
    print(f"== cleanup: {result['complaints_removed']}/{result['complaints_created']} complaints "
          f"the run created removed, {result['accounts_removed']}/{result['accounts_created']} "
          f"staff accounts removed")
    for kept in result["accounts_kept"]:
        print(f"== cleanup: account {kept}")
    for problem in result["problems"]:
        print(f"== cleanup problem: {problem}")
