"""Time for attendance: every punch is a UTC instant plus the IANA zone and UTC offset it was taken
in (as OrangeHRM keeps punch_in_utc_time / punch_in_user_time / offset), and every report is in
the site's local time.

Why: naive local times break twice a year. On the autumn change 01:30 happens twice, on the spring
change 02:30 never happens, and a kiosk whose zone is changed would re-date every earlier row.
Durations are differences of UTC instants; day boundaries are local dates in the punch's zone.
"""
from __future__ import annotations

import os
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from kiosk.common.refusals import Sentence

UTC_SUFFIX = "Z"


def resolve_zone(name: str | None) -> ZoneInfo:
    """The IANA zone `name` ("Europe/Paris"); empty or None: this machine's zone. A name zoneinfo
    does not know is refused with the message a settings screen shows."""
    name = (name or "").strip() or machine_zone_name()
    try:
        if name not in available_timezones() and name != "UTC":
            raise ZoneInfoNotFoundError(name)
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ValueError(Sentence("zone.unknown", zone=repr(name))) from exc


def machine_zone_name() -> str:
    """This machine's IANA zone name: $TZ, /etc/timezone, the /etc/localtime link; else UTC."""
    env = os.environ.get("TZ", "").lstrip(":").strip()
    if env and "/" in env or env == "UTC":
        return env
    try:
        text = Path("/etc/timezone").read_text(encoding="utf-8").strip()
        if text:
            return text
    except OSError:
        pass
    try:
        target = os.readlink("/etc/localtime")
        if "zoneinfo/" in target:
            return target.split("zoneinfo/", 1)[1]
    except OSError:
        pass
    return "UTC"


def utc_now() -> datetime:
    return datetime.now(timezone.utc).replace(microsecond=0)


def instant_at(now: datetime | None, zone: ZoneInfo) -> datetime:
    """`now` as an aware UTC instant (naive: wall time in `zone`); None reads the clock."""
    return utc_now() if now is None else as_utc(now, zone)


def as_utc(moment: datetime, zone: ZoneInfo) -> datetime:
    """`moment` as an aware UTC instant; a naive `moment` is wall time in `zone` (on an autumn
    change's repeated hour, the first of the two: fold=0, as zoneinfo does)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=zone)
    return moment.astimezone(timezone.utc).replace(microsecond=0)


def utc_text(moment: datetime) -> str:
    """The stored form of an instant: "2026-03-29T07:57:00Z" (sorts as text, like the local column)."""
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S") + UTC_SUFFIX


def parse_utc(text: str) -> datetime:
    return datetime.fromisoformat(text.replace(UTC_SUFFIX, "+00:00")).astimezone(timezone.utc)


def local_wall(instant: datetime, zone: ZoneInfo) -> datetime:
    """The naive wall-clock time of an aware instant in `zone`."""
    return instant.astimezone(zone).replace(tzinfo=None)


def offset_minutes(instant: datetime, zone: ZoneInfo) -> int:
    """Minutes east of UTC in `zone` at `instant` (+60 for Paris in winter, +120 in summer)."""
    offset = instant.astimezone(zone).utcoffset() or timedelta(0)
    return int(offset.total_seconds() // 60)


def local_midnight(day: date, zone: ZoneInfo) -> datetime:
    """The UTC instant at which `day` begins in `zone`."""
    return as_utc(datetime.combine(day, time(0)), zone)


def real_wall_time(moment: datetime, zone: ZoneInfo) -> bool:
    """False for a wall time a spring change skips (02:30 on the day clocks go forward)."""
    aware = moment.replace(tzinfo=zone)
    return local_wall(aware.astimezone(timezone.utc), zone) == moment.replace(tzinfo=None)
