"""Shifts, holidays and the policy read from kiosk.toml: values, defaults, and the sentences bad
input gets (naming the shift and the key)."""
from __future__ import annotations

from datetime import date, datetime, time, timezone
from pathlib import Path

import pytest

from kiosk.app.settings import Settings, load_settings
from kiosk.attendance.shifts import (
    AttendancePolicy,
    builtin_shift,
    parse_holidays,
    parse_shift,
    parse_shifts,
    policy_from_settings,
)

PARIS = "Europe/Paris"


def settings(**fields) -> Settings:
    return Settings(data_dir=Path("/nonexistent"), **{"time_zone": PARIS, **fields})


def test_a_full_table_is_read_with_every_key() -> None:
    shift = parse_shift("early", {
        "start": "06:00", "end": "14:30", "late_grace_minutes": 5, "early_grace_minutes": 0,
        "earliest_in_minutes": 60, "latest_out_minutes": 120, "full_day_hours": 7.5,
        "half_day_hours": 3, "hours": "pairs", "days_off": ["Sun", "monday"]})
    assert (shift.start, shift.end, shift.overnight) == (time(6), time(14, 30), False)
    assert (shift.late_grace_minutes, shift.early_grace_minutes) == (5, 0)
    assert (shift.earliest_in_minutes, shift.latest_out_minutes) == (60, 120)
    assert (shift.full_day_hours, shift.half_day_hours, shift.hours) == (7.5, 3.0, "pairs")
    assert shift.days_off_names() == ("mon", "sun")
    assert shift.length_minutes == 510


def test_defaults_fill_the_optional_keys_and_toml_times_are_accepted() -> None:
    shift = parse_shift("day", {"start": time(9), "end": "17:30"})
    assert shift.late_grace_minutes == 10 and shift.early_grace_minutes == 10
    assert shift.earliest_in_minutes == 120 and shift.latest_out_minutes == 360
    assert shift.full_day_hours == 8.0 and shift.half_day_hours == 4.0 and shift.hours == "first_last"
    assert shift.days_off_names() == ("sat", "sun")


def test_no_shifts_means_the_builtin_day_shift() -> None:
    shifts = parse_shifts({})
    assert list(shifts) == ["day"]
    day = shifts["day"]
    assert (day.start, day.end) == (time(9), time(17)) and day == builtin_shift()
    assert not day.is_day_off(date(2026, 3, 27)) and day.is_day_off(date(2026, 3, 28))  # Fri, Sat


def test_a_night_shift_needs_overnight() -> None:
    with pytest.raises(ValueError) as err:
        parse_shift("night", {"start": "22:00", "end": "06:00"})
    assert str(err.value) == ("shift 'night': end 06:00 is before start 22:00; set overnight = true "
                              "for a night shift")
    night = parse_shift("night", {"start": "22:00", "end": "06:00", "overnight": True})
    assert night.length_minutes == 8 * 60
    with pytest.raises(ValueError, match="overnight = true but end 17:00 is after start 09:00"):
        parse_shift("day", {"start": "09:00", "end": "17:00", "overnight": True})


@pytest.mark.parametrize("table, message", [
    ({"start": "25:00", "end": "06:00"}, "shift 'x': start '25:00' is not a time of day"),
    ({"start": "9", "end": "17:00"}, "shift 'x': start '9' is not a time of day"),
    ({"start": "09:00", "end": "17:60"}, "shift 'x': end '17:60' is not a time of day"),
    ({"start": "09:00"}, "shift 'x' needs a end time"),
    ({"start": "09:00", "end": "17:00", "lunch": 30}, "shift 'x': unknown key 'lunch'"),
    ({"start": "09:00", "end": "17:00", "half_day_hours": 6, "full_day_hours": 5},
     "shift 'x': half_day_hours 6 is more than full_day_hours 5"),
    ({"start": "09:00", "end": "17:00", "days_off": ["sat", "funday"]},
     "shift 'x': days_off has 'funday', which is not a weekday"),
    ({"start": "09:00", "end": "17:00", "days_off": "sat"}, "shift 'x': days_off must be a list"),
    ({"start": "09:00", "end": "17:00", "hours": "sum"}, "shift 'x': hours must be \"first_last\""),
    ({"start": "09:00", "end": "17:00", "late_grace_minutes": -5},
     "shift 'x': late_grace_minutes must be a whole number of minutes"),
    ({"start": "09:00", "end": "17:00", "late_grace_minutes": True},
     "shift 'x': late_grace_minutes must be a whole number"),
    ({"start": "09:00", "end": "17:00", "full_day_hours": 0}, "shift 'x': full_day_hours must be more than 0"),
    ({"start": "09:00", "end": "17:00", "overnight": "yes"}, "shift 'x': overnight must be true or false"),
    ({"start": "06:00", "end": "22:00", "earliest_in_minutes": 240, "latest_out_minutes": 240},
     "shift 'x': earliest_in_minutes \\+ the shift \\+ latest_out_minutes make 24.0|make 24 h"),
])
def test_bad_shift_tables_are_refused_with_a_sentence(table: dict, message: str) -> None:
    if "make 24" in message:  # 16 h + 8 h = 24 h is allowed; one more minute is not
        parse_shift("x", table)
        table = {**table, "latest_out_minutes": 241}
        message = "shift 'x': earliest_in_minutes \\+ the shift \\+ latest_out_minutes make 24.0"
    with pytest.raises(ValueError, match=message):
        parse_shift("x", table)


def test_holidays_as_dates_and_named_tables() -> None:
    holidays = parse_holidays(["2026-12-25", {"date": "2026-01-01", "name": "New Year"},
                               {"date": date(2026, 5, 1), "name": "Labour Day"}])
    assert holidays == {date(2026, 12, 25): "", date(2026, 1, 1): "New Year", date(2026, 5, 1): "Labour Day"}


@pytest.mark.parametrize("items, message", [
    (["2026-02-30"], "holiday '2026-02-30' is not a date"),
    (["25/12/2026"], "holiday '25/12/2026' is not a date"),
    ([{"name": "Christmas"}], "a holiday table has a date"),
    ([{"date": "2026-12-25", "when": "all day"}], "a holiday table has a date and an optional name"),
    (["2026-12-25", {"date": "2026-12-25", "name": "Christmas"}], "holiday 2026-12-25 is listed twice"),
    ("2026-12-25", "holidays must be a list"),
])
def test_bad_holidays_are_refused(items: object, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_holidays(items)


def test_the_policy_from_settings_and_who_works_which_shift() -> None:
    policy = policy_from_settings(settings(
        shifts={"day": {"start": "09:00", "end": "17:30"},
                "night": {"start": "22:00", "end": "06:00", "overnight": True}},
        department_shifts={"Security": "night"}, holidays=["2026-12-25"],
        auto_close_out=True, auto_close_after_minutes=30, max_session_hours=12, cooldown_seconds=120))
    assert policy.zone.key == PARIS
    assert (policy.auto_close_out, policy.auto_close_after_minutes) == (True, 30)
    assert (policy.max_session_hours, policy.duplicate_seconds) == (12.0, 120)
    assert policy.holiday(date(2026, 12, 25)) == "" and policy.holiday(date(2026, 12, 24)) is None
    assert policy.shift_for({"id": "E1"}).name == "day"
    assert policy.shift_for({"id": "E2", "department": "Security"}).name == "night"
    assert policy.shift_for({"id": "E3", "department": "security"}).name == "night"
    assert policy.shift_for({"id": "E4", "department": "Security", "shift": "day"}).name == "day"
    # A shift name removed from the settings since: the department's, else the default.
    assert policy.shift_for({"id": "E5", "department": "Security", "shift": "gone"}).name == "night"
    assert policy.check_shift_name("night") == "night"
    with pytest.raises(ValueError, match="there is no shift 'evening'; the shifts are day, night"):
        policy.check_shift_name("evening")


def test_unknown_shift_names_and_zones_in_settings_are_refused() -> None:
    with pytest.raises(ValueError, match="default_shift 'day' is not one of the shifts: night"):
        policy_from_settings(settings(shifts={"night": {"start": "22:00", "end": "06:00", "overnight": True}}))
    with pytest.raises(ValueError, match="department 'Kitchen' has shift 'late'"):
        policy_from_settings(settings(department_shifts={"Kitchen": "late"}))
    with pytest.raises(ValueError, match="unknown time zone 'Europe/Pariss'"):
        policy_from_settings(settings(time_zone="Europe/Pariss"))
    with pytest.raises(ValueError, match="max_session_hours must be more than 0"):
        policy_from_settings(settings(max_session_hours=0))


def test_kiosk_toml_tables_become_the_policy(tmp_path: Path) -> None:
    (tmp_path / "kiosk.toml").write_text(
        'time_zone = "America/New_York"\ndefault_shift = "late"\ncooldown_seconds = 60\n'
        'holidays = ["2026-07-03", {date = 2026-11-26, name = "Thanksgiving"}]\n'
        '[shifts.late]\nstart = "14:00"\nend = "22:30"\nhours = "pairs"\ndays_off = ["sun"]\n'
        '[department_shifts]\nWarehouse = "late"\n', encoding="utf-8")
    policy = policy_from_settings(load_settings(tmp_path))
    late = policy.shifts["late"]
    assert (late.start, late.end, late.hours, late.days_off_names()) == (time(14), time(22, 30), "pairs", ("sun",))
    assert policy.holidays == {date(2026, 7, 3): "", date(2026, 11, 26): "Thanksgiving"}
    assert policy.duplicate_seconds == 60 and policy.zone.key == "America/New_York"
    # The settings' own writer, read back: the same policy.
    load_settings(tmp_path).save()
    again = policy_from_settings(load_settings(tmp_path))
    assert again.shifts == policy.shifts and again.holidays == policy.holidays


def test_shift_times_are_local_wall_times_across_the_clock_changes() -> None:
    policy = policy_from_settings(settings(shifts={
        "day": {"start": "09:00", "end": "17:00", "days_off": []},
        "night": {"start": "22:00", "end": "06:00", "overnight": True, "days_off": []}}))
    day, night = policy.shifts["day"], policy.shifts["night"]
    utc = timezone.utc
    # 09:00 in Paris is 08:00Z in winter and 07:00Z in summer, and on the change day itself.
    assert policy.shift_day(day, date(2026, 3, 28)).start == datetime(2026, 3, 28, 8, tzinfo=utc)
    assert policy.shift_day(day, date(2026, 3, 29)).start == datetime(2026, 3, 29, 7, tzinfo=utc)
    spring = policy.shift_day(night, date(2026, 3, 28))
    autumn = policy.shift_day(night, date(2026, 10, 24))
    assert (spring.end - spring.start).total_seconds() == 7 * 3600
    assert (autumn.end - autumn.start).total_seconds() == 9 * 3600
    assert autumn.window_start == datetime(2026, 10, 24, 18, tzinfo=utc)  # 20:00 CEST
    assert autumn.window_end == datetime(2026, 10, 25, 11, tzinfo=utc)    # 12:00 CET
    # The attendance day: the night's morning belongs to the evening it started.
    assert policy.attendance_day(datetime(2026, 10, 25, 4, 30, tzinfo=utc), night) == date(2026, 10, 24)
    assert policy.attendance_day(datetime(2026, 10, 25, 4, 30, tzinfo=utc), day) == date(2026, 10, 25)
    # Outside every window: the local date (a day shift's 01:00 punch).
    assert policy.attendance_day(datetime(2026, 10, 25, 0, 0, tzinfo=utc), day) == date(2026, 10, 25)


def test_the_policy_refuses_a_negative_duplicate_window() -> None:
    with pytest.raises(ValueError, match="cooldown_seconds"):
        AttendancePolicy(zone=policy_from_settings(settings()).zone, shifts=parse_shifts({}),
                         duplicate_seconds=-1)
