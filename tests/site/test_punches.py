"""Punches on the site's PostgreSQL store (issue 23, schema 5): the migration of a site made
before it, UTC instants with their zone, HR's corrections and voids, the person's tap at the door,
and people's department, leaving date and shift."""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from kiosk.attendance.db import CHECKED_IN, CLOCK_BACK, COOLDOWN, INACTIVE, AttendanceDB
from kiosk.attendance.punches import PunchRule
from kiosk.site.attendance import SiteAttendanceDB
from kiosk.site.connection import Connections
from kiosk.site.migrate import latest_version, migrate, migrations

PARIS = "Europe/Paris"


def open_site(url: str, kiosk_id: str = "door-a", cooldown: int = 300, zone: str = PARIS,
              rule: PunchRule | None = None) -> SiteAttendanceDB:
    connections = Connections(url, application=kiosk_id)
    conn = connections.connect(autocommit=True)
    migrate(conn, zone, (rule or PunchRule()).session_hours)
    conn.close()
    return SiteAttendanceDB(connections, cooldown_seconds=cooldown, kiosk_id=kiosk_id, time_zone=zone,
                            punch_rule=rule)


def same(rows: list[dict]) -> list[dict]:
    """Punch rows without the row ids the two stores number each on their own."""
    return [{k: v for k, v in r.items() if k != "id"} for r in rows]


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


def test_a_migrated_site_has_the_punches_a_migrated_kiosk_database_has(site_url, tmp_path):
    from tests.attendance.test_punches import schema_4_database

    path = tmp_path / "attendance.db"
    schema_4_database(path)  # the SQLite store's own schema-4 fixture
    with AttendanceDB(path, time_zone=PARIS) as kiosk:
        want = kiosk.punches(date(2026, 1, 1), date(2026, 12, 31))
        old_rows = kiosk._rows("SELECT employee_id, timestamp, kiosk_id FROM attendance ORDER BY id")
    conn = schema_4_site(site_url)
    conn.execute("INSERT INTO employees (id, name, enrolled_at) VALUES ('E1', 'Ada', '2026-01-05T08:00:00')")
    for row in old_rows:
        old_check_in(conn, row["employee_id"], row["timestamp"], row["kiosk_id"])
    conn.close()
    got = open_site(site_url, zone=PARIS).punches(date(2026, 1, 1), date(2026, 12, 31))
    assert len(got) == len(want) == 7
    assert same(got) == same(want)


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


def both(site_url, tmp_path, mode: str = "auto", cooldown: int = 300):
    """A site store and a kiosk's SQLite store with the same zone, rule and people."""
    rule = PunchRule(mode=mode, session_hours=16)
    stores = (open_site(site_url, "k1", cooldown, rule=rule),
              AttendanceDB(tmp_path / "attendance.db", cooldown, "k1", time_zone=PARIS, punch_rule=rule))
    for db in stores:
        db.upsert_employee("E1", "Ada", enrolled_at=datetime(2026, 1, 5, 8))
        db.upsert_employee("E2", "Bo", enrolled_at=datetime(2026, 1, 5, 8))
    return stores


def outcome(call):
    try:
        result = call()
    except (ValueError, KeyError) as exc:
        return type(exc).__name__, str(exc)
    return {k: v for k, v in result.items() if k not in ("id", "voided_at")} if isinstance(result, dict) else \
        (result.outcome, result.direction, result.timestamp, result.seconds_until_next)


def test_a_month_of_punches_and_corrections_is_the_same_on_both_stores(site_url, tmp_path):
    site, local = both(site_url, tmp_path)
    script = [
        lambda db: db.record_recognition("E1", "", 0.9, now=datetime(2026, 3, 2, 8, 57)),
        lambda db: db.record_recognition("E1", "", 0.9, now=datetime(2026, 3, 2, 8, 59)),   # duplicate window
        lambda db: db.record_recognition("E1", "", 0.9, now=datetime(2026, 3, 2, 12, 30)),  # out
        lambda db: db.record_recognition("E1", "", 0.9, now=datetime(2026, 3, 2, 13, 15)),  # in again
        lambda db: db.record_recognition("E1", "", 0.9, now=datetime(2026, 3, 3, 9, 1)),    # forgot to go out
        lambda db: db.record_recognition("E2", "", 0.8, masked=True, method="pin", now=datetime(2026, 3, 2, 22, 0)),
        lambda db: db.record_recognition("E2", "", 0.8, now=datetime(2026, 3, 3, 6, 5)),    # night shift out
        lambda db: db.record_recognition("E1", "", 0.9, now=datetime(2026, 3, 29, 1, 30)),  # before the spring change
        lambda db: db.record_recognition("E1", "", 0.9, now=datetime(2026, 3, 29, 3, 30)),  # an hour later, really
        lambda db: db.add_punch("E1", datetime(2026, 3, 3, 17, 30), "out", " forgot to check out ", "hr"),
        lambda db: db.add_punch("E9", datetime(2026, 3, 3, 17, 30), "out", "x", "hr"),
        lambda db: db.add_punch("E1", datetime(2026, 3, 2, 9, 0), "in", "late entry", "hr"),
        lambda db: db.add_punch("E1", datetime(2026, 3, 29, 2, 30), "in", "night", "hr"),
        lambda db: db.add_punch("E1", datetime(2099, 1, 1, 9, 0), "in", "future", "hr"),
        lambda db: db.add_punch("E1", datetime(2026, 3, 4, 9, 0), "up", "x", "hr"),
        lambda db: db.add_punch("E1", datetime(2026, 3, 4, 9, 0), "in", "  ", "hr"),
        lambda db: db.add_punch("E1", datetime(2026, 3, 4, 9, 0), "in", "x" * 501, "hr"),
        lambda db: db.void_punch(db.punches(date(2026, 3, 2), date(2026, 3, 2))[1]["id"], "a visitor", "hr"),
        lambda db: db.void_punch(db.punches(date(2026, 3, 2), date(2026, 3, 2), include_voided=True)[1]["id"],
                                 "again", "hr2"),
        lambda db: db.void_punch(10_000, "nothing", "hr"),
        lambda db: db.add_punch("E1", datetime(2026, 3, 2, 12, 31), "break_out", "lunch", "hr"),  # voided: free
        lambda db: db.record_recognition("E1", "", 0.9, now=datetime(2026, 3, 2, 13, 40)),  # after break_out
        lambda db: db.set_direction(db.punches(date(2026, 3, 2), date(2026, 3, 2))[0]["id"], "in", 6),
        lambda db: db.set_direction(db.punches(date(2026, 3, 3), date(2026, 3, 3))[-1]["id"], "in", 6),
        lambda db: db.update_employee("E2", left_at="2026-03-10T18:00:00"),
        lambda db: db.add_punch("E2", datetime(2026, 3, 10, 9, 0), "in", "badge reader down", "hr"),
        lambda db: db.add_punch("E2", datetime(2026, 3, 11, 9, 0), "in", "x", "hr"),
        lambda db: db.record_recognition("E2", "", 0.8, now=datetime(2026, 3, 11, 9, 0)),
    ]
    for step, call in enumerate(script):
        assert outcome(lambda: call(site)) == outcome(lambda: call(local)), f"step {step}"
    month = (date(2026, 3, 1), date(2026, 3, 31))
    assert [(r["timestamp"][5:16], r["direction"], r["direction_source"], bool(r["voided_at"]))
            for r in site.punches(*month, include_voided=True)] == [
        ("03-02T08:57", "in", "auto", False), ("03-02T12:30", "out", "auto", True),
        ("03-02T12:31", "break_out", "correction", False), ("03-02T13:15", "in", "auto", False),
        ("03-02T13:40", "out", "auto", False), ("03-02T22:00", "in", "auto", False),
        ("03-03T06:05", "out", "auto", False), ("03-03T09:01", "in", "auto", False),
        ("03-03T17:30", "out", "correction", False), ("03-10T09:00", "in", "correction", False),
        ("03-29T01:30", "in", "auto", False), ("03-29T03:30", "out", "auto", False)]

    def unvoided(rows):  # when each store voided differs by the second the test took between them
        return [r | {"voided_at": r["voided_at"] and r["voided_at"][:10]} for r in same(rows)]

    assert unvoided(site.punches(*month, include_voided=True)) == unvoided(local.punches(*month, include_voided=True))
    assert same(site.punches(*month, "E1")) == same(local.punches(*month, "E1"))
    for call in (lambda d: d.attendance(*month), lambda d: d.daily_summary(*month),
                 lambda d: d.list_employees(include_inactive=True)):
        assert same(call(site)) == same(call(local))


def test_the_choose_and_window_modes_are_the_same_on_both_stores(site_url, tmp_path):
    site, local = both(site_url, tmp_path, mode="window", cooldown=60)
    for db in (site, local):
        db.punch_rule = PunchRule(mode="window")
        for hour in (8, 11, 12, 17):
            db.record_recognition("E1", "", 0.9, now=datetime(2026, 3, 2, hour, 0))
    assert [r["direction"] for r in site.punches(date(2026, 3, 2), date(2026, 3, 2))] == ["in", "in", "out", "out"]
    assert same(site.punches(date(2026, 3, 2), date(2026, 3, 2))) == same(local.punches(date(2026, 3, 2),
                                                                                      date(2026, 3, 2)))
    for db in (site, local):
        db.punch_rule = PunchRule(mode="choose", choice_seconds=6)
    live = site.record_recognition("E2", "", 0.9)  # now: the tap follows at once
    assert (live.direction, live.punch_id is not None) == ("in", True)
    tapped = site.set_direction(live.punch_id, "break_out")  # within the rule's 6 s
    assert (tapped["direction"], tapped["direction_source"]) == ("break_out", "chosen")
    late = site.punches(date(2026, 3, 2), date(2026, 3, 2))[0]["id"]
    with pytest.raises(ValueError, match=r"too late to change this punch \(6 s have passed\): ask HR"):
        site.set_direction(late, "out")


def test_a_clock_set_back_at_a_door_records_nothing(site_url):
    door = open_site(site_url, "door-a", cooldown=60)
    door.upsert_employee("E1", "Ada")
    door.upsert_employee("E2", "Bo")
    door.record_recognition("E1", "", 0.9)
    door.record_recognition("E2", "", 0.9, now=datetime.now(timezone.utc) + timedelta(hours=2))  # clock was ahead
    before = door.punches(date.today() - timedelta(days=1), date.today() + timedelta(days=1), include_voided=True)
    result = door.record_recognition("E1", "", 0.9)
    assert result.outcome == CLOCK_BACK and not result.recorded and 7000 < result.seconds_until_next <= 7200
    assert door.punches(date.today() - timedelta(days=1), date.today() + timedelta(days=1),
                        include_voided=True) == before
    # another door's clock is its own business; HR voids the wrong punch and this door records again
    assert open_site(site_url, "door-b", cooldown=60).record_recognition("E2", "", 0.9).outcome == CHECKED_IN
    wrong = [p for p in before if p["employee_id"] == "E2"][0]
    door.void_punch(wrong["id"], "clock was two hours ahead", "hr")
    assert door.record_recognition("E1", "", 0.9).outcome in (CHECKED_IN, COOLDOWN)


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


def test_the_hr_timesheet_works_the_same_on_a_site(site_settings):
    """service.timesheet over the site's store: the entrance's message, an audited correction and
    void, the derived day, and a zone saved by HR followed at once."""
    from kiosk.app.service import KioskService
    from kiosk.security.audit import PUNCH_ADD, PUNCH_VOID

    service = KioskService(site_settings("hr-desk", time_zone=PARIS))
    try:
        service.site.ensure_schema()
        db, t = service.db, service.timesheet
        assert isinstance(db, SiteAttendanceDB)
        db.upsert_employee("E1", "Ada Lovelace", enrolled_at=datetime(2026, 1, 5, 8))
        monday = date(2026, 3, 2)
        first = db.record_recognition("E1", "Ada Lovelace", 0.9, now=datetime(2026, 3, 2, 8, 57))
        assert t.punch_message(first)[0] == "Ada Lovelace - checked in 08:57"
        out = db.record_recognition("E1", "Ada Lovelace", 0.9, now=datetime(2026, 3, 2, 17, 32))
        assert t.punch_message(out) == ("Ada Lovelace - checked out 17:32", "8 h 35 min today. Goodbye!")
        added = t.add_punch("e1", datetime(2026, 3, 3, 17, 30), "out", "forgot to check out")
        t.void_punch(added["id"], "wrong day")
        trail = [r for r in service.audit.rows() if r["action"] in (PUNCH_ADD, PUNCH_VOID)]
        assert [r["detail"]["reason"] for r in trail] == ["forgot to check out", "wrong day"]
        [day] = t.daily(monday, monday, "E1")
        assert day.worked_minutes == 8 * 60 + 35
        t.save_attendance_settings(time_zone="America/New_York")
        assert db.zone_name == "America/New_York"
        db.record_recognition("E1", "Ada Lovelace", 0.9, now=datetime(2026, 3, 4, 9, 0))
        [row] = db.punches(date(2026, 3, 4), date(2026, 3, 4))
        assert (row["timestamp"], row["utc"], row["tz"]) == ("2026-03-04T09:00:00", "2026-03-04T14:00:00Z",
                                                             "America/New_York")
    finally:
        service.close()
