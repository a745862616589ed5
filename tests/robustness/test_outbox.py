"""A write the database refuses (locked past its timeout, a full disk) waits in the outbox and
is written exactly once later: no check-in and no access-log row is lost (issue 11, item 4)."""
import shutil
import sqlite3
from datetime import date, datetime

import pytest

import kiosk.attendance.db as attendance_db
from kiosk.app.service import KioskService
from kiosk.app.settings import load_settings
from kiosk.attendance.outbox import QUEUED, Outbox
from kiosk.recognition.matcher import MatchResult
from tests.robustness.conftest import fill


def ada(accepted=True):
    return MatchResult("E1" if accepted else None, "Ada Lovelace", 0.8, accepted, False, 0.5)


@pytest.fixture
def service(tmp_path, monkeypatch):
    monkeypatch.setattr(attendance_db, "BUSY_TIMEOUT_MS", 200)  # fail fast instead of waiting 5 s
    return KioskService(load_settings(tmp_path))


def rows(service):
    today = date.today()
    return service.db.attendance(today, today), service.db.access_log(today, today)


def test_a_locked_database_queues_the_check_in_and_writes_it_once_later(service):
    service.db  # noqa: B018 - the file exists, with the short timeout
    blocker = sqlite3.connect(service.settings.db_path, timeout=0)
    blocker.execute("BEGIN EXCLUSIVE")  # another writer holds the database
    queued = service.record(ada())
    unknown = service.record(ada(accepted=False))
    assert queued.outcome == unknown.outcome == QUEUED
    assert "busy" in service.last_write_error and str(service.settings.db_path) in service.last_write_error
    assert len(service.outbox) == 2  # durable: files, before anything else happens
    blocker.rollback()
    blocker.close()
    later = service.record(ada(), now=datetime.now())  # the next write delivers what waited
    attendance, log = rows(service)
    assert len(attendance) == 1 and later.outcome == "cooldown"  # the queued one counted, first
    assert sorted(e["outcome"] for e in log) == ["checked_in", "cooldown", "unknown"]
    assert len(service.outbox) == 0


def test_delivery_is_exactly_once_even_if_killed_before_the_entry_is_removed(service, tmp_path):
    db, outbox = service.db, service.outbox  # opened first: opening delivers what waits
    entry = outbox.put("recognition", now=datetime.now(), employee_id="E1", name="Ada Lovelace",
                       score=0.8, masked=False, source="camera", unsure=False)
    outbox.put("access", now=datetime.now(), outcome="rejected", detail="too blurry", source="camera")
    saved = tmp_path / "copy"
    shutil.copytree(outbox.folder, saved)
    assert outbox.deliver(db) == 2
    shutil.rmtree(outbox.folder)
    shutil.copytree(saved, outbox.folder)  # as if killed between the commit and the unlink
    assert outbox.deliver(db) == 2 and len(outbox) == 0
    attendance, log = rows(service)
    assert len(attendance) == 1 and len(log) == 2
    assert attendance[0]["timestamp"] == entry["time"]  # written at the moment it happened


def test_a_new_process_delivers_what_an_earlier_one_queued(service):
    service.db  # noqa: B018
    blocker = sqlite3.connect(service.settings.db_path, timeout=0)
    blocker.execute("BEGIN EXCLUSIVE")
    assert service.record(ada()).outcome == QUEUED
    blocker.rollback()
    blocker.close()
    again = KioskService(load_settings(service.settings.data_dir))
    assert len(again.db.attendance(date.today(), date.today())) == 1  # delivered at start
    assert len(Outbox(service.settings.data_dir / "outbox")) == 0


def test_a_full_disk_loses_no_check_in(tiny_disk, monkeypatch):
    monkeypatch.setattr(attendance_db, "BUSY_TIMEOUT_MS", 200)
    service = KioskService(load_settings(tiny_disk))
    service.db  # noqa: B018
    filler = tiny_disk / "filler"
    fill(filler)
    outcomes = [service.record(ada(), now=datetime(2026, 3, 2, 9, minute)).outcome for minute in range(0, 60, 10)]
    assert QUEUED in outcomes, outcomes
    assert "full" in (service.last_write_error or "")
    filler.unlink()  # space again
    service.record(ada(accepted=False), now=datetime(2026, 3, 2, 10, 0))
    assert len(service.outbox) == 0
    day = date(2026, 3, 2)
    assert len(service.db.attendance(day, day)) == 6  # every one of the six visits, once
    assert len(service.db.access_log(day, day)) == 7
