"""A person's attendance days derived from their punches: IN, OUT, worked time, lateness, status.

Why: attendance is never typed in by hand; it is recomputed from the punches (and the shifts) every
time it is shown, so a correction or a changed shift shows at once. Durations are differences of
UTC instants (a night across a clock change is 7 or 9 hours, not 8); day boundaries and shift times
are wall times in the site's zone. One pass over a person's punches, sorted once.

Rules (issue 23, TA_CONTRACT.md):
- a punch belongs to the shift day whose window [start - earliest_in, end + latest_out) holds it,
  else to its local date; voided punches are ignored (the day is marked corrected, as it is for a
  correction punch); repeated punches of one direction within the duplicate window count once;
- worked: first IN to last OUT ("first_last") or the sum of IN->OUT pairs ("pairs"; break_out ends
  a pair, break_in starts one); floor of whole minutes. Late and early-leave minutes are rounded up;
- a day still open when it is over is a missing check-out: closed at shift end + the tolerance
  (auto_closed) when the site says so, else status missing_out; a session open (until the person's
  next punch, or now) longer than max_session_hours is flagged long_session either way;
- today: "in" while a session is open and the day can still take punches; "not_yet" with no punch
  before the shift's end (and on future days), "absent" after it.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, Iterable, Mapping

from kiosk.attendance.clock import as_utc, instant_at, local_wall, parse_utc
from kiosk.attendance.shifts import AttendancePolicy, Shift, ShiftDay

STARTS = frozenset({"in", "break_in"})
ENDS = frozenset({"out", "break_out"})
DIRECTIONS = STARTS | ENDS

PRESENT, LATE, HALF_DAY, ABSENT = "present", "late", "half_day", "absent"
DAY_OFF, HOLIDAY, MISSING_OUT, IN, NOT_YET = "day_off", "holiday", "missing_out", "in", "not_yet"
STATUSES = (PRESENT, LATE, HALF_DAY, ABSENT, DAY_OFF, HOLIDAY, MISSING_OUT, IN, NOT_YET)


@dataclass(frozen=True)
class DayRecord:
    """One person on one attendance day. first_in / last_out are local naive times in the site's
    zone (last_out may be the next calendar day for a night shift; None when there is none)."""
    day: date
    employee_id: str
    name: str
    department: str
    shift: str
    status: str
    first_in: datetime | None = None
    last_out: datetime | None = None
    worked_minutes: int = 0
    late_minutes: int = 0
    early_leave_minutes: int = 0
    missing_out: bool = False
    auto_closed: bool = False
    long_session: bool = False
    corrected: bool = False
    punches: int = 0
    holiday: str | None = None
    flags: tuple[str, ...] = ()

    @property
    def worked_hours(self) -> float:
        return self.worked_minutes / 60


def punch_instant(punch: Mapping[str, Any], policy: AttendancePolicy) -> datetime:
    """A punch dict's UTC instant: its `utc` text, else its local `timestamp` in the site's zone."""
    text = punch.get("utc")
    if text:
        return parse_utc(text)
    return as_utc(datetime.fromisoformat(punch["timestamp"]), policy.zone)


def employment_day(value: object) -> date | None:
    """enrolled_at / left_at ("YYYY-MM-DDTHH:MM:SS", "YYYY-MM-DD", a date) as a date; empty: None."""
    if not value:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


@dataclass
class _Day:
    punches: list[tuple[datetime, str]]
    corrected: bool = False
    duplicates: int = 0


def _group_days(punches: Iterable[Mapping[str, Any]], shift: Shift,
                policy: AttendancePolicy) -> dict[date, _Day]:
    """The person's punches by attendance day, voided ones and duplicates left out. One walk: the
    punches in UTC order beside the shift's windows in day order (policy.attendance_day's rule)."""
    rows = sorted(punches, key=lambda p: (p.get("utc") or "", p.get("id") or 0))
    days: dict[date, _Day] = {}
    if not rows:
        return days
    instants = [punch_instant(p, policy) for p in rows]
    windows = _windows(shift, policy, policy.local_date(instants[0]) - timedelta(days=1),
                       policy.local_date(instants[-1]) + timedelta(days=1))
    duplicate = timedelta(seconds=policy.duplicate_seconds)
    last: tuple[datetime, str] | None = None
    at = 0
    for punch, instant in zip(rows, instants):
        while at < len(windows) and windows[at].window_end <= instant:
            at += 1
        if at < len(windows) and windows[at].window_start <= instant:
            day = windows[at].day
        else:
            day = policy.local_date(instant)
        entry = days.get(day)
        if entry is None:
            entry = days[day] = _Day([])
        if punch.get("method") == "correction" or punch.get("voided_at"):
            entry.corrected = True
            if punch.get("voided_at"):
                continue
        direction = punch.get("direction")
        if direction not in DIRECTIONS:
            raise ValueError(f"punch {punch.get('id')!r} has direction {direction!r}; a punch is "
                             f"in, out, break_out or break_in")
        if last is not None and last[1] == direction and instant - last[0] <= duplicate:
            entry.duplicates += 1
            continue
        last = (instant, direction)
        entry.punches.append(last)
    return days


def _windows(shift: Shift, policy: AttendancePolicy, first: date, last: date) -> list[ShiftDay]:
    days = []
    day = first
    while day <= last:
        days.append(policy.shift_day(shift, day))
        day += timedelta(days=1)
    return days


def person_days(employee: Mapping[str, Any], punches: Iterable[Mapping[str, Any]],
                policy: AttendancePolicy, start: date, end: date,
                now: datetime | None = None) -> list[DayRecord]:
    """The DayRecords of one person for the attendance days start..end (inclusive), from that
    person's punch dicts (pass them from the day before `start` to the day after `end`: a night
    shift's morning belongs to the day before). No record for a day without punches outside the
    person's employment (before enrolled_at, after left_at, or at all once deactivated)."""
    now_utc = instant_at(now, policy.zone)
    shift = policy.shift_for(employee)
    days = _group_days(punches, shift, policy)
    enrolled = employment_day(employee.get("enrolled_at"))
    left = employment_day(employee.get("left_at"))
    active = bool(employee.get("active", 1)) or left is not None
    punched = sorted(d for d, e in days.items() if e.punches)
    next_punch = {d: days[n].punches[0][0] for d, n in zip(punched, punched[1:])}
    records = []
    day = start
    while day <= end:
        entry = days.get(day)
        employed = active and (enrolled is None or day >= enrolled) and (left is None or day <= left)
        if employed or (entry is not None and entry.punches):
            records.append(derive_day(employee, shift, day, entry.punches if entry else [], policy,
                                      now_utc, corrected=bool(entry and entry.corrected),
                                      next_punch=next_punch.get(day),
                                      duplicates=entry.duplicates if entry else 0))
        day += timedelta(days=1)
    return records


def _ceil_minutes(delta: timedelta) -> int:
    return max(0, math.ceil(delta.total_seconds() / 60))


def derive_day(employee: Mapping[str, Any], shift: Shift, day: date,
               punches: list[tuple[datetime, str]], policy: AttendancePolicy, now: datetime,
               corrected: bool = False, next_punch: datetime | None = None,
               duplicates: int = 0) -> DayRecord:
    """One day's record from its effective punches ((UTC instant, direction), sorted)."""
    when = policy.shift_day(shift, day)
    holiday = policy.holiday(day)
    off = holiday is not None or shift.is_day_off(day)
    flags: list[str] = []
    base: dict[str, Any] = dict(day=day, employee_id=str(employee.get("id") or employee.get("employee_id") or ""),
                name=str(employee.get("name") or ""), department=str(employee.get("department") or ""),
                shift=shift.name, corrected=corrected, holiday=holiday)
    if corrected:
        flags.append("corrected")
    if holiday is not None:
        flags.append("holiday")
    if not punches:
        if holiday is not None:
            status = HOLIDAY
        elif off:
            status = DAY_OFF
        else:
            status = NOT_YET if now < when.end else ABSENT
        return DayRecord(status=status, flags=tuple(flags), **base)
    if duplicates:
        flags.append("duplicates_ignored")
    first_in, last_end, open_at, longest = _sessions(punches, flags)
    paired = _paired_seconds(punches)
    day_over = now >= when.closes
    missing = auto_closed = long_session = False
    last_out = last_end
    if open_at is not None:
        open_until = next_punch if next_punch is not None else now
        longest = max(longest, (open_until - open_at).total_seconds())
        if not day_over:
            close = max(now, open_at)
            paired += (close - open_at).total_seconds()
            last_end = close  # worked so far, counted to now
        else:
            missing = True
            flags.append("missing_out")
            if policy.auto_close_out:
                close = max(when.end + timedelta(minutes=policy.auto_close_after_minutes), open_at)
                paired += (close - open_at).total_seconds()
                last_end = last_out = close
                auto_closed = True
                flags.append("auto_closed")
    if longest > policy.max_session_hours * 3600:
        long_session = True
        flags.append("long_session")
    if shift.hours == "pairs":
        seconds = paired
    else:
        seconds = (last_end - first_in).total_seconds() if first_in and last_end and last_end > first_in else 0
    worked = int(seconds // 60)
    late = early = 0
    if not off and first_in is not None and first_in > when.start + timedelta(minutes=shift.late_grace_minutes):
        late = _ceil_minutes(first_in - when.start)
        flags.append("late")
    if (not off and open_at is None and last_out is not None
            and last_out < when.end - timedelta(minutes=shift.early_grace_minutes)):
        early = _ceil_minutes(when.end - last_out)
        flags.append("early_leave")
    if first_in is None:
        flags.append("missing_in")
    if off:
        flags.append("worked_off_day")
    if open_at is not None and not day_over:
        status = IN
    elif off:
        status = PRESENT
    elif missing and not auto_closed:
        status = MISSING_OUT
    elif worked == 0:
        status = NOT_YET if first_in is None and now < when.end else ABSENT
    elif worked >= shift.full_day_hours * 60:
        status = LATE if late else PRESENT
    else:
        status = HALF_DAY
    zone = policy.zone
    return DayRecord(
        status=status,
        first_in=local_wall(first_in, zone) if first_in else None,
        last_out=local_wall(last_out, zone) if last_out else None,
        worked_minutes=worked, late_minutes=late, early_leave_minutes=early,
        missing_out=missing, auto_closed=auto_closed, long_session=long_session,
        punches=len(punches), flags=tuple(flags), **base)


def _sessions(punches: list[tuple[datetime, str]],
              flags: list[str]) -> tuple[datetime | None, datetime | None, datetime | None, float]:
    """First start, last end after it, the start still open at the end (or None), and the longest
    closed IN->OUT pair in seconds."""
    first_in = last_end = open_at = None
    longest = 0.0
    for instant, direction in punches:
        if direction in STARTS:
            if first_in is None:
                first_in = instant
            if open_at is None:
                open_at = instant
        else:
            if open_at is not None:
                longest = max(longest, (instant - open_at).total_seconds())
                open_at = None
            if first_in is not None:
                last_end = instant
            elif "out_before_in" not in flags:
                flags.append("out_before_in")
    return first_in, last_end, open_at, longest


def _paired_seconds(punches: list[tuple[datetime, str]]) -> float:
    """The sum of closed IN->OUT pairs (a second IN while in is ignored, as is an OUT while out)."""
    total = 0.0
    open_at = None
    for instant, direction in punches:
        if direction in STARTS:
            if open_at is None:
                open_at = instant
        elif open_at is not None:
            total += (instant - open_at).total_seconds()
            open_at = None
    return total
