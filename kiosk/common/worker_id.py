"""The worker ID rule, in one place for every place an ID is made or typed: enrolment, the
CLI, the wizard, the check-in keypad, a rename, the site's store.

An ID is 1-32 letters (A-Z, a-z), digits, hyphens and underscores, starting with a letter or a
digit (E042, W1024, ENG-7, night_shift_3). IDs are one person regardless of case: E042 and e042
cannot both exist, and an ID a person types finds its owner whatever the case, while the stored
ID keeps the case HR typed. Databases made before this rule may still hold two IDs that differ
only in case: `find` then prefers the exact one, and `kiosk doctor` reports the pair.
"""
from __future__ import annotations

import re
import string
from collections.abc import Iterable

from kiosk.common.refusals import Sentence

MAX_LENGTH = 32
SYMBOLS = "-_"
# What a keypad offers (uppercase: the case does not matter when an ID is looked up).
KEYS = string.digits + string.ascii_uppercase + SYMBOLS
# As a regular expression (Qt's validator in the wizard takes the same text).
PATTERN = rf"[A-Za-z0-9][A-Za-z0-9{re.escape(SYMBOLS)}]{{0,{MAX_LENGTH - 1}}}"
_RULE = re.compile(PATTERN)
RULE_TEXT = (f"1-{MAX_LENGTH} letters, digits, hyphens (-) and underscores (_), "
             f"starting with a letter or a digit")
# The seed's test folders are `img_<n>`: an ID that starts so would be taken for one.
_RESERVED = re.compile(r"img(_|$)", re.IGNORECASE)


class AmbiguousWorkerId(KeyError):
    """A typed ID matches two stored IDs that differ only in case, and neither exactly (a
    KeyError: callers treat it as "not found", with this message)."""

    def __init__(self, typed: str, matches: list[str]):
        super().__init__(f"worker ID {typed} matches {' and '.join(matches)}, which differ only in case: "
                         f"type one of them exactly, and give one a new ID (kiosk rename-id)")
        self.typed, self.matches = typed, matches


def problem(user_id: object) -> str | None:
    """Why `user_id` cannot be a worker ID (a sentence fragment for the user), or None."""
    if not isinstance(user_id, str) or not user_id:
        return Sentence("worker_id.empty")
    if not _RULE.fullmatch(user_id):
        return Sentence("worker_id.invalid", worker_id=repr(user_id), maximum=MAX_LENGTH)
    if _RESERVED.match(user_id):
        return Sentence("worker_id.reserved", worker_id=repr(user_id))
    return None


def is_valid(user_id: object) -> bool:
    return problem(user_id) is None


def key(user_id: str) -> str:
    """The form two IDs are compared in: E042, e042 and E042 are one key."""
    return user_id.casefold()


def same(a: str, b: str) -> bool:
    return key(a) == key(b)


def matches(typed: str, ids: Iterable[str]) -> list[str]:
    """The stored IDs equal to `typed` regardless of case (sorted, without repeats)."""
    wanted = key(typed.strip())
    return sorted({i for i in ids if key(i) == wanted})


def find(typed: str, ids: Iterable[str]) -> str | None:
    """The stored ID a person meant by `typed`: the exact one, else the only one equal
    regardless of case; None when there is none. Raises AmbiguousWorkerId for two case
    variants of which neither is exact."""
    typed = typed.strip()
    found = matches(typed, ids)
    if typed in found:
        return typed
    if len(found) > 1:
        raise AmbiguousWorkerId(typed, found)
    return found[0] if found else None


def case_duplicates(ids: Iterable[str]) -> list[list[str]]:
    """Groups of stored IDs that differ only in case (made before IDs were unique regardless of case)."""
    groups: dict[str, set[str]] = {}
    for user_id in ids:
        groups.setdefault(key(user_id), set()).add(user_id)
    return sorted(sorted(group) for group in groups.values() if len(group) > 1)
