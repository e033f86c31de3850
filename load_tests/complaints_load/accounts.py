"""Logins and the test's own staff accounts, made once before the run."""

import json
import logging
import os
import time
from typing import TypedDict

import requests
import requests.adapters

from .context import Account

log = logging.getLogger("complaints-load")

STAFF_PASSWORD = "LoadTest-Staff-2026"


class SetupFailed(Exception):
    """The run cannot start: the service is unreachable, the credentials are wrong, or the
    server's answers lack what the users act on."""


class CachedToken(TypedDict):
    id: str
    token: str
    expires_at: float


class TokenCache:
    """Tokens by "host user", kept in a file between runs when one is given (--token-cache):
    logins are rate-limited per address, and the benchmark starts many runs."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.entries: dict[str, CachedToken] = {}
        if path and os.path.isfile(path):
            with open(path, encoding="utf-8") as f:
                self.entries = json.load(f)

    def save(self) -> None:
        if self.path:
            with open(self.path, "w", encoding="utf-8") as f:
                json.dump(self.entries, f)


def http_session() -> requests.Session:
    """For the steps before and after the run, which send up to 8 requests at a time."""
    s = requests.Session()
    s.mount("http://", requests.adapters.HTTPAdapter(pool_maxsize=16))
    return s


def admin_password() -> str | None:
    """The configured password, or the one the embedded default printed and kept in its data
    folder."""
    if os.environ.get("COMPLAINTS_ADMIN_PASSWORD"):
        return os.environ["COMPLAINTS_ADMIN_PASSWORD"]
    here = os.path.dirname(os.path.abspath(__file__))
    repository_data = os.path.join(here, "..", "..", "data")
    for folder in [os.environ.get("COMPLAINTS_DATA_DIR", ""), "data", repository_data]:
        path = os.path.join(folder, "initial-admin-password") if folder else ""
        if path and os.path.isfile(path):
            with open(path, encoding="utf-8") as f:
                return f.read().strip()
    return None


def login(session: requests.Session, host: str, username: str, password: str,
          cache: TokenCache) -> Account:
    key = f"{host} {username}"
    entry = cache.entries.get(key)
    if entry and entry["expires_at"] > time.time() + 300:
        return Account(entry["id"], entry["token"])
    for _ in range(5):
        r = session.post(f"{host}/auth/login-json",
                         json={"username": username, "password": password}, timeout=30)
        if r.status_code == 429:
            # Logins are limited per client address; wait as told rather than fail the run.
            wait = int(r.headers.get("Retry-After", "10"))
            log.warning("login of %s rate-limited, waiting %ss", username, wait)
            time.sleep(min(wait, 65))
            continue
        if r.status_code != 200:
            raise SetupFailed(f"login of {username} failed: {r.status_code} {r.text[:200]}")
        body = r.json()
        cache.entries[key] = {"id": body["id"], "token": body["access_token"],
                              "expires_at": time.time() + body["expires_in"]}
        return Account(body["id"], body["access_token"])
    raise SetupFailed(f"login of {username} kept being rate-limited")


def test_email(role: str, number: int) -> str:
    return f"loadtest-{role}-{number:02d}@loadtest.invalid"


def staff_account(session: requests.Session, host: str, admin_token: str, email: str, role: str,
                  cache: TokenCache) -> Account:
    """Registers the account (an existing one is fine: runs reuse them) and logs it in."""
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
