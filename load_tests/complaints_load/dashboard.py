"""A dashboard tab: holds `WS /ws/dashboard`, pings it and times the events it receives."""

import datetime
import json
import random
import struct
import time
from typing import Any

import gevent
import websocket
from locust import events, task
from locust.exception import StopUser

from .users import ApiUser

SOCKET = "/ws/dashboard"


class Dashboard(ApiUser):
    """Reports `WS /ws/dashboard connect`, `ping` and `event delay` (server timestamp to arrival)
    as their own rows."""

    weight = 1

    def on_start(self) -> None:
        # Mostly the office's screens; one in four is a porter's, which sees only its own events.
        staff = self.run_context.staff
        self.staff_id, self.token = random.choice(
            staff.porters if random.random() < 0.25 else staff.admins)

    def running(self) -> bool:
        runner = self.environment.runner
        return runner is not None and runner.state in ("spawning", "running")

    @task
    def session(self) -> None:
        # websocket-client's close() catches everything, Locust's kill (GreenletExit) included: a
        # user killed there at the end of the run would go on to its next session, and Locust would
        # wait for it forever.
        if not self.running():
            raise StopUser()
        started = time.perf_counter()
        try:
            ws = websocket.create_connection(ws_url(self.host, self.token), timeout=10)
        except websocket.WebSocketBadStatusException as e:
            headers = {k.lower(): v for k, v in (e.resp_headers or {}).items()}
            if e.status_code in (429, 503) and "retry-after" in headers:
                self.run_context.rejected[(f"WS {SOCKET}", e.status_code)] += 1
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

    def hold(self, ws: Any) -> None:
        hold_until = time.time() + random.uniform(20, 60)
        next_ping, ping_sent = time.time() + 10, None
        ws.settimeout(1)
        while time.time() < hold_until and self.running():
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
                self.closed(data.data if hasattr(data, "data") else data)
                return
            message = data.decode("utf-8", "replace") if isinstance(data, bytes) else str(data)
            if message == "pong" and ping_sent is not None:
                report_ws("ping", ping_sent, None)
                ping_sent, next_ping = None, time.time() + 10
                continue
            event_delay(message)

    def closed(self, payload: bytes) -> None:
        code = struct.unpack("!H", payload[:2])[0] if len(payload) >= 2 else 1005
        if code == 1013:  # "try again later": a full instance shedding sockets on purpose
            self.run_context.rejected[(f"WS {SOCKET}", 1013)] += 1
            report_ws("closed [1013 try again later]", time.perf_counter(), None)
        elif code == 1001:  # "going away": the instance is stopping (an upgrade); reconnect
            report_ws("closed [1001 going away]", time.perf_counter(), None)
        else:
            report_ws("closed by server", time.perf_counter(), RuntimeError(f"close code {code}"))


def ws_url(host: str | None, token: str) -> str:
    base = (host or "").rstrip("/").replace("https://", "wss://").replace("http://", "ws://")
    return f"{base}{SOCKET}?token={token}"


def report_ws(name: str, started: float, error: Exception | None) -> None:
    events.request.fire(request_type="WS", name=f"{SOCKET} {name}",
                        response_time=(time.perf_counter() - started) * 1000, response_length=0,
                        exception=error, context={})


def event_delay(message: str) -> None:
    """How long an event took from the server's clock to this socket (same machine, same clock)."""
    try:
        event = json.loads(message)
        stamp = event["timestamp"].replace("Z", "+00:00")
        sent = datetime.datetime.fromisoformat(stamp).timestamp()
    except (ValueError, KeyError, TypeError, AttributeError):
        return
    delay = max(0.0, time.time() - sent) * 1000
    events.request.fire(request_type="WS", name=f"{SOCKET} event delay", response_time=delay,
                        response_length=len(message), exception=None, context={})
