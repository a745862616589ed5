"""Punches on the site's PostgreSQL store (issue 23, schema 5): the migration of a site made
before it, UTC instants with their zone, HR's corrections and voids, the person's tap at the door,
and people's department, leaving date and shift."""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from kiosk.attendance.db import CHECKED_IN, COOLDOWN, INACTIVE
from kiosk.site.attendance import SiteAttendanceDB
from kiosk.site.connection import Connections
from kiosk.site.migrate import latest_version, migrate, migrations

PARIS = "Europe/Paris"


def open_site(url: str, kiosk_id: str = "door-a", cooldown: int = 300, zone: str = PARIS) -> SiteAttendanceDB:
    connections = Connections(url, application=kiosk_id)
    conn = connections.connect(autocommit=True)
    migrate(conn, zone)
    conn.close()
    return SiteAttendanceDB(connections, cooldown_seconds=cooldown, kiosk_id=kiosk_id, time_zone=zone)


def schema_4_site(url: str):
    """A site database as the software before schema 5 left it: migrations 1-4 only, rows written
    the way its SiteAttendanceDB wrote them (local wall times, no direction)."""
    conn = Connections(url).connect(autocommit=True)
    conn.execute("""CREATE TABLE schema_migrations (version integer PRIMARY KEY, name text NOT NULL,
                                                    applied_at timestamptz NOT NULL DEFAULT now())""")
    for version, name, sql in migrations():
        if version <= 4:
            with conn.transaction():
                conn.execute(sql)
                conn.execute("INSERT INTO schema_migrations (version, name) VALUES (%s, %s)", [version, name])
    return conn


def old_check_in(conn, employee_id: str, when: str, kiosk: str = "door-a", method: str = "face") -> None:
    conn.execute("""INSERT INTO attendance (employee_id, timestamp, status, score, masked, kiosk_id, method)
                    VALUES (%s, %s, 'Present', 0.9, false, %s, %s)""", [employee_id, when, kiosk, method])


def test_a_schema_4_site_migrates_without_losing_a_row(site_url):
    conn = schema_4_site(site_url)
    for uid, name in (("E1", "Ada"), ("E2", "Émile")):
        conn.execute("INSERT INTO employees (id, name, mobile, enrolled_at) VALUES (%s, %s, NULL, '2026-01-05')",
                     [uid, name])
    stamps = {"E1": ["2026-01-05T08:55:00", "2026-01-05T17:30:00",   # winter: +60
                     "2026-01-06T09:00:00",                          # forgot to check out...
                     "2026-01-07T08:58:00", "2026-01-07T17:02:00"],  # ...so the next day starts with IN
              "E2": ["2026-07-01T22:00:00", "2026-07-02T06:00:00"]}  # summer night shift: +120
    for uid, times in stamps.items():
        for when in times:
            old_check_in(conn, uid, when)
    conn.execute("INSERT INTO access_log (timestamp, employee_id, outcome, kiosk_id) "
                 "VALUES ('2026-01-05T08:55:00', 'E1', 'checked_in', 'door-a')")
    before = conn.execute("SELECT count(*) FROM attendance").fetchone()[0]
    conn.close()

    db = open_site(site_url, zone=PARIS)
    check = Connections(site_url).connect(autocommit=True)
    assert check.execute("SELECT max(version) FROM schema_migrations").fetchone()[0] == latest_version()
    assert check.execute("SELECT count(*) FROM attendance").fetchone()[0] == before
    assert check.execute("SELECT count(*) FROM access_log").fetchone()[0] == 1
    rows = db.punches(date(2026, 1, 1), date(2026, 12, 31))
    assert len(rows) == before
    got = [(r["employee_id"], r["timestamp"], r["utc"], r["utc_offset"], r["direction"]) for r in rows]
    assert got == [
        ("E1", "2026-01-05T08:55:00", "2026-01-05T07:55:00Z", 60, "in"),
        ("E1", "2026-01-05T17:30:00", "2026-01-05T16:30:00Z", 60, "out"),
        ("E1", "2026-01-06T09:00:00", "2026-01-06T08:00:00Z", 60, "in"),
        ("E1", "2026-01-07T08:58:00", "2026-01-07T07:58:00Z", 60, "in"),  # 24 h after the open IN: a new one
        ("E1", "2026-01-07T17:02:00", "2026-01-07T16:02:00Z", 60, "out"),
        ("E2", "2026-07-01T22:00:00", "2026-07-01T20:00:00Z", 120, "in"),
        ("E2", "2026-07-02T06:00:00", "2026-07-02T04:00:00Z", 120, "out"),
    ]
    assert {(r["tz"], r["direction_source"], r["method"], r["voided_at"]) for r in rows} == \
        {(PARIS, "migrated", "face", None)}
    assert db.get_employee("E2") == {"id": "E2", "name": "Émile", "mobile": None, "enrolled_at": "2026-01-05T00:00:00",
                                     "active": 1, "department": None, "left_at": None, "shift": None}
    # the old reports read the same rows as before
    assert [r["timestamp"] for r in db.attendance(date(2026, 1, 5), date(2026, 1, 5))] == \
        ["2026-01-05T08:55:00", "2026-01-05T17:30:00"]


def test_the_sites_shared_zone_wins_over_the_migrating_kiosks(site_url):
    conn = schema_4_site(site_url)
    conn.execute("INSERT INTO employees (id, name, enrolled_at) VALUES ('E1', 'Ada', '2026-01-05')")
    old_check_in(conn, "E1", "2026-01-05T09:00:00")
    conn.execute("""INSERT INTO site_settings (key, value, revision, changed_by)
                    VALUES ('time_zone', '"America/New_York"', nextval('site_revision'), 'hr')""")
    conn.close()
    db = open_site(site_url, zone=PARIS)
    (row,) = db.punches(date(2026, 1, 1), date(2026, 1, 31))
    assert (row["utc"], row["tz"], row["utc_offset"]) == ("2026-01-05T14:00:00Z", "America/New_York", -300)


def test_punches_are_utc_instants_with_their_zone_across_a_dst_change(site_url):
    db = open_site(site_url, cooldown=60)
    db.upsert_employee("E1", "Ada")
    # 2026-10-25: Paris goes from +120 to +60 at 03:00 local; 02:30 happens twice.
    first = db.record_recognition("E1", "Ada", 0.9, now=datetime(2026, 10, 25, 0, 20, tzinfo=timezone.utc))
    second = db.record_recognition("E1", "Ada", 0.9, now=datetime(2026, 10, 25, 1, 20, tzinfo=timezone.utc))
    assert first.outcome == second.outcome == CHECKED_IN
    assert (first.timestamp, second.timestamp) == (datetime(2026, 10, 25, 2, 20), datetime(2026, 10, 25, 2, 20))
    rows = db.punches(date(2026, 10, 25), date(2026, 10, 25))
    assert [(r["timestamp"], r["utc"], r["utc_offset"], r["kiosk_id"]) for r in rows] == [
        ("2026-10-25T02:20:00", "2026-10-25T00:20:00Z", 120, "door-a"),
        ("2026-10-25T02:20:00", "2026-10-25T01:20:00Z", 60, "door-a"),
    ]
    # the same wall time twice is not a cooldown: the instants are an hour apart; 30 s later is
    assert db.record_recognition("E1", "Ada", 0.9,
                                 now=datetime(2026, 10, 25, 1, 20, 30, tzinfo=timezone.utc)).outcome == COOLDOWN
    # a local day is its own: 23 h in spring, 25 h in autumn, boundaries at local midnight
    db.record_recognition("E1", "Ada", 0.9, now=datetime(2026, 10, 25, 22, 59, tzinfo=timezone.utc))  # 23:59 local
    db.record_recognition("E1", "Ada", 0.9, now=datetime(2026, 10, 25, 23, 1, tzinfo=timezone.utc))  # 00:01 on the 26th
    assert len(db.punches(date(2026, 10, 25), date(2026, 10, 25))) == 3
    assert [r["timestamp"] for r in db.punches(date(2026, 10, 26), date(2026, 10, 26))] == ["2026-10-26T00:01:00"]
    with pytest.raises(ValueError, match="before --from"):
        db.punches(date(2026, 10, 26), date(2026, 10, 25))


def test_hr_adds_a_forgotten_punch_and_voids_a_wrong_one(site_url):
    db = open_site(site_url, cooldown=300)
    db.upsert_employee("E1", "Ada")
    seen = db.record_recognition("E1", "Ada", 0.9, now=datetime(2026, 3, 2, 8, 57))
    assert seen.recorded
    added = db.add_punch("E1", datetime(2026, 3, 2, 17, 30), "out", "  forgot to\ncheck out ", "hr-anna")
    assert {k: added[k] for k in ("employee_id", "name", "timestamp", "utc", "tz", "utc_offset", "direction",
                                  "direction_source", "method", "reason", "added_by", "score", "voided_at")} == {
        "employee_id": "E1", "name": "Ada", "timestamp": "2026-03-02T17:30:00", "utc": "2026-03-02T16:30:00Z",
        "tz": PARIS, "utc_offset": 60, "direction": "out", "direction_source": "correction", "method": "correction",
        "reason": "forgot to check out", "added_by": "hr-anna", "score": None, "voided_at": None}
    first = db.punches(date(2026, 3, 2), date(2026, 3, 2))[0]
    voided = db.void_punch(first["id"], "a visitor recognised as Ada", "hr-anna")
    assert voided["id"] == first["id"] and voided["voided_by"] == "hr-anna"
    assert voided["void_reason"] == "a visitor recognised as Ada" and voided["voided_at"].endswith("Z")
    assert [r["id"] for r in db.punches(date(2026, 3, 2), date(2026, 3, 2))] == [added["id"]]
    kept = db.punches(date(2026, 3, 2), date(2026, 3, 2), include_voided=True)
    assert [r["id"] for r in kept] == [first["id"], added["id"]]  # never deleted
    # a voided punch no longer holds the cooldown, nor blocks a correction at its time
    assert db.record_recognition("E1", "Ada", 0.9, now=datetime(2026, 3, 2, 8, 59)).outcome == CHECKED_IN
    with pytest.raises(ValueError, match="was voided on .* by hr-anna"):
        db.void_punch(first["id"], "again", "hr-bob")


def test_bad_corrections_are_refused_and_change_nothing(site_url):
    db = open_site(site_url, cooldown=300)
    db.upsert_employee("E1", "Ada")
    db.upsert_employee("E2", "Bo")
    db.record_recognition("E1", "Ada", 0.9, now=datetime(2026, 3, 2, 8, 57))
    db.update_employee("E2", left_at="2026-03-01T18:00:00")
    cases = [
        (("E9", datetime(2026, 3, 2, 17, 0), "out", "r", "hr"), "no employee with ID 'E9'"),
        (("E2", datetime(2026, 3, 2, 17, 0), "out", "r", "hr"), "E2 left on 2026-03-01"),
        (("E1", datetime(2026, 3, 2, 9, 0), "in", "r", "hr"), "already has a punch at 2026-03-02 08:57:00"),
        (("E1", datetime(2026, 3, 29, 2, 30), "in", "r", "hr"), "does not exist in Europe/Paris"),
        (("E1", datetime.now() + timedelta(days=2), "in", "r", "hr"), "in the future"),
        (("E1", datetime(2026, 3, 2, 17, 0), "sideways", "r", "hr"), "unknown direction 'sideways'"),
        (("E1", datetime(2026, 3, 2, 17, 0), "out", " \n", "hr"), "needs a reason"),
        (("E1", datetime(2026, 3, 2, 17, 0), "out", "r", ""), "needs who adds it"),
    ]
    for args, message in cases:
        with pytest.raises(ValueError, match=message):
            db.add_punch(*args)
    with pytest.raises(ValueError, match="no punch with id 999999"):
        db.void_punch(999999, "r", "hr")
    with pytest.raises(ValueError, match="needs a reason"):
        db.void_punch(db.punches(date(2026, 3, 2), date(2026, 3, 2))[0]["id"], "", "hr")
    rows = db.punches(date(2026, 1, 1), date(2026, 12, 31), include_voided=True)
    assert [(r["employee_id"], r["timestamp"], r["voided_at"]) for r in rows] == \
        [("E1", "2026-03-02T08:57:00", None)]


def test_the_persons_tap_sets_the_direction_only_within_the_seconds_given(site_url):
    db = open_site(site_url, cooldown=60)
    db.upsert_employee("E1", "Ada")
    assert db.record_recognition("E1", "Ada", 0.9).recorded  # now: the tap follows at once
    punch = db.punches(date.today() - timedelta(days=1), date.today() + timedelta(days=1))[0]
    tapped = db.set_direction(punch["id"], "break_out", within_seconds=6)
    assert (tapped["direction"], tapped["direction_source"]) == ("break_out", "chosen")
    db.record_recognition("E1", "Ada", 0.9, now=datetime(2026, 3, 2, 8, 57))
    old = db.punches(date(2026, 3, 2), date(2026, 3, 2))[0]
    with pytest.raises(ValueError, match="more than 6 s ago"):
        db.set_direction(old["id"], "in", within_seconds=6)
    with pytest.raises(ValueError, match="unknown direction 'up'"):
        db.set_direction(punch["id"], "up", within_seconds=6)
    assert db.get_punch(old["id"])["direction"] == old["direction"]


def test_people_edits_and_leaving_on_the_site(site_url):
    door_a, door_b = open_site(site_url, "door-a"), open_site(site_url, "door-b")
    door_a.upsert_employee("E1", "Ada", "+100000000")
    row = door_a.update_employee("E1", name="Ada L.", department="Packing", shift="night")
    assert (row["name"], row["department"], row["shift"], row["mobile"]) == ("Ada L.", "Packing", "night",
                                                                            "+100000000")
    assert door_b.get_employee("E1") == row  # one row for every door
    left = door_a.update_employee("E1", left_at="2026-03-01T18:00:00")
    assert left["left_at"] == "2026-03-01T18:00:00"
    assert door_b.record_recognition("E1", "Ada L.", 0.9, now=datetime(2026, 3, 2, 9)).outcome == INACTIVE
    back = door_a.update_employee("E1", left_at=None)
    assert back["left_at"] is None
    assert door_b.record_recognition("E1", "Ada L.", 0.9, now=datetime(2026, 3, 2, 9)).outcome == CHECKED_IN
    assert [e["shift"] for e in door_b.list_employees(include_inactive=True)] == ["night"]
    with pytest.raises(ValueError, match="cannot change employees columns \\['active'\\]"):
        door_a.update_employee("E1", active=0)
    with pytest.raises(KeyError, match="no employee with id 'E9'"):
        door_a.update_employee("E9", name="X")
