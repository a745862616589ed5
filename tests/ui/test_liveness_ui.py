"""The screens on a failed liveness check: the live screen asks neutrally (no accusation, no
welcome), the HR statistics count the attempt. Real LiveRecognizer on a real printed-photo attack."""
from __future__ import annotations

import time

from kiosk.recognition.tracking import LIVENESS_LABEL, LiveRecognizer
from kiosk.ui.pages.live import LivePage, face_boxes
from kiosk.ui.pages.stats import StatsPage
from kiosk.ui.worker import LiveResult
from kiosk.vision.image_io import load_image
from tests.ui.conftest import FACES


def test_a_failed_liveness_check_is_asked_neutrally_and_counted(qtbot, make_service):
    service = make_service(liveness=True)
    page = LivePage(service)
    qtbot.addWidget(page)
    page.show()
    shown = []
    page.banner_shown.connect(shown.append)
    image = load_image(FACES / "spoof" / "nuaa_part" / "spoof" / "010_0004_01_00_01_254.jpg")
    live = LiveRecognizer(service)
    for i in range(5):
        decision = live.process(image, now=i * 0.1)
        page.on_result(LiveResult(i, time.monotonic(), time.monotonic(), decision, 10.0, 0))
    assert shown == [LIVENESS_LABEL]  # once per track, and nothing else (no welcome)
    assert "photo" not in page.banner.detail.text().lower() and "spoof" not in page.banner.text().lower()
    box = face_boxes(decision.faces)[0]
    assert box.title == LIVENESS_LABEL
    assert page.metrics["checkins"] == 0
    stats = StatsPage(service)
    qtbot.addWidget(stats)
    stats.refresh()
    assert stats.values["spoof_suspected_today"].text() == "1"
    assert stats.values["unknown_today"].text() == "0"
