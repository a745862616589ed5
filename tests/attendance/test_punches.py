"""Punches on a real SQLite file: directions by mode, UTC instants across daylight-saving changes,
a clock set back, HR's corrections, and a schema-4 database migrating without losing a row."""
from __future__ import annotations

import sqlite3
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path

import pytest
from sqlite_utils import Database

from kiosk.attendance.clock import parse_utc
from kiosk.attendance.db import CHECKED_IN, CLOCK_BACK, COOLDOWN, AttendanceDB
from kiosk.attendance.people import migrate_v4
from kiosk.attendance.punches import BREAK_IN, BREAK_OUT, IN, OUT, PunchRule
from kiosk.attendance.schema import SCHEMA_VERSION, create_schema_v1, migrate_v2, migrate_v3

PARIS = "Europe/Paris"


def store(tmp_path: Path, mode: str = "auto", zone: str = PARIS, cooldown: int = 300) -> AttendanceDB:
    db = AttendanceDB(tmp_path / "attendance.db", cooldown_seconds=cooldown, time_zone=zone,
                      punch_rule=PunchRule(mode=mode, out_after=time(12, 0)))
    db.upsert_employee("E1", "Ada Lovelace", enrolled_at=datetime(2026, 1, 5, 8, 0))
    db.upsert_employee("E2", "Émile Zola", enrolled_at=datetime(2026, 1, 5, 8, 0))
    return db


def punch(db: AttendanceDB, when: datetime, who: str = "E1"):
    return db.record_recognition(who, "", 0.9, now=when)


def test_auto_mode_alternates_within_a_session_and_starts_over_after_it(tmp_path):
    with store(tmp_path) as db:
        day = datetime(2026, 3, 2)
        directions = [punch(db, day + timedelta(hours=h)).direction for h in (8.9, 12, 13, 17.5)]
        assert directions == [IN, OUT, IN, OUT]
        # A forgotten check-out: the next morning is a new session, so IN again (not OUT).
        assert punch(db, datetime(2026, 3, 3, 8, 55)).direction == IN
        assert punch(db, datetime(2026, 3, 4, 9, 0)).direction == IN  # 24 h later: a new session
        # The other person's punches do not change E1's.
        assert punch(db, datetime(2026, 3, 4, 9, 2), "E2").direction == IN


def test_duplicate_window_counts_repeated_punches_once(tmp_path):
    with store(tmp_path) as db:
        first = punch(db, datetime(2026, 3, 2, 8, 57))
        again = punch(db, datetime(2026, 3, 2, 9, 1))
        assert (first.outcome, again.outcome, again.direction) == (CHECKED_IN, COOLDOWN, None)
        assert len(db.punches(date(2026, 3, 2), date(2026, 3, 2))) == 1


def test_window_mode_is_in_before_the_time_and_out_after(tmp_path):
    with store(tmp_path, mode="window") as db:
        assert punch(db, datetime(2026, 3, 2, 11, 59)).direction == IN
        assert punch(db, datetime(2026, 3, 2, 12, 10)).direction == OUT
        assert punch(db, datetime(2026, 3, 2, 18, 0)).direction == OUT


def test_choose_mode_takes_the_persons_tap_within_the_seconds_only(tmp_path):
    with store(tmp_path, mode="choose") as db:
        live = db.record_recognition("E1", "", 0.9)  # the clock: a live punch
        assert live.direction == IN
        changed = db.set_direction(live.punch_id, BREAK_OUT)
        assert (changed["direction"], changed["direction_source"]) == (BREAK_OUT, "chosen")
        old = punch(db, datetime(2026, 3, 2, 8, 0))
        with pytest.raises(ValueError, match="too late"):
            db.set_direction(old.punch_id, OUT)
        with pytest.raises(ValueError, match="unknown punch direction"):
            db.set_direction(live.punch_id, "sideways")


def test_break_directions_follow_each_other(tmp_path):
    with store(tmp_path, mode="choose") as db:
        first = db.record_recognition("E1", "", 0.9)
        db.set_direction(first.punch_id, BREAK_OUT)
        # The next automatic direction after a break start is the return from it.
        row = db.db.execute("SELECT utc FROM attendance WHERE id = ?", [first.punch_id]).fetchone()
        later = parse_utc(row[0]) + timedelta(minutes=30)
        assert db.record_recognition("E1", "", 0.9, now=later).direction == BREAK_IN


@pytest.mark.parametrize("day, hour, offset", [
    (date(2026, 3, 28), 9, 60),    # the Saturday before the spring change: UTC+1
    (date(2026, 3, 29), 9, 120),   # the day clocks go forward: UTC+2 by 09:00
    (date(2026, 10, 25), 9, 60),   # the day they go back: UTC+1 again
])
def test_each_punch_keeps_utc_zone_and_the_offset_of_its_day(tmp_path, day, hour, offset):
    with store(tmp_path) as db:
        punch(db, datetime.combine(day, time(hour)))
        [row] = db.punches(day, day)
        assert (row["tz"], row["utc_offset"], row["timestamp"]) == (PARIS, offset, f"{day}T{hour:02d}:00:00")
        assert parse_utc(row["utc"]) == datetime.combine(day, time(hour), timezone(timedelta(minutes=offset)))


def test_night_punches_across_the_autumn_change_are_nine_hours_apart(tmp_path):
    """22:00 on 24 Oct to 06:00 on 25 Oct in Paris is 9 hours: the clocks went back at 03:00."""
    with store(tmp_path) as db:
        punch(db, datetime(2026, 10, 24, 22, 0))
        out = punch(db, datetime(2026, 10, 25, 6, 0))
        assert out.direction == OUT
        rows = db.punches(date(2026, 10, 24), date(2026, 10, 25))
        gap = parse_utc(rows[1]["utc"]) - parse_utc(rows[0]["utc"])
        assert gap == timedelta(hours=9)


def test_a_clock_set_back_records_nothing_and_says_how_far(tmp_path):
    with store(tmp_path) as db:
        db.record_recognition("E1", "", 0.9)  # now
        ahead = datetime.now(timezone.utc) + timedelta(hours=2)
        db.record_recognition("E2", "", 0.9, now=ahead)  # e.g. the clock was two hours ahead then
        before = db.db.execute("SELECT count(*) FROM attendance").fetchone()[0] + \
            db.db.execute("SELECT count(*) FROM access_log").fetchone()[0]
        result = db.record_recognition("E1", "", 0.9)  # the clock reads "now": 2 h behind
        assert result.outcome == CLOCK_BACK and not result.recorded
        assert 7000 < result.seconds_until_next <= 7200
        after = db.db.execute("SELECT count(*) FROM attendance").fetchone()[0] + \
            db.db.execute("SELECT count(*) FROM access_log").fetchone()[0]
        assert after == before
        # HR voids the punch made while the clock was wrong: the kiosk records again.
        [wrong] = [p for p in db.punches(date.today(), date.today() + timedelta(days=1)) if p["employee_id"] == "E2"]
        db.void_punch(wrong["id"], "clock was two hours ahead", "hr")
        assert db.record_recognition("E1", "", 0.9).outcome in (CHECKED_IN, COOLDOWN)


def test_corrections_add_and_void_keep_the_original(tmp_path):
    with store(tmp_path) as db:
        punch(db, datetime(2026, 3, 2, 8, 57))
        added = db.add_punch("E1", datetime(2026, 3, 2, 17, 30), OUT, "forgot to check out", "hr")
        assert (added["method"], added["direction"], added["reason"], added["added_by"]) == (
            "correction", OUT, "forgot to check out", "hr")
        voided = db.void_punch(added["id"], "entered on the wrong day", "admin")
        assert voided["voided_by"] == "admin" and voided["void_reason"] == "entered on the wrong day"
        day = date(2026, 3, 2)
        assert [p["id"] for p in db.punches(day, day)] != [p["id"] for p in db.punches(day, day, include_voided=True)]
        assert len(db.punches(day, day, include_voided=True)) == 2
        with pytest.raises(ValueError, match="already voided"):
            db.void_punch(added["id"], "again", "hr")


@pytest.mark.parametrize("args, message", [
    (("E9", datetime(2026, 3, 2, 17, 30), OUT, "x"), "no employee with ID 'E9'"),
    (("E1", datetime(2026, 3, 2, 17, 30), OUT, "  "), "needs a reason"),
    (("E1", datetime(2026, 3, 2, 9, 0), IN, "late entry"), "already has a punch at 2026-03-02 08:57"),
    (("E1", datetime(2026, 3, 29, 2, 30), IN, "night"), "does not exist on 2026-03-29"),
    (("E1", datetime(2099, 1, 1, 9, 0), IN, "future"), "is in the future"),
    (("E1", datetime(2026, 3, 2, 17, 30), "up", "x"), "unknown punch direction"),
])
def test_a_bad_correction_says_why_and_changes_nothing(tmp_path, args, message):
    with store(tmp_path) as db:
        punch(db, datetime(2026, 3, 2, 8, 57))
        before = db.punches(date(2026, 1, 1), date(2026, 12, 31), include_voided=True)
        with pytest.raises(ValueError, match=message):
            db.add_punch(*args, by="hr")
        assert db.punches(date(2026, 1, 1), date(2026, 12, 31), include_voided=True) == before


def test_no_correction_after_a_person_left(tmp_path):
    with store(tmp_path) as db:
        db.update_employee("E1", left_at="2026-03-10T18:00:00")
        db.add_punch("E1", datetime(2026, 3, 10, 9, 0), IN, "badge reader down", "hr")  # their last day: fine
        with pytest.raises(ValueError, match="left on 2026-03-10"):
            db.add_punch("E1", datetime(2026, 3, 11, 9, 0), IN, "x", "hr")


def test_an_unknown_time_zone_is_refused_before_anything_is_opened(tmp_path):
    with pytest.raises(ValueError, match="unknown time zone 'Mars/Olympus'"):
        AttendanceDB(tmp_path / "attendance.db", time_zone="Mars/Olympus")
    assert not (tmp_path / "attendance.db").exists()


def schema_4_database(path: Path) -> None:
    """attendance.db as the schema-4 kiosk wrote it: naive local times, no direction or UTC."""
    db = Database(sqlite3.connect(path))
    for step in (create_schema_v1, migrate_v2, migrate_v3, migrate_v4):  # the steps schema 4 ran
        step(db)
    db.table("employees").insert({"id": "E1", "name": "Ada", "enrolled_at": "2026-01-05T08:00:00", "active": 1})
    rows = ["2026-03-28T08:58:00", "2026-03-28T17:31:00", "2026-03-29T08:59:00", "2026-03-29T17:02:00",
            "2026-10-24T22:00:00", "2026-10-25T06:00:00", "2026-10-26T08:55:00"]
    for stamp in rows:
        db.table("attendance").insert({"employee_id": "E1", "timestamp": stamp, "status": "Present", "score": 0.9,
                                       "masked": 0, "kiosk_id": "k1", "method": "face"})
    db.execute("PRAGMA user_version = 4")
    db.conn.commit()
    db.conn.close()


def test_a_schema_4_database_migrates_without_losing_a_row(tmp_path):
    path = tmp_path / "attendance.db"
    schema_4_database(path)
    with AttendanceDB(path, time_zone=PARIS) as db:
        assert db._user_version() == SCHEMA_VERSION
        rows = db.punches(date(2026, 1, 1), date(2026, 12, 31))
        assert [r["timestamp"] for r in rows] == [
            "2026-03-28T08:58:00", "2026-03-28T17:31:00", "2026-03-29T08:59:00", "2026-03-29T17:02:00",
            "2026-10-24T22:00:00", "2026-10-25T06:00:00", "2026-10-26T08:55:00"]
        assert [r["direction"] for r in rows] == [IN, OUT, IN, OUT, IN, OUT, IN]
        assert {r["direction_source"] for r in rows} == {"migrated"}
        assert [r["utc"] for r in rows][:4] == ["2026-03-28T07:58:00Z", "2026-03-28T16:31:00Z",
                                                "2026-03-29T06:59:00Z", "2026-03-29T15:02:00Z"]
        assert parse_utc(rows[5]["utc"]) - parse_utc(rows[4]["utc"]) == timedelta(hours=9)
        # and it goes on working: the next live punch alternates after the migrated ones
        assert db.record_recognition("E1", "", 0.9, now=datetime(2026, 10, 26, 17, 40)).direction == OUT
