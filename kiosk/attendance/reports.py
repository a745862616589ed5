"""The attendance reports HR and payroll read: daily rows, the monthly summary per person, and the
"today" board, with the export columns (keys and header labels) the CSV/XLSX writers and the
screens share.

Why here: the reports are the daily derivation (kiosk.attendance.daily) applied to everyone, in one
pass over the punches grouped by person; nothing is stored.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any, Callable, Iterable, Mapping, NamedTuple

from kiosk.attendance.clock import instant_at
from kiosk.attendance.daily import (
    ABSENT,
    DAY_OFF,
    HALF_DAY,
    HOLIDAY,
    IN,
    LATE,
    MISSING_OUT,
    NOT_YET,
    PRESENT,
    DayRecord,
    person_days,
)
from kiosk.attendance.shifts import AttendancePolicy


class Column(NamedTuple):
    key: str
    label: str


DAILY_COLUMNS: tuple[Column, ...] = (
    Column("day", "Date"),
    Column("employee_id", "Employee ID"),
    Column("name", "Name"),
    Column("department", "Department"),
    Column("shift", "Shift"),
    Column("status", "Status"),
    Column("first_in", "In"),
    Column("last_out", "Out"),
    Column("worked_hours", "Worked hours"),
    Column("worked_minutes", "Worked minutes"),
    Column("late_minutes", "Late minutes"),
    Column("early_leave_minutes", "Early leave minutes"),
    Column("missing_out", "Missing check-out"),
    Column("auto_closed", "Closed automatically"),
    Column("long_session", "Long session"),
    Column("corrected", "Corrected"),
    Column("punches", "Punches"),
    Column("flags", "Notes"),
)

MONTHLY_COLUMNS: tuple[Column, ...] = (
    Column("employee_id", "Employee ID"),
    Column("name", "Name"),
    Column("department", "Department"),
    Column("shift", "Shift"),
    Column("days_present", "Days present"),
    Column("days_late", "Days late"),
    Column("half_days", "Half days"),
    Column("absences", "Absences"),
    Column("days_off", "Days off"),
    Column("holidays", "Holidays"),
    Column("worked_hours", "Worked hours"),
    Column("late_minutes", "Late minutes"),
    Column("early_leave_minutes", "Early leave minutes"),
    Column("missing_out", "Missing check-outs"),
    Column("corrected_days", "Corrected days"),
)

STATUS_LABELS = {PRESENT: "Present", LATE: "Late", HALF_DAY: "Half day", ABSENT: "Absent",
                 DAY_OFF: "Day off", HOLIDAY: "Holiday", MISSING_OUT: "Missing check-out",
                 IN: "In", NOT_YET: "Not yet arrived"}


@dataclass(frozen=True)
class MonthSummary:
    employee_id: str
    name: str
    department: str
    shift: str
    days_present: int = 0
    days_late: int = 0
    half_days: int = 0
    absences: int = 0
    days_off: int = 0
    holidays: int = 0
    worked_minutes: int = 0
    late_minutes: int = 0
    early_leave_minutes: int = 0
    missing_out: int = 0
    corrected_days: int = 0

    @property
    def worked_hours(self) -> float:
        return self.worked_minutes / 60


@dataclass(frozen=True)
class TodayBoard:
    """Who is where right now. `late` overlaps the others (a late person is also in or left)."""
    inside: tuple[DayRecord, ...] = ()
    late: tuple[DayRecord, ...] = ()
    not_yet: tuple[DayRecord, ...] = ()
    absent: tuple[DayRecord, ...] = ()
    missing_out: tuple[DayRecord, ...] = ()
    left: tuple[DayRecord, ...] = ()
    off: tuple[DayRecord, ...] = ()
    counts: dict[str, int] = field(default_factory=dict)


def _people(employees: Iterable[Mapping[str, Any]],
            punches: Iterable[Mapping[str, Any]]) -> list[tuple[Mapping[str, Any], list]]:
    """Each person to report with their punches, by name: the active (or left) employees and anyone
    with punches (a deleted person's punches carry their name)."""
    by_person: dict[str, list] = defaultdict(list)
    for punch in punches:
        by_person[punch["employee_id"]].append(punch)
    people = []
    for employee in employees:
        rows = by_person.pop(employee["id"], [])
        if employee.get("active", 1) or employee.get("left_at") or rows:
            people.append((employee, rows))
    for key, rows in by_person.items():
        people.append(({"id": key, "name": str(rows[0].get("name") or ""), "active": 0}, rows))
    people.sort(key=lambda item: (str(item[0].get("name") or "").casefold(), str(item[0]["id"])))
    return people


def daily_rows(employees: Iterable[Mapping[str, Any]], punches: Iterable[Mapping[str, Any]],
               policy: AttendancePolicy, start: date, end: date,
               now: datetime | None = None) -> list[DayRecord]:
    """One DayRecord per person and attendance day start..end, by day then name. `punches`: the
    punch dicts of the store from start - 1 day to end + 1 day (night shifts)."""
    if end < start:
        raise ValueError(f"the report's end {end.isoformat()} is before its start {start.isoformat()}")
    records: list[DayRecord] = []
    for employee, rows in _people(employees, punches):
        records.extend(person_days(employee, rows, policy, start, end, now))
    records.sort(key=lambda r: r.day)  # stable: names stay in order within a day
    return records


def summarize(records: Iterable[DayRecord]) -> list[MonthSummary]:
    """Per person, in the order the people first appear: the month's counts and totals."""
    totals: dict[str, dict[str, Any]] = {}
    for record in records:
        row = totals.get(record.employee_id)
        if row is None:
            row = totals[record.employee_id] = dict(
                employee_id=record.employee_id, name=record.name, department=record.department,
                shift=record.shift, days_present=0, days_late=0, half_days=0, absences=0,
                days_off=0, holidays=0, worked_minutes=0, late_minutes=0, early_leave_minutes=0,
                missing_out=0, corrected_days=0)
        status = record.status
        if status in (PRESENT, LATE, IN):
            row["days_present"] += 1
        elif status == HALF_DAY:
            row["half_days"] += 1
        elif status == ABSENT:
            row["absences"] += 1
        elif status == DAY_OFF:
            row["days_off"] += 1
        elif status == HOLIDAY:
            row["holidays"] += 1
        if record.late_minutes:
            row["days_late"] += 1
        row["worked_minutes"] += record.worked_minutes
        row["late_minutes"] += record.late_minutes
        row["early_leave_minutes"] += record.early_leave_minutes
        row["missing_out"] += record.missing_out
        row["corrected_days"] += record.corrected
    return [MonthSummary(**row) for row in totals.values()]


def monthly_summary(employees: Iterable[Mapping[str, Any]], punches: Iterable[Mapping[str, Any]],
                    policy: AttendancePolicy, start: date, end: date,
                    now: datetime | None = None) -> list[MonthSummary]:
    """Per person (by name) over start..end: days present, late, half, absent, off, holidays,
    worked hours, late and early-leave minutes, missing check-outs, corrected days."""
    if end < start:
        raise ValueError(f"the report's end {end.isoformat()} is before its start {start.isoformat()}")
    records: list[DayRecord] = []
    for employee, rows in _people(employees, punches):
        records.extend(person_days(employee, rows, policy, start, end, now))
    return summarize(records)


def today_board(employees: Iterable[Mapping[str, Any]], punches: Iterable[Mapping[str, Any]],
                policy: AttendancePolicy, now: datetime | None = None) -> TodayBoard:
    """Everyone's current attendance day (a night-shift worker at 02:00 is still on yesterday's):
    who is in, late, not yet arrived, absent, gone for the day, or off; and whose previous day
    ended without a check-out (for HR to fix), which, like `late`, overlaps the other groups.
    `punches`: from the day before yesterday on."""
    now_utc = instant_at(now, policy.zone)
    groups: dict[str, list[DayRecord]] = {k: [] for k in ("inside", "late", "not_yet", "absent",
                                                          "missing_out", "left", "off")}
    for employee, rows in _people(employees, punches):
        day = policy.attendance_day(now_utc, policy.shift_for(employee))
        records = person_days(employee, rows, policy, day - timedelta(days=1), day, now_utc)
        for record in records:
            if record.missing_out and not record.auto_closed:
                groups["missing_out"].append(record)
        if not records or records[-1].day != day:
            continue
        record = records[-1]
        status = record.status
        if status == IN:
            groups["inside"].append(record)
        elif status == NOT_YET:
            groups["not_yet"].append(record)
        elif status == ABSENT:
            groups["absent"].append(record)
        elif status in (DAY_OFF, HOLIDAY):
            groups["off"].append(record)
        else:
            groups["left"].append(record)
        if record.late_minutes:
            groups["late"].append(record)
    return TodayBoard(**{k: tuple(v) for k, v in groups.items()},
                      counts={k: len(v) for k, v in groups.items()})


def _clock(moment: datetime | None) -> str:
    return moment.strftime("%Y-%m-%d %H:%M") if moment else ""


def daily_values(record: DayRecord) -> dict[str, Any]:
    """A DayRecord as export values, keyed like DAILY_COLUMNS."""
    return {
        "day": record.day.isoformat(), "employee_id": record.employee_id, "name": record.name,
        "department": record.department, "shift": record.shift,
        "status": STATUS_LABELS.get(record.status, record.status),
        "first_in": _clock(record.first_in), "last_out": _clock(record.last_out),
        "worked_hours": round(record.worked_minutes / 60, 2), "worked_minutes": record.worked_minutes,
        "late_minutes": record.late_minutes, "early_leave_minutes": record.early_leave_minutes,
        "missing_out": "yes" if record.missing_out else "", "auto_closed": "yes" if record.auto_closed else "",
        "long_session": "yes" if record.long_session else "", "corrected": "yes" if record.corrected else "",
        "punches": record.punches,
        "flags": " ".join(f for f in record.flags if f != "corrected")
        + (f" {record.holiday}" if record.holiday else ""),
    }


def monthly_values(summary: MonthSummary) -> dict[str, Any]:
    """A MonthSummary as export values, keyed like MONTHLY_COLUMNS."""
    values = {c.key: getattr(summary, c.key) for c in MONTHLY_COLUMNS if c.key != "worked_hours"}
    values["worked_hours"] = round(summary.worked_minutes / 60, 2)
    return values


def table_rows(values: Iterable[Mapping[str, Any]], columns: tuple[Column, ...]) -> list[tuple]:
    """Value dicts as tuples in the columns' order (what a CSV/XLSX writer takes)."""
    return [tuple(v[c.key] for c in columns) for v in values]


def daily_table(records: Iterable[DayRecord],
                word: Callable[[str], str] | None = None) -> tuple[list[tuple], list[bool]]:
    """The daily export: rows in DAILY_COLUMNS order and which rows to mark (corrected days or a
    missing check-out, for HR to look at). With `word` (a sheet for people, in their language:
    spreadsheet.SheetWording.word) the day is a date cell and the status, "yes" and each flag go
    through `word`; without, the values are the CSV's stable English."""
    records = list(records)
    values = [daily_values(r) for r in records]
    if word is not None:
        for record, row in zip(records, values):
            row["day"] = record.day
            row["status"] = word(row["status"])
            for key in ("missing_out", "auto_closed", "long_session", "corrected"):
                row[key] = word(row[key]) if row[key] else ""
            row["flags"] = ", ".join([word(f) for f in record.flags if f != "corrected"]
                                     + ([record.holiday] if record.holiday else []))
    return (table_rows(values, DAILY_COLUMNS), [r.corrected or r.missing_out or r.long_session for r in records])


def month_bounds(year: int, month: int) -> tuple[date, date]:
    """The first and last day of a month."""
    if not 1 <= month <= 12:
        raise ValueError(f"month must be 1 to 12, got {month}")
    first = date(year, month, 1)
    following = date(year + month // 12, month % 12 + 1, 1)
    return first, following - timedelta(days=1)
