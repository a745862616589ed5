"""Punches on the site's store (issue 23): the read of punches with their direction, zone and
corrections, and HR's corrections (a missing punch added, a wrong one voided, a direction tapped
at the door), the same as the SQLite store's (kiosk.attendance.db, kiosk.attendance.punches).

Mixed into SiteAttendanceDB (kiosk.site.attendance): every write to one person's punches takes
the person's advisory lock first, the lock the cooldown already takes, so a correction at the
HR desk and a recognition at a door are decided one after the other."""
from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from kiosk.attendance.clock import as_utc, local_midnight, local_wall, offset_minutes, real_wall_time, utc_now
from kiosk.attendance.db import STATUS_PRESENT

DIRECTIONS = ("in", "out", "break_out", "break_in")
METHOD_CORRECTION = "correction"
_UTC = "to_char({col} AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"
_PUNCH = f"""SELECT a.id, a.employee_id, e.name, to_char(a.timestamp, 'YYYY-MM-DD"T"HH24:MI:SS') AS timestamp,
                    {_UTC.format(col='a.utc')} AS utc, a.tz, a.utc_offset, a.direction, a.direction_source,
                    a.method, a.score, a.masked::int AS masked, a.kiosk_id, a.reason, a.added_by,
                    {_UTC.format(col='a.voided_at')} AS voided_at, a.void_reason, a.voided_by
             FROM attendance a JOIN employees e ON e.id = a.employee_id"""
PERSON_LOCK = "SELECT pg_advisory_xact_lock(hashtextextended(%s, 14))"  # the cooldown's lock


class SitePunches:
    """What SiteAttendanceDB does with punches (needs `connections`, `zone`, `zone_name`,
    `kiosk_id`, `cooldown_seconds`, `punch_rule`, `path` and `_rows`)."""

    def instant(self, when: datetime | None = None) -> datetime:
        """`when` as an aware UTC instant: naive is the site's wall time; None is now."""
        return utc_now() if when is None else as_utc(when, self.zone)  # type: ignore[attr-defined]

    def _insert_punch(self, cur, employee_id: str, instant: datetime, *, score: float | None = None,
                      masked: bool | None = None, method: str, direction: str | None,
                      direction_source: str | None, reason: str | None = None,
                      added_by: str | None = None) -> int:
        zone = self.zone  # type: ignore[attr-defined]
        cur.execute("""INSERT INTO attendance (employee_id, timestamp, status, score, masked, kiosk_id, method,
                                               utc, tz, utc_offset, direction, direction_source, reason, added_by)
                       VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s) RETURNING id""",
                    [employee_id, local_wall(instant, zone), STATUS_PRESENT, score, masked,
                     self.kiosk_id, method, instant, self.zone_name,  # type: ignore[attr-defined]
                     offset_minutes(instant, zone), direction, direction_source, reason, added_by])
        return cur.fetchone()[0]

    def _direction(self, cur, employee_id: str, instant: datetime) -> tuple[str | None, str | None]:
        """The direction of a recognised punch by the site's punch rule (none without one)."""
        rule = self.punch_rule  # type: ignore[attr-defined]
        if rule is None:
            return None, None
        raise NotImplementedError("kiosk.attendance.punches.PunchRule is not wired to the site store yet")

    def _punch(self, cur, punch_id: int) -> dict | None:
        from psycopg.rows import dict_row

        with cur.connection.cursor(row_factory=dict_row) as dicts:  # the same transaction
            dicts.execute(f"{_PUNCH} WHERE a.id = %s", [punch_id])
            return dicts.fetchone()

    # -- reads ------------------------------------------------------------------------------

    def punches(self, start: date, end: date, employee_id: str | None = None,
                include_voided: bool = False) -> list[dict]:
        """Punches whose local date (in the site's zone) is between two dates (inclusive), by UTC
        instant then id; voided ones only with `include_voided`."""
        start = start.date() if isinstance(start, datetime) else start
        end = end.date() if isinstance(end, datetime) else end
        if end < start:
            raise ValueError(f"--to is before --from ({end} < {start})")
        zone = self.zone  # type: ignore[attr-defined]
        return self._rows(  # type: ignore[attr-defined]
            f"""{_PUNCH}
                WHERE a.utc >= %(lo)s AND a.utc < %(hi)s AND (%(emp)s::text IS NULL OR a.employee_id = %(emp)s)
                  AND (%(voided)s OR a.voided_at IS NULL)
                ORDER BY a.utc, a.id""",
            {"lo": local_midnight(start, zone), "hi": local_midnight(end + timedelta(days=1), zone),
             "emp": employee_id, "voided": include_voided})

    def get_punch(self, punch_id: int) -> dict | None:
        with self.connections.transaction() as cur:  # type: ignore[attr-defined]
            return self._punch(cur, punch_id)

    # -- HR's corrections ---------------------------------------------------------------------

    def add_punch(self, employee_id: str, when: datetime, direction: str, reason: str, by: str) -> dict:
        """A punch HR adds (a forgotten check-out...): method 'correction', with why and by whom."""
        direction, reason, by = _checked(direction), _said(reason, "a reason"), _said(by, "who adds it")
        zone = self.zone  # type: ignore[attr-defined]
        if when.tzinfo is None and not real_wall_time(when, zone):
            raise ValueError(f"{when:%Y-%m-%d %H:%M} does not exist in {self.zone_name}: "  # type: ignore[attr-defined]
                             f"the clocks skipped it")
        instant = self.instant(when)
        if instant > utc_now() + timedelta(minutes=1):
            raise ValueError(f"{local_wall(instant, zone):%Y-%m-%d %H:%M} is in the future: "
                             f"a punch can only be added for a time that has passed")
        gap = timedelta(seconds=max(self.cooldown_seconds, 1))  # type: ignore[attr-defined]
        with self.connections.transaction() as cur:  # type: ignore[attr-defined]
            cur.execute(PERSON_LOCK, [employee_id])
            cur.execute("SELECT active, left_at FROM employees WHERE id = %s", [employee_id])
            person = cur.fetchone()
            if person is None or not person[0]:
                raise ValueError(f"no employee with ID {employee_id!r}: a punch needs a person enrolled here")
            if person[1] is not None and instant >= as_utc(person[1], zone):
                raise ValueError(f"{employee_id} left on {person[1]:%Y-%m-%d}: no punch after that")
            cur.execute("""SELECT to_char(timestamp, 'YYYY-MM-DD HH24:MI:SS') FROM attendance
                           WHERE employee_id = %s AND voided_at IS NULL AND utc > %s AND utc < %s
                           ORDER BY utc LIMIT 1""", [employee_id, instant - gap, instant + gap])
            clash = cur.fetchone()
            if clash:
                raise ValueError(f"{employee_id} already has a punch at {clash[0]}, less than "
                                 f"{int(gap.total_seconds())} s away: void it first or choose another time")
            punch_id = self._insert_punch(cur, employee_id, instant, method=METHOD_CORRECTION, direction=direction,
                                          direction_source="correction", reason=reason, added_by=by)
            return self._punch(cur, punch_id)  # type: ignore[return-value]

    def void_punch(self, punch_id: int, reason: str, by: str) -> dict:
        """Void a wrong punch: kept, with when, why and by whom; no longer counted."""
        reason, by = _said(reason, "a reason"), _said(by, "who voids it")
        with self.connections.transaction() as cur:  # type: ignore[attr-defined]
            punch = self._locked(cur, punch_id)
            cur.execute("UPDATE attendance SET voided_at = %s, void_reason = %s, voided_by = %s WHERE id = %s",
                        [utc_now(), reason, by, punch_id])
            return self._punch(cur, punch["id"])  # type: ignore[return-value]

    def set_direction(self, punch_id: int, direction: str, within_seconds: float) -> dict:
        """The person's tap at the door (punch mode "choose"): IN / OUT / break for the punch
        just recorded, accepted within `within_seconds` of it."""
        direction = _checked(direction)
        with self.connections.transaction() as cur:  # type: ignore[attr-defined]
            punch = self._locked(cur, punch_id)
            cur.execute("SELECT %s - utc FROM attendance WHERE id = %s", [utc_now(), punch_id])
            if cur.fetchone()[0] > timedelta(seconds=within_seconds):
                raise ValueError(f"punch {punch_id} was recorded more than {within_seconds:g} s ago: "
                                 f"its direction can no longer be chosen")
            cur.execute("UPDATE attendance SET direction = %s, direction_source = 'chosen' WHERE id = %s",
                        [direction, punch_id])
            return self._punch(cur, punch["id"])  # type: ignore[return-value]

    def _locked(self, cur, punch_id: int) -> dict:
        """A punch not voided, its person's lock held."""
        cur.execute("SELECT employee_id FROM attendance WHERE id = %s", [punch_id])
        row = cur.fetchone()
        if row is None:
            raise ValueError(f"no punch with id {punch_id}")
        cur.execute(PERSON_LOCK, [row[0]])
        punch = self._punch(cur, punch_id)
        if punch["voided_at"]:
            raise ValueError(f"punch {punch_id} was voided on {punch['voided_at']} by {punch['voided_by']}")
        return punch


def _checked(direction: str) -> str:
    if direction not in DIRECTIONS:
        raise ValueError(f"unknown direction {direction!r}: use one of {', '.join(DIRECTIONS)}")
    return direction


def _said(text: Any, what: str) -> str:
    text = " ".join(str(text or "").split())
    if not text:
        raise ValueError(f"a correction needs {what}")
    return text
