"""The attendance store against real SQLite files: schema, cooldown, logging, reports, races."""
from __future__ import annotations

import multiprocessing
import sqlite3
import threading
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from kiosk.attendance import (
    CHECKED_IN,
    COOLDOWN,
    INACTIVE,
    REJECTED,
    UNKNOWN,
    AttendanceDB,
    CheckIn,
)
from kiosk.attendance.db import SCHEMA_VERSION

T0 = datetime(2024, 3, 4, 9, 0, 0)
DAY = T0.date()


@pytest.fixture
def db(tmp_path: Path):
    with AttendanceDB(tmp_path / "attendance.db") as store:
        store.upsert_employee("E1", "Ada Lovelace", "+44 1", enrolled_at=T0 - timedelta(days=30))
        store.upsert_employee("E2", "Émile Zola", "+33 2", enrolled_at=T0 - timedelta(days=30))
        yield store


def raw(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(path)


# -- schema -----------------------------------------------------------------------------------

def test_schema_created_with_wal_indexes_and_version(tmp_path: Path) -> None:
    path = tmp_path / "new" / "folder" / "attendance.db"
    AttendanceDB(path).close()
    conn = raw(path)
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"employees", "attendance", "access_log"} <= tables
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    indexes = {tuple(c[2] for c in conn.execute(f"PRAGMA index_info('{name}')"))
               for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type='index'")}
    assert {("employee_id", "timestamp"), ("timestamp",)} <= indexes
    columns = {r[1] for r in conn.execute("PRAGMA table_info(access_log)")}
    assert {"timestamp", "employee_id", "name", "outcome", "score", "masked", "source",
            "kiosk_id", "detail"} <= columns
    fks = conn.execute("PRAGMA foreign_key_list(attendance)").fetchall()
    assert [(f[2], f[3], f[4]) for f in fks] == [("employees", "employee_id", "id")]


def test_reopening_is_idempotent_and_keeps_data(tmp_path: Path) -> None:
    path = tmp_path / "attendance.db"
    with AttendanceDB(path) as first:
        first.upsert_employee("E1", "Ada", "1")
        first.record_recognition("E1", "Ada", 0.9, now=T0)
    with AttendanceDB(path) as again:
        assert again.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert len(again.attendance(DAY, DAY)) == 1


def test_newer_schema_is_refused_clearly(tmp_path: Path) -> None:
    path = tmp_path / "attendance.db"
    AttendanceDB(path).close()
    with raw(path) as conn:
        conn.execute("PRAGMA user_version = 99")
    with pytest.raises(RuntimeError, match="schema version 99"):
        AttendanceDB(path)


def test_a_file_that_is_not_a_database_is_named(tmp_path: Path) -> None:
    path = tmp_path / "attendance.db"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(sqlite3.DatabaseError, match="attendance.db"):
        AttendanceDB(path)


def test_foreign_key_is_enforced(db: AttendanceDB) -> None:
    with pytest.raises(sqlite3.IntegrityError):
        db.db.execute("INSERT INTO attendance (employee_id, timestamp) VALUES ('nobody', 'x')")


# -- cooldown ---------------------------------------------------------------------------------

@pytest.mark.parametrize("gap, check_ins", [(10, 1), (299, 1), (300, 2), (301, 2)])
def test_cooldown(db: AttendanceDB, gap: int, check_ins: int) -> None:
    first = db.record_recognition("E1", "Ada Lovelace", 0.91, masked=False, now=T0)
    second = db.record_recognition("E1", "Ada Lovelace", 0.88, masked=True,
                                   now=T0 + timedelta(seconds=gap))
    assert first == CheckIn(True, CHECKED_IN, "E1", "Ada Lovelace", T0, 0.91, 300, "in", first.punch_id)
    assert first.punch_id is not None
    assert second.recorded is (check_ins == 2)
    assert second.outcome == (CHECKED_IN if check_ins == 2 else COOLDOWN)
    assert second.seconds_until_next == (300 if check_ins == 2 else 300 - gap)
    assert len(db.attendance(DAY, DAY)) == check_ins
    assert [r["outcome"] for r in db.access_log(DAY, DAY)] == [CHECKED_IN, second.outcome]


def test_cooldown_is_configurable_and_per_person(tmp_path: Path) -> None:
    with AttendanceDB(tmp_path / "a.db", cooldown_seconds=60) as db:
        outcomes = [db.record_recognition(emp, emp, 0.9, now=T0 + timedelta(seconds=s)).outcome
                    for emp, s in [("E1", 0), ("E2", 1), ("E1", 30), ("E1", 61)]]
        assert outcomes == [CHECKED_IN, CHECKED_IN, COOLDOWN, CHECKED_IN]
    with AttendanceDB(tmp_path / "b.db", cooldown_seconds=0) as db:
        assert all(db.record_recognition("E1", "Ada", 0.9, now=T0).recorded for _ in range(3))
    with pytest.raises(ValueError, match="cooldown_seconds"):
        AttendanceDB(tmp_path / "c.db", cooldown_seconds=-1)


def test_cooldown_holds_when_the_clock_goes_back(db: AttendanceDB) -> None:
    db.record_recognition("E1", "Ada", 0.9, now=T0)
    earlier = db.record_recognition("E1", "Ada", 0.9, now=T0 - timedelta(seconds=20))
    assert (earlier.outcome, earlier.seconds_until_next) == (COOLDOWN, 320)
    assert db.record_recognition("E1", "Ada", 0.9, now=T0 - timedelta(hours=1)).recorded


# -- what gets logged -------------------------------------------------------------------------

def test_unknown_person_is_logged_not_recorded(db: AttendanceDB) -> None:
    result = db.record_recognition(None, "Not in Database", 0.41, masked=True, source="image",
                                   now=T0)
    assert (result.recorded, result.outcome, result.seconds_until_next) == (False, UNKNOWN, 0)
    assert db.attendance(DAY, DAY) == []
    [row] = db.access_log(DAY, DAY)
    assert row | {"id": 0} == {
        "id": 0, "timestamp": "2024-03-04T09:00:00", "employee_id": None,
        "name": "Not in Database", "outcome": UNKNOWN, "score": 0.41, "masked": 1,
        "source": "image", "kiosk_id": "kiosk-1", "detail": None}
    assert db.stats(now=T0)["unknown_today"] == 1


def test_every_attempt_is_logged(db: AttendanceDB) -> None:
    for s in range(5):
        db.record_recognition("E1", "Ada", 0.9, now=T0 + timedelta(seconds=s))
    db.record_recognition(None, "Unknown", None, now=T0)
    assert len(db.access_log(DAY, DAY)) == 6
    assert len(db.attendance(DAY, DAY)) == 1


def test_log_access_records_rejections_with_a_reason(db: AttendanceDB) -> None:
    row_id = db.log_access(REJECTED, detail="too blurry (12.3 < 40.0)", source="cli", now=T0)
    [row] = db.access_log(DAY, DAY)
    assert (row["id"], row["outcome"], row["detail"], row["source"], row["employee_id"]) == (
        row_id, REJECTED, "too blurry (12.3 < 40.0)", "cli", None)


def test_id_missing_from_the_database_is_registered_on_first_sight(db: AttendanceDB) -> None:
    assert db.record_recognition("E9", "Grace Hopper", 0.8, now=T0).recorded
    assert db.get_employee("E9")["name"] == "Grace Hopper"


def test_deactivated_employee_is_not_checked_in(db: AttendanceDB) -> None:
    db.delete_employee("E1")
    result = db.record_recognition("E1", "", 0.95, now=T0)
    assert (result.recorded, result.outcome, result.name) == (False, INACTIVE, "Ada Lovelace")
    assert db.attendance(DAY, DAY) == []


def test_times_are_local_naive_seconds(db: AttendanceDB) -> None:
    aware = datetime(2024, 3, 4, 8, 0, 0, 999_999, tzinfo=timezone.utc)
    result = db.record_recognition("E1", "Ada", 0.9, now=aware)
    local = aware.astimezone().replace(tzinfo=None, microsecond=0)
    assert result.timestamp == local
    assert db.access_log(local.date(), local.date())[0]["timestamp"] == local.isoformat()
    assert datetime.now() - db.record_recognition("E2", "Z", 0.9).timestamp < timedelta(seconds=5)


# -- concurrency ------------------------------------------------------------------------------

def test_threads_racing_give_exactly_one_check_in(db: AttendanceDB) -> None:
    n = 8
    barrier, outcomes = threading.Barrier(n), []

    def sighting() -> None:
        barrier.wait()
        outcomes.append(db.record_recognition("E1", "Ada", 0.9).outcome)

    threads = [threading.Thread(target=sighting) for _ in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(outcomes) == [CHECKED_IN] + [COOLDOWN] * (n - 1)
    today = date.today()
    yesterday = today - timedelta(days=1)  # in case the test straddles midnight
    assert len(db.attendance(yesterday, today)) == 1
    assert len(db.access_log(yesterday, today)) == n


def _sighting_in_process(path: str, barrier, results) -> None:
    # Both processes create the new file at once, then recognise the same person at once.
    try:
        barrier.wait(timeout=60)
        with AttendanceDB(path) as db:
            db.upsert_employee("E1", "Ada", "1")
            barrier.wait(timeout=60)
            results.put(db.record_recognition("E1", "Ada", 0.9).outcome)
    except BaseException as exc:  # report it, instead of leaving the parent waiting
        barrier.abort()
        results.put(repr(exc))


def test_processes_racing_give_exactly_one_check_in(tmp_path: Path) -> None:
    path = str(tmp_path / "attendance.db")
    ctx = multiprocessing.get_context("spawn")
    barrier, results = ctx.Barrier(2), ctx.Queue()
    procs = [ctx.Process(target=_sighting_in_process, args=(path, barrier, results))
             for _ in range(2)]
    for p in procs:
        p.start()
    outcomes = sorted(results.get(timeout=180) for _ in procs)
    for p in procs:
        p.join(timeout=60)
        assert p.exitcode == 0
    assert outcomes == [CHECKED_IN, COOLDOWN]
    today = date.today()
    yesterday = today - timedelta(days=1)  # in case the test straddles midnight
    with AttendanceDB(path) as db:
        assert len(db.attendance(yesterday, today)) == 1


# -- employees --------------------------------------------------------------------------------

def test_upsert_get_and_search(db: AttendanceDB) -> None:
    assert db.get_employee("E1") == {"id": "E1", "name": "Ada Lovelace", "mobile": "+44 1",
                                     "enrolled_at": "2024-02-03T09:00:00", "active": 1,
                                     "department": None, "left_at": None,  # schema 4 (kiosk.attendance.people)
                                     "shift": None}  # schema 5 (kiosk.attendance.punches)
    assert db.get_employee("nobody") is None
    db.upsert_employee("E1", "Ada King", "+44 9")  # update keeps the enrollment date
    assert db.get_employee("E1")["enrolled_at"] == "2024-02-03T09:00:00"
    assert db.get_employee("E1")["name"] == "Ada King"
    assert [e["id"] for e in db.list_employees()] == ["E1", "E2"]
    assert [e["id"] for e in db.list_employees("ÉMILE")] == ["E2"]  # case and accents
    assert [e["id"] for e in db.list_employees("e1")] == ["E1"]  # matches the id too
    assert db.list_employees("%") == []  # no LIKE wildcards
    with pytest.raises(ValueError, match="non-empty"):
        db.upsert_employee("  ", "Nobody", "")


def test_delete_keeps_history_by_default(db: AttendanceDB) -> None:
    db.record_recognition("E1", "Ada", 0.9, now=T0)
    db.delete_employee("E1")
    assert db.get_employee("E1")["active"] == 0
    assert [e["id"] for e in db.list_employees()] == ["E2"]
    assert [e["id"] for e in db.list_employees(include_inactive=True)] == ["E1", "E2"]
    assert [r["name"] for r in db.attendance(DAY, DAY)] == ["Ada Lovelace"]
    db.upsert_employee("E1", "Ada Lovelace", "1")  # re-enrolling reactivates
    assert db.get_employee("E1")["active"] == 1


def test_delete_without_history_erases_attendance_but_not_the_audit_log(
        db: AttendanceDB) -> None:
    db.record_recognition("E1", "Ada", 0.9, now=T0)
    db.record_recognition("E2", "Zola", 0.9, now=T0)
    db.delete_employee("E1", keep_history=False)
    assert db.get_employee("E1") is None
    assert [r["employee_id"] for r in db.attendance(DAY, DAY)] == ["E2"]
    assert len(db.access_log(DAY, DAY)) == 2


def test_deleting_an_unknown_employee_says_which(db: AttendanceDB) -> None:
    with pytest.raises(KeyError, match="no employee with id 'E404'"):
        db.delete_employee("E404")


# -- reports ----------------------------------------------------------------------------------

def test_attendance_range_is_inclusive_and_ordered(db: AttendanceDB) -> None:
    db.cooldown_seconds = 0  # events one second apart must all count
    for moment in ["2024-03-01T23:59:59", "2024-03-02T00:00:00", "2024-03-03T23:59:59",
                   "2024-03-02T12:00:00", "2024-03-04T00:00:00"]:
        db.record_recognition("E1", "Ada", 0.9, now=datetime.fromisoformat(moment))
    rows = db.attendance(date(2024, 3, 2), date(2024, 3, 3))
    assert [r["timestamp"] for r in rows] == [
        "2024-03-02T00:00:00", "2024-03-02T12:00:00", "2024-03-03T23:59:59"]
    assert {r["name"] for r in rows} == {"Ada Lovelace"}  # joined from employees
    assert len(db.attendance(date(2024, 3, 1), date(2024, 3, 1))) == 1


def test_reports_filter_by_employee(db: AttendanceDB) -> None:
    db.record_recognition("E1", "Ada", 0.9, now=T0)
    db.record_recognition("E2", "Zola", 0.8, now=T0)
    assert [r["employee_id"] for r in db.attendance(DAY, DAY, "E2")] == ["E2"]
    assert [r["employee_id"] for r in db.daily_summary(DAY, DAY, "E1")] == ["E1"]
    assert [r["employee_id"] for r in db.access_log(DAY, DAY, "E2")] == ["E2"]


def test_reversed_range_is_an_error(db: AttendanceDB) -> None:
    for report in (db.attendance, db.access_log, db.daily_summary):
        with pytest.raises(ValueError, match="--to is before --from"):
            report(date(2024, 3, 5), date(2024, 3, 4))


def test_daily_summary_first_in_last_out(db: AttendanceDB) -> None:
    for emp, hhmm in [("E1", "08:55:01"), ("E1", "12:30:00"), ("E1", "17:45:30"),
                      ("E2", "10:00:00")]:
        db.record_recognition(emp, "", 0.9, now=datetime.fromisoformat(f"2024-03-04T{hhmm}"))
    db.record_recognition("E1", "", 0.9, now=datetime(2024, 3, 5, 9, 0))
    assert db.daily_summary(DAY, DAY + timedelta(days=1)) == [
        {"date": "2024-03-04", "employee_id": "E1", "name": "Ada Lovelace",
         "first_in": "08:55:01", "last_out": "17:45:30", "check_ins": 3},
        {"date": "2024-03-04", "employee_id": "E2", "name": "Émile Zola",
         "first_in": "10:00:00", "last_out": "10:00:00", "check_ins": 1},
        {"date": "2024-03-05", "employee_id": "E1", "name": "Ada Lovelace",
         "first_in": "09:00:00", "last_out": "09:00:00", "check_ins": 1},
    ]


def test_present_today_and_stats(db: AttendanceDB) -> None:
    db.upsert_employee("E3", "Gone", "3")
    db.delete_employee("E3")
    db.record_recognition("E1", "Ada", 0.9, now=T0 - timedelta(days=2))
    db.record_recognition("E1", "Ada", 0.9, now=T0 - timedelta(days=20))  # outside 14 days
    db.record_recognition("E1", "Ada", 0.9, now=T0)
    db.record_recognition("E1", "Ada", 0.9, now=T0 + timedelta(hours=4))
    db.record_recognition("E2", "Zola", 0.9, now=T0)
    db.record_recognition(None, "Unknown", 0.2, now=T0)
    db.record_recognition(None, "Unknown", 0.2, now=T0 - timedelta(days=1))
    unsure = db.record_recognition(None, "Ada", 0.7, now=T0, unsure=True)  # too close to call
    assert unsure.outcome == "unsure" and not unsure.recorded
    db.log_access("spoof_suspected", score=0.12, detail="liveness 0.120 < 0.33", now=T0)  # a photo held up
    assert db.present_today(now=T0) == 2
    stats = db.stats(now=T0)
    per_day = stats.pop("check_ins_per_day")
    assert stats == {"employees_active": 2, "present_today": 2, "check_ins_today": 3,
                     "unknown_today": 1, "unsure_today": 1, "spoof_suspected_today": 1}
    assert [d["date"] for d in per_day] == [
        (DAY - timedelta(days=n)).isoformat() for n in range(13, -1, -1)]
    assert [d["count"] for d in per_day] == [0] * 11 + [1, 0, 3]


def test_closed_store_says_so(tmp_path: Path) -> None:
    db = AttendanceDB(tmp_path / "a.db")
    db.close()
    with pytest.raises(RuntimeError, match="closed"):
        db.stats()
