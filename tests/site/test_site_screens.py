"""The screens on a site, against a real server: the live screen's status line says "Online",
then "Offline" with the count of kept check-ins while the server is stopped, then clears the
count once the kiosk has sent them; the HR desk names the site's database."""
from __future__ import annotations

from datetime import date

from kiosk.app.service import KioskService
from kiosk.app.settings import load_settings
from kiosk.app.site_transfer import import_folder
from kiosk.recognition.matcher import MatchResult
from kiosk.site.localserver import LocalServer
from kiosk.ui.hr_window import HrWindow
from kiosk.ui.main_window import MainWindow
from tests.ui.conftest import english  # noqa: F401 (the screens in English, with their plural forms, as the app starts)


def test_status_line_online_offline_and_back(qtbot, tmp_path, enrolled, pipeline, caplog):
    server = LocalServer().start()
    window = None
    try:
        service = KioskService(load_settings(tmp_path / "door", database_url=server.url, kiosk_id="door-a"),
                               pipeline=pipeline)
        import_folder(service.site, enrolled)
        window = MainWindow(service, str(tmp_path / "no-camera.avi"), backoff=(5.0,))
        qtbot.addWidget(window)
        window.show()
        window.start()
        label = window.live.store_status
        qtbot.waitUntil(lambda: label.isVisible() and label.text().endswith("Online"), timeout=20000)
        qtbot.waitUntil(lambda: len(service.people()) == 5, timeout=10000)  # the cache filled by itself

        server.stop()
        match = MatchResult("E001", "Ada Lovelace", 0.8, True, False, 0.5)
        assert service.record(match).outcome == "queued"
        qtbot.waitUntil(lambda: "Offline" in label.text() and "1 record waiting" in label.text(), timeout=10000)
        assert label.property("kind") == "offline"
        # The day's retention purge meets the server away: a warning, tried again within the hour.
        caplog.clear()
        assert window.run_purge() is None
        purge_logs = [r for r in caplog.records if "purge" in r.getMessage()]
        assert purge_logs and all(r.levelname == "WARNING" and not r.exc_info for r in purge_logs)
        assert "tried again in an hour" in purge_logs[0].getMessage()
        assert window._purge_retry.isActive()

        server.start()
        qtbot.waitUntil(lambda: label.text().endswith("Online"), timeout=30000)  # sent by itself
        assert len(service.outbox) == 0
        rows = service.db.attendance(date.today(), date.today())
        assert [(r["employee_id"], r["kiosk_id"]) for r in rows] == [("E001", "door-a")]
    finally:
        if window is not None:
            window.shutdown()
        server.remove()


def test_hr_desk_names_the_site_database(qtbot, site_settings, pipeline):
    service = KioskService(site_settings("hr-desk"), pipeline=pipeline)
    window = HrWindow(service, None)
    qtbot.addWidget(window)
    assert window.where.text().startswith("Site database kiosk@127.0.0.1:")
    window.shutdown()
