"""The attendance store: employees, check-ins and every recognition attempt, in one SQLite file.

Why it looks like this: the camera thread records check-ins while the screens and the CLI read
reports, possibly from another process. WAL mode lets readers and the one writer work together;
each thread gets its own connection (SQLite connections must not be shared); the cooldown check
and the insert run in one `BEGIN IMMEDIATE` transaction, so two simultaneous sightings of the
same person give exactly one check-in. Each check-in is a punch (kiosk.attendance.punches): a
direction, the UTC instant, the zone and offset it was taken in (kiosk.attendance.clock), and the
local wall time as a "YYYY-MM-DDTHH:MM:SS" string that sorts as text, so a date range of local
dates is a plain string comparison on an index. Durations and the cooldown use the UTC instant.
"""
from __future__ import annotations

import os
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from kiosk.attendance import corrections
from kiosk.attendance.clock import instant_at, local_wall, parse_utc, resolve_zone, utc_now, utc_text
from kiosk.attendance.people import has_left, update_statement
from kiosk.attendance.punches import PunchRule, previous_punch, punch_row
from kiosk.attendance.schema import METHOD_FACE, METHOD_PIN, SCHEMA_VERSION, STATUS_PRESENT, upgrade  # noqa: F401
from kiosk.common.sealed_fields import FieldSealer, open_row, seal_row

BUSY_TIMEOUT_MS = 5000
# A live punch this much earlier than this kiosk's latest is a clock set back: refused (CLOCK_BACK).
CLOCK_BACK_TOLERANCE = timedelta(minutes=5)

# Outcomes written to access_log.outcome.
CHECKED_IN = "checked_in"
COOLDOWN = "cooldown"
UNKNOWN = "unknown"
UNSURE = "unsure"  # over the threshold but too close to another person: nobody named (decision.py)
INACTIVE = "inactive"  # recognised, but HR has deleted (deactivated) the person or marked them as left
REJECTED = "rejected"  # never reached recognition (blur, no face, bad file...)
# Not written to the table: what record_recognition returns for an outbox entry already written.
DUPLICATE = "duplicate"
PIN_WRONG = "pin_wrong"  # a worker-ID check-in with a wrong PIN (kiosk.security.pins)
PIN_LOCKED = "pin_locked"  # a worker-ID check-in refused: too many wrong PINs
CLOCK_BACK = "clock_back"  # the clock went back past this kiosk's latest punch: nothing written
SPOOF_SUSPECTED = "spoof_suspected"  # the liveness check failed (a photo or screen?): nobody checked in

# One date range filter for every report: inclusive dates, optional employee.
_RANGE = "a.timestamp >= :lo AND a.timestamp < :hi AND (:emp IS NULL OR a.employee_id = :emp)"
_EVENTS = """SELECT a.id, a.timestamp, a.employee_id, e.name, a.status, a.score, a.masked,
                    a.kiosk_id, a.method, a.direction
             FROM attendance a JOIN employees e ON e.id = a.employee_id"""
_VALID = "a.voided_at IS NULL"
_PUNCHES = """SELECT a.id, a.employee_id, e.name, a.timestamp, a.utc, a.tz, a.utc_offset, a.direction,
                     a.direction_source, a.method, a.score, a.masked, a.kiosk_id, a.reason, a.added_by,
                     a.voided_at, a.void_reason, a.voided_by
              FROM attendance a JOIN employees e ON e.id = a.employee_id"""


@dataclass(frozen=True)
class CheckIn:
    """What one recognition attempt led to: what the screen tells the person."""

    recorded: bool
    outcome: str
    employee_id: str | None
    name: str
    timestamp: datetime
    score: float | None
    seconds_until_next: int
    direction: str | None = None  # the punch's (kiosk.attendance.punches), when one was recorded
    punch_id: int | None = None


def local_now(now: datetime | None = None) -> datetime:
    """`now` (default: the clock) as local naive time to the second, the store's one time form."""
    if now is None:
        now = datetime.now()
    elif now.tzinfo is not None:
        now = now.astimezone().replace(tzinfo=None)
    return now.replace(microsecond=0)


def iso_seconds(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds")


def _day(value: date) -> date:
    return value.date() if isinstance(value, datetime) else value


def date_range_params(start: date, end: date, employee_id: str | None = None) -> dict[str, Any]:
    """Parameters for `_RANGE`: inclusive dates become [start 00:00:00, end+1 00:00:00)."""
    start, end = _day(start), _day(end)
    if end < start:
        raise ValueError(f"--to is before --from ({end} < {start})")
    return {"lo": f"{start}T00:00:00", "hi": f"{end + timedelta(days=1)}T00:00:00",
            "emp": employee_id}


def _casefold(value: str | None) -> str | None:
    """SQL `casefold()`: case-insensitive search that also folds accented letters (É -> é)."""
    return value.casefold() if isinstance(value, str) else value


def _flag(value: bool | None) -> int | None:
    return None if value is None else int(bool(value))


class AttendanceDB:
    """The kiosk's `attendance.db`. Safe to share between threads; open one per process."""

    def __init__(self, path: str | Path, cooldown_seconds: int = 300,
                 kiosk_id: str = "kiosk-1", time_zone: str = "",
                 punch_rule: PunchRule | None = None) -> None:
        if str(path) == ":memory:":
            raise ValueError("AttendanceDB needs a file: every thread opens its own connection")
        if cooldown_seconds < 0:
            raise ValueError(f"cooldown_seconds must be >= 0, got {cooldown_seconds}")
        self.path = Path(path)
        self.cooldown_seconds = int(cooldown_seconds)
        self.kiosk_id = kiosk_id
        self.zone = resolve_zone(time_zone)
        self.punch_rule = punch_rule or PunchRule()
        self.fields: FieldSealer | None = None  # the service's, of the gallery key
        self._lock = threading.Lock()
        self._closed = False
        self._reset_connections()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._enable_wal()
            self._migrate()
        except sqlite3.DatabaseError as exc:  # e.g. "file is not a database": say which file
            self.close()
            raise sqlite3.DatabaseError(f"{self.path}: {exc}") from exc
        except BaseException:
            self.close()
            raise

    def __repr__(self) -> str:
        return f"AttendanceDB({str(self.path)!r}, cooldown_seconds={self.cooldown_seconds})"

    # -- connections and transactions ------------------------------------------------------

    def _reset_connections(self) -> None:
        self._pid = os.getpid()
        self._local = threading.local()
        self._connections: list[Database] = []

    @property
    def db(self) -> Database:
        """This thread's connection, opened on first use."""
        if self._closed:
            raise RuntimeError(f"{self!r} is closed")
        if self._pid != os.getpid():  # forked: the parent's connections are not ours to use
            self._reset_connections()
        db: Database | None = getattr(self._local, "db", None)
        if db is None:
            conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000,
                                   check_same_thread=False)
            db = Database(conn)
            db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            db.execute("PRAGMA foreign_keys = ON")
            db.register_function(_casefold, deterministic=True, name="casefold")
            self._local.db = db
            with self._lock:
                self._connections.append(db)
        return db

    @contextmanager
    def _write(self) -> Iterator[Database]:
        """A write transaction that takes the write lock first, so read-then-write is atomic."""
        db = self.db
        db.execute("BEGIN IMMEDIATE")
        try:
            yield db
            db.execute("COMMIT")
        except BaseException:
            db.rollback()
            raise

    def _enable_wal(self) -> None:
        """Switch to WAL. Processes opening a new file together can get "database is locked"
        from the switch without SQLite's busy handler ever waiting: retry within the timeout."""
        deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
        while True:
            try:
                return self.db.enable_wal()
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) or time.monotonic() > deadline:
                    raise
                time.sleep(0.05)

    def _migrate(self) -> None:
        if self._user_version() == SCHEMA_VERSION:
            return
        with self._write() as db:
            version = self._user_version()
            if version > SCHEMA_VERSION:
                raise RuntimeError(
                    f"{self.path} has schema version {version}, newer than this kiosk "
                    f"understands ({SCHEMA_VERSION}): update the kiosk software")
            upgrade(db, version, self.zone, self.punch_rule.session_hours)
            db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    def _user_version(self) -> int:
        return self.db.execute("PRAGMA user_version").fetchone()[0]

    def _rows(self, sql: str, params: dict[str, Any] | list[Any] | None = None) -> list[dict]:
        return list(self.db.query(sql, params))

    def _scalar(self, sql: str, params: dict[str, Any] | list[Any] | None = None) -> Any:
        return self.db.execute(sql, params).fetchone()[0]

    def close(self) -> None:
        with self._lock:
            for db in self._connections:
                db.close()
            self._connections.clear()
            self._closed = True

    def __enter__(self) -> AttendanceDB:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- employees -------------------------------------------------------------------------

    def upsert_employee(self, id: str, name: str, mobile: str | None = None,
                        enrolled_at: datetime | None = None) -> dict:
        """Enroll or update (and reactivate) an employee; keeps the first enrollment date
        unless `enrolled_at` is given."""
        if not isinstance(id, str) or not id.strip():
            raise ValueError(f"employee id must be a non-empty string, got {id!r}")
        row: dict[str, Any] = seal_row(self.fields, {"id": id, "name": name, "mobile": mobile, "active": 1})
        with self._write() as db:
            db.execute("DELETE FROM worker_id_renames WHERE old_id = ?", [id])  # the ID is someone's again
            existing = self.get_employee(id)
            row["enrolled_at"] = (existing["enrolled_at"] if existing and enrolled_at is None
                                  else iso_seconds(local_now(enrolled_at)))
            db.table("employees").upsert(row, pk="id")
        return self.get_employee(id)  # type: ignore[return-value]

    def update_employee(self, id: str, **fields: Any) -> dict:
        """Change a person's name, department, mobile or left_at (kiosk.attendance.people)."""
        sql, params = update_statement(seal_row(self.fields, fields))
        with self._write() as db:
            if db.execute(sql, [*params, id]).rowcount != 1:
                raise KeyError(f"no employee with id {id!r} in {self.path}")
        return self.get_employee(id)  # type: ignore[return-value]

    def get_employee(self, id: str) -> dict | None:
        return next((open_row(self.fields, r) for r in self._rows("SELECT * FROM employees WHERE id = ?", [id])), None)

    def employee_ids_like(self, id: str) -> list[str]:
        """The employee IDs equal to `id` regardless of case (kiosk.common.worker_id), deleted ones too."""
        return [r["id"] for r in self._rows("SELECT id FROM employees WHERE lower(id) = lower(?) ORDER BY id",
                                            [id.strip()])]

    def former_ids(self, id: str) -> list[str]:
        """The IDs renamed to `id` (kiosk.attendance.renames), oldest first."""
        return [r["old_id"] for r in self._rows("SELECT old_id FROM worker_id_renames WHERE new_id = ? "
                                                "ORDER BY renamed_at, old_id", [id])]

    def _current_id(self, db: Database, employee_id: str | None) -> str | None:
        """The ID `employee_id` has now, after any rename (kiosk.attendance.renames)."""
        if not employee_id:
            return employee_id
        row = db.execute("SELECT new_id FROM worker_id_renames WHERE old_id = ?", [employee_id]).fetchone()
        return row[0] if row else employee_id

    def list_employees(self, search: str = "", include_inactive: bool = False) -> list[dict]:
        """Employees whose id or name contains `search` (case-insensitive), by name."""
        return [open_row(self.fields, row) for row in self._rows(
            """SELECT * FROM employees
               WHERE (:all OR active)
                 AND (:q = '' OR instr(casefold(id), :q) OR instr(casefold(name), :q))
               ORDER BY casefold(name), id""",
            {"all": int(include_inactive), "q": search.strip().casefold()})]

    def delete_employee(self, id: str, keep_history: bool = True) -> None:
        """Deactivate (default: HR keeps the history) or, with keep_history=False, erase an
        employee and their attendance. The access log is an audit trail and is kept."""
        with self._write() as db:
            if self.get_employee(id) is None:
                raise KeyError(f"no employee with id {id!r} in {self.path}")
            if keep_history:
                db.table("employees").update(id, {"active": 0})
            else:
                db.table("attendance").delete_where("employee_id = ?", [id])
                db.table("employees").delete(id)

    # -- recording -------------------------------------------------------------------------

    def record_recognition(self, employee_id: str | None, name: str, score: float | None,
                           masked: bool | None = None, source: str = "camera",
                           now: datetime | None = None, unsure: bool = False,
                           key: str | None = None, method: str = METHOD_FACE,
                           detail: str | None = None) -> CheckIn:
        """The one entry point for every recognition attempt: always logs it, and records a
        check-in for a known, active employee unless they checked in within the cooldown.
        An id the database has never seen (enrolled in the gallery before this file existed)
        is added as an employee. `method` is how they were identified (face, or worker ID and
        PIN); `detail` goes to the access log (e.g. the saved frame of a PIN check-in). With a
        `key` (an outbox entry's), a second call with the same key writes nothing and returns
        outcome DUPLICATE: delivery is exactly once. `now` None reads the clock (a live punch): a
        clock set back past this kiosk's latest punch is refused (CLOCK_BACK, nothing written,
        `seconds_until_next` = how far back); a given `now` (an outbox entry) is what happened."""
        employee_id = employee_id or None  # "" is no identity either
        score = None if score is None else float(score)  # numpy floats do not bind
        outcome, wait, punch = (UNSURE if unsure and not employee_id else UNKNOWN), 0, ()
        with self._write() as db:
            instant = instant_at(now, self.zone)  # under the write lock: in order
            moment = local_wall(instant, self.zone)
            behind = self._clock_behind(db, instant) if now is None else 0
            if behind:
                return CheckIn(False, CLOCK_BACK, employee_id, name, moment, score, behind)
            if not self._claim(db, key, moment):
                return CheckIn(False, DUPLICATE, employee_id, name, moment, score, 0)
            employee_id = self._current_id(db, employee_id)
            if employee_id:
                employee = self.get_employee(employee_id)
                if employee is None:
                    db.table("employees").insert(
                        {"id": employee_id, "name": name, "enrolled_at": iso_seconds(moment)})
                name = name or (employee or {}).get("name", "")
                if employee is not None and (not employee["active"] or has_left(employee)):
                    outcome = INACTIVE
                else:
                    outcome, wait, punch = self._check_in(db, employee_id, instant, score, masked, method)
            self._log(db, moment, outcome, employee_id, name, score, masked, source, detail)
        return CheckIn(outcome == CHECKED_IN, outcome, employee_id, name, moment, score, wait, *punch)

    def _check_in(self, db: Database, employee_id: str, instant: datetime, score: float | None,
                  masked: bool | None, method: str = METHOD_FACE) -> tuple[str, int, tuple]:
        """(outcome, seconds until the next punch counts, (direction, punch id)) for a known person."""
        cooldown = timedelta(seconds=self.cooldown_seconds)
        # Any punch closer than the cooldown on either side blocks this one (the window also
        # covers an outbox entry delivered late): repeated punches in the duplicate window count once.
        last = db.execute(
            f"SELECT max(utc) FROM attendance a WHERE employee_id = ? AND {_VALID} AND utc > ? AND utc < ?",
            [employee_id, utc_text(instant - cooldown), utc_text(instant + cooldown)]).fetchone()[0]
        if last is not None:
            elapsed = (instant - parse_utc(last)).total_seconds()
            return COOLDOWN, int(self.cooldown_seconds - elapsed), ()
        previous = previous_punch(db, employee_id, utc_text(instant))
        direction, decided = self.punch_rule.direction(
            previous[0] if previous else None, instant - previous[1] if previous else None,
            local_wall(instant, self.zone))
        row_id = db.table("attendance").insert(punch_row(instant, self.zone) | {
            "employee_id": employee_id, "status": STATUS_PRESENT, "score": score, "masked": _flag(masked),
            "kiosk_id": self.kiosk_id, "method": method, "direction": direction,
            "direction_source": decided}).last_pk
        return CHECKED_IN, self.cooldown_seconds, (direction, row_id)

    def _clock_behind(self, db: Database, instant: datetime) -> int:
        """Seconds this kiosk's clock is behind its own latest punch (0: not, or within tolerance)."""
        latest = db.execute(
            f"SELECT utc FROM attendance a WHERE kiosk_id = ? AND {_VALID} AND method != ? "
            f"ORDER BY utc DESC LIMIT 1", [self.kiosk_id, corrections.METHOD_CORRECTION]).fetchone()
        if latest is None:
            return 0
        behind = parse_utc(latest[0]) - instant
        return int(behind.total_seconds()) if behind > CLOCK_BACK_TOLERANCE else 0

    # -- punches and corrections (kiosk.attendance.punches, kiosk.attendance.corrections) ----------

    def local(self, now: datetime | None = None) -> datetime:
        """`now` (default: the clock) as naive wall time in the site's zone, to the second."""
        return local_wall(instant_at(now, self.zone), self.zone)

    def punches(self, start: date, end: date, employee_id: str | None = None,
                include_voided: bool = False) -> list[dict]:
        """Punches on local dates start..end (inclusive), in time order, as kiosk.attendance.daily reads them."""
        valid = "" if include_voided else f" AND {_VALID}"
        return self._rows(f"{_PUNCHES} WHERE {_RANGE}{valid} ORDER BY a.utc, a.id",
                          date_range_params(start, end, employee_id))

    def add_punch(self, employee_id: str, when: datetime, direction: str, reason: str, by: str) -> dict:
        """HR adds a missing punch (kiosk.attendance.corrections.add_punch says what is refused)."""
        with self._write() as db:
            return corrections.add_punch(
                db, self.zone, employee_id=self._current_id(db, employee_id) or employee_id, when=when,
                direction=direction, reason=reason, by=by, window_seconds=self.cooldown_seconds,
                kiosk_id=self.kiosk_id, now=utc_now())

    def void_punch(self, punch_id: int, reason: str, by: str) -> dict:
        with self._write() as db:
            return corrections.void_punch(db, punch_id=punch_id, reason=reason, by=by, now=utc_now())

    def set_direction(self, punch_id: int, direction: str, within_seconds: int | None = None) -> dict:
        """The person's IN / OUT / Break tap just after a punch ("choose" mode)."""
        seconds = self.punch_rule.choice_seconds if within_seconds is None else within_seconds
        with self._write() as db:
            return corrections.choose_direction(db, punch_id=punch_id, direction=direction,
                                                within_seconds=seconds, now=utc_now())

    def log_access(self, outcome: str, *, employee_id: str | None = None, name: str = "",
                   score: float | None = None, masked: bool | None = None,
                   source: str = "camera", detail: str | None = None,
                   now: datetime | None = None, key: str | None = None) -> int:
        """Log an attempt that never reached recognition (e.g. REJECTED, detail="too blurry").
        Returns the access_log row id (0 when `key` was delivered before)."""
        with self._write() as db:
            if not self._claim(db, key, self.local(now)):
                return 0
            return self._log(db, self.local(now), outcome, self._current_id(db, employee_id), name,
                             None if score is None else float(score), masked, source, detail)

    def _claim(self, db: Database, key: str | None, moment: datetime) -> bool:
        """Inside a write transaction: False when `key` was written before, else note it (the
        note commits or rolls back with the rows it stands for)."""
        if key is None:
            return True
        db.execute("CREATE TABLE IF NOT EXISTS delivered_keys (key TEXT PRIMARY KEY, written_at TEXT NOT NULL)")
        if db.execute("SELECT 1 FROM delivered_keys WHERE key = ?", [key]).fetchone():
            return False
        db.execute("INSERT INTO delivered_keys (key, written_at) VALUES (?, ?)", [key, iso_seconds(moment)])
        return True

    def _log(self, db: Database, moment: datetime, outcome: str, employee_id: str | None,
             name: str, score: float | None, masked: bool | None, source: str,
             detail: str | None) -> int:
        row_id = db.table("access_log").insert(
            {"timestamp": iso_seconds(moment), "employee_id": employee_id, "name": name,
             "outcome": outcome, "score": score, "masked": _flag(masked), "source": source,
             "kiosk_id": self.kiosk_id, "detail": detail}).last_pk
        assert row_id is not None, "an insert into a rowid table always has a last_pk"
        return row_id

    def purge_before(self, table: str, where: str, cutoff: datetime, dry_run: bool) -> int:
        """Retention (kiosk.attendance.retention): count, and unless `dry_run` delete, the rows
        of `table` matching `where` older than `cutoff`."""
        if table not in ("attendance", "access_log"):
            raise ValueError(f"no retention for table {table!r}")
        with self._write() as db:
            sql = f"FROM {table} WHERE ({where}) AND timestamp < ?"
            count = db.execute(f"SELECT count(*) {sql}", [iso_seconds(cutoff)]).fetchone()[0]
            if not dry_run:
                db.execute(f"DELETE {sql}", [iso_seconds(cutoff)])
        return count

    # -- reports ---------------------------------------------------------------------------

    def attendance(self, start: date, end: date, employee_id: str | None = None) -> list[dict]:
        """Punches between two dates (inclusive), oldest first, with the name; voided ones left out."""
        return self._rows(f"{_EVENTS} WHERE {_RANGE} AND {_VALID} ORDER BY a.timestamp, a.id",
                          date_range_params(start, end, employee_id))

    def access_log(self, start: date, end: date, employee_id: str | None = None) -> list[dict]:
        return self._rows(f"SELECT * FROM access_log a WHERE {_RANGE} ORDER BY a.timestamp, a.id",
                          date_range_params(start, end, employee_id))

    def daily_summary(self, start: date, end: date,
                      employee_id: str | None = None) -> list[dict]:
        """One row per person per day: first_in, last_out (HH:MM:SS) and check_ins."""
        return self._rows(
            f"""SELECT substr(a.timestamp, 1, 10) AS date, a.employee_id, e.name,
                       substr(min(a.timestamp), 12) AS first_in,
                       substr(max(a.timestamp), 12) AS last_out, count(*) AS check_ins
                FROM attendance a JOIN employees e ON e.id = a.employee_id
                WHERE {_RANGE} AND {_VALID}
                GROUP BY date, a.employee_id
                ORDER BY date, casefold(e.name), a.employee_id""",
            date_range_params(start, end, employee_id))

    def present_today(self, now: datetime | None = None) -> int:
        today = self.local(now).date()
        return self._scalar(f"SELECT count(DISTINCT a.employee_id) FROM attendance a "
                            f"WHERE {_RANGE} AND {_VALID}", date_range_params(today, today))

    def stats(self, now: datetime | None = None) -> dict[str, Any]:
        """Dashboard numbers, read from one consistent snapshot."""
        today = self.local(now).date()
        days = [today - timedelta(days=n) for n in range(13, -1, -1)]
        with self.db.atomic():
            per_day = dict(self.db.execute(
                f"SELECT substr(a.timestamp, 1, 10), count(*) FROM attendance a "
                f"WHERE {_RANGE} AND {_VALID} GROUP BY 1", date_range_params(days[0], today)).fetchall())
            return {
                "employees_active": self._scalar("SELECT count(*) FROM employees WHERE active"),
                "present_today": self.present_today(now),
                "check_ins_today": per_day.get(today.isoformat(), 0),
                "check_ins_per_day": [{"date": day, "count": per_day.get(day, 0)}
                                      for day in map(date.isoformat, days)],
                "unknown_today": self._scalar(
                    f"SELECT count(*) FROM access_log a WHERE outcome = '{UNKNOWN}' AND {_RANGE}",
                    date_range_params(today, today)),
                "unsure_today": self._scalar(
                    f"SELECT count(*) FROM access_log a WHERE outcome = '{UNSURE}' AND {_RANGE}",
                    date_range_params(today, today)),
                "spoof_suspected_today": self._scalar(
                    f"SELECT count(*) FROM access_log a WHERE outcome = '{SPOOF_SUSPECTED}' AND {_RANGE}",
                    date_range_params(today, today)),
            }
