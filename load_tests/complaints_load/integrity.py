"""After the run: is the data the run wrote intact?"""

import collections
import random
from typing import Any, TypedDict

import requests
from gevent.pool import Pool

from . import contract
from .accounts import http_session
from .catalog import API, STATUSES
from .context import RunContext


class Integrity(TypedDict, total=False):
    acknowledged: int
    found_once: int
    stored_without_acknowledgement: int
    histories_replayed: int
    steps_not_judged: int
    problems: list[str]
    ok: bool


def learn_moves(s: requests.Session, host: str, admin: dict[str, str],
                problems: list[str]) -> dict[str, set[str]]:
    """The status machine as the server states it: an admin may make every move the rules allow,
    so what the server offers an admin on a complaint in each status is that status's moves."""
    moves: dict[str, set[str]] = {}
    for status in STATUSES:
        params: dict[str, str | int] = {"status": status, "page_size": 1}
        r = s.get(f"{host}{API}", params=params, headers=admin, timeout=60)
        if r.status_code != 200:
            problems.append(f"listing status {status}: {r.status_code}")
            continue
        items = r.json()["items"]
        if items:
            moves[status] = set(contract.allowed_transitions(items[0]))
    return moves


def verify_integrity(host: str, sample: int, run: RunContext) -> Integrity:
    """Every acknowledged submission is stored exactly once, and every complaint this run touched
    is in a known status that its history explains step by step, each step one the server allows."""
    problems: list[str] = []
    auth = {"Authorization": f"Bearer {run.staff.submitter_token}"}
    admin = {"Authorization": f"Bearer {run.staff.admin_token}"}
    by_resident: dict[str, list[tuple[str, str]]] = collections.defaultdict(list)
    for ack in run.acknowledged:
        by_resident[ack.telegram_user_id].append((ack.id, ack.marker))
    seen: collections.Counter[str] = collections.Counter()
    stored_id: dict[str, str] = {}
    s = http_session()
    prefix = run.marker_prefix

    def collect(resident: str) -> None:
        # Cursor paging: a page after a position, so complaints landing meanwhile shift nothing.
        after = None
        while True:
            params: dict[str, str | int] = {"telegram_user_id": resident, "page_size": 100}
            if after:
                params["after"] = after
            r = s.get(f"{host}{API}", params=params, headers=auth, timeout=60)
            if r.status_code != 200:
                problems.append(f"listing resident {resident}: {r.status_code}")
                return
            body = r.json()
            for item in body["items"]:
                if prefix in item["description"]:
                    mark = item["description"][item["description"].index(prefix):]
                    mark = mark[: mark.index("]") + 1]
                    seen[mark] += 1
                    stored_id[mark] = item["id"]
            after = body.get("next_cursor")
            if not after:
                return

    Pool(8).map(collect, list(by_resident))
    acknowledged_marks = {ack.marker: ack.id for ack in run.acknowledged}
    missing = [m for m in acknowledged_marks if seen[m] == 0]
    duplicated = [m for m in acknowledged_marks if seen[m] > 1]
    wrong_id = [m for m, cid in acknowledged_marks.items() if seen[m] == 1 and stored_id[m] != cid]
    unacknowledged = [m for m in seen if m not in acknowledged_marks]
    for label, items in [("missing", missing), ("stored more than once", duplicated),
                         ("stored under another id", wrong_id)]:
        if items:
            problems.append(f"{len(items)} acknowledged submissions {label}, e.g. {items[:3]}")

    moves = learn_moves(s, host, admin, problems)
    not_judged: list[str] = []
    touched = list(run.changed) + [ack.id for ack in run.acknowledged]
    random.shuffle(touched)
    touched = list(dict.fromkeys(touched))[:sample]

    def replay(cid: str) -> None:
        c = s.get(f"{host}{API}/{cid}", headers=admin, timeout=60)
        h = s.get(f"{host}{API}/{cid}/history", headers=admin, timeout=60)
        if c.status_code != 200 or h.status_code != 200:
            problems.append(f"{cid}: read failed {c.status_code}/{h.status_code}")
            return
        complaint, history = c.json(), h.json()
        problems.extend(replay_problems(cid, complaint, history, moves, not_judged))

    Pool(8).map(replay, touched)
    return {
        "acknowledged": len(acknowledged_marks),
        "found_once": sum(1 for m in acknowledged_marks if seen[m] == 1),
        "stored_without_acknowledgement": len(unacknowledged),
        "histories_replayed": len(touched),
        "steps_not_judged": len(not_judged),
        "problems": problems[:50],
        "ok": not problems,
    }


def replay_problems(cid: str, complaint: dict[str, Any], history: list[dict[str, Any]],
                    moves: dict[str, set[str]], not_judged: list[str]) -> list[str]:
    """What is wrong with one complaint's history: a step that does not start where the last one
    ended, a move the server does not allow, or an end that is not the complaint as it is."""
    problems = []
    status, assignee = None, None
    for entry in history:
        if entry["action"] == "created":
            status = entry["to"]
        elif entry["action"] == "status":
            if status is not None and entry["from"] == status and status not in moves:
                not_judged.append(f"{cid}: {status}->{entry['to']}")
            elif entry["from"] != status or entry["to"] not in moves.get(status or "", set()):
                problems.append(
                    f"{cid}: illegal step {entry['from']}->{entry['to']} after {status}")
            status = entry["to"]
        elif entry["action"] == "assignment":
            if entry["from"] != assignee:
                problems.append(f"{cid}: assignment from {entry['from']} but was {assignee}")
            assignee = entry["to"]
    if complaint["status"] not in STATUSES:
        problems.append(f"{cid}: unknown status {complaint['status']}")
    if status != complaint["status"] or assignee != complaint["assigned_porter_id"]:
        problems.append(f"{cid}: history ends at {status}/{assignee}, complaint is "
                        f"{complaint['status']}/{complaint['assigned_porter_id']}")
    return problems
