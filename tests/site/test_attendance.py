"""The site's attendance store on a real PostgreSQL server: AttendanceDB's behaviour, with the
cooldown held across kiosks and every keyed write exactly once."""
from __future__ import annotations

import threading
from datetime import date, datetime, timedelta

import pytest

from kiosk.attendance.db import CHECKED_IN, COOLDOWN, DUPLICATE, INACTIVE, UNKNOWN
from kiosk.site.attendance import SiteAttendanceDB
from kiosk.site.connection import Connections
from kiosk.site.migrate import latest_version, migrate

T0 = datetime(2026, 12, 1, 8, 30, 0)


def open_site(url: str, kiosk_id: str, cooldown: int = 300) -> SiteAttendanceDB:
    connections = Connections(url, application=kiosk_id)
    conn = connections.connect(autocommit=True)
    migrate(conn)
    conn.close()
    return SiteAttendanceDB(connections, cooldown_seconds=cooldown, kiosk_id=kiosk_id)


def test_migrations_apply_once_even_when_kiosks_start_together(site_url):
    from kiosk.site.connection import Connections

    results, errors = [], []

    def start():
        try:
            conn = Connections(site_url).connect(autocommit=True)
            results.append(migrate(conn))
            conn.close()
        except Exception as exc:  # noqa: BLE001 - collected and asserted below
            errors.append(exc)

    threads = [threading.Thread(target=start) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert sorted(len(r) for r in results) == [0, 0, 0, latest_version()]
    conn = Connections(site_url).connect(autocommit=True)
    assert [r[0] for r in conn.execute("SELECT version FROM schema_migrations ORDER BY 1")] == \
        list(range(1, latest_version() + 1))


def test_cooldown_holds_across_doors_and_records_the_kiosk(site_url):
    door_a, door_b = open_site(site_url, "door-a"), open_site(site_url, "door-b")
    door_a.upsert_employee("E1", "Ada")
    first = door_a.record_recognition("E1", "Ada", 0.9, now=T0)
    again = door_b.record_recognition("E1", "Ada", 0.9, now=T0 + timedelta(seconds=120))
    later = door_b.record_recognition("E1", "Ada", 0.9, now=T0 + timedelta(seconds=301))
    assert (first.outcome, again.outcome, later.outcome) == (CHECKED_IN, COOLDOWN, CHECKED_IN)
    assert again.seconds_until_next == 180
    rows = door_a.attendance(date(2026, 12, 1), date(2026, 12, 1))
    assert [(r["timestamp"], r["kiosk_id"]) for r in rows] == [("2026-12-01T08:30:00", "door-a"),
                                                               ("2026-12-01T08:35:01", "door-b")]
    log = door_b.access_log(date(2026, 12, 1), date(2026, 12, 1))
    assert [(r["outcome"], r["kiosk_id"]) for r in log] == [
        (CHECKED_IN, "door-a"), (COOLDOWN, "door-b"), (CHECKED_IN, "door-b")]


def test_simultaneous_sightings_at_four_doors_give_one_check_in(site_url):
    doors = [open_site(site_url, f"door-{i}") for i in range(4)]
    doors[0].upsert_employee("E2", "Zoë Ångström")
    barrier, outcomes = threading.Barrier(4), []

    def see(db):
        barrier.wait()
        outcomes.append(db.record_recognition("E2", "Zoë Ångström", 0.8, now=T0).outcome)

    threads = [threading.Thread(target=see, args=(d,)) for d in doors]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(outcomes) == [CHECKED_IN, COOLDOWN, COOLDOWN, COOLDOWN]
    assert len(doors[1].attendance(date(2026, 12, 1), date(2026, 12, 1), "E2")) == 1


def test_a_key_is_written_once(site_url):
    db = open_site(site_url, "door-a")
    db.upsert_employee("E3", "Jean-Luc O'Neil")
    first = db.record_recognition("E3", "Jean-Luc O'Neil", 0.9, now=T0, key="k1")
    second = db.record_recognition("E3", "Jean-Luc O'Neil", 0.9, now=T0, key="k1")
    assert (first.outcome, second.outcome) == (CHECKED_IN, DUPLICATE)
    assert db.log_access("rejected", detail="too blurry", now=T0, key="k2") > 0
    assert db.log_access("rejected", detail="too blurry", now=T0, key="k2") == 0
    assert len(db.access_log(date(2026, 12, 1), date(2026, 12, 1))) == 2


def test_employees_reports_and_stats_match_the_sqlite_store(site_url, tmp_path):
    from kiosk.attendance.db import AttendanceDB

    site, local = open_site(site_url, "door-a", cooldown=60), AttendanceDB(tmp_path / "a.db", 60, "door-a")
    for db in (site, local):
        db.upsert_employee("E1", "Émile", "0700", enrolled_at=T0)
        db.upsert_employee("E2", "ada", None, enrolled_at=T0)
        db.record_recognition("E1", "Émile", 0.91, masked=True, now=T0)
        db.record_recognition("E2", "ada", 0.7, now=T0 + timedelta(minutes=5))
        db.record_recognition("E2", "ada", 0.7, now=T0 + timedelta(minutes=90))
        db.record_recognition(None, "", 0.3, now=T0)
        db.record_recognition(None, "", 0.66, unsure=True, now=T0)
        db.delete_employee("E1")
        assert db.record_recognition("E1", "Émile", 0.9, now=T0 + timedelta(hours=3)).outcome == INACTIVE
    day = date(2026, 12, 1)
    for call in (lambda d: d.attendance(day, day), lambda d: d.daily_summary(day, day),
                 lambda d: d.list_employees(include_inactive=True), lambda d: d.list_employees("ÉMI"),
                 lambda d: d.stats(now=T0 + timedelta(hours=4)), lambda d: d.get_employee("E1")):
        want = call(local)
        got = call(site)
        strip = (lambda rows: [{k: v for k, v in r.items() if k != "id"} for r in rows]) if isinstance(want, list) \
            else (lambda r: r)
        assert strip(got) == strip(want)
    outcomes = [r["outcome"] for r in site.access_log(day, day)]
    assert outcomes.count(UNKNOWN) == 1 and outcomes[-1] == INACTIVE


def test_an_unreachable_server_is_one_clear_error_fast(tmp_path):
    import time

    from kiosk.common.errors import SiteError
    from kiosk.site.localserver import free_port

    db = SiteAttendanceDB(Connections(f"postgresql://kiosk:secret@127.0.0.1:{free_port()}/kiosk"), kiosk_id="door-a")
    with pytest.raises(SiteError) as info:
        db.record_recognition("E1", "Ada", 0.9, now=T0)
    assert "site database kiosk@127.0.0.1" in str(info.value) and "secret" not in str(info.value)
    assert isinstance(info.value, OSError)  # the outbox path catches it like a full disk
    start = time.monotonic()
    with pytest.raises(SiteError):  # within the back-off: no second connection attempt
        db.record_recognition("E1", "Ada", 0.9, now=T0)
    assert time.monotonic() - start < 0.5
    assert db.connections.online is False


def test_a_pin_set_at_the_hr_desk_works_at_every_door_and_the_lockout_is_shared(site_url):
    from kiosk.site.pins import SitePins

    hr, door_a, door_b = (open_site(site_url, k) for k in ("hr", "door-a", "door-b"))
    hr.upsert_employee("E7", "Ada")
    SitePins(hr, max_tries=3, lockout_s=60).set_pin("E7", "4821", now=T0)
    a, b = SitePins(door_a, max_tries=3, lockout_s=60), SitePins(door_b, max_tries=3, lockout_s=60)
    assert a.check("E7", "4821", now=T0).ok
    assert not a.check("E7", "0000", now=T0).ok
    assert b.check("E7", "0001", now=T0).tries_left == 1  # door B counts door A's wrong try
    locked = a.check("E7", "0002", now=T0)
    assert locked.locked_seconds == 60
    assert not b.check("E7", "4821", now=T0 + timedelta(seconds=30)).ok  # locked at every door
    assert b.seconds_locked("E7", now=T0 + timedelta(seconds=30)) == 30
    assert b.check("E7", "4821", now=T0 + timedelta(seconds=61)).ok
    outcomes = [r["outcome"] for r in hr.access_log(date(2026, 12, 1), date(2026, 12, 1))]
    assert outcomes == ["pin_wrong", "pin_wrong", "pin_locked", "pin_locked"]
    assert a.has_pin("E7") and a.clear_pin("E7") and not b.has_pin("E7")
