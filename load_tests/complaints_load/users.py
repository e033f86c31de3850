"""The simulated users that speak HTTP: the reporter bot, porters, the office and monitoring.
The dashboard, which holds a socket, is in `dashboard`."""

import collections
import os
import random
import uuid
from collections.abc import Callable
from typing import Any, ClassVar

import gevent
from locust import FastHttpUser, constant, task
from locust.contrib.fasthttp import ResponseContextManager

from . import contract
from .catalog import (API, BOUNDARY, CATEGORIES, HOSTELS, SEARCH_WORDS, SEVERITIES, STATUSES,
                      complaint_body, is_forward, multipart)
from .context import Acknowledged, RunContext

Complaint = dict[str, Any]


class ApiUser(FastHttpUser):
    abstract = True
    connection_timeout = 10.0
    network_timeout = 10.0
    # Bound by the entry point before the run: one context per Locust process.
    run_context: ClassVar[RunContext]
    token: str

    def call(self, method: str, path: str, name: str, ok: tuple[int, ...] = (200,),
             expected: tuple[int, ...] = (), check: Callable[[Any], None] | None = None,
             **kwargs: Any) -> ResponseContextManager:
        """One request. `expected` lists statuses that are a normal outcome of contention (lost a
        race, stale version): they get their own row and do not count as errors. A 429 or 503 with
        Retry-After is the service shedding load on purpose: its own row too, counted as graceful.
        `check` validates the body of an `ok` answer; what it raises marks the request failed."""
        headers = kwargs.pop("headers", {})
        headers.setdefault("Authorization", f"Bearer {self.token}")
        with self.client.request(method, path, name=name, headers=headers, catch_response=True,
                                 **kwargs) as r:
            assert isinstance(r, ResponseContextManager)
            if r.status_code in ok:
                try:
                    if check:
                        check(r.json())
                    r.success()
                except (ValueError, TypeError, contract.ContractMissing) as e:
                    r.failure(str(e))
            elif r.status_code in expected:
                r.request_meta["name"] = f"{name} [{r.status_code}]"
                r.success()
            elif r.status_code in (429, 503) and r.headers and r.headers.get("Retry-After"):
                self.run_context.rejected[(f"{method} {name}", r.status_code)] += 1
                r.request_meta["name"] = f"{name} [{r.status_code} Retry-After]"
                r.success()
            else:
                detail = ((r.text or "")[:160] if r.status_code
                          else str(getattr(r, "error", "no answer")))
                r.failure(f"{r.status_code} {detail}")
            return r

    def body(self, r: ResponseContextManager) -> Any:
        try:
            return r.json() if r.status_code in (200, 201) else None
        except ValueError:
            return None

    def read(self, cid: str,
             expected: tuple[int, ...] = ()) -> tuple[ResponseContextManager, Complaint | None]:
        """A complaint to act on: None unless it was read and says what the caller may do."""
        r = self.call("GET", f"{API}/{cid}", f"{API}/[id]", expected=expected, check=contract.check)
        complaint = self.body(r)
        try:
            if complaint is not None:
                contract.check(complaint)
        except contract.ContractMissing:
            return r, None
        return r, complaint

    def list_page(self, params: dict[str, Any]) -> list[Complaint] | None:
        """One page of the list, under the row `[list]`; None when it could not be read."""
        page = self.body(self.call("GET", API, f"{API} [list]", params=params))
        return list(page["items"]) if page else None


def if_match(r: ResponseContextManager) -> dict[str, str]:
    return {"If-Match": (r.headers.get("ETag") if r.headers else None) or "*"}


class ReporterBot(ApiUser):
    """The chat bot: many residents behind one service token."""

    weight = 3

    def on_start(self) -> None:
        self.token = self.run_context.staff.submitter_token
        self.mine: collections.deque[str] = collections.deque(maxlen=50)

    @task(5)
    def submit(self) -> None:
        resident = random.choice(self.run_context.telegram_ids)
        mark = self.run_context.marker()
        body = complaint_body(resident, mark)
        key = str(uuid.uuid4())
        for _ in range(3):
            r = self.call("POST", f"{API}/submit", f"{API}/submit", ok=(200, 201),
                          json=body, headers={"Idempotency-Key": key})
            created = self.body(r)
            if created:
                self.run_context.acknowledged.append(Acknowledged(created["id"], resident, mark))
                self.run_context.known.append(created["id"])
                self.mine.append(created["id"])
                if random.random() < 0.2:
                    self.call("POST", f"{API}/{created['id']}/photos", f"{API}/[id]/photos",
                              ok=(201,), data=multipart(self.run_context.photo),
                              headers={"Content-Type": f"multipart/form-data; boundary={BOUNDARY}"})
                return
            # A real bot retries a lost or refused answer with the same key; the server must not
            # store the complaint twice.
            if r.status_code not in (0, 429, 502, 503, 504):
                return
            retry_after = float((r.headers.get("Retry-After") if r.headers else None) or 1)
            gevent.sleep(min(retry_after, 2.0))

    @task(3)
    def my_complaints(self) -> None:
        resident = random.choice(self.run_context.telegram_ids)
        self.call("GET", API, f"{API} [telegram_user_id]",
                  params={"telegram_user_id": resident, "page_size": 10})

    @task(2)
    def one_of_mine(self) -> None:
        if self.mine:
            self.call("GET", f"{API}/{random.choice(self.mine)}", f"{API}/[id]")


class Porter(ApiUser):
    """A porter on a phone: their queue, the unassigned pool, take one, work it."""

    weight = 4

    def on_start(self) -> None:
        self.id, self.token = random.choice(self.run_context.staff.porters)
        self.own: list[str] = []
        self.pool: list[str] = []

    @task(4)
    def my_list(self) -> None:
        items = self.list_page({"assigned_porter_id": self.id, "page_size": 20})
        if items is not None:
            self.own = [c["id"] for c in items if c["status"] != "closed"]

    @task(3)
    def open_pool(self) -> None:
        items = self.list_page({"status": "reported", "page_size": 20})
        if items is not None:
            self.pool = [c["id"] for c in items if c["assigned_porter_id"] is None]
            self.run_context.known.extend(c["id"] for c in items)

    @task(3)
    def view(self) -> None:
        if self.own:
            # The office may have given it to someone else since this porter's list was read.
            self.call("GET", f"{API}/{random.choice(self.own)}", f"{API}/[id]", expected=(404,))

    @task(2)
    def take(self) -> None:
        if not self.pool:
            return
        cid = self.pool.pop(random.randrange(len(self.pool)))
        r, current = self.read(cid, expected=(404,))
        if not current or not contract.can_assign(current):
            return
        # Another porter may take it between the read and the write: If-Match turns that into a
        # 412, and a complaint already taken is a 403 or, once out of sight, a 404.
        r = self.call("PATCH", f"{API}/{cid}/assign", f"{API}/[id]/assign",
                      expected=(403, 404, 412), json={"assigned_porter_id": self.id},
                      headers=if_match(r))
        if r.status_code == 200:
            self.run_context.changed.add(cid)
            self.own.append(cid)

    @task(3)
    def work(self) -> None:
        if not self.own:
            return
        cid = random.choice(self.own)
        r, current = self.read(cid, expected=(404,))
        if not current:
            return
        # A porter works a job forward and now and then hands it back instead; a move back
        # alone (reopening finished work) is not the porter's to make.
        moves = contract.allowed_transitions(current)
        forward = [m for m in moves if is_forward(current["status"], m)]
        if not forward:
            return
        back = [m for m in moves if m not in forward]
        target = random.choice(forward * 4 + back)
        # A hold needs its reason, as in the dashboard.
        body = {"status": target, "reason": "Waiting for parts"} if target == "on_hold" else {
            "status": target}
        r = self.call("PATCH", f"{API}/{cid}/status", f"{API}/[id]/status", expected=(412,),
                      json=body, headers=if_match(r))
        if r.status_code == 200:
            self.run_context.changed.add(cid)


class Admin(ApiUser):
    """The office: filtered and searched lists, details, assigning, closing, statistics."""

    weight = 2

    def on_start(self) -> None:
        self.id, self.token = random.choice(self.run_context.staff.admins)

    @task(5)
    def filtered_list(self) -> None:
        params: dict[str, Any] = {"page_size": 20, "page": random.choice([1, 1, 1, 2, 3])}
        for name, values in [("status", STATUSES), ("hostel", HOSTELS),
                             ("category", CATEGORIES), ("severity", SEVERITIES)]:
            if random.random() < 0.35:
                params[name] = random.choice(values)
        self.run_context.known.extend(c["id"] for c in self.list_page(params) or [])

    @task(2)
    def search(self) -> None:
        self.call("GET", API, f"{API} [search]",
                  params={"q": random.choice(SEARCH_WORDS), "page_size": 20})

    @task(3)
    def detail(self) -> None:
        if not self.run_context.known:
            return
        cid = random.choice(self.run_context.known)
        self.call("GET", f"{API}/{cid}", f"{API}/[id]", expected=(404,))
        self.call("GET", f"{API}/{cid}/photos", f"{API}/[id]/photos", expected=(404,))
        self.call("GET", f"{API}/{cid}/history", f"{API}/[id]/history", expected=(404,))

    @task(2)
    def assign(self) -> None:
        free = [c for c in self.list_page({"status": "reported", "page_size": 20}) or []
                if c["assigned_porter_id"] is None]
        if not free:
            return
        cid = random.choice(free)["id"]
        r, current = self.read(cid)
        if not current or not contract.can_assign(current):
            return
        # Porters take complaints at the same time; If-Match keeps the office from overriding one.
        r = self.call("PATCH", f"{API}/{cid}/assign", f"{API}/[id]/assign", expected=(412,),
                      json={"assigned_porter_id": random.choice(self.run_context.staff.porters).id},
                      headers=if_match(r))
        if r.status_code == 200:
            self.run_context.changed.add(cid)

    @task(1)
    def close(self) -> None:
        resolved = self.list_page({"status": "resolved", "page_size": 20})
        if not resolved:
            return
        cid = random.choice(resolved)["id"]
        r, current = self.read(cid)
        if not current or "closed" not in contract.allowed_transitions(current):
            return
        r = self.call("PATCH", f"{API}/{cid}/status", f"{API}/[id]/status", expected=(412,),
                      json={"status": "closed"}, headers=if_match(r))
        if r.status_code == 200:
            self.run_context.changed.add(cid)

    @task(1)
    def statistics(self) -> None:
        # The dashboard's counters, charts and socket count.
        self.call("GET", f"{API}/counts", f"{API}/counts")
        self.call("GET", f"{API}/stats", f"{API}/stats", params={"days": 30})
        self.call("GET", "/api/v1/websocket/stats", "/api/v1/websocket/stats")


class Monitoring(ApiUser):
    """A Prometheus scrape and a load-balancer health check, at their usual pace."""

    fixed_count = 1
    wait_time = constant(5)

    def on_start(self) -> None:
        self.token = self.run_context.staff.admin_token
        # Through a proxy /metrics answers only its own token (the service's variable), as a
        # Prometheus outside the instances' network would send it.
        metrics_token = os.environ.get("COMPLAINTS_OBSERVABILITY_METRICS_TOKEN", "")
        self.scrape_headers = {"Authorization": f"Bearer {metrics_token}"} if metrics_token else {}

    @task
    def scrape(self) -> None:
        self.call("GET", "/metrics", "/metrics", headers=dict(self.scrape_headers))
        self.call("GET", "/health", "/health")
