"""The entrance screen end to end: a video file of an enrolled person's held-out photos plays
through the real capture thread, inference worker and LiveRecognizer into the real database."""
from __future__ import annotations

import shutil
from datetime import date

import pytest
from PySide6.QtCore import Qt

from kiosk.ui.capture import ENDED, LIVE, LOST
from kiosk.ui.main_window import MainWindow
from tests.ui.conftest import HELD_OUT, PERSON, make_video, photo


@pytest.fixture
def window_factory(qtbot):
    windows = []

    def make(service, source, **kwargs):
        window = MainWindow(service, str(source), **kwargs)
        qtbot.addWidget(window)
        windows.append(window)
        window.show()
        window.start()
        return window

    yield make
    for window in windows:
        window.shutdown()


def test_live_video_records_exactly_one_checkin(qtbot, tmp_path, make_service, enrolled_gallery,
                                                window_factory):
    service = make_service(enrolled=True, gallery=enrolled_gallery)
    video = make_video(tmp_path / "door.avi", [photo(n) for n in HELD_OUT], seconds_each=1.0, fps=10)
    window = window_factory(service, video)
    banners = []
    window.live.banner_shown.connect(banners.append)
    qtbot.waitUntil(lambda: window.live.model != "", timeout=20000)
    qtbot.waitUntil(lambda: window.capture.state == ENDED, timeout=30000)
    qtbot.wait(300)  # the last frame's decision
    assert window.live.notice.isVisible() and window.live.notice.button.text() == "Play again"
    rows = service.db.attendance(date.today(), date.today())
    assert [r["employee_id"] for r in rows] == [PERSON["user_id"]]
    assert rows[0]["name"] == PERSON["name"]
    assert any(b.startswith(f"{PERSON['name']} - checked in ") for b in banners), banners
    m = window.live.metrics
    assert m["checkins"] == 1
    assert window.live.video.frames_drawn > 10
    assert m["banner_latency_s"] and m["banner_latency_s"][0] < 5.0
    print(f"\nface-to-banner latency {m['banner_latency_s'][0] * 1000:.0f} ms; drew "
          f"{window.live.video.frames_drawn} frames, recognised {window.worker.processed}; "
          f"dropped {window.mailbox.dropped}")
    assert model_in_status(window)


def model_in_status(window) -> bool:
    return dict(window.live.technical_status())["Face models"] == window.service.pipeline.description


def test_camera_loss_reconnects_when_the_source_comes_back(qtbot, tmp_path, make_service,
                                                          enrolled_gallery, window_factory):
    service = make_service(enrolled=True, gallery=enrolled_gallery)
    ready = make_video(tmp_path / "ready.avi", [photo(HELD_OUT[0])], seconds_each=1.0)
    target = tmp_path / "later.avi"  # does not exist yet: the "camera" is unplugged
    window = window_factory(service, target, backoff=(0.2, 0.4, 0.8))
    retries = []
    window.capture.retry_in.connect(retries.append)
    qtbot.waitUntil(lambda: window.live.notice.isVisible(), timeout=5000)
    assert window.capture.state == LOST
    assert "No camera picture" in window.live.notice.title.text()
    qtbot.waitUntil(lambda: len(retries) >= 2, timeout=5000)  # backing off, not giving up
    shutil.copy(ready, target)  # plugged back in
    qtbot.waitUntil(lambda: window.live.metrics["frames_received"] > 3, timeout=5000)
    assert window.capture.state in (LIVE, ENDED)
    assert not window.live.notice.isVisible() or window.capture.state == ENDED


def test_retry_button_skips_the_backoff(qtbot, tmp_path, make_service, window_factory):
    service = make_service()
    target = tmp_path / "missing.avi"
    window = window_factory(service, target, backoff=(30.0,))
    qtbot.waitUntil(lambda: window.live.notice.isVisible(), timeout=5000)
    make_video(target, [photo(HELD_OUT[0])], seconds_each=0.5)
    qtbot.mouseClick(window.live.notice.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.live.metrics["frames_received"] > 0, timeout=5000)


def test_empty_gallery_is_said_on_screen(qtbot, tmp_path, make_service, window_factory):
    service = make_service()
    video = make_video(tmp_path / "v.avi", [photo(HELD_OUT[0])], seconds_each=0.5)
    window = window_factory(service, video)
    qtbot.waitUntil(lambda: window.live.model != "", timeout=20000)
    assert window.live.info.isVisible()
    assert "Nobody is enrolled" in window.live.info.text()
