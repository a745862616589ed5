"""The attendance store on the site's server: AttendanceDB's interface (kiosk.attendance.db)
on PostgreSQL, so the service, the exports and the screens use either without knowing which.

What differs from SQLite, and why:
- the cooldown holds across kiosks: the check and the insert run in one transaction that first
  takes an advisory lock on the employee, so door A and door B seeing one person at once give
  one check-in, and a check-in delivered late from an outbox is judged against the others;
- every write carries an event key (`delivered_keys`), so an outbox delivery, or a retry after
  a lost COMMIT reply, writes exactly once;
- the same lock orders the direction of a punch (kiosk.attendance.punches.PunchRule reads the
  person's previous punch) and HR's corrections (kiosk.site.punches), so a door and the HR desk
  never decide from the same stale view;
- READ COMMITTED plus those locks: no serialization failures to retry, none reach the user.
Rows come back in the SQLite store's shapes (ISO time strings, 0/1 flags)."""
from __future__ import annotations

import uuid
from datetime import date, datetime, timedelta
from typing import Any

from kiosk.attendance.clock import local_wall, resolve_zone
from kiosk.attendance.db import (
    CHECKED_IN,
    CLOCK_BACK,
    COOLDOWN,
    DUPLICATE,
    INACTIVE,
    METHOD_FACE,
    SPOOF_SUSPECTED,
    UNKNOWN,
    UNSURE,
    CheckIn,
    date_range_params,
    local_now,
)
from kiosk.attendance.people import EDITABLE, has_left
from kiosk.attendance.punches import PunchRule
from kiosk.site.connection import Connections
from kiosk.site.punches import PERSON_LOCK, SitePunches

_TIME = "to_char({col}, 'YYYY-MM-DD\"T\"HH24:MI:SS')"
_RANGE = "a.timestamp >= %(lo)s AND a.timestamp < %(hi)s AND (%(emp)s::text IS NULL OR a.employee_id = %(emp)s)"
_VALID = "a.voided_at IS NULL"  # a voided punch is kept, but no report counts it
_EVENTS = f"""SELECT a.id, {_TIME.format(col='a.timestamp')} AS timestamp, a.employee_id, e.name, a.status,
                     a.score, a.masked::int AS masked, a.kiosk_id, a.method, a.direction
              FROM attendance a JOIN employees e ON e.id = a.employee_id"""
# The same row as the SQLite store's.
_EMPLOYEE = f"""SELECT id, name, mobile, {_TIME.format(col='enrolled_at')} AS enrolled_at, active::int AS active,
                       department, {_TIME.format(col='left_at')} AS left_at, shift
                FROM employees"""


def _span(start: date, end: date, employee_id: str | None = None) -> dict[str, Any]:
    span = date_range_params(start, end, employee_id)
    return span | {"lo": datetime.fromisoformat(span["lo"]), "hi": datetime.fromisoformat(span["hi"])}


class SiteAttendanceDB(SitePunches):
    """The site's attendance tables, written as one kiosk (`kiosk_id`) in the site's time zone
    (`time_zone`, an IANA name; empty: this machine's)."""

    def __init__(self, connections: Connections, cooldown_seconds: int = 300, kiosk_id: str = "kiosk-1",
                 time_zone: str = "", punch_rule: PunchRule | None = None):
        if cooldown_seconds < 0:
            raise ValueError(f"cooldown_seconds must be >= 0, got {cooldown_seconds}")
        self.zone = resolve_zone(time_zone)  # the service may replace it when HR saves another one
        self.punch_rule = punch_rule or PunchRule()
        self.connections = connections
        self.cooldown_seconds = int(cooldown_seconds)
        self.kiosk_id = kiosk_id
        self.path = connections.where  # what messages name (explain); there is no file

    def __repr__(self) -> str:
        return f"SiteAttendanceDB({self.connections.where!r}, kiosk_id={self.kiosk_id!r})"

    def _rows(self, sql: str, params: dict | list | None = None) -> list[dict]:
        from psycopg.rows import dict_row

        with self.connections.transaction() as cur:
            cur.row_factory = dict_row
            cur.execute(sql, params)
            return list(cur.fetchall())

    def _scalar(self, sql: str, params: dict | list | None = None) -> Any:
        with self.connections.transaction() as cur:
            cur.execute(sql, params)
            return cur.fetchone()[0]

    def close(self) -> None:
        self.connections.close()

    def __enter__(self) -> SiteAttendanceDB:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- employees -------------------------------------------------------------------------

    def upsert_employee(self, id: str, name: str, mobile: str | None = None,
                        enrolled_at: datetime | None = None) -> dict:
        if not isinstance(id, str) or not id.strip():
            raise ValueError(f"employee id must be a non-empty string, got {id!r}")
        with self.connections.transaction() as cur:
            cur.execute("DELETE FROM worker_id_renames WHERE old_id = %s", [id])  # the ID is someone's again
            cur.execute("""INSERT INTO employees (id, name, mobile, enrolled_at, active)
                           VALUES (%(id)s, %(name)s, %(mobile)s, %(at)s, true)
                           ON CONFLICT (id) DO UPDATE SET name = excluded.name, mobile = excluded.mobile,
                               active = true,
                               enrolled_at = CASE WHEN %(given)s THEN excluded.enrolled_at
                                                  ELSE employees.enrolled_at END""",
                        {"id": id, "name": name, "mobile": mobile, "at": local_now(enrolled_at),
                         "given": enrolled_at is not None})
        return self.get_employee(id)  # type: ignore[return-value]

    def update_employee(self, id: str, **fields: Any) -> dict:
        """Change a person's name, department, mobile, left_at or shift (kiosk.attendance.people)."""
        unknown = set(fields) - set(EDITABLE) - {"shift"}
        if unknown or not fields:
            raise ValueError(f"cannot change employees columns {sorted(unknown) or 'none'}")
        values = dict(fields)
        if isinstance(values.get("left_at"), str):  # ISO text, as the SQLite store keeps it
            values["left_at"] = datetime.fromisoformat(values["left_at"])
        names = sorted(values)
        with self.connections.transaction() as cur:
            cur.execute(f"UPDATE employees SET {', '.join(f'{n} = %s' for n in names)} WHERE id = %s",
                        [*(values[n] for n in names), id])
            if cur.rowcount != 1:
                raise KeyError(f"no employee with id {id!r} in {self.path}")
        return self.get_employee(id)  # type: ignore[return-value]

    def get_employee(self, id: str) -> dict | None:
        rows = self._rows(f"{_EMPLOYEE} WHERE id = %s", [id])
        return rows[0] if rows else None

    def employee_ids_like(self, id: str) -> list[str]:
        """The employee IDs equal to `id` regardless of case, deleted ones too."""
        return [r["id"] for r in self._rows("SELECT id FROM employees WHERE lower(id) = lower(%s) ORDER BY id",
                                            [id.strip()])]

    def former_ids(self, id: str) -> list[str]:
        """The IDs renamed to `id` (kiosk.attendance.renames), oldest first."""
        return [r["old_id"] for r in self._rows("SELECT old_id FROM worker_id_renames WHERE new_id = %s "
                                                "ORDER BY renamed_at, old_id", [id])]

    @staticmethod
    def _current_id(cur, employee_id: str | None) -> str | None:
        """The ID `employee_id` has now, after any rename."""
        if not employee_id:
            return employee_id
        cur.execute("SELECT new_id FROM worker_id_renames WHERE old_id = %s", [employee_id])
        row = cur.fetchone()
        return row[0] if row else employee_id

    def list_employees(self, search: str = "", include_inactive: bool = False) -> list[dict]:
        return self._rows(
            f"""{_EMPLOYEE}
                WHERE (%(all)s OR active)
                  AND (%(q)s = '' OR strpos(lower(id), %(q)s) > 0 OR strpos(lower(name), %(q)s) > 0)
                ORDER BY lower(name), id""",
            {"all": include_inactive, "q": search.strip().casefold()})

    def delete_employee(self, id: str, keep_history: bool = True) -> None:
        with self.connections.transaction() as cur:
            cur.execute("SELECT 1 FROM employees WHERE id = %s FOR UPDATE", [id])
            if cur.fetchone() is None:
                raise KeyError(f"no employee with id {id!r} in {self.path}")
            if keep_history:
                cur.execute("UPDATE employees SET active = false WHERE id = %s", [id])
            else:
                cur.execute("DELETE FROM attendance WHERE employee_id = %s", [id])
                cur.execute("DELETE FROM employee_pins WHERE employee_id = %s", [id])
                cur.execute("DELETE FROM employees WHERE id = %s", [id])

    # -- recording -------------------------------------------------------------------------

    def record_recognition(self, employee_id: str | None, name: str, score: float | None,
                           masked: bool | None = None, source: str = "camera",
                           now: datetime | None = None, unsure: bool = False,
                           key: str | None = None, method: str = METHOD_FACE,
                           detail: str | None = None) -> CheckIn:
        """AttendanceDB.record_recognition, with the cooldown, the direction and the clock check
        held across every kiosk. `now` None reads the clock (a live punch): a clock set back past
        this kiosk's latest punch is refused (CLOCK_BACK, nothing written); a given `now` (an
        outbox entry) is what happened."""
        employee_id = employee_id or None
        score = None if score is None else float(score)
        outcome, wait, punch = (UNSURE if unsure and not employee_id else UNKNOWN), 0, ()
        instant = self.instant(now)
        moment = local_wall(instant, self.zone)
        with self.connections.transaction() as cur:
            behind = self._clock_behind(cur, instant) if now is None else 0
            if behind:
                return CheckIn(False, CLOCK_BACK, employee_id, name, moment, score, behind)
            if not self._claim(cur, key or uuid.uuid4().hex, moment):
                return CheckIn(False, DUPLICATE, employee_id, name, moment, score, 0)
            employee_id = self._current_id(cur, employee_id)
            if employee_id:
                # One person's punches are decided one at a time across every door: the cooldown
                # and the direction both read the punches before this one under this lock.
                cur.execute(PERSON_LOCK, [employee_id])
                cur.execute("SELECT name, active, left_at FROM employees WHERE id = %s", [employee_id])
                employee = cur.fetchone()
                if employee is None:
                    cur.execute("""INSERT INTO employees (id, name, enrolled_at) VALUES (%s, %s, %s)
                                   ON CONFLICT (id) DO NOTHING""", [employee_id, name, moment])
                name = name or (employee[0] if employee else "")
                if employee is not None and (not employee[1] or has_left({"left_at": employee[2]})):
                    outcome = INACTIVE
                else:
                    outcome, wait, punch = self._check_in(cur, employee_id, instant, score, masked, method)
            self._log(cur, moment, outcome, employee_id, name, score, masked, source, detail)
        return CheckIn(outcome == CHECKED_IN, outcome, employee_id, name, moment, score, wait, *punch)

    def _check_in(self, cur, employee_id: str, instant: datetime, score: float | None,
                  masked: bool | None, method: str) -> tuple[str, int, tuple]:
        """(outcome, seconds until the next punch counts, (direction, punch id)) for a known person."""
        cooldown = timedelta(seconds=self.cooldown_seconds)
        # Any punch closer than the cooldown on either side blocks this one (the window also
        # covers an outbox entry delivered late); a voided punch is no longer there.
        cur.execute("""SELECT max(utc) FROM attendance
                       WHERE employee_id = %s AND voided_at IS NULL AND utc > %s AND utc < %s""",
                    [employee_id, instant - cooldown, instant + cooldown])
        last = cur.fetchone()[0]
        if last is not None:
            return COOLDOWN, int(self.cooldown_seconds - (instant - last).total_seconds()), ()
        direction, decided = self._direction(cur, employee_id, instant)
        punch_id = self._insert_punch(cur, employee_id, instant, score=score, masked=masked, method=method,
                                      direction=direction, direction_source=decided)
        return CHECKED_IN, self.cooldown_seconds, (direction, punch_id)

    def log_access(self, outcome: str, *, employee_id: str | None = None, name: str = "",
                   score: float | None = None, masked: bool | None = None,
                   source: str = "camera", detail: str | None = None,
                   now: datetime | None = None, key: str | None = None) -> int:
        moment = self.local(now)
        with self.connections.transaction() as cur:
            if not self._claim(cur, key or uuid.uuid4().hex, moment):
                return 0
            return self._log(cur, moment, outcome, self._current_id(cur, employee_id), name,
                             None if score is None else float(score), masked, source, detail)

    def _claim(self, cur, key: str, moment: datetime) -> bool:
        """In the write's transaction: False when `key` was written before. A second writer of
        the same key waits for the first to commit, then finds it."""
        cur.execute("""INSERT INTO delivered_keys (key, kiosk_id, written_at) VALUES (%s, %s, %s)
                       ON CONFLICT (key) DO NOTHING""", [key, self.kiosk_id, moment])
        return cur.rowcount == 1

    def _log(self, cur, moment: datetime, outcome: str, employee_id: str | None, name: str,
             score: float | None, masked: bool | None, source: str, detail: str | None) -> int:
        cur.execute("""INSERT INTO access_log (timestamp, employee_id, name, outcome, score, masked, source,
                                               kiosk_id, detail)
                       VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s) RETURNING id""",
                    [moment, employee_id, name or "", outcome, score, masked, source, self.kiosk_id, detail])
        return cur.fetchone()[0]

    # -- reports ---------------------------------------------------------------------------

    def attendance(self, start: date, end: date, employee_id: str | None = None) -> list[dict]:
        return self._rows(f"{_EVENTS} WHERE {_RANGE} AND {_VALID} ORDER BY a.timestamp, a.id",
                          _span(start, end, employee_id))

    def access_log(self, start: date, end: date, employee_id: str | None = None) -> list[dict]:
        return self._rows(
            f"""SELECT a.id, {_TIME.format(col='a.timestamp')} AS timestamp, a.employee_id, a.name, a.outcome,
                       a.score, a.masked::int AS masked, a.source, a.kiosk_id, a.detail
                FROM access_log a WHERE {_RANGE} ORDER BY a.timestamp, a.id""", _span(start, end, employee_id))

    def daily_summary(self, start: date, end: date, employee_id: str | None = None) -> list[dict]:
        return self._rows(
            f"""SELECT to_char(a.timestamp, 'YYYY-MM-DD') AS date, a.employee_id, min(e.name) AS name,
                       to_char(min(a.timestamp), 'HH24:MI:SS') AS first_in,
                       to_char(max(a.timestamp), 'HH24:MI:SS') AS last_out, count(*) AS check_ins
                FROM attendance a JOIN employees e ON e.id = a.employee_id
                WHERE {_RANGE} AND {_VALID}
                GROUP BY 1, a.employee_id
                ORDER BY 1, lower(min(e.name)), a.employee_id""", _span(start, end, employee_id))

    def present_today(self, now: datetime | None = None) -> int:
        today = self.local(now).date()
        return self._scalar(f"SELECT count(DISTINCT a.employee_id) FROM attendance a WHERE {_RANGE} AND {_VALID}",
                            _span(today, today))

    def stats(self, now: datetime | None = None) -> dict[str, Any]:
        """AttendanceDB.stats, from one snapshot (REPEATABLE READ)."""
        today = self.local(now).date()
        days = [today - timedelta(days=n) for n in range(13, -1, -1)]
        span, fortnight = _span(today, today), _span(days[0], today)
        with self.connections.transaction() as cur:
            cur.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
            cur.execute(f"SELECT to_char(a.timestamp, 'YYYY-MM-DD'), count(*) FROM attendance a WHERE {_RANGE} "
                        f"AND {_VALID} GROUP BY 1", fortnight)
            per_day = dict(cur.fetchall())
            cur.execute("SELECT count(*) FROM employees WHERE active")
            active = cur.fetchone()[0]
            cur.execute(f"SELECT count(DISTINCT a.employee_id) FROM attendance a WHERE {_RANGE} AND {_VALID}", span)
            present = cur.fetchone()[0]
            cur.execute(f"SELECT a.outcome, count(*) FROM access_log a WHERE {_RANGE} AND a.outcome IN "
                        f"('{UNKNOWN}', '{UNSURE}', '{SPOOF_SUSPECTED}') GROUP BY 1", span)
            outcomes = dict(cur.fetchall())
        return {
            "employees_active": active,
            "present_today": present,
            "check_ins_today": per_day.get(today.isoformat(), 0),
            "check_ins_per_day": [{"date": day, "count": per_day.get(day, 0)} for day in map(date.isoformat, days)],
            "unknown_today": outcomes.get(UNKNOWN, 0),
            "unsure_today": outcomes.get(UNSURE, 0),
            "spoof_suspected_today": outcomes.get(SPOOF_SUSPECTED, 0),
        }

    def purge_before(self, table: str, where: str, cutoff: datetime, dry_run: bool) -> int:
        """Retention (kiosk.attendance.retention): count, and unless `dry_run` delete, the rows
        of `table` matching `where` older than `cutoff`."""
        if table not in ("attendance", "access_log"):
            raise ValueError(f"no retention for table {table!r}")
        with self.connections.transaction() as cur:
            sql = f"FROM {table} WHERE ({where}) AND timestamp < %s"
            cur.execute(f"SELECT count(*) {sql}", [cutoff])
            count = cur.fetchone()[0]
            if not dry_run:
                cur.execute(f"DELETE {sql}", [cutoff])
        return count
