"""The run context: what every simulated user of one run shares. The entry point makes one and
hands it to the users and to the steps before and after the run; nothing else holds it."""

import collections
import random
import uuid
from dataclasses import dataclass, field
from typing import NamedTuple

from .catalog import png


class Account(NamedTuple):
    id: str
    token: str


class Acknowledged(NamedTuple):
    """A submission the service answered 201 to, and the marker its description carries."""

    id: str
    telegram_user_id: str
    marker: str


@dataclass(frozen=True)
class Staff:
    """Tokens obtained once per account before the run: login is rate-limited and slow on
    purpose."""

    admin_token: str
    service_token: str | None
    admins: list[Account]
    porters: list[Account]

    @property
    def submitter_token(self) -> str:
        """The reporter bot's token; without a service token the bot submits as the admin."""
        return self.service_token or self.admin_token


def _telegram_ids() -> list[str]:
    return [str(random.randint(6_000_000_000, 6_999_999_999)) for _ in range(300)]


@dataclass
class RunContext:
    """Set up once per host (`prepare`), then written to by the users while the run lasts."""

    run_id: str = field(default_factory=lambda: uuid.uuid4().hex[:8])
    host: str | None = None
    _staff: Staff | None = field(default=None, repr=False)
    # Complaint ids seen by anyone, for the office's detail views.
    known: collections.deque[str] = field(default_factory=lambda: collections.deque(maxlen=5000))
    acknowledged: list[Acknowledged] = field(default_factory=list)
    # Complaints the run seeded before it started: removed with the acknowledged ones afterwards.
    created: list[str] = field(default_factory=list)
    # Complaints this run moved or assigned: their histories are replayed after the run.
    changed: set[str] = field(default_factory=set)
    # (request name, status) of each graceful refusal: 429/503 with Retry-After, close code 1013.
    rejected: collections.Counter[tuple[str, int]] = field(default_factory=collections.Counter)
    telegram_ids: list[str] = field(default_factory=_telegram_ids)
    photo: bytes = field(default_factory=lambda: png(480, 360))
    counter: int = 0

    @property
    def staff(self) -> Staff:
        if self._staff is None:
            raise RuntimeError("the run was not prepared: no accounts yet")
        return self._staff

    @staff.setter
    def staff(self, staff: Staff) -> None:
        self._staff = staff

    def marker(self) -> str:
        """A tag unique to this run and submission, by which the integrity check finds it again."""
        self.counter += 1
        return f"[lt {self.run_id} {self.counter}]"

    @property
    def marker_prefix(self) -> str:
        return f"[lt {self.run_id} "
