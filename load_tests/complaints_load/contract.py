"""The fields of a complaint answer that tell the caller what it may do with that complaint.

The status machine and the rule of who may assign live in the server only: porters and admins
pick their moves from `allowed_transitions` and assign only where `can_assign` is true. A server
without these fields cannot be load-tested by this test (they came with issue 11), and the test
says so instead of guessing moves.
"""

from collections.abc import Mapping
from typing import Any


class ContractMissing(Exception):
    """A complaint answer lacks a field the users act on."""

    def __init__(self, field: str) -> None:
        # No complaint id in the text: Locust makes one error row per distinct message.
        super().__init__(
            f"a complaint answer has no valid `{field}`: this load test needs a server that sends "
            "`allowed_transitions` and `can_assign` on every complaint (issue 11)")


def allowed_transitions(complaint: Mapping[str, Any]) -> list[str]:
    """The statuses the caller may move this complaint to right now."""
    moves = complaint.get("allowed_transitions")
    if not isinstance(moves, list) or not all(isinstance(m, str) for m in moves):
        raise ContractMissing("allowed_transitions")
    return moves


def can_assign(complaint: Mapping[str, Any]) -> bool:
    """Whether the caller may assign this complaint right now."""
    allowed = complaint.get("can_assign")
    if not isinstance(allowed, bool):
        raise ContractMissing("can_assign")
    return allowed


def check(complaint: Mapping[str, Any]) -> None:
    """Raises ContractMissing unless the answer carries both fields."""
    allowed_transitions(complaint)
    can_assign(complaint)
