"""Load test of the Complaint Management System, written for Debian's Locust (python3-locust 2.12).

Users behave like the real ones: the reporter bot (service token), porters, admins, dashboards
holding a WebSocket, and a monitoring scraper. Before the run it creates its own staff accounts and
tops the database up to a realistic volume through the API; after the run it checks the data it
wrote and the scenario's pass/fail targets, and exits non-zero when one is missed.

    cd load_tests && locust -f test_complaints_load.py --host=http://localhost:8000
    locust -f load_tests/test_complaints_load.py --host=http://localhost:8000 --headless -u 50 -r 5 -t 30s

Credentials come from the variables the service itself reads: COMPLAINTS_ADMIN_EMAIL,
COMPLAINTS_ADMIN_PASSWORD and COMPLAINTS_SERVICE_TOKEN. See README.md next to this file.
"""

import collections
import datetime
import json
import logging
import os
import random
import struct
import sys
import time
import uuid
import zlib

import gevent
import requests
import websocket
from gevent.pool import Pool
from locust import FastHttpUser, between, constant, events, task
from locust.exception import StopUser

log = logging.getLogger("complaints-load")

API = "/api/v1/complaints"
HOSTELS = ["block-a", "block-b", "block-c", "block-d"]
CATEGORIES = ["plumbing", "electrical", "carpentry", "pest", "metalworks", "other"]
SEVERITIES = ["low", "medium", "high"]
STATUSES = ["reported", "in_progress", "resolved", "closed"]
PROBLEMS = {
    "plumbing": ["Tap leaking since Monday", "Shower drain blocked", "No hot water in the bathroom"],
    "electrical": ["Ceiling light flickers", "Socket by the desk sparks", "Fan stopped working"],
    "carpentry": ["Wardrobe door hinge broken", "Bed frame slat cracked", "Window frame will not close"],
    "pest": ["Cockroaches in the kitchenette", "Bed bugs in the mattress", "Mice behind the cupboard"],
    "metalworks": ["Window grille loose", "Bunk ladder rail bent", "Door latch rusted shut"],
    "other": ["Corridor smells of damp", "Noticeboard fell off the wall", "Water stain on the ceiling"],
}
SEARCH_WORDS = ["leak", "light", "door", "window", "water", "broken", "socket", "bugs"]
LEGAL = {
    "reported": {"in_progress"},
    "in_progress": {"resolved", "reported"},
    "resolved": {"closed", "in_progress"},
    "closed": set(),
}
STAFF_PASSWORD = "LoadTest-Staff-2026"

# Wait times and user mix per scenario. "mixed" is what the guide's plain commands run.
SCENARIOS = {
    "mixed": {"weights": {"bot": 3, "porter": 4, "admin": 2, "dashboard": 1}, "wait": (1.0, 4.0)},
    "normal": {"weights": {"bot": 1, "porter": 5, "admin": 3, "dashboard": 1}, "wait": (1.0, 3.0)},
    "high": {"weights": {"bot": 6, "porter": 3, "admin": 2, "dashboard": 1}, "wait": (0.2, 1.0)},
    "stress": {"weights": {"bot": 6, "porter": 3, "admin": 2, "dashboard": 1}, "wait": (0.0, 0.2)},
}

# The targets of each scenario. "guide" is the published guide's scenario ceilings (what CI holds
# the service to on a shared machine); "strict" is the targets for this 2-core machine,
# tighter than every per-request target of the guide (submission 300 ms, list 200 ms, status update
# 150 ms, WebSocket connection 100 ms), used by the benchmark (--strict).
TARGETS = {
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


@events.init_command_line_parser.add_listener
def add_options(parser):
    parser.add_argument(
        "--scenario",
        choices=sorted(SCENARIOS),
        default="mixed",
        env_var="LOCUST_SCENARIO",
        include_in_web_ui=True,
        help="user mix, pace and targets: normal (50 users), high (200), stress (500), mixed (default)",
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
    parser.add_argument("--porters", type=int, default=10, env_var="LOCUST_PORTERS", help="porter accounts")
    parser.add_argument(
        "--verify-sample",
        type=int,
        default=300,
        env_var="LOCUST_VERIFY_SAMPLE",
        help="complaints whose history is replayed after the run (0 skips the integrity check)",
    )
    parser.add_argument(
        "--summary-json", default="", env_var="LOCUST_SUMMARY_JSON", help="write the verdict here as JSON"
    )
    parser.add_argument(
        "--token-cache",
        default="",
        env_var="LOCUST_TOKEN_CACHE",
        help="file that keeps staff tokens between runs (logins are rate-limited per address)",
    )


class SetupFailed(Exception):
    """The run cannot start: the service is unreachable or the credentials are wrong."""


class Shared:
    """What every simulated user shares: tokens obtained once per account, and what was written."""

    def __init__(self):
        self.host = None
        self.run_id = uuid.uuid4().hex[:8]
        self.admin_token = None
        self.service_token = None
        self.admins = []  # [(id, token)]
        self.porters = []  # [(id, token)]
        self.photos = False
        self.websocket = False
        self.websocket_stats = False
        self.stats = False
        self.metrics = False
        self.known = collections.deque(maxlen=5000)  # complaint ids seen by anyone
        self.acknowledged = []  # (id, telegram_user_id, marker) of every 201 to the bot
        self.changed = set()  # ids of complaints this run moved or assigned
        self.rejected = collections.Counter()  # (name, status) of graceful 429/503
        self.telegram_ids = [str(random.randint(6_000_000_000, 6_999_999_999)) for _ in range(300)]
        self.photo = b""
        self.counter = 0


# ---------------------------------------------------------------- set-up: accounts and data volume


def png(width, height):
    """A noisy RGB PNG, incompressible like a phone photo, built without an imaging library."""
    rnd = random.Random(7)
    raw = b"".join(b"\x00" + rnd.randbytes(width * 3) for _ in range(height))

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw, 1))
        + chunk(b"IEND", b"")
    )


shared = Shared()
shared.photo = png(480, 360)


def admin_password():
    """The configured password, or the one the embedded default printed and kept in its data folder."""
    if os.environ.get("COMPLAINTS_ADMIN_PASSWORD"):
        return os.environ["COMPLAINTS_ADMIN_PASSWORD"]
    here = os.path.dirname(os.path.abspath(__file__))
    for folder in [os.environ.get("COMPLAINTS_DATA_DIR", ""), "data", os.path.join(here, "..", "data")]:
        path = os.path.join(folder, "initial-admin-password") if folder else ""
        if path and os.path.isfile(path):
            with open(path, encoding="utf-8") as f:
                return f.read().strip()
    return None


def login(session, host, username, password, cache):
    key = f"{host} {username}"
    entry = cache.get(key)
    if entry and entry["expires_at"] > time.time() + 300:
        return entry["id"], entry["token"]
    for _ in range(5):
        r = session.post(f"{host}/auth/login-json", json={"username": username, "password": password}, timeout=30)
        if r.status_code == 429:
            # Logins are limited per client address; wait as told rather than fail the run.
            wait = int(r.headers.get("Retry-After", "10"))
            log.warning("login of %s rate-limited, waiting %ss", username, wait)
            time.sleep(min(wait, 65))
            continue
        if r.status_code != 200:
            raise SetupFailed(f"login of {username} failed: {r.status_code} {r.text[:200]}")
        body = r.json()
        cache[key] = {"id": body["id"], "token": body["access_token"], "expires_at": time.time() + body["expires_in"]}
        return body["id"], body["access_token"]
    raise SetupFailed(f"login of {username} kept being rate-limited")


def staff_account(session, host, admin_token, email, role, cache):
    r = session.post(
        f"{host}/auth/register",
        json={"full_name": f"Load test {role} {email.split('@')[0][-2:]}", "email": email,
              "password": STAFF_PASSWORD, "role": role},
        headers={"Authorization": f"Bearer {admin_token}"},
        timeout=30,
    )
    if r.status_code not in (201, 409):
        raise SetupFailed(f"cannot create {email}: {r.status_code} {r.text[:200]}")
    return login(session, host, email, STAFF_PASSWORD, cache)


def complaint_body(telegram_user_id, marker=""):
    category = random.choice(CATEGORIES)
    wing = random.choice("ABCDEFGH")
    text = random.choice(PROBLEMS[category])
    extra = random.choice(["", " Please come soon.", " It is getting worse.", " Second time this month."])
    return {
        "telegram_user_id": telegram_user_id,
        "hostel": random.choice(HOSTELS),
        "room_number": f"{wing}{random.randint(1, 4)}{random.randint(0, 2)}{random.randint(0, 9)}",
        "category": category,
        "description": f"{text}.{extra} {marker}".strip(),
        "severity": random.choices(SEVERITIES, weights=[3, 5, 2])[0],
    }


def seed(session, host, want):
    """Tops the database up to `want` complaints in a realistic spread of statuses and assignees."""
    auth = {"Authorization": f"Bearer {shared.admin_token}"}
    r = session.get(f"{host}{API}", params={"page_size": 100}, headers=auth, timeout=30)
    r.raise_for_status()
    page = r.json()
    shared.known.extend(item["id"] for item in page["items"])
    missing = want - page["total"]
    if missing <= 0:
        log.info("%d complaints already present, no seeding needed", page["total"])
        return
    log.info("seeding %d complaints through the API", missing)
    submitter = {"Authorization": f"Bearer {shared.service_token or shared.admin_token}"}
    residents = [str(5_000_000_000 + i) for i in range(1000)]
    porter_ids = [p[0] for p in shared.porters]
    started = time.time()

    failures = []

    def one(_):
        if failures:
            return
        try:
            submit_one()
        except (RuntimeError, requests.RequestException) as e:
            failures.append(e)

    def submit_one():
        r = session.post(f"{host}{API}/submit", json=complaint_body(random.choice(residents)),
                         headers=submitter, timeout=30)
        if r.status_code != 201:
            raise RuntimeError(f"seeding submit failed: {r.status_code} {r.text[:200]}")
        cid = r.json()["id"]
        shared.known.append(cid)
        fate = random.random()
        steps = []
        if fate < 0.15:
            steps = [{"assigned_porter_id": random.choice(porter_ids)}]
        elif fate < 0.40:
            steps = [{"assigned_porter_id": random.choice(porter_ids), "status": "in_progress"}]
        elif fate < 0.60:
            steps = [{"assigned_porter_id": random.choice(porter_ids), "status": "in_progress"},
                     {"status": "resolved"}]
        elif fate < 0.70:
            steps = [{"assigned_porter_id": random.choice(porter_ids), "status": "in_progress"},
                     {"status": "resolved"}, {"status": "closed"}]
        for step in steps:
            r = session.patch(f"{host}{API}/{cid}", json=step, headers=auth, timeout=30)
            if r.status_code != 200:
                raise RuntimeError(f"seeding change failed: {r.status_code} {r.text[:200]}")

    Pool(8).map(one, range(missing))
    if failures:
        raise SetupFailed(f"seeding stopped after {time.time() - started:.0f}s: {failures[0]} "
                          f"(the service stopped answering or refused the data)")
    log.info("seeded %d complaints in %.1fs", missing, time.time() - started)


def probe(session, host):
    """Finds which optional parts the server has: photos, WebSocket, metrics."""
    auth = {"Authorization": f"Bearer {shared.admin_token}"}
    submitter = {"Authorization": f"Bearer {shared.service_token or shared.admin_token}"}
    r = session.post(f"{host}{API}/submit", json=complaint_body("4999999999", "(photo probe)"),
                     headers=submitter, timeout=30)
    r.raise_for_status()
    cid = r.json()["id"]
    r = session.post(f"{host}{API}/{cid}/photos", files={"file": ("probe.png", shared.photo, "image/png")},
                     headers=submitter, timeout=30)
    shared.photos = r.status_code == 201
    try:
        ws = websocket.create_connection(ws_url(host, shared.admin_token), timeout=5)
        ws.close()
        shared.websocket = True
    except Exception as e:  # any failed handshake means no real-time endpoint to test
        log.info("WebSocket probe: %s", e)
        shared.websocket = False
    shared.websocket_stats = session.get(f"{host}/api/v1/websocket/stats", headers=auth, timeout=30).status_code == 200
    shared.metrics = session.get(f"{host}/metrics", timeout=30).status_code == 200
    shared.stats = session.get(f"{host}{API}/stats", headers=auth, timeout=30).status_code == 200
    log.info(
        "server has: photos=%s websocket=%s websocket_stats=%s metrics=%s stats=%s",
        shared.photos, shared.websocket, shared.websocket_stats, shared.metrics, shared.stats,
    )


def set_up(environment):
    host = environment.host.rstrip("/")
    options = environment.parsed_options
    cache = {}
    if options.token_cache and os.path.isfile(options.token_cache):
        with open(options.token_cache, encoding="utf-8") as f:
            cache = json.load(f)
    email = os.environ.get("COMPLAINTS_ADMIN_EMAIL") or "admin@localhost"
    password = admin_password()
    if not password:
        raise SetupFailed("set COMPLAINTS_ADMIN_EMAIL and COMPLAINTS_ADMIN_PASSWORD (the service's own variables)")
    shared.service_token = os.environ.get("COMPLAINTS_SERVICE_TOKEN") or None
    if not shared.service_token:
        log.warning("COMPLAINTS_SERVICE_TOKEN is not set: the reporter bot submits with an admin token")
    with requests.Session() as session:
        session.mount("http://", requests.adapters.HTTPAdapter(pool_maxsize=16))
        _, shared.admin_token = login(session, host, email, password, cache)
        shared.admins = [
            staff_account(session, host, shared.admin_token, f"loadtest-admin-{i:02d}@loadtest.invalid", "admin", cache)
            for i in range(2)
        ]
        shared.porters = [
            staff_account(session, host, shared.admin_token, f"loadtest-porter-{i:02d}@loadtest.invalid", "porter", cache)
            for i in range(options.porters)
        ]
        if options.token_cache:
            with open(options.token_cache, "w", encoding="utf-8") as f:
                json.dump(cache, f)
        probe(session, host)
        seed(session, host, options.seed_complaints)
    shared.host = host


def apply_scenario(options):
    scenario = SCENARIOS[options.scenario]
    for cls, key in [(ReporterBot, "bot"), (Porter, "porter"), (Admin, "admin"), (Dashboard, "dashboard")]:
        cls.weight = scenario["weights"][key]
        cls.wait_time = between(*scenario["wait"])
    log.info("scenario %s, targets %s", options.scenario, "strict" if options.strict else "guide")


@events.init.add_listener
def on_init(environment, **_):
    options = environment.parsed_options
    if options is None:
        return
    apply_scenario(options)
    # Headless runs set up before the clock starts, so seeding does not eat the run time; the web UI
    # sets up when its start button is pressed, against the host chosen there.
    if environment.host and (options.headless or options.autostart) and not options.worker:
        try:
            set_up(environment)
        except (SetupFailed, requests.RequestException) as e:
            log.error("cannot prepare the run: %s", e)
            sys.exit(1)


@events.test_start.add_listener
def on_test_start(environment, **_):
    # The web UI may have changed the scenario since start-up.
    apply_scenario(environment.parsed_options)
    if environment.host and shared.host != environment.host.rstrip("/"):
        try:
            set_up(environment)
        except (SetupFailed, requests.RequestException) as e:
            log.error("cannot prepare the run: %s", e)
            gevent.spawn(environment.runner.stop)


# ---------------------------------------------------------------- users


def marker():
    shared.counter += 1
    return f"[lt {shared.run_id} {shared.counter}]"


class ApiUser(FastHttpUser):
    abstract = True
    connection_timeout = 10.0
    network_timeout = 10.0

    def call(self, method, path, name, token, ok=(200,), expected=(), **kwargs):
        """One request. `expected` lists statuses that are a normal outcome of contention (lost a
        race, stale version): they get their own row and do not count as errors. A 429 or 503 with
        Retry-After is the service shedding load on purpose: its own row too, counted as graceful."""
        headers = kwargs.pop("headers", {})
        headers["Authorization"] = f"Bearer {token}"
        with self.client.request(method, path, name=name, headers=headers, catch_response=True, **kwargs) as r:
            if r.status_code in ok:
                r.success()
            elif r.status_code in expected:
                r.request_meta["name"] = f"{name} [{r.status_code}]"
                r.success()
            elif r.status_code in (429, 503) and r.headers.get("Retry-After"):
                shared.rejected[(f"{method} {name}", r.status_code)] += 1
                r.request_meta["name"] = f"{name} [{r.status_code} Retry-After]"
                r.success()
            else:
                detail = (r.text or "")[:160] if r.status_code else str(getattr(r, "error", "no answer"))
                r.failure(f"{r.status_code} {detail}")
            return r

    def body(self, r):
        try:
            return r.json() if r.status_code in (200, 201) else None
        except ValueError:
            return None


class ReporterBot(ApiUser):
    """The chat bot: many residents behind one service token."""

    weight = 3

    def on_start(self):
        self.token = shared.service_token or shared.admin_token
        self.mine = collections.deque(maxlen=50)

    @task(5)
    def submit(self):
        resident = random.choice(shared.telegram_ids)
        mark = marker()
        body = complaint_body(resident, mark)
        key = str(uuid.uuid4())
        for attempt in range(3):
            r = self.call("POST", f"{API}/submit", f"{API}/submit", self.token, ok=(200, 201),
                          json=body, headers={"Idempotency-Key": key})
            created = self.body(r)
            if created:
                shared.acknowledged.append((created["id"], resident, mark))
                shared.known.append(created["id"])
                self.mine.append(created["id"])
                if shared.photos and random.random() < 0.2:
                    self.call("POST", f"{API}/{created['id']}/photos", f"{API}/[id]/photos", self.token,
                              ok=(201,), data=multipart(shared.photo),
                              headers={"Content-Type": f"multipart/form-data; boundary={BOUNDARY}"})
                return
            # A real bot retries a lost or refused answer with the same key; the server must not
            # store the complaint twice.
            if r.status_code not in (0, 429, 502, 503, 504):
                return
            gevent.sleep(min(float(r.headers.get("Retry-After", "1") if r.headers else 1), 2.0))

    @task(3)
    def my_complaints(self):
        resident = random.choice(shared.telegram_ids)
        self.call("GET", API, f"{API} [telegram_user_id]", self.token,
                  params={"telegram_user_id": resident, "page_size": 10})

    @task(2)
    def one_of_mine(self):
        if self.mine:
            self.call("GET", f"{API}/{random.choice(self.mine)}", f"{API}/[id]", self.token)


class Porter(ApiUser):
    """A porter on a phone: their queue, the unassigned pool, take one, work it."""

    weight = 4

    def on_start(self):
        self.id, self.token = random.choice(shared.porters)
        self.own = []
        self.pool = []

    @task(4)
    def my_list(self):
        r = self.call("GET", API, f"{API} [list]", self.token,
                      params={"assigned_porter_id": self.id, "page_size": 20})
        page = self.body(r)
        if page:
            self.own = [(c["id"], c["status"]) for c in page["items"] if c["status"] != "closed"]

    @task(3)
    def open_pool(self):
        r = self.call("GET", API, f"{API} [list]", self.token, params={"status": "reported", "page_size": 20})
        page = self.body(r)
        if page:
            self.pool = [c["id"] for c in page["items"] if c["assigned_porter_id"] is None]
            shared.known.extend(c["id"] for c in page["items"])

    @task(3)
    def view(self):
        if self.own:
            # The office may have given it to someone else since this porter's list was read.
            self.call("GET", f"{API}/{random.choice(self.own)[0]}", f"{API}/[id]", self.token, expected=(404,))

    @task(2)
    def take(self):
        if not self.pool:
            return
        cid = self.pool.pop(random.randrange(len(self.pool)))
        r = self.call("GET", f"{API}/{cid}", f"{API}/[id]", self.token, expected=(404,))
        if r.status_code != 200:
            return
        # Another porter may take it between the read and the write: If-Match turns that into a
        # 412, and a complaint already taken is a 403 or, once out of sight, a 404.
        r = self.call("PATCH", f"{API}/{cid}/assign", f"{API}/[id]/assign", self.token, expected=(403, 404, 412),
                      json={"assigned_porter_id": self.id}, headers={"If-Match": r.headers.get("ETag", "*")})
        if r.status_code == 200:
            shared.changed.add(cid)
            self.own.append((cid, "reported"))

    @task(3)
    def work(self):
        if not self.own:
            return
        cid, _ = random.choice(self.own)
        r = self.call("GET", f"{API}/{cid}", f"{API}/[id]", self.token, expected=(404,))
        current = self.body(r)
        if not current or current["assigned_porter_id"] != self.id:
            return
        choices = {"reported": ["in_progress"], "in_progress": ["resolved"] * 4 + ["reported"],
                   "resolved": []}.get(current["status"], [])
        if not choices:
            return
        r = self.call("PATCH", f"{API}/{cid}/status", f"{API}/[id]/status", self.token, expected=(412,),
                      json={"status": random.choice(choices)}, headers={"If-Match": r.headers.get("ETag", "*")})
        if r.status_code == 200:
            shared.changed.add(cid)


class Admin(ApiUser):
    """The office: filtered and searched lists, details, assigning, closing, statistics."""

    weight = 2

    def on_start(self):
        self.id, self.token = random.choice(shared.admins)

    @task(5)
    def filtered_list(self):
        params = {"page_size": 20, "page": random.choice([1, 1, 1, 2, 3])}
        for name, values in [("status", STATUSES), ("hostel", HOSTELS), ("category", CATEGORIES),
                             ("severity", SEVERITIES)]:
            if random.random() < 0.35:
                params[name] = random.choice(values)
        r = self.call("GET", API, f"{API} [list]", self.token, params=params)
        page = self.body(r)
        if page:
            shared.known.extend(c["id"] for c in page["items"])

    @task(2)
    def search(self):
        self.call("GET", API, f"{API} [search]", self.token, params={"q": random.choice(SEARCH_WORDS), "page_size": 20})

    @task(3)
    def detail(self):
        if not shared.known:
            return
        cid = random.choice(shared.known)
        self.call("GET", f"{API}/{cid}", f"{API}/[id]", self.token, expected=(404,))
        if shared.photos:
            self.call("GET", f"{API}/{cid}/photos", f"{API}/[id]/photos", self.token, expected=(404,))
        self.call("GET", f"{API}/{cid}/history", f"{API}/[id]/history", self.token, expected=(404,))

    @task(2)
    def assign(self):
        r = self.call("GET", API, f"{API} [list]", self.token, params={"status": "reported", "page_size": 20})
        page = self.body(r)
        free = [c for c in (page or {}).get("items", []) if c["assigned_porter_id"] is None]
        if not free:
            return
        cid = random.choice(free)["id"]
        r = self.call("GET", f"{API}/{cid}", f"{API}/[id]", self.token)
        if r.status_code != 200:
            return
        # Porters take complaints at the same time; If-Match keeps the office from overriding one.
        r = self.call("PATCH", f"{API}/{cid}/assign", f"{API}/[id]/assign", self.token, expected=(412,),
                      json={"assigned_porter_id": random.choice(shared.porters)[0]},
                      headers={"If-Match": r.headers.get("ETag", "*")})
        if r.status_code == 200:
            shared.changed.add(cid)

    @task(1)
    def close(self):
        r = self.call("GET", API, f"{API} [list]", self.token, params={"status": "resolved", "page_size": 20})
        page = self.body(r)
        if not page or not page["items"]:
            return
        cid = random.choice(page["items"])["id"]
        r = self.call("GET", f"{API}/{cid}", f"{API}/[id]", self.token)
        if r.status_code != 200:
            return
        r = self.call("PATCH", f"{API}/{cid}/status", f"{API}/[id]/status", self.token, expected=(412,),
                      json={"status": "closed"}, headers={"If-Match": r.headers.get("ETag", "*")})
        if r.status_code == 200:
            shared.changed.add(cid)

    @task(1)
    def statistics(self):
        # The dashboard's counters and charts; on a server without them, one total per status.
        if shared.stats:
            self.call("GET", f"{API}/counts", f"{API}/counts", self.token)
            self.call("GET", f"{API}/stats", f"{API}/stats", self.token, params={"days": 30})
        else:
            for status in STATUSES:
                self.call("GET", API, f"{API} [count]", self.token, params={"status": status, "page_size": 1})
        if shared.websocket_stats:
            self.call("GET", "/api/v1/websocket/stats", "/api/v1/websocket/stats", self.token)


class Dashboard(ApiUser):
    """A dashboard tab: holds a socket and receives events. Without the real-time endpoint on the
    server it falls back to what the dashboard would do without push, polling the list."""

    weight = 1

    def on_start(self):
        # Mostly the office's screens; one in four is a porter's, which sees only its own events.
        self.staff_id, self.token = random.choice(shared.porters if random.random() < 0.25 else shared.admins)

    @task
    def session(self):
        # websocket-client's close() catches everything, Locust's kill (GreenletExit) included: a
        # user killed there at the end of the run would go on to its next session, and Locust would
        # wait for it forever.
        if self.environment.runner.state not in ("spawning", "running"):
            raise StopUser()
        if not shared.websocket:
            self.call("GET", API, f"{API} [list]", self.token, params={"page_size": 20})
            gevent.sleep(5)
            return
        started = time.perf_counter()
        try:
            ws = websocket.create_connection(ws_url(self.host, self.token), timeout=10)
        except websocket.WebSocketBadStatusException as e:
            headers = {k.lower(): v for k, v in (e.resp_headers or {}).items()}
            if e.status_code in (429, 503) and "retry-after" in headers:
                shared.rejected[("WS /ws/dashboard", e.status_code)] += 1
                report_ws(f"connect [{e.status_code} Retry-After]", started, None)
                gevent.sleep(min(float(headers["retry-after"]), 10))
            else:
                report_ws("connect", started, e)
            return
        except Exception as e:  # refused, reset, timed out: all failures to connect
            report_ws("connect", started, e)
            return
        report_ws("connect", started, None)
        try:
            self.hold(ws)
        finally:
            try:
                ws.close()
            except (websocket.WebSocketException, OSError):
                pass  # already closed by the server

    def hold(self, ws):
        hold_until = time.time() + random.uniform(20, 60)
        next_ping, ping_sent = time.time() + 10, None
        ws.settimeout(1)
        while time.time() < hold_until and self.environment.runner.state in ("spawning", "running"):
            if ping_sent is None and time.time() > next_ping:
                ping_sent = time.perf_counter()
                ws.send("ping")
            try:
                opcode, data = ws.recv_data()
            except websocket.WebSocketTimeoutException:
                continue
            except (websocket.WebSocketConnectionClosedException, OSError) as e:
                report_ws("dropped", time.perf_counter(), e)
                return
            if opcode == websocket.ABNF.OPCODE_CLOSE:
                payload = data.data if hasattr(data, "data") else data
                code = struct.unpack("!H", payload[:2])[0] if len(payload) >= 2 else 1005
                if code == 1013:  # "try again later": a full instance shedding sockets on purpose
                    shared.rejected[("WS /ws/dashboard", 1013)] += 1
                    report_ws("closed [1013 try again later]", time.perf_counter(), None)
                else:
                    report_ws("closed by server", time.perf_counter(), RuntimeError(f"close code {code}"))
                return
            message = data.decode("utf-8", "replace") if isinstance(data, bytes) else str(data)
            if message == "pong" and ping_sent is not None:
                report_ws("ping", ping_sent, None)
                ping_sent, next_ping = None, time.time() + 10
                continue
            event_delay(message)


class Monitoring(ApiUser):
    """A Prometheus scrape and a load-balancer health check, at their usual pace."""

    fixed_count = 1
    wait_time = constant(5)

    def on_start(self):
        self.token = shared.admin_token

    @task
    def scrape(self):
        if shared.metrics:
            self.call("GET", "/metrics", "/metrics", self.token)
        self.call("GET", "/health", "/health", self.token)


BOUNDARY = "complaints-load-test-boundary"


def multipart(data):
    head = (f"--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"room.png\"\r\n"
            "Content-Type: image/png\r\n\r\n").encode()
    return head + data + f"\r\n--{BOUNDARY}--\r\n".encode()


def ws_url(host, token):
    base = host.rstrip("/").replace("https://", "wss://").replace("http://", "ws://")
    return f"{base}/ws/dashboard?token={token}"


def report_ws(name, started, error):
    events.request.fire(request_type="WS", name=f"/ws/dashboard {name}",
                        response_time=(time.perf_counter() - started) * 1000, response_length=0,
                        exception=error, context={})


def event_delay(message):
    """How long an event took from the server's clock to this socket (same machine, same clock)."""
    try:
        event = json.loads(message)
        sent = datetime.datetime.fromisoformat(event["timestamp"].replace("Z", "+00:00")).timestamp()
    except (ValueError, KeyError, TypeError):
        return
    delay = max(0.0, time.time() - sent) * 1000
    events.request.fire(request_type="WS", name="/ws/dashboard event delay", response_time=delay,
                        response_length=len(message), exception=None, context={})


# ---------------------------------------------------------------- verdict


def verify_integrity(host, sample):
    """Every acknowledged submission is stored exactly once, and every complaint this run touched is
    in a legal status that its history explains step by step."""
    problems = []
    auth = {"Authorization": f"Bearer {shared.service_token or shared.admin_token}"}
    admin = {"Authorization": f"Bearer {shared.admin_token}"}
    by_resident = collections.defaultdict(list)
    for cid, resident, mark in shared.acknowledged:
        by_resident[resident].append((cid, mark))
    seen = collections.Counter()
    stored_id = {}
    session = requests.Session()
    session.mount("http://", requests.adapters.HTTPAdapter(pool_maxsize=16))

    def collect(resident):
        page = 1
        while True:
            r = session.get(f"{host}{API}", params={"telegram_user_id": resident, "page_size": 100, "page": page},
                            headers=auth, timeout=60)
            if r.status_code != 200:
                problems.append(f"listing resident {resident}: {r.status_code}")
                return
            body = r.json()
            for item in body["items"]:
                if f"[lt {shared.run_id} " in item["description"]:
                    mark = item["description"][item["description"].index(f"[lt {shared.run_id} "):]
                    mark = mark[: mark.index("]") + 1]
                    seen[mark] += 1
                    stored_id[mark] = item["id"]
            if page >= body["total_pages"]:
                return
            page += 1

    Pool(8).map(collect, list(by_resident))
    acknowledged_marks = {mark: cid for cid, _, mark in shared.acknowledged}
    missing = [m for m in acknowledged_marks if seen[m] == 0]
    duplicated = [m for m in acknowledged_marks if seen[m] > 1]
    wrong_id = [m for m, cid in acknowledged_marks.items() if seen[m] == 1 and stored_id[m] != cid]
    unacknowledged = [m for m in seen if m not in acknowledged_marks]
    for label, items in [("missing", missing), ("stored more than once", duplicated),
                         ("stored under another id", wrong_id)]:
        if items:
            problems.append(f"{len(items)} acknowledged submissions {label}, e.g. {items[:3]}")

    touched = list(shared.changed) + [cid for cid, _, _ in shared.acknowledged]
    random.shuffle(touched)
    touched = list(dict.fromkeys(touched))[:sample]

    def replay(cid):
        c = session.get(f"{host}{API}/{cid}", headers=admin, timeout=60)
        h = session.get(f"{host}{API}/{cid}/history", headers=admin, timeout=60)
        if c.status_code != 200 or h.status_code != 200:
            problems.append(f"{cid}: read failed {c.status_code}/{h.status_code}")
            return
        complaint, history = c.json(), h.json()
        status, assignee = None, None
        for entry in history:
            if entry["action"] == "created":
                status = entry["to"]
            elif entry["action"] == "status":
                if entry["from"] != status or entry["to"] not in LEGAL.get(status, set()):
                    problems.append(f"{cid}: illegal step {entry['from']}->{entry['to']} after {status}")
                status = entry["to"]
            elif entry["action"] == "assignment":
                if entry["from"] != assignee:
                    problems.append(f"{cid}: assignment from {entry['from']} but was {assignee}")
                assignee = entry["to"]
        if complaint["status"] not in LEGAL:
            problems.append(f"{cid}: unknown status {complaint['status']}")
        if status != complaint["status"] or assignee != complaint["assigned_porter_id"]:
            problems.append(f"{cid}: history ends at {status}/{assignee}, complaint is "
                            f"{complaint['status']}/{complaint['assigned_porter_id']}")

    Pool(8).map(replay, touched)
    return {
        "acknowledged": len(acknowledged_marks),
        "found_once": sum(1 for m in acknowledged_marks if seen[m] == 1),
        "stored_without_acknowledgement": len(unacknowledged),
        "histories_replayed": len(touched),
        "problems": problems[:50],
        "ok": not problems,
    }


def judge(environment):
    options = environment.parsed_options
    scenario = options.scenario
    targets = TARGETS["strict" if options.strict else "guide"][scenario]
    stats = environment.stats
    failures = []
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
            "p95": entry.get_response_time_percentile(0.95), "p99": entry.get_response_time_percentile(0.99),
            "max": round(entry.max_response_time or 0),
        }
        rows.append(row)
        graceful = entry.name.endswith(("Retry-After]", "try again later]", "[403]", "[404]", "[412]"))
        if graceful or entry.num_requests < MIN_SAMPLES:
            continue
        if targets.get("p95"):
            limit = max(targets["p95"], OWN_TARGET_P95.get(key, 0))
            if row["p95"] > limit:
                failures.append(f"{key}: p95 {row['p95']} ms over {limit} ms")
        if targets.get("p99") and row["p99"] > targets["p99"] and key not in OWN_TARGET_P95:
            failures.append(f"{key}: p99 {row['p99']} ms over {targets['p99']} ms")
    if error_rate > targets["errors"] or (targets["errors"] == 0 and num_failures):
        failures.append(f"error rate {error_rate:.3%} over {targets['errors']:.1%}")
    if targets.get("no_5xx") and (five_xx or timeouts):
        failures.append(f"{five_xx} server errors and {timeouts} timeouts (only 429/503 with Retry-After are graceful)")
    rejected = sum(shared.rejected.values())
    total = stats.total
    return {
        "scenario": scenario, "targets": "strict" if options.strict else "guide",
        "requests": num_requests, "failures": num_failures, "error_rate": error_rate,
        "rps": round(request_rps, 1), "graceful_rejections": rejected,
        "rejection_rate": rejected / num_requests if num_requests else 0.0,
        "events_received": total.num_requests - num_requests,
        "rejections": {f"{k[0]} {k[1]}": v for k, v in shared.rejected.items()},
        "server_errors": five_xx, "timeouts": timeouts, "endpoints": rows,
        "features": {"photos": shared.photos, "websocket": shared.websocket, "metrics": shared.metrics,
                     "stats": shared.stats},
        "threshold_failures": failures,
    }


@events.quitting.add_listener
def on_quitting(environment, **_):
    options = environment.parsed_options
    if options is None or options.worker or shared.host is None:
        return
    verdict = judge(environment)
    if options.verify_sample > 0 and shared.acknowledged:
        try:
            verdict["integrity"] = verify_integrity(shared.host, options.verify_sample)
        except Exception as e:  # the service may have gone away; that is a failure, not a crash
            verdict["integrity"] = {"ok": False, "problems": [f"integrity check could not run: {e}"]}
        if not verdict["integrity"]["ok"]:
            verdict["threshold_failures"].append("data integrity: " + "; ".join(verdict["integrity"]["problems"][:5]))
    print(f"\n== {verdict['scenario']} scenario against {verdict['targets']} targets: "
          f"{verdict['requests']} requests, {verdict['rps']} req/s, error rate {verdict['error_rate']:.3%}, "
          f"graceful 429/503 {verdict['graceful_rejections']}")
    if "integrity" in verdict:
        i = verdict["integrity"]
        print(f"== integrity: {i.get('found_once', 0)}/{i.get('acknowledged', 0)} acknowledged submissions stored "
              f"exactly once, {i.get('histories_replayed', 0)} histories replayed: {'OK' if i['ok'] else 'FAILED'}")
    for failure in verdict["threshold_failures"]:
        print(f"== FAIL {failure}")
    print("== PASS" if not verdict["threshold_failures"] else "== thresholds missed: exit code 1")
    if options.summary_json:
        with open(options.summary_json, "w", encoding="utf-8") as f:
            json.dump(verdict, f, indent=2, default=str)
    environment.process_exit_code = 1 if verdict["threshold_failures"] else 0
