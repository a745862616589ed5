"""HR's corrections of punches: add a missing punch, void a wrong one, each with a reason.

Nothing is ever deleted or rewritten: an added punch is a row of its own (method "correction",
who added it and why), a voided punch stays with who voided it, when and why, and reports skip
it. Derived attendance (kiosk.attendance.daily) marks every day a correction touched, and the
service writes each correction to the audit chain. The checks run inside the store's write
transaction, so two HR clerks correcting the same person cannot both pass the overlap check.
"""
from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlite_utils import Database

from kiosk.attendance.clock import as_utc, local_wall, parse_utc, real_wall_time, utc_text
from kiosk.attendance.punches import SOURCE_CORRECTION, check_direction, punch_row

METHOD_CORRECTION = "correction"
# A correction may not be later than now; this much slack for a clock a little ahead.
FUTURE_SLACK = timedelta(minutes=1)


def checked_reason(reason: str | None) -> str:
    text = (reason or "").strip()
    if not text:
        raise ValueError("a correction needs a reason (it is kept in the audit trail)")
    if len(text) > 500:
        raise ValueError("the reason is too long: keep it under 500 characters")
    return text


def correction_instant(when: datetime, zone: ZoneInfo) -> datetime:
    """The UTC instant of a time HR typed: naive = wall time in the site's zone. A wall time the
    spring change skips is refused rather than guessed."""
    if when.tzinfo is None and not real_wall_time(when, zone):
        raise ValueError(f"{when:%H:%M} does not exist on {when:%Y-%m-%d} in {zone.key} (the clocks "
                         f"went forward): pick a time before or after the change")
    return as_utc(when, zone)


def add_punch(db: Database, zone: ZoneInfo, *, employee_id: str, when: datetime, direction: str,
              reason: str, by: str, window_seconds: int, kiosk_id: str, now: datetime) -> dict[str, Any]:
    """Insert a missing punch for `employee_id` (inside a write transaction). Refused, with a
    sentence and nothing written: an unknown or departed person, a time in the future, a punch
    within the duplicate window of another one, no reason."""
    check_direction(direction)
    reason = checked_reason(reason)
    employee = db.execute("SELECT name, left_at FROM employees WHERE id = ?", [employee_id]).fetchone()
    if employee is None:
        raise ValueError(f"no employee with ID {employee_id!r}: check the ID")
    instant = correction_instant(when, zone)
    local = local_wall(instant, zone)
    if employee[1] and local.date().isoformat() > employee[1][:10]:
        raise ValueError(f"{employee[0]} ({employee_id}) left on {employee[1][:10]}: no punches after that; "
                         f"re-activate them first if they are back")
    if instant > now + FUTURE_SLACK:
        raise ValueError(f"{local:%Y-%m-%d %H:%M} is in the future: a correction records what happened")
    window = timedelta(seconds=max(int(window_seconds), 60))
    clash = db.execute(
        "SELECT utc, direction FROM attendance WHERE employee_id = ? AND voided_at IS NULL AND utc > ? AND utc < ? "
        "ORDER BY utc LIMIT 1", [employee_id, utc_text(instant - window), utc_text(instant + window)]).fetchone()
    if clash is not None:
        other = local_wall(parse_utc(clash[0]), zone)
        raise ValueError(f"{employee[0]} already has a punch at {other:%Y-%m-%d %H:%M} ({clash[1] or 'in'}), "
                         f"within {int(window.total_seconds() // 60)} min of {local:%H:%M}: void it first or "
                         f"pick another time")
    row = punch_row(instant, zone) | {
        "employee_id": employee_id, "status": "Present", "kiosk_id": kiosk_id, "method": METHOD_CORRECTION,
        "direction": direction, "direction_source": SOURCE_CORRECTION, "reason": reason, "added_by": by}
    row_id = db.table("attendance").insert(row).last_pk
    return punch_by_id(db, row_id)


def void_punch(db: Database, *, punch_id: int, reason: str, by: str, now: datetime) -> dict[str, Any]:
    """Mark a punch void (inside a write transaction): kept, skipped by every report."""
    reason = checked_reason(reason)
    current = punch_by_id(db, punch_id)
    if current["voided_at"]:
        raise ValueError(f"punch {punch_id} was already voided on {current['voided_at'][:10]} "
                         f"by {current['voided_by'] or 'someone'}")
    db.execute("UPDATE attendance SET voided_at = ?, void_reason = ?, voided_by = ? WHERE id = ?",
               [utc_text(now), reason, by, punch_id])
    return punch_by_id(db, punch_id)


def choose_direction(db: Database, *, punch_id: int, direction: str, within_seconds: int,
                     now: datetime) -> dict[str, Any]:
    """The person's tap on IN / OUT / Break just after a punch ("choose" mode)."""
    check_direction(direction)
    current = punch_by_id(db, punch_id)
    if current["method"] == METHOD_CORRECTION or current["voided_at"]:
        raise ValueError(f"punch {punch_id} cannot be changed from the entrance")
    if now - parse_utc(current["utc"]) > timedelta(seconds=within_seconds):
        raise ValueError(f"too late to change this punch ({within_seconds} s have passed): ask HR")
    db.execute("UPDATE attendance SET direction = ?, direction_source = 'chosen' WHERE id = ?",
               [direction, punch_id])
    return punch_by_id(db, punch_id)


def punch_by_id(db: Database, punch_id: Any) -> dict[str, Any]:
    rows = list(db.query("SELECT a.*, e.name FROM attendance a JOIN employees e ON e.id = a.employee_id "
                         "WHERE a.id = ?", [punch_id]))
    if not rows:
        raise ValueError(f"no punch with number {punch_id}")
    return rows[0]
