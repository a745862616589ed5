"""Attendance days derived from punches, computed with real zoneinfo: the clock changes in Paris and
New York, nights across midnight, duplicates, pairs and first-last, forgotten check-outs, long
sessions, days off and holidays, employment bounds, corrections."""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.app.settings import Settings
from kiosk.attendance.clock import utc_text
from kiosk.attendance.daily import person_days
from kiosk.attendance.shifts import AttendancePolicy, policy_from_settings

UTC = timezone.utc
DAY = {"start": "09:00", "end": "17:00", "days_off": ["sat", "sun"]}
NIGHT = {"start": "22:00", "end": "06:00", "overnight": True, "days_off": []}
LATER = datetime(2027, 1, 1, tzinfo=UTC)  # "now" for days long over


def policy(zone: str = "Europe/Paris", **fields) -> AttendancePolicy:
    values = {"shifts": {"day": DAY, "night": NIGHT}, "cooldown_seconds": 300, **fields}
    return policy_from_settings(Settings(data_dir=Path("/nonexistent"), time_zone=zone, **values))


class Punches:
    """Punch dicts as the store returns them, from local wall times in the policy's zone."""

    def __init__(self, policy: AttendancePolicy, employee_id: str = "E1") -> None:
        self.policy, self.employee_id, self.rows = policy, employee_id, []

    def add(self, wall: datetime, direction: str, fold: int = 0, **extra) -> dict:
        instant = wall.replace(tzinfo=self.policy.zone, fold=fold)
        row = {"id": len(self.rows) + 1, "employee_id": self.employee_id, "name": "Ada",
               "utc": utc_text(instant), "timestamp": wall.isoformat(), "tz": self.policy.zone.key,
               "direction": direction, "method": "face", "voided_at": None, **extra}
        self.rows.append(row)
        return row


def one_day(pol: AttendancePolicy, rows: list[dict], day: date, shift: str = "day",
            now: datetime = LATER, **employee):
    records = person_days({"id": "E1", "name": "Ada", "shift": shift, **employee}, rows, pol, day, day, now)
    assert len(records) == 1
    return records[0]


def test_a_night_shift_on_the_autumn_change_is_nine_hours() -> None:
    pol = policy()
    p = Punches(pol)
    p.add(datetime(2026, 10, 24, 22, 0), "in")
    p.add(datetime(2026, 10, 25, 6, 0), "out")
    record = one_day(pol, p.rows, date(2026, 10, 24), "night")
    assert record.worked_minutes == 9 * 60
    assert record.first_in == datetime(2026, 10, 24, 22, 0) and record.last_out == datetime(2026, 10, 25, 6, 0)
    assert (record.status, record.late_minutes, record.early_leave_minutes) == ("present", 0, 0)
    # The next (calendar) day has no punch of its own: the morning belonged to the 24th.
    assert one_day(pol, p.rows, date(2026, 10, 25), "night").status == "absent"


def test_a_night_shift_on_the_spring_change_is_seven_hours() -> None:
    pol = policy()
    p = Punches(pol)
    p.add(datetime(2026, 3, 28, 21, 55), "in")
    p.add(datetime(2026, 3, 29, 6, 5), "out")
    record = one_day(pol, p.rows, date(2026, 3, 28), "night")
    assert record.worked_minutes == 7 * 60 + 10
    assert record.status == "half_day"  # 7 h 10 < the 8 h of a full day


def test_punches_inside_the_repeated_autumn_hour_are_told_apart() -> None:
    """01:30 -> 02:30 (first pass) -> 02:15 (second pass) -> 05:00: the UTC order and durations hold."""
    pol = policy()
    p = Punches(pol)
    p.add(datetime(2026, 10, 24, 22, 0), "in")
    p.add(datetime(2026, 10, 25, 2, 30), "break_out", fold=0)   # 00:30Z
    p.add(datetime(2026, 10, 25, 2, 15), "break_in", fold=1)    # 01:15Z
    p.add(datetime(2026, 10, 25, 6, 0), "out")
    first_last = one_day(pol, p.rows, date(2026, 10, 24), "night")
    assert first_last.worked_minutes == 540
    pairs = one_day(policy(shifts={"night": {**NIGHT, "hours": "pairs"}}, default_shift="night"),
                    p.rows, date(2026, 10, 24), "night")
    assert pairs.worked_minutes == 540 - 45


def test_a_day_shift_on_the_spring_change_is_at_local_nine() -> None:
    pol = policy(shifts={"day": {**DAY, "days_off": []}})
    p = Punches(pol)
    p.add(datetime(2026, 3, 29, 9, 25), "in")   # 07:25Z: 25 minutes late by the summer clock
    p.add(datetime(2026, 3, 29, 16, 40), "out")
    record = one_day(pol, p.rows, date(2026, 3, 29))
    assert (record.late_minutes, record.early_leave_minutes) == (25, 20)
    assert record.worked_minutes == 7 * 60 + 15 and record.status == "half_day"
    assert record.flags == ("late", "early_leave")


def test_a_shift_across_the_spring_gap_counts_real_hours() -> None:
    pol = policy(shifts={"day": {"start": "00:30", "end": "08:30", "days_off": [], "earliest_in_minutes": 30}})
    p = Punches(pol)
    p.add(datetime(2026, 3, 29, 0, 30), "in")
    p.add(datetime(2026, 3, 29, 8, 30), "out")
    record = one_day(pol, p.rows, date(2026, 3, 29))
    assert record.worked_minutes == 7 * 60 and record.late_minutes == 0 and record.early_leave_minutes == 0


def test_new_york_changes_in_both_directions() -> None:
    pol = policy("America/New_York", shifts={"night": {**NIGHT, "start": "23:00", "end": "07:00"}},
                 default_shift="night")
    p = Punches(pol)
    p.add(datetime(2026, 3, 7, 23, 0), "in")   # EST
    p.add(datetime(2026, 3, 8, 7, 0), "out")   # EDT: 7 real hours
    p.add(datetime(2026, 10, 31, 23, 0), "in")  # EDT
    p.add(datetime(2026, 11, 1, 7, 0), "out")   # EST: 9 real hours
    records = person_days({"id": "E1", "name": "Ada"}, p.rows, pol, date(2026, 3, 7), date(2026, 3, 8), LATER)
    assert [(r.day, r.worked_minutes) for r in records] == [(date(2026, 3, 7), 420), (date(2026, 3, 8), 0)]
    autumn = one_day(pol, p.rows, date(2026, 10, 31), "night")
    assert autumn.worked_minutes == 540 and autumn.first_in == datetime(2026, 10, 31, 23, 0)


def test_repeated_punches_within_the_duplicate_window_count_once() -> None:
    pol = policy()  # 300 s
    p = Punches(pol)
    p.add(datetime(2026, 3, 4, 9, 0), "in")
    p.add(datetime(2026, 3, 4, 9, 4), "in")      # within 5 min: the same check-in
    p.add(datetime(2026, 3, 4, 17, 5), "out")
    p.add(datetime(2026, 3, 4, 17, 9, 59), "out")  # again within 5 min
    record = one_day(pol, p.rows, date(2026, 3, 4))
    assert record.punches == 2 and "duplicates_ignored" in record.flags
    assert record.last_out == datetime(2026, 3, 4, 17, 5) and record.worked_minutes == 8 * 60 + 5
    # With no window every punch counts: the last OUT is the later one.
    wide = one_day(policy(cooldown_seconds=0), p.rows, date(2026, 3, 4))
    assert wide.punches == 4 and wide.last_out == datetime(2026, 3, 4, 17, 9, 59)


def test_pairs_leave_breaks_out_and_first_last_keeps_them() -> None:
    p = Punches(policy())
    p.add(datetime(2026, 3, 4, 8, 50), "in")
    p.add(datetime(2026, 3, 4, 12, 0), "break_out")
    p.add(datetime(2026, 3, 4, 13, 0), "break_in")
    p.add(datetime(2026, 3, 4, 17, 10), "out")
    first_last = one_day(policy(), p.rows, date(2026, 3, 4))
    pairs = one_day(policy(shifts={"day": {**DAY, "hours": "pairs"}}), p.rows, date(2026, 3, 4))
    assert first_last.worked_minutes == 8 * 60 + 20 and first_last.status == "present"
    assert pairs.worked_minutes == 7 * 60 + 20 and pairs.status == "half_day"


def test_a_forgotten_check_out_is_left_for_hr_or_closed_automatically() -> None:
    p = Punches(policy())
    p.add(datetime(2026, 3, 4, 9, 20), "in")
    left = one_day(policy(), p.rows, date(2026, 3, 4))
    assert (left.status, left.missing_out, left.auto_closed) == ("missing_out", True, False)
    assert left.worked_minutes == 0 and left.last_out is None and left.late_minutes == 20
    closed = one_day(policy(auto_close_out=True, auto_close_after_minutes=60), p.rows, date(2026, 3, 4))
    assert (closed.status, closed.missing_out, closed.auto_closed) == ("late", True, True)
    assert closed.last_out == datetime(2026, 3, 4, 18, 0) and closed.worked_minutes == 8 * 60 + 40
    assert closed.early_leave_minutes == 0 and "auto_closed" in closed.flags


def test_auto_close_counts_to_the_close_in_pairs_mode() -> None:
    pol = policy(shifts={"day": {**DAY, "hours": "pairs"}}, auto_close_out=True, auto_close_after_minutes=0)
    p = Punches(pol)
    p.add(datetime(2026, 3, 4, 9, 0), "in")
    p.add(datetime(2026, 3, 4, 12, 0), "break_out")
    p.add(datetime(2026, 3, 4, 14, 0), "break_in")
    record = one_day(pol, p.rows, date(2026, 3, 4))
    assert record.auto_closed and record.worked_minutes == 3 * 60 + 3 * 60 and record.status == "half_day"


def test_a_session_open_too_long_is_always_flagged() -> None:
    pol = policy(auto_close_out=True)
    p = Punches(pol)
    p.add(datetime(2026, 3, 4, 9, 0), "in")             # never checked out ...
    p.add(datetime(2026, 3, 5, 8, 55), "in")            # ... until the next morning: 24 h open
    p.add(datetime(2026, 3, 5, 17, 0), "out")
    p.add(datetime(2026, 3, 6, 7, 0), "in")             # a closed 16 h 30 session
    p.add(datetime(2026, 3, 6, 23, 30), "out")
    days = person_days({"id": "E1", "name": "Ada"}, p.rows, pol, date(2026, 3, 4), date(2026, 3, 6), LATER)
    assert [(r.long_session, r.auto_closed, r.missing_out) for r in days] == [
        (True, True, True), (False, False, False), (True, False, False)]
    assert days[2].worked_minutes == 16 * 60 + 30
    # Under the limit: not flagged (a 24 h limit, the same punches).
    relaxed = person_days({"id": "E1"}, p.rows, policy(max_session_hours=24.5), date(2026, 3, 4),
                          date(2026, 3, 6), LATER)
    assert [r.long_session for r in relaxed] == [False, False, False]


def test_today_in_not_yet_and_absent() -> None:
    pol = policy()
    p = Punches(pol)
    p.add(datetime(2026, 3, 4, 8, 57), "in")
    at = datetime(2026, 3, 4, 12, 0)  # naive: site local time
    record = one_day(pol, p.rows, date(2026, 3, 4), now=at)
    assert (record.status, record.worked_minutes, record.missing_out) == ("in", 183, False)
    assert one_day(pol, [], date(2026, 3, 4), now=at).status == "not_yet"
    assert one_day(pol, [], date(2026, 3, 4), now=datetime(2026, 3, 4, 17, 1)).status == "absent"
    assert one_day(pol, [], date(2026, 3, 5), now=at).status == "not_yet"  # tomorrow
    # Still "in" after the shift's end while punches may come (overtime), missing when the day is over.
    assert one_day(pol, p.rows, date(2026, 3, 4), now=datetime(2026, 3, 4, 20, 0)).status == "in"
    assert one_day(pol, p.rows, date(2026, 3, 5), now=datetime(2026, 3, 5, 0, 1)).status == "not_yet"
    assert one_day(pol, p.rows, date(2026, 3, 4), now=datetime(2026, 3, 5, 0, 1)).status == "missing_out"


def test_days_off_and_holidays_with_and_without_work() -> None:
    pol = policy(holidays=[{"date": "2026-03-04", "name": "Founders' Day"}])
    p = Punches(pol)
    p.add(datetime(2026, 3, 7, 10, 30), "in")   # a Saturday
    p.add(datetime(2026, 3, 7, 13, 0), "out")
    saturday = one_day(pol, p.rows, date(2026, 3, 7))
    assert (saturday.status, saturday.worked_minutes, saturday.late_minutes) == ("present", 150, 0)
    assert saturday.early_leave_minutes == 0 and "worked_off_day" in saturday.flags
    assert one_day(pol, p.rows, date(2026, 3, 8)).status == "day_off"
    holiday = one_day(pol, p.rows, date(2026, 3, 4))
    assert (holiday.status, holiday.holiday) == ("holiday", "Founders' Day")


def test_no_absences_outside_employment() -> None:
    pol = policy(shifts={"day": {**DAY, "days_off": []}})
    p = Punches(pol)
    p.add(datetime(2026, 3, 25, 9, 0), "in")   # after leaving (a late correction, say): still shown
    p.add(datetime(2026, 3, 25, 17, 0), "out")
    employee = {"id": "E1", "name": "Ada", "enrolled_at": "2026-03-10T14:02:00", "left_at": "2026-03-20T18:00:00"}
    days = person_days(employee, p.rows, pol, date(2026, 3, 1), date(2026, 3, 31), LATER)
    assert [r.day.day for r in days] == [*range(10, 21), 25]
    assert {r.status for r in days[:-1]} == {"absent"} and days[-1].status == "present"
    gone = person_days({**employee, "left_at": None, "active": 0}, [], pol, date(2026, 3, 1), date(2026, 3, 31), LATER)
    assert gone == []


def test_voided_and_correction_punches() -> None:
    pol = policy()
    p = Punches(pol)
    p.add(datetime(2026, 3, 4, 9, 0), "in")
    p.add(datetime(2026, 3, 4, 11, 0), "out", voided_at="2026-03-05T08:00:00Z", void_reason="walked past")
    p.add(datetime(2026, 3, 4, 17, 30), "out", method="correction", reason="forgot", added_by="hr")
    record = one_day(pol, p.rows, date(2026, 3, 4))
    assert record.corrected and record.punches == 2 and record.worked_minutes == 8 * 60 + 30
    assert record.status == "present" and record.flags == ("corrected",)
    plain = one_day(pol, p.rows[:1] + [{**p.rows[2], "method": "face"}], date(2026, 3, 4))
    assert not plain.corrected and plain.worked_minutes == record.worked_minutes
    # The only punch voided: absent, and marked as corrected.
    only = one_day(pol, [p.rows[1]], date(2026, 3, 4))
    assert (only.status, only.corrected, only.punches) == ("absent", True, 0)


def test_a_stray_check_out_without_a_check_in() -> None:
    p = Punches(policy())
    p.add(datetime(2026, 3, 4, 17, 0), "out")
    record = one_day(policy(), p.rows, date(2026, 3, 4))
    assert (record.status, record.worked_minutes, record.first_in) == ("absent", 0, None)
    assert "missing_in" in record.flags and "out_before_in" in record.flags


def test_a_punch_without_a_known_direction_is_refused() -> None:
    p = Punches(policy())
    p.add(datetime(2026, 3, 4, 9, 0), "sideways")
    with pytest.raises(ValueError, match="punch 1 has direction 'sideways'; a punch is in, out"):
        one_day(policy(), p.rows, date(2026, 3, 4))


DIRECTIONS = st.sampled_from(["in", "out", "break_out", "break_in"])


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 20 * 60), DIRECTIONS), max_size=12),
       st.sampled_from(["Europe/Paris", "America/New_York"]),
       st.sampled_from([date(2026, 3, 28), date(2026, 10, 24), date(2026, 3, 7), date(2026, 10, 31)]),
       st.booleans())
def test_worked_is_never_negative_and_pairs_never_exceed_first_last(
        punches: list[tuple[int, str]], zone: str, day: date, auto: bool) -> None:
    """Any punches from 20:00 on a change-eve night shift: worked >= 0, pairs <= first-last, and
    no worked time without a check-in."""
    base = policy(zone)
    first_last = policy(zone, auto_close_out=auto, default_shift="night")
    pairs = policy(zone, auto_close_out=auto, default_shift="night",
                   shifts={"day": DAY, "night": {**NIGHT, "hours": "pairs"}})
    start = datetime.combine(day, datetime.min.time()).replace(hour=20, tzinfo=base.zone).astimezone(UTC)
    rows = [{"id": i, "employee_id": "E1", "utc": utc_text(start + timedelta(minutes=m)), "direction": d,
             "method": "face"} for i, (m, d) in enumerate(sorted(punches))]
    a = person_days({"id": "E1"}, rows, first_last, day, day, LATER)[0]
    b = person_days({"id": "E1"}, rows, pairs, day, day, LATER)[0]
    assert 0 <= b.worked_minutes <= a.worked_minutes <= 24 * 60
    assert a.late_minutes >= 0 and a.early_leave_minutes >= 0
    if not any(d in ("in", "break_in") for _, d in punches):
        assert a.worked_minutes == 0 and a.first_in is None


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(0, 6 * 24 * 60), min_size=1, max_size=15, unique=True),
       st.sampled_from(["day", "night"]), st.sampled_from(["Europe/Paris", "America/New_York"]))
def test_the_one_walk_puts_each_punch_on_the_policys_attendance_day(
        minutes: list[int], shift: str, zone: str) -> None:
    """person_days groups a sorted walk against the windows; policy.attendance_day decides one
    instant alone: they agree, across the autumn change week."""
    pol = policy(zone, cooldown_seconds=0)
    start = datetime(2026, 10, 22, tzinfo=UTC)
    instants = [start + timedelta(minutes=m) for m in minutes]
    rows = [{"id": i, "employee_id": "E1", "utc": utc_text(t), "direction": "in", "method": "face"}
            for i, t in enumerate(instants)]
    expected: dict[date, int] = {}
    for t in instants:
        day = pol.attendance_day(t, pol.shifts[shift])
        expected[day] = expected.get(day, 0) + 1
    records = person_days({"id": "E1", "shift": shift, "active": 0}, rows, pol,
                          date(2026, 10, 20), date(2026, 11, 1), LATER)
    assert {r.day: r.punches for r in records} == expected
