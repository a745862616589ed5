"""Shifts, holidays and the attendance policy, read and validated from kiosk.toml's tables.

Why: the derived attendance (kiosk.attendance.daily) needs to know, per person, when work starts and
ends, what counts as late, which days are off and how a day's hours are counted. These come from
settings a person types, so every value is checked here once, with a sentence that names the shift
and the key, before any report is computed. Nothing here imports kiosk.app: `policy_from_settings`
takes any object with the Settings attribute names.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any, Mapping
from zoneinfo import ZoneInfo

from kiosk.attendance.clock import as_utc, resolve_zone
from kiosk.common.refusals import Sentence

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_WEEKDAY_NAMES = {**{name: i for i, name in enumerate(WEEKDAYS)},
                  **{name: i for i, name in enumerate(
                      ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))}}
HOURS_MODES = ("first_last", "pairs")
BUILTIN_SHIFT = "day"

# The keys of a [shifts.NAME] table and their defaults (start and end are required).
SHIFT_DEFAULTS: dict[str, Any] = {
    "overnight": False,
    "late_grace_minutes": 10,
    "early_grace_minutes": 10,
    "earliest_in_minutes": 120,
    "latest_out_minutes": 360,
    "full_day_hours": 8.0,
    "half_day_hours": 4.0,
    "hours": "first_last",
    "days_off": ["sat", "sun"],
}
SHIFT_KEYS = ("start", "end", *SHIFT_DEFAULTS)


@dataclass(frozen=True)
class ShiftDay:
    """One shift on one attendance day, as UTC instants: the shift itself, the window of punches
    that belong to that day ([start - earliest_in, end + latest_out)) and when the day can take no
    more punches (`closes`: the window's end or, if later, the midnight ending the local date, as
    punches outside every window go to their local date)."""
    day: date
    start: datetime
    end: datetime
    window_start: datetime
    window_end: datetime
    closes: datetime


@dataclass(frozen=True)
class Shift:
    """A named shift. `start`/`end` are local wall times in the site's zone; an overnight shift
    ends on the next calendar day and its attendance day is the day it starts."""
    name: str
    start: time
    end: time
    overnight: bool = False
    late_grace_minutes: int = 10
    early_grace_minutes: int = 10
    earliest_in_minutes: int = 120
    latest_out_minutes: int = 360
    full_day_hours: float = 8.0
    half_day_hours: float = 4.0
    hours: str = "first_last"
    days_off: frozenset[int] = frozenset({5, 6})  # weekday numbers, Monday = 0

    @property
    def length_minutes(self) -> int:
        """The shift's nominal length in wall-clock minutes (a DST night is an hour off from this)."""
        start = self.start.hour * 60 + self.start.minute
        end = self.end.hour * 60 + self.end.minute
        return end - start + (24 * 60 if self.overnight else 0)

    def is_day_off(self, day: date) -> bool:
        return day.weekday() in self.days_off

    def on(self, day: date, zone: ZoneInfo) -> ShiftDay:
        """This shift on attendance day `day` in `zone` (09:00 on a spring-forward day is 09:00
        local; the windows are measured in real minutes from those instants)."""
        start = as_utc(datetime.combine(day, self.start), zone)
        end_day = day + timedelta(days=1) if self.overnight else day
        end = as_utc(datetime.combine(end_day, self.end), zone)
        window_end = end + timedelta(minutes=self.latest_out_minutes)
        midnight = as_utc(datetime.combine(day + timedelta(days=1), time(0)), zone)
        return ShiftDay(day, start, end, start - timedelta(minutes=self.earliest_in_minutes),
                        window_end, max(window_end, midnight))

    def days_off_names(self) -> tuple[str, ...]:
        return tuple(WEEKDAYS[i] for i in sorted(self.days_off))


@dataclass(frozen=True)
class Holiday:
    day: date
    name: str = ""


def parse_time_of_day(value: object, what: str) -> time:
    """"09:00" (or "09:00:00", or a TOML local time) as a time; anything else is refused."""
    if isinstance(value, time):
        return value.replace(microsecond=0, tzinfo=None)
    text = str(value).strip() if isinstance(value, str) else ""
    parts = text.split(":")
    if len(parts) in (2, 3) and all(p.isdigit() and len(p) == 2 for p in parts):
        hour, minute, second = (int(p) for p in (parts + ["00"])[:3])
        if hour < 24 and minute < 60 and second < 60:
            return time(hour, minute, second)
    raise ValueError(f"{what} {value!r} is not a time of day; write it as HH:MM, e.g. \"09:00\"")


def _hhmm(moment: time) -> str:
    return moment.strftime("%H:%M" if moment.second == 0 else "%H:%M:%S")


def _minutes(name: str, key: str, value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0 or value > 24 * 60:
        raise ValueError(f"shift {name!r}: {key} must be a whole number of minutes from 0 to 1440, "
                         f"got {value!r}")
    return value


def _hours(name: str, key: str, value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 24:
        raise ValueError(f"shift {name!r}: {key} must be a number of hours from 0 to 24, got {value!r}")
    return float(value)


def _days_off(name: str, value: object) -> frozenset[int]:
    if isinstance(value, str) or not isinstance(value, (list, tuple)):
        raise ValueError(f"shift {name!r}: days_off must be a list of weekdays such as "
                         f"[\"sat\", \"sun\"], got {value!r}")
    days = set()
    for item in value:
        key = str(item).strip().lower()
        if key not in _WEEKDAY_NAMES:
            raise ValueError(f"shift {name!r}: days_off has {item!r}, which is not a weekday; use "
                             f"{', '.join(WEEKDAYS)}")
        days.add(_WEEKDAY_NAMES[key])
    return frozenset(days)


def parse_shift(name: str, table: object) -> Shift:
    """A [shifts.NAME] table as a Shift, or a ValueError naming the shift and the key."""
    if not isinstance(name, str) or not name.strip():
        raise ValueError(f"a shift needs a name, got {name!r}")
    if not isinstance(table, Mapping):
        raise ValueError(f"shift {name!r} must be a table with start and end, got {table!r}")
    unknown = sorted(set(table) - set(SHIFT_KEYS))
    if unknown:
        raise ValueError(f"shift {name!r}: unknown key {', '.join(map(repr, unknown))}; "
                         f"the keys are {', '.join(SHIFT_KEYS)}")
    for key in ("start", "end"):
        if key not in table:
            raise ValueError(f"shift {name!r} needs a {key} time, e.g. {key} = "
                             f"\"{'09:00' if key == 'start' else '17:00'}\"")
    values = {**SHIFT_DEFAULTS, **table}
    start = parse_time_of_day(values["start"], f"shift {name!r}: start")
    end = parse_time_of_day(values["end"], f"shift {name!r}: end")
    overnight = values["overnight"]
    if not isinstance(overnight, bool):
        raise ValueError(f"shift {name!r}: overnight must be true or false, got {overnight!r}")
    if end <= start and not overnight:
        raise ValueError(Sentence("shift.end_before_start", shift=repr(name), end=_hhmm(end), start=_hhmm(start)))
    if end > start and overnight:
        raise ValueError(Sentence("shift.overnight_same_day", shift=repr(name), end=_hhmm(end), start=_hhmm(start)))
    hours = values["hours"]
    if hours not in HOURS_MODES:
        raise ValueError(f"shift {name!r}: hours must be \"first_last\" (first IN to last OUT) or "
                         f"\"pairs\" (the sum of IN/OUT pairs), got {hours!r}")
    full = _hours(name, "full_day_hours", values["full_day_hours"])
    half = _hours(name, "half_day_hours", values["half_day_hours"])
    if full <= 0:
        raise ValueError(Sentence("shift.no_full_day", shift=repr(name), hours=f"{full:g}"))
    if half > full:
        raise ValueError(Sentence("shift.half_over_full", shift=repr(name), half=f"{half:g}", full=f"{full:g}"))
    shift = Shift(
        name=name, start=start, end=end, overnight=overnight,
        late_grace_minutes=_minutes(name, "late_grace_minutes", values["late_grace_minutes"]),
        early_grace_minutes=_minutes(name, "early_grace_minutes", values["early_grace_minutes"]),
        earliest_in_minutes=_minutes(name, "earliest_in_minutes", values["earliest_in_minutes"]),
        latest_out_minutes=_minutes(name, "latest_out_minutes", values["latest_out_minutes"]),
        full_day_hours=full, half_day_hours=half, hours=hours,
        days_off=_days_off(name, values["days_off"]))
    span = shift.earliest_in_minutes + shift.length_minutes + shift.latest_out_minutes
    if span > 24 * 60:
        raise ValueError(Sentence("shift.too_long", shift=repr(name), hours=f"{span / 60:g}"))
    return shift


def builtin_shift() -> Shift:
    """The shift when kiosk.toml has none: "day", 09:00-17:00, Monday to Friday."""
    return Shift(BUILTIN_SHIFT, time(9), time(17))


def parse_shifts(tables: object) -> dict[str, Shift]:
    """The [shifts] table (name -> table); empty: the built-in day shift."""
    if tables is None or tables == {}:
        return {BUILTIN_SHIFT: builtin_shift()}
    if not isinstance(tables, Mapping):
        raise ValueError(f"shifts must be a table of [shifts.NAME] tables, got {tables!r}")
    return {name: parse_shift(name, table) for name, table in tables.items()}


def parse_day(value: object, what: str) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        if isinstance(value, str) and len(value.strip()) == 10:
            return date.fromisoformat(value.strip())
    except ValueError:
        pass
    raise ValueError(f"{what} {value!r} is not a date; write it as YYYY-MM-DD, e.g. \"2026-12-25\"")


def parse_holidays(items: object) -> dict[date, str]:
    """The holidays list ("YYYY-MM-DD" or {date = ..., name = ...}) as date -> name."""
    if items is None:
        return {}
    if isinstance(items, (str, Mapping)) or not isinstance(items, (list, tuple)):
        raise ValueError(f"holidays must be a list of dates or {{date = ..., name = ...}} tables, "
                         f"got {items!r}")
    holidays: dict[date, str] = {}
    for item in items:
        if isinstance(item, Mapping):
            extra = sorted(set(item) - {"date", "name"})
            if extra or "date" not in item:
                raise ValueError(f"holiday {dict(item)!r}: a holiday table has a date and an "
                                 f"optional name, nothing else")
            day, name = parse_day(item["date"], "holiday"), str(item.get("name") or "")
        else:
            day, name = parse_day(item, "holiday"), ""
        if day in holidays:
            raise ValueError(Sentence("holiday.twice", day=day.isoformat()))
        holidays[day] = name
    return holidays


@dataclass(frozen=True, eq=False)
class AttendancePolicy:
    """Everything the daily attendance needs from settings, validated."""
    zone: ZoneInfo
    shifts: Mapping[str, Shift]
    default_shift: str = BUILTIN_SHIFT
    department_shifts: Mapping[str, str] = field(default_factory=dict)
    holidays: Mapping[date, str] = field(default_factory=dict)
    auto_close_out: bool = False
    auto_close_after_minutes: int = 60
    max_session_hours: float = 16.0
    duplicate_seconds: int = 300
    _days: dict = field(default_factory=dict, repr=False)  # (shift name, day) -> ShiftDay

    def __post_init__(self) -> None:
        if self.default_shift not in self.shifts:
            raise ValueError(Sentence("shift.default_unknown", shift=repr(self.default_shift),
                                      shifts=", ".join(sorted(self.shifts))))
        for department, name in self.department_shifts.items():
            if name not in self.shifts:
                raise ValueError(Sentence("shift.department_unknown", department=repr(department), shift=repr(name),
                                          shifts=", ".join(sorted(self.shifts))))
        if isinstance(self.auto_close_after_minutes, bool) or not 0 <= self.auto_close_after_minutes <= 24 * 60:
            raise ValueError(f"auto_close_after_minutes must be 0 to 1440 minutes, got "
                             f"{self.auto_close_after_minutes!r}")
        if not 0 < self.max_session_hours <= 7 * 24:
            raise ValueError(f"max_session_hours must be more than 0 and at most 168, got "
                             f"{self.max_session_hours!r}")
        if self.duplicate_seconds < 0:
            raise ValueError(f"the duplicate window (cooldown_seconds) cannot be negative, got "
                             f"{self.duplicate_seconds!r}")

    def check_shift_name(self, name: str) -> str:
        """`name` if it is a configured shift (a person's shift being set), else a ValueError."""
        if name not in self.shifts:
            raise ValueError(f"there is no shift {name!r}; the shifts are {', '.join(sorted(self.shifts))}")
        return name

    def shift_for(self, employee: Mapping[str, Any]) -> Shift:
        """The person's own shift, else their department's, else the default. A shift name that is
        no longer configured falls back the same way (the settings screen refuses new ones)."""
        own = employee.get("shift")
        if own and own in self.shifts:
            return self.shifts[own]
        department = employee.get("department")
        if department:
            name = self.department_shifts.get(department)
            if name is None:
                folded = str(department).casefold()
                name = next((s for d, s in self.department_shifts.items() if str(d).casefold() == folded),
                            None)
            if name is not None:
                return self.shifts[name]
        return self.shifts[self.default_shift]

    def shift_day(self, shift: Shift, day: date) -> ShiftDay:
        """`shift` on `day` (cached: a month's report asks the same few hundred times)."""
        key = (shift.name, day)
        found = self._days.get(key)
        if found is None or self.shifts.get(shift.name) is not shift:
            found = self._days[key] = shift.on(day, self.zone)
        return found

    def holiday(self, day: date) -> str | None:
        """The holiday's name ("" when unnamed) or None on a normal day."""
        return self.holidays.get(day)

    def local_date(self, instant: datetime) -> date:
        return instant.astimezone(self.zone).date()

    def attendance_day(self, instant: datetime, shift: Shift) -> date:
        """The shift day whose window [start - earliest_in, end + latest_out) holds `instant` (a
        night shift's morning belongs to the day it started), else the local date."""
        local = self.local_date(instant)
        for day in (local - timedelta(days=1), local, local + timedelta(days=1)):
            window = self.shift_day(shift, day)
            if window.window_start <= instant < window.window_end:
                return day
        return local


def policy_from_settings(settings: Any) -> AttendancePolicy:
    """The policy for a Settings-like object (time_zone, shifts, default_shift, department_shifts,
    holidays, auto_close_out, auto_close_after_minutes, max_session_hours, cooldown_seconds)."""
    shifts = parse_shifts(getattr(settings, "shifts", None) or {})
    default = getattr(settings, "default_shift", "") or BUILTIN_SHIFT
    departments = getattr(settings, "department_shifts", None) or {}
    if not isinstance(departments, Mapping):
        raise ValueError(f"department_shifts must be a table of department = \"shift\", got {departments!r}")
    return AttendancePolicy(
        zone=resolve_zone(getattr(settings, "time_zone", "")),
        shifts=shifts,
        default_shift=default,
        department_shifts={str(k): str(v) for k, v in departments.items()},
        holidays=parse_holidays(getattr(settings, "holidays", None) or []),
        auto_close_out=bool(getattr(settings, "auto_close_out", False)),
        auto_close_after_minutes=int(getattr(settings, "auto_close_after_minutes", 60)),
        max_session_hours=float(getattr(settings, "max_session_hours", 16.0)),
        duplicate_seconds=int(getattr(settings, "cooldown_seconds", 300)))
