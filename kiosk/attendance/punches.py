"""Punches: every accepted check-in is an IN or an OUT (or a break), decided as the terminals do.

Modes (Settings.punch_mode, per site):
- "auto": the first punch of a working session is IN, then they alternate (in -> out -> in,
  break_out -> break_in -> out). A session ends when the last punch is older than
  max_session_hours, so a forgotten check-out does not turn tomorrow's arrival into an OUT, and a
  night shift across midnight needs nothing special;
- "window": IN before `punch_out_after` (local time), OUT from then on;
- "choose": as "auto", and the person may tap IN / OUT / Break on the confirmation screen within
  `punch_choice_seconds` (the terminals' punch-state keys); the tap changes the direction.

The duplicate window (the cooldown) still applies first: punches closer than it count once.
Schema 5 (`migrate_v5`) adds the direction, the UTC instant, zone and offset, and the fields of
corrections (kiosk.attendance.corrections) to the attendance table.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlite_utils import Database

from kiosk.attendance.clock import as_utc, local_wall, offset_minutes, parse_utc, utc_text

IN, OUT, BREAK_OUT, BREAK_IN = "in", "out", "break_out", "break_in"
DIRECTIONS = (IN, OUT, BREAK_OUT, BREAK_IN)
DIRECTION_LABELS = {IN: "Check in", OUT: "Check out", BREAK_OUT: "Break start", BREAK_IN: "Back from break"}
# What follows each direction in "auto" mode.
NEXT = {IN: OUT, OUT: IN, BREAK_OUT: BREAK_IN, BREAK_IN: OUT}
MODES = ("auto", "window", "choose")

# attendance.direction_source: how the direction was decided.
SOURCE_AUTO, SOURCE_WINDOW, SOURCE_CHOSEN = "auto", "window", "chosen"
SOURCE_CORRECTION, SOURCE_MIGRATED = "correction", "migrated"

# The attendance columns of schema 5 (kiosk/attendance/db.py has the earlier ones).
PUNCH_COLUMNS = {"utc": str, "tz": str, "utc_offset": int, "direction": str, "direction_source": str,
                 "reason": str, "added_by": str, "voided_at": str, "void_reason": str, "voided_by": str}


def parse_clock_time(text: str, what: str) -> time:
    """"HH:MM" as a time, or a ValueError naming `what`."""
    try:
        hours, minutes = str(text).strip().split(":")
        return time(int(hours), int(minutes))
    except (ValueError, TypeError) as exc:
        raise ValueError(f"{what} must be a time of day such as 09:00, got {text!r}") from exc


def check_direction(direction: str) -> str:
    if direction not in DIRECTIONS:
        raise ValueError(f"unknown punch direction {direction!r}: use one of {', '.join(DIRECTIONS)}")
    return direction


@dataclass(frozen=True)
class PunchRule:
    """How a punch gets its direction (the module docstring says the modes)."""

    mode: str = "auto"
    out_after: time = time(12, 0)
    session_hours: float = 16.0
    choice_seconds: int = 6

    def __post_init__(self) -> None:
        if self.mode not in MODES:
            raise ValueError(f"punch_mode must be one of {', '.join(MODES)}, got {self.mode!r}")
        if not 1 <= self.session_hours <= 48:
            raise ValueError(f"max_session_hours must be between 1 and 48, got {self.session_hours}")
        if not 0 <= self.choice_seconds <= 60:
            raise ValueError(f"punch_choice_seconds must be between 0 and 60, got {self.choice_seconds}")

    @classmethod
    def from_settings(cls, settings: Any) -> PunchRule:
        """From kiosk.app.settings.Settings (any object with its attribute names)."""
        return cls(mode=str(settings.punch_mode).strip().lower(),
                   out_after=parse_clock_time(settings.punch_out_after, "punch_out_after"),
                   session_hours=float(settings.max_session_hours),
                   choice_seconds=int(settings.punch_choice_seconds))

    def direction(self, previous: str | None, gap: timedelta | None, local: datetime) -> tuple[str, str]:
        """(direction, source) for a punch at local time `local`, after the person's previous
        punch `previous` made `gap` earlier (None: none)."""
        if self.mode == "window":
            return (IN if local.time() < self.out_after else OUT), SOURCE_WINDOW
        if previous is None or gap is None or gap > timedelta(hours=self.session_hours):
            return IN, SOURCE_AUTO
        return NEXT.get(previous, IN), SOURCE_AUTO


def migrate_v5(db: Database, zone: ZoneInfo, session_hours: float = 16.0) -> None:
    """Schema 5: the punch columns and employees.shift. Every existing check-in gets its UTC
    instant (its naive local time read in `zone`, the site's zone), the zone name and offset, and
    a direction by the "auto" rule (directions_source "migrated"). Nothing is deleted."""
    attendance = db.table("attendance")
    for column, kind in PUNCH_COLUMNS.items():
        if column not in attendance.columns_dict:
            attendance.add_column(column, kind)
    if "shift" not in db.table("employees").columns_dict:
        db.table("employees").add_column("shift", str)
    rule = PunchRule(session_hours=session_hours)
    last: dict[str, tuple[str, datetime]] = {}
    rows = db.execute("SELECT id, employee_id, timestamp FROM attendance WHERE utc IS NULL "
                      "ORDER BY employee_id, timestamp, id").fetchall()
    updates = []
    for row_id, employee_id, stamp in rows:
        local = datetime.fromisoformat(stamp)
        instant = as_utc(local, zone)
        previous = last.get(employee_id)
        direction, _ = rule.direction(previous[0] if previous else None,
                                      instant - previous[1] if previous else None, local)
        last[employee_id] = (direction, instant)
        updates.append((utc_text(instant), zone.key, offset_minutes(instant, zone), direction,
                        SOURCE_MIGRATED, row_id))
    db.conn.executemany("UPDATE attendance SET utc = ?, tz = ?, utc_offset = ?, direction = ?, "
                        "direction_source = ? WHERE id = ?", updates)
    attendance.create_index(["employee_id", "utc"], if_not_exists=True)
    attendance.create_index(["utc"], if_not_exists=True)
    attendance.create_index(["kiosk_id", "utc"], if_not_exists=True)  # a kiosk's latest punch: the clock check


def previous_punch(db: Database, employee_id: str, before_utc: str) -> tuple[str, datetime] | None:
    """The person's last punch (not voided) at or before `before_utc`: (direction, instant)."""
    row = db.execute("SELECT direction, utc FROM attendance WHERE employee_id = ? AND voided_at IS NULL "
                     "AND utc <= ? ORDER BY utc DESC, id DESC LIMIT 1", [employee_id, before_utc]).fetchone()
    return (row[0] or IN, parse_utc(row[1])) if row else None


def punch_row(instant: datetime, zone: ZoneInfo) -> dict[str, Any]:
    """The time columns of a punch at `instant`: the local wall time, UTC, zone and offset."""
    return {"timestamp": local_wall(instant, zone).isoformat(timespec="seconds"), "utc": utc_text(instant), "tz": zone.key,
            "utc_offset": offset_minutes(instant, zone)}
