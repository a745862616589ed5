"""Punches on the site's store (issue 23): the read of punches with their direction, zone and
corrections, and HR's corrections (a missing punch added, a wrong one voided, a direction tapped
at the door), the same as the SQLite store's (kiosk.attendance.db, kiosk.attendance.punches).

Mixed into SiteAttendanceDB (kiosk.site.attendance): every write to one person's punches takes
the person's advisory lock first, the lock the cooldown already takes, so a correction at the
HR desk and a recognition at a door are decided one after the other."""
from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from kiosk.attendance.clock import instant_at, local_wall, offset_minutes, utc_now
from kiosk.attendance.corrections import (
    METHOD_CORRECTION,
    check_tap,
    check_voidable,
    checked_addition,
    checked_reason,
)
from kiosk.attendance.db import CLOCK_BACK_TOLERANCE, date_range_params
from kiosk.attendance.punches import SOURCE_CORRECTION, PunchRule, check_direction
from kiosk.attendance.schema import STATUS_PRESENT
from kiosk.site.connection import Connections

_UTC = "to_char({col} AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"
_COLUMNS = f"""a.id, a.employee_id, e.name, to_char(a.timestamp, 'YYYY-MM-DD"T"HH24:MI:SS') AS timestamp,
               {_UTC.format(col='a.utc')} AS utc, a.tz, a.utc_offset, a.direction, a.direction_source,
               a.method, a.score, a.masked::int AS masked, a.kiosk_id, a.reason, a.added_by,
               {_UTC.format(col='a.voided_at')} AS voided_at, a.void_reason, a.voided_by"""
_PUNCH = f"SELECT {_COLUMNS} FROM attendance a JOIN employees e ON e.id = a.employee_id"
_RANGE = "a.timestamp >= %(lo)s AND a.timestamp < %(hi)s AND (%(emp)s::text IS NULL OR a.employee_id = %(emp)s)"
PERSON_LOCK = "SELECT pg_advisory_xact_lock(hashtextextended(%s, 14))"  # the cooldown's lock


class SitePunches:
    """What SiteAttendanceDB does with punches (needs its `_rows` and `_current_id` too)."""

    connections: Connections
    zone: ZoneInfo
    kiosk_id: str
    cooldown_seconds: int
    punch_rule: PunchRule

    @property
    def zone_name(self) -> str:
        return self.zone.key

    def instant(self, when: datetime | None = None) -> datetime:
        """`when` as an aware UTC instant: naive is the site's wall time; None is now."""
        return instant_at(when, self.zone)

    def local(self, now: datetime | None = None) -> datetime:
        """`now` (default: the clock) as naive wall time in the site's zone, to the second."""
        return local_wall(self.instant(now), self.zone)

    def _insert_punch(self, cur, employee_id: str, instant: datetime, *, score: float | None = None,
                      masked: bool | None = None, method: str, direction: str | None,
                      direction_source: str | None, reason: str | None = None,
                      added_by: str | None = None) -> int:
        zone = self.zone
        cur.execute("""INSERT INTO attendance (employee_id, timestamp, status, score, masked, kiosk_id, method,
                                               utc, tz, utc_offset, direction, direction_source, reason, added_by)
                       VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s) RETURNING id""",
                    [employee_id, local_wall(instant, zone), STATUS_PRESENT, score, masked,
                     self.kiosk_id, method, instant, self.zone_name,
                     offset_minutes(instant, zone), direction, direction_source, reason, added_by])
        return cur.fetchone()[0]

    def _direction(self, cur, employee_id: str, instant: datetime) -> tuple[str, str]:
        """(direction, source) by the punch rule, after the person's last punch not voided at or
        before `instant` (kiosk.attendance.punches.previous_punch), under the person's lock."""
        cur.execute("""SELECT direction, utc FROM attendance WHERE employee_id = %s AND voided_at IS NULL
                       AND utc <= %s ORDER BY utc DESC, id DESC LIMIT 1""", [employee_id, instant])
        row = cur.fetchone()
        return self.punch_rule.direction(
            (row[0] or "in") if row else None, instant - row[1] if row else None, local_wall(instant, self.zone))

    def _clock_behind(self, cur, instant: datetime) -> int:
        """Seconds this kiosk's clock is behind its own latest punch (0: not, or within tolerance)."""
        cur.execute("""SELECT max(utc) FROM attendance WHERE kiosk_id = %s AND voided_at IS NULL
                       AND method != %s""", [self.kiosk_id, METHOD_CORRECTION])
        latest = cur.fetchone()[0]
        if latest is None:
            return 0
        behind = latest - instant
        return int(behind.total_seconds()) if behind > CLOCK_BACK_TOLERANCE else 0

    def _punch(self, cur, punch_id: Any) -> dict:
        """One punch with every column (kiosk.attendance.corrections.punch_by_id's row), in `cur`'s transaction."""
        from psycopg.rows import dict_row

        try:
            punch_id = int(punch_id)
        except (TypeError, ValueError):
            raise ValueError(f"no punch with number {punch_id}") from None
        with cur.connection.cursor(row_factory=dict_row) as dicts:
            dicts.execute(f"{_PUNCH.replace('SELECT ', 'SELECT a.status, ', 1)} WHERE a.id = %s", [punch_id])
            row = dicts.fetchone()
        if row is None:
            raise ValueError(f"no punch with number {punch_id}")
        return row

    # -- reads ------------------------------------------------------------------------------

    def punches(self, start: date, end: date, employee_id: str | None = None,
                include_voided: bool = False) -> list[dict]:
        """Punches on local dates start..end (inclusive), in time order, as kiosk.attendance.daily reads them."""
        span = date_range_params(start, end, employee_id)
        span |= {"lo": datetime.fromisoformat(span["lo"]), "hi": datetime.fromisoformat(span["hi"])}
        valid = "" if include_voided else " AND a.voided_at IS NULL"
        return self._rows(f"{_PUNCH} WHERE {_RANGE}{valid} ORDER BY a.utc, a.id", span)  # type: ignore[attr-defined]

    # -- HR's corrections (kiosk.attendance.corrections: the same checks and sentences) ------------

    def add_punch(self, employee_id: str, when: datetime, direction: str, reason: str, by: str) -> dict:
        """HR adds a missing punch (kiosk.attendance.corrections.checked_addition says what is
        refused; nothing is written then), under the person's lock."""
        with self.connections.transaction() as cur:
            employee_id = self._current_id(cur, employee_id) or employee_id  # type: ignore[attr-defined]
            cur.execute(PERSON_LOCK, [employee_id])
            cur.execute("SELECT name, to_char(left_at, 'YYYY-MM-DD') FROM employees WHERE id = %s", [employee_id])
            employee = cur.fetchone()

            def nearest(instant: datetime, window: timedelta) -> tuple[datetime, str | None] | None:
                cur.execute("""SELECT utc, direction FROM attendance WHERE employee_id = %s AND voided_at IS NULL
                               AND utc > %s AND utc < %s ORDER BY utc LIMIT 1""",
                            [employee_id, instant - window, instant + window])
                return cur.fetchone()

            instant, reason = checked_addition(employee_id, employee, when, direction, reason, self.zone, utc_now(),
                                               self.cooldown_seconds, nearest)
            punch_id = self._insert_punch(cur, employee_id, instant, method=METHOD_CORRECTION, direction=direction,
                                          direction_source=SOURCE_CORRECTION, reason=reason, added_by=by)
            return self._punch(cur, punch_id)

    def void_punch(self, punch_id: int, reason: str, by: str) -> dict:
        """Void a wrong punch: kept, with when, why and by whom; skipped by every report."""
        reason = checked_reason(reason)
        with self.connections.transaction() as cur:
            check_voidable(self._locked(cur, punch_id))
            cur.execute("UPDATE attendance SET voided_at = %s, void_reason = %s, voided_by = %s WHERE id = %s",
                        [utc_now(), reason, by, punch_id])
            return self._punch(cur, punch_id)

    def set_direction(self, punch_id: int, direction: str, within_seconds: int | None = None) -> dict:
        """The person's IN / OUT / Break tap just after a punch ("choose" mode)."""
        seconds = self.punch_rule.choice_seconds if within_seconds is None else within_seconds
        check_direction(direction)
        with self.connections.transaction() as cur:
            check_tap(self._locked(cur, punch_id), seconds, utc_now())
            cur.execute("UPDATE attendance SET direction = %s, direction_source = 'chosen' WHERE id = %s",
                        [direction, punch_id])
            return self._punch(cur, punch_id)

    def _locked(self, cur, punch_id: Any) -> dict:
        """The punch, read after its person's lock is taken (a door's punch of the same person waits)."""
        person = self._punch(cur, punch_id)["employee_id"]
        cur.execute(PERSON_LOCK, [person])
        return self._punch(cur, punch_id)
