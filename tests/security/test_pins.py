"""Personal PINs and the `method` column on real SQLite files: hashing, lockout persisted across
reopening, the v1 -> v2 migration of an existing database, CSV export of the method."""
from __future__ import annotations

import csv
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlite_utils import Database

from kiosk.attendance import AttendanceDB, export_attendance_csv
from kiosk.attendance.db import METHOD_FACE, METHOD_PIN, PIN_LOCKED, PIN_WRONG, SCHEMA_VERSION
from kiosk.attendance.schema import create_schema_v1
from kiosk.security.pins import MAX_TRIES, PersonalPins, personal_pin_problem

T0 = datetime(2024, 3, 4, 9, 0, 0)


@pytest.fixture
def db(tmp_path: Path):
    with AttendanceDB(tmp_path / "attendance.db") as store:
        store.upsert_employee("E1", "Ada Lovelace", "1")
        yield store


def test_pin_rules() -> None:
    assert personal_pin_problem("2580") is None and personal_pin_problem("258013") is None
    for bad in ("123", "1234567", "12a4", "1111", "1234", "654321", ""):
        assert personal_pin_problem(bad), bad


def test_pin_is_stored_hashed_and_checked(db: AttendanceDB, tmp_path: Path) -> None:
    pins = PersonalPins(db)
    assert not pins.has_pin("E1")
    pins.set_pin("E1", "2580")
    stored = sqlite3.connect(tmp_path / "attendance.db").execute(
        "SELECT pin_hash FROM employee_pins").fetchone()[0]
    assert stored.startswith("scrypt$") and "2580" not in stored
    assert pins.check("E1", "2580", now=T0).ok
    wrong = pins.check("E1", "2581", now=T0)
    assert not wrong.ok and wrong.tries_left == MAX_TRIES - 1
    with pytest.raises(ValueError):
        pins.set_pin("E1", "1111")
    with pytest.raises(KeyError):
        pins.set_pin("NOPE", "2580")


def test_unknown_id_looks_like_a_wrong_pin(db: AttendanceDB) -> None:
    pins = PersonalPins(db)
    pins.set_pin("E1", "2580")
    unknown, wrong = pins.check("E9", "2580", now=T0), pins.check("E1", "0000", now=T0)
    assert not unknown.ok and unknown.message.split(".")[0] == wrong.message.split(".")[0]


def test_lockout_is_persisted_and_expires(db: AttendanceDB, tmp_path: Path) -> None:
    pins = PersonalPins(db, lockout_s=60)
    pins.set_pin("E1", "2580")
    for i in range(MAX_TRIES):
        result = pins.check("E1", "9999", now=T0 + timedelta(seconds=i))
    assert not result.ok and result.locked_seconds == 60
    # A new process (another AttendanceDB on the same file) sees the lockout: the right PIN is refused.
    with AttendanceDB(tmp_path / "attendance.db") as other:
        again = PersonalPins(other).check("E1", "2580", now=T0 + timedelta(seconds=30))
    assert not again.ok and 0 < again.locked_seconds <= 60 and "Try again" in again.message
    assert pins.check("E1", "2580", now=T0 + timedelta(seconds=MAX_TRIES + 61)).ok
    # A correct PIN reset the count: the next lockout is the first length again (doubling: below).
    for i in range(MAX_TRIES):
        result = pins.check("E1", "9999", now=T0 + timedelta(minutes=5, seconds=i))
    assert result.locked_seconds == 60
    outcomes = [r["outcome"] for r in db.access_log(T0.date(), T0.date())]
    assert outcomes.count(PIN_WRONG) == 2 * (MAX_TRIES - 1) and outcomes.count(PIN_LOCKED) == 3


def test_repeated_lockouts_double(db: AttendanceDB) -> None:
    pins = PersonalPins(db, max_tries=2, lockout_s=10)
    pins.set_pin("E1", "2580")
    moment = T0
    waits = []
    for _ in range(3):
        for _ in range(2):
            result = pins.check("E1", "9999", now=moment)
        waits.append(result.locked_seconds)
        moment += timedelta(seconds=result.locked_seconds + 1)
    assert waits == [10, 20, 40]


def test_method_is_recorded_and_exported(db: AttendanceDB, tmp_path: Path) -> None:
    db.record_recognition("E1", "Ada", 0.9, now=T0)
    db.record_recognition("E1", "Ada", None, now=T0 + timedelta(hours=1), method=METHOD_PIN, source="pin",
                          detail="frame.jpg")
    rows = db.attendance(T0.date(), T0.date())
    assert [r["method"] for r in rows] == [METHOD_FACE, METHOD_PIN]
    out = tmp_path / "a.csv"
    export_attendance_csv(db, out, T0.date(), T0.date())
    with open(out, encoding="utf-8-sig", newline="") as fh:
        table = list(csv.reader(fh))
    assert table[0][-2] == "method" and [r[-2] for r in table[1:]] == ["face", "pin"]
    assert db.access_log(T0.date(), T0.date())[-1]["detail"] == "frame.jpg"


def test_an_existing_v1_database_is_migrated(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    old = Database(path)
    create_schema_v1(old)
    old.execute("PRAGMA user_version = 1")
    old.table("employees").insert({"id": "E1", "name": "Ada", "enrolled_at": "2024-01-01T00:00:00", "active": 1})
    old.table("attendance").insert({"employee_id": "E1", "timestamp": "2024-03-04T08:00:00", "status": "Present",
                                    "score": 0.8, "masked": 0, "kiosk_id": "k"})
    old.conn.commit()
    old.close()
    with AttendanceDB(path) as db:
        assert [r["method"] for r in db.attendance(T0.date(), T0.date())] == [METHOD_FACE]
        PersonalPins(db).set_pin("E1", "2580")
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
