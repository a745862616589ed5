"""The live screen's store status: a check-in the real SQLite database refuses (another writer
holds it) waits in the outbox, the status line says so, and clears once the live worker has
delivered it by itself, while nobody is at the door."""
from __future__ import annotations

import sqlite3
from datetime import date

import kiosk.attendance.db as attendance_db
import kiosk.ui.worker as worker_module
from kiosk.attendance.outbox import QUEUED, StoreStatus
from kiosk.recognition.matcher import MatchResult
from kiosk.ui.main_window import MainWindow
from tests.ui.conftest import PERSON


def test_store_status_words():
    assert StoreStatus(None, 1).text == "Database busy - 1 record waiting, saved as soon as it is free"
    assert StoreStatus(False, 0).text == "Offline - check-ins are kept and sent when the server is back"
    assert StoreStatus(False, 3).text.endswith("(3 records waiting)") and StoreStatus(False, 3).offline
    assert StoreStatus(True, 0).text == "Online" and StoreStatus(True, 2).text == "Online - sending 2 records waiting"


def test_a_queued_check_in_shows_on_the_status_line_then_clears(qtbot, tmp_path, make_service, monkeypatch):
    monkeypatch.setattr(attendance_db, "BUSY_TIMEOUT_MS", 200)  # fail fast instead of waiting 5 s
    monkeypatch.setattr(worker_module, "OUTBOX_RETRY_S", 0.5)
    service = make_service()
    assert service.site_status() is None  # a single kiosk, nothing waiting: nothing shown
    window = MainWindow(service, str(tmp_path / "no-camera.avi"), backoff=(5.0,))
    qtbot.addWidget(window)
    window.show()
    label = window.live.store_status
    try:
        assert not label.isVisible()
        service.db  # noqa: B018 - the file exists, with the short timeout
        blocker = sqlite3.connect(service.settings.db_path, timeout=0)
        blocker.execute("BEGIN EXCLUSIVE")  # another writer holds the database
        match = MatchResult(PERSON["user_id"], PERSON["name"], 0.8, True, False, 0.5)
        assert service.record(match).outcome == QUEUED
        qtbot.waitUntil(label.isVisible, timeout=5000)  # the page's own poll
        assert "Database busy - 1 record waiting" in label.text() and label.property("kind") == "queued"

        window.start()  # the live worker retries the outbox while nobody is at the door
        qtbot.wait(1500)
        assert len(service.outbox) == 1 and label.isVisible()  # still locked: still waiting
        blocker.rollback()
        blocker.close()
        qtbot.waitUntil(lambda: not label.isVisible(), timeout=20000)
        assert len(service.outbox) == 0 and service.site_status() is None
        rows = service.db.attendance(date.today(), date.today())
        assert [r["employee_id"] for r in rows] == [PERSON["user_id"]]  # written once
    finally:
        window.shutdown()
