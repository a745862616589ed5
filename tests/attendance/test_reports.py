"""The reports over everyone: daily rows, the monthly summary, the today board and the export
columns, on a small staff with a known month."""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from kiosk.app.settings import Settings
from kiosk.attendance.clock import utc_text
from kiosk.attendance.reports import (
    DAILY_COLUMNS,
    MONTHLY_COLUMNS,
    daily_rows,
    daily_table,
    daily_values,
    month_bounds,
    monthly_summary,
    monthly_values,
    summarize,
    today_board,
)
from kiosk.attendance.shifts import AttendancePolicy, policy_from_settings

UTC = timezone.utc
LATER = datetime(2027, 1, 1, tzinfo=UTC)


def make_policy(**fields) -> AttendancePolicy:
    values = {"time_zone": "Europe/Paris", "cooldown_seconds": 300,
              "shifts": {"day": {"start": "09:00", "end": "17:00"},
                         "night": {"start": "22:00", "end": "06:00", "overnight": True, "days_off": ["sun"]}},
              "department_shifts": {"Security": "night"}, "holidays": [{"date": "2026-10-05", "name": "Fête"}],
              **fields}
    return policy_from_settings(Settings(data_dir=Path("/nonexistent"), **values))


STAFF = [
    {"id": "E1", "name": "Ada", "department": "Office", "enrolled_at": "2025-01-01T08:00:00", "active": 1},
    {"id": "E2", "name": "Bob", "department": "Security", "enrolled_at": "2025-01-01T08:00:00", "active": 1},
    {"id": "E3", "name": "Cleo", "department": "Office", "enrolled_at": "2026-10-20T10:00:00", "active": 1},
    {"id": "E4", "name": "Dan", "department": "Office", "enrolled_at": "2025-01-01T08:00:00", "active": 0},
]


class Log:
    def __init__(self, policy: AttendancePolicy) -> None:
        self.policy, self.rows = policy, []

    def add(self, employee_id: str, wall: datetime, direction: str, **extra) -> None:
        self.rows.append({"id": len(self.rows) + 1, "employee_id": employee_id, "name": employee_id,
                          "utc": utc_text(wall.replace(tzinfo=self.policy.zone)), "direction": direction,
                          "method": "face", **extra})


def october(policy: AttendancePolicy) -> Log:
    """Ada works every weekday 08:55-17:05 except: late on the 7th (09:30), a forgotten check-out on
    the 14th, a corrected 21st; Bob works the nights Mon-Sat 22:00-06:00 of the first week only."""
    log = Log(policy)
    day = date(2026, 10, 1)
    while day.month == 10:
        if day.weekday() < 5 and day != date(2026, 10, 5):
            log.add("E1", datetime.combine(day, datetime.min.time()).replace(
                hour=9 if day.day == 7 else 8, minute=30 if day.day == 7 else 55), "in")
            if day.day != 14:
                log.add("E1", datetime.combine(day, datetime.min.time()).replace(hour=17, minute=5), "out",
                        method="correction" if day.day == 21 else "face")
        day += timedelta(days=1)
    for n in range(5, 11):  # Mon 5th .. Sat 10th (the 5th is a holiday: worked, flagged)
        start = datetime(2026, 10, n, 22, 0)
        log.add("E2", start, "in")
        log.add("E2", start + timedelta(hours=8), "out")
    log.add("E9", datetime(2026, 10, 2, 9, 0), "in")   # someone deleted since: their punches still count
    log.add("E9", datetime(2026, 10, 2, 12, 0), "out")
    return log


def test_the_monthly_summary_of_a_known_october() -> None:
    policy = make_policy()
    log = october(policy)
    start, end = month_bounds(2026, 10)
    summaries = {s.employee_id: s for s in monthly_summary(STAFF, log.rows, policy, start, end, LATER)}
    assert list(summaries) == ["E1", "E2", "E3", "E9"]  # by name; Dan is deactivated with no punches
    ada = summaries["E1"]
    # 22 weekdays, one a holiday: 21 worked; the 7th late and short of 8 h (a half day), the 14th
    # missing a check-out.
    assert (ada.days_present, ada.days_late, ada.half_days, ada.absences) == (19, 1, 1, 0)
    assert (ada.days_off, ada.holidays, ada.missing_out, ada.corrected_days) == (9, 1, 1, 1)
    assert ada.worked_minutes == 19 * (8 * 60 + 10) + (7 * 60 + 35)
    assert ada.late_minutes == 30 and ada.early_leave_minutes == 0
    bob = summaries["E2"]
    # Six nights of 8 h (the 5th a holiday but worked), absent on the other working nights.
    assert bob.days_present == 6 and bob.worked_minutes == 6 * 8 * 60 and bob.holidays == 0
    assert bob.days_off == 4 and bob.absences == 31 - 6 - 4
    cleo = summaries["E3"]  # enrolled on the 20th: absences only from then (9 weekdays)
    assert (cleo.absences, cleo.days_off, cleo.days_present) == (9, 3, 0)
    ghost = summaries["E9"]
    # Only the day with punches (3 h: a half day); no absences for someone no longer employed.
    assert (ghost.days_present, ghost.half_days, ghost.absences, ghost.worked_minutes) == (0, 1, 0, 180)
    # The summary is exactly the daily rows added up.
    rows = daily_rows(STAFF, log.rows, policy, start, end, LATER)
    assert summarize(sorted(rows, key=lambda r: r.name)) == list(summaries.values())


def test_daily_rows_cover_every_day_in_day_order() -> None:
    policy = make_policy()
    log = october(policy)
    rows = daily_rows(STAFF, log.rows, policy, date(2026, 10, 19), date(2026, 10, 21), LATER)
    assert [(r.day.day, r.employee_id) for r in rows] == [
        (19, "E1"), (19, "E2"), (20, "E1"), (20, "E2"), (20, "E3"), (21, "E1"), (21, "E2"), (21, "E3")]
    assert [r.status for r in rows if r.employee_id == "E3"] == ["absent", "absent"]
    with pytest.raises(ValueError, match="end 2026-10-01 is before its start 2026-10-02"):
        daily_rows(STAFF, log.rows, policy, date(2026, 10, 2), date(2026, 10, 1), LATER)


def test_the_today_board() -> None:
    policy = make_policy()
    log = Log(policy)
    log.add("E1", datetime(2026, 10, 21, 9, 40), "in")        # late, in
    log.add("E3", datetime(2026, 10, 21, 8, 0), "in")
    log.add("E3", datetime(2026, 10, 21, 10, 30), "out")      # gone already
    log.add("E2", datetime(2026, 10, 20, 22, 0), "in")        # last night's shift, never closed
    now = datetime(2026, 10, 21, 12, 0)
    board = today_board(STAFF, log.rows, policy, now)
    names = {group: [r.name for r in getattr(board, group)] for group in board.counts}
    # Bob's night of the 20th is over and never closed: a missing check-out (yesterday's), and on
    # today's night he has not yet arrived.
    assert names == {"inside": ["Ada"], "late": ["Ada"], "not_yet": ["Bob"], "absent": [],
                     "missing_out": ["Bob"], "left": ["Cleo"], "off": []}
    assert board.missing_out[0].day == date(2026, 10, 20) and board.counts["not_yet"] == 1
    # With automatic closing the night is closed (09:00 on the 21st), not left for HR.
    closing = today_board(STAFF, log.rows, make_policy(auto_close_out=True), now)
    assert closing.missing_out == () and [r.name for r in closing.not_yet] == ["Bob"]
    two = datetime(2026, 10, 21, 2, 0)
    before_two = [r for r in log.rows if r["utc"] <= utc_text(two.replace(tzinfo=policy.zone))]
    at_two = today_board(STAFF, before_two, policy, two)
    assert [r.name for r in at_two.inside] == ["Bob"] and at_two.inside[0].day == date(2026, 10, 20)
    evening = today_board(STAFF, log.rows, policy, datetime(2026, 10, 21, 23, 59))
    assert [r.name for r in evening.absent] == [] and [r.name for r in evening.not_yet] == ["Bob"]
    assert [r.name for r in evening.inside] == ["Ada"]  # the day can still take her check-out
    next_day = today_board(STAFF, log.rows, policy, datetime(2026, 10, 22, 17, 30))
    assert [r.name for r in next_day.absent] == ["Ada", "Cleo"]


def test_columns_and_values_agree() -> None:
    policy = make_policy()
    log = october(policy)
    rows = daily_rows(STAFF, log.rows, policy, date(2026, 10, 14), date(2026, 10, 14), LATER)
    values = daily_values(rows[0])
    assert [c.key for c in DAILY_COLUMNS] == list(values)
    assert values["first_in"] == "2026-10-14 08:55" and values["last_out"] == ""
    assert values["status"] == "Missing check-out" and values["missing_out"] == "yes"
    table, marked = daily_table(rows)
    assert len(table) == len(rows) and all(len(t) == len(DAILY_COLUMNS) for t in table)
    assert marked == [True, False]
    assert len({c.label for c in DAILY_COLUMNS}) == len(DAILY_COLUMNS)
    summary = monthly_summary(STAFF, log.rows, policy, *month_bounds(2026, 10), LATER)[0]
    monthly = monthly_values(summary)
    assert set(monthly) == {c.key for c in MONTHLY_COLUMNS}
    assert monthly["worked_hours"] == round(summary.worked_minutes / 60, 2)


def test_month_bounds() -> None:
    assert month_bounds(2026, 2) == (date(2026, 2, 1), date(2026, 2, 28))
    assert month_bounds(2028, 2) == (date(2028, 2, 1), date(2028, 2, 29))
    assert month_bounds(2026, 12) == (date(2026, 12, 1), date(2026, 12, 31))
    with pytest.raises(ValueError, match="month must be 1 to 12"):
        month_bounds(2026, 13)
