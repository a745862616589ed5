"""HR's corrections of punches: add a missing punch, void a wrong one, each with a reason.

Nothing is ever deleted or rewritten: an added punch is a row of its own (method "correction",
who added it and why), a voided punch stays with who voided it, when and why, and reports skip
it. Derived attendance (kiosk.attendance.daily) marks every day a correction touched, and the
service writes each correction to the audit chain. The checks run inside the store's write
transaction, so two HR clerks correcting the same person cannot both pass the overlap check.
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlite_utils import Database

from kiosk.attendance.clock import as_utc, local_wall, parse_utc, real_wall_time, utc_text
from kiosk.attendance.punches import SOURCE_CORRECTION, check_direction, punch_row
from kiosk.attendance.schema import STATUS_PRESENT
from kiosk.common.refusals import Sentence

METHOD_CORRECTION = "correction"
# A correction may not be later than now; this much slack for a clock a little ahead.
FUTURE_SLACK = timedelta(minutes=1)


def checked_reason(reason: str | None) -> str:
    text = (reason or "").strip()
    if not text:
        raise ValueError(Sentence("correction.no_reason"))
    if len(text) > 500:
        raise ValueError(Sentence("correction.reason_too_long"))
    return text


def correction_instant(when: datetime, zone: ZoneInfo) -> datetime:
    """The UTC instant of a time HR typed: naive = wall time in the site's zone. A wall time the
    spring change skips is refused rather than guessed."""
    if when.tzinfo is None and not real_wall_time(when, zone):
        raise ValueError(Sentence("correction.skipped_time", time=f"{when:%H:%M}", day=f"{when:%Y-%m-%d}",
                                  zone=zone.key))
    return as_utc(when, zone)


def checked_addition(employee_id: str, employee: tuple[str, str | None] | None, when: datetime,
                     direction: str, reason: str, zone: ZoneInfo, now: datetime, window_seconds: int,
                     nearest: Callable[[datetime, timedelta], tuple[datetime, str | None] | None]
                     ) -> tuple[datetime, str]:
    """Every check on a punch HR adds, for either store: (its UTC instant, the reason). Refused,
    with a sentence: an unknown direction, no reason, an unknown person (`employee` None; else
    (name, the date they left "YYYY-MM-DD" or None)), a date after they left, a time in the
    future, or a punch within the duplicate window of another (`nearest(instant, window)`: the
    store's (UTC instant, direction) of a punch not voided within `window`, or None)."""
    check_direction(direction)
    reason = checked_reason(reason)
    if employee is None:
        raise ValueError(Sentence("correction.no_employee", worker_id=repr(employee_id)))
    name, left = employee
    instant = correction_instant(when, zone)
    local = local_wall(instant, zone)
    if left and local.date().isoformat() > left:
        raise ValueError(Sentence("correction.after_leaving", name=name, worker_id=employee_id, left=left))
    if instant > now + FUTURE_SLACK:
        raise ValueError(Sentence("correction.future", moment=f"{local:%Y-%m-%d %H:%M}"))
    window = timedelta(seconds=max(int(window_seconds), 60))
    clash = nearest(instant, window)
    if clash is not None:
        other = local_wall(clash[0], zone)
        raise ValueError(Sentence("correction.clash", name=name, moment=f"{other:%Y-%m-%d %H:%M}",
                                  direction=clash[1] or "in", minutes=int(window.total_seconds() // 60),
                                  time=f"{local:%H:%M}"))
    return instant, reason


def check_voidable(punch: dict[str, Any]) -> None:
    """A punch voided once is not voided again (its first voiding stays the record)."""
    if punch["voided_at"]:
        raise ValueError(Sentence("correction.already_voided", punch=str(punch["id"]), day=punch["voided_at"][:10],
                                  by=punch["voided_by"] or "someone"))


def check_tap(punch: dict[str, Any], within_seconds: int, now: datetime) -> None:
    """The person's tap on IN / OUT / Break ("choose" mode): only on their own punch just made
    (the direction itself is checked first, by check_direction)."""
    if punch["method"] == METHOD_CORRECTION or punch["voided_at"]:
        raise ValueError(Sentence("correction.not_from_entrance", punch=str(punch["id"])))
    if now - parse_utc(punch["utc"]) > timedelta(seconds=within_seconds):
        raise ValueError(Sentence("correction.too_late", seconds=within_seconds))


def add_punch(db: Database, zone: ZoneInfo, *, employee_id: str, when: datetime, direction: str,
              reason: str, by: str, window_seconds: int, kiosk_id: str, now: datetime) -> dict[str, Any]:
    """Insert a missing punch for `employee_id` (inside a write transaction), once
    `checked_addition` passes: nothing is written when it refuses."""
    row = db.execute("SELECT name, left_at FROM employees WHERE id = ?", [employee_id]).fetchone()
    employee = None if row is None else (row[0], row[1][:10] if row[1] else None)

    def nearest(instant: datetime, window: timedelta) -> tuple[datetime, str | None] | None:
        found = db.execute(
            "SELECT utc, direction FROM attendance WHERE employee_id = ? AND voided_at IS NULL AND utc > ? "
            "AND utc < ? ORDER BY utc LIMIT 1",
            [employee_id, utc_text(instant - window), utc_text(instant + window)]).fetchone()
        return None if found is None else (parse_utc(found[0]), found[1])

    instant, reason = checked_addition(employee_id, employee, when, direction, reason, zone, now,
                                       window_seconds, nearest)
    row_id = db.table("attendance").insert(punch_row(instant, zone) | {
        "employee_id": employee_id, "status": STATUS_PRESENT, "kiosk_id": kiosk_id, "method": METHOD_CORRECTION,
        "direction": direction, "direction_source": SOURCE_CORRECTION, "reason": reason, "added_by": by}).last_pk
    return punch_by_id(db, row_id)


def void_punch(db: Database, *, punch_id: int, reason: str, by: str, now: datetime) -> dict[str, Any]:
    """Mark a punch void (inside a write transaction): kept, skipped by every report."""
    reason = checked_reason(reason)
    check_voidable(punch_by_id(db, punch_id))
    db.execute("UPDATE attendance SET voided_at = ?, void_reason = ?, voided_by = ? WHERE id = ?",
               [utc_text(now), reason, by, punch_id])
    return punch_by_id(db, punch_id)


def choose_direction(db: Database, *, punch_id: int, direction: str, within_seconds: int,
                     now: datetime) -> dict[str, Any]:
    """The person's tap on IN / OUT / Break just after a punch ("choose" mode)."""
    check_direction(direction)
    check_tap(punch_by_id(db, punch_id), within_seconds, now)
    db.execute("UPDATE attendance SET direction = ?, direction_source = 'chosen' WHERE id = ?",
               [direction, punch_id])
    return punch_by_id(db, punch_id)


def punch_by_id(db: Database, punch_id: Any) -> dict[str, Any]:
    rows = list(db.query("SELECT a.*, e.name FROM attendance a JOIN employees e ON e.id = a.employee_id "
                         "WHERE a.id = ?", [punch_id]))
    if not rows:
        raise ValueError(Sentence("correction.no_punch", punch=str(punch_id)))
    return rows[0]
