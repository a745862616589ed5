"""The live screen's "Check in with my worker ID" on real widgets, models and database: the
button appears for an unknown face, the keypad takes the worker ID then the PIN, a right PIN
records method pin with the face frame kept, wrong PINs lock the ID out, the cooldown holds."""
from __future__ import annotations

import time
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from kiosk.recognition.tracking import LiveRecognizer
from kiosk.security.pins import MAX_TRIES
from kiosk.ui.capture import Frame
from kiosk.ui.pages.live import LivePage
from kiosk.ui.worker import LiveResult
from kiosk.vision.image_io import load_image
from tests.ui.conftest import FACES, PERSON, letterbox

STRANGER = FACES / "identities" / "df05" / "img13.jpg"  # never enrolled


@pytest.fixture
def page(qtbot, make_service, enrolled_gallery):
    service = make_service(enrolled=True, gallery=enrolled_gallery)
    service.set_pin(PERSON["user_id"], "2580")
    page = LivePage(service)
    qtbot.addWidget(page)
    page.show()
    return page


def show_unknown_face(page: LivePage, index: int = 1) -> None:
    """One real frame of a stranger through the real recogniser, as the worker hands it over."""
    image = letterbox(load_image(STRANGER))
    decision = LiveRecognizer(page.service, record=False).process(image)
    assert decision.faces and decision.faces[0].user_id is None
    now = time.monotonic()
    page.on_frame(Frame(image, index, now))
    page.on_result(LiveResult(index, now, now, decision, 5.0, 0))


def open_keypad(qtbot, page: LivePage):
    assert page.worker_button.isVisible()
    qtbot.mouseClick(page.worker_button, Qt.MouseButton.LeftButton)
    dialog = page.worker_dialog
    assert dialog is not None and dialog.isVisible() and dialog.id_pad.isVisible()
    return dialog


def tap(qtbot, pad, text: str) -> None:
    for key in text:
        qtbot.mouseClick(pad.buttons[key], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(pad.buttons["OK"], Qt.MouseButton.LeftButton)


def test_button_only_for_unknown_faces(qtbot, page):
    assert not page.worker_button.isVisible()
    show_unknown_face(page)
    assert page.worker_button.isVisible()


def test_right_pin_checks_in_by_pin_keeps_the_frame_and_obeys_the_cooldown(qtbot, page):
    banners = []
    page.banner_shown.connect(banners.append)
    show_unknown_face(page)
    started = time.monotonic()
    dialog = open_keypad(qtbot, page)
    dialog.id_pad.type_pin(PERSON["user_id"])  # letters come from a keyboard; digits by touch
    assert dialog.pin_pad.isVisible() and PERSON["user_id"] in dialog.title.text()
    tap(qtbot, dialog.pin_pad, "2580")
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    assert time.monotonic() - started < 15  # the target, without a human's typing time
    assert any(b.startswith(f"{PERSON['name']} - checked in ") for b in banners), banners
    rows = page.service.db.attendance(date.today(), date.today())
    assert [(r["employee_id"], r["method"]) for r in rows] == [(PERSON["user_id"], "pin")]
    kept = Path(dialog.result.frame_path)
    assert kept.is_file() and page.service.store.load_photo(kept).shape[:2] == (480, 640)  # sealed
    assert page.service.db.access_log(date.today(), date.today())[-1]["detail"] == str(kept)
    assert not page.worker_button.isVisible()
    # Again within the cooldown: no second record, the cooldown banner.
    show_unknown_face(page, index=2)
    dialog = open_keypad(qtbot, page)
    dialog.id_pad.type_pin(PERSON["user_id"])
    tap(qtbot, dialog.pin_pad, "2580")
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    assert "already recorded" in banners[-1]  # the cooldown: one punch
    assert len(page.service.db.attendance(date.today(), date.today())) == 1


def test_wrong_pins_lock_the_worker_id_out(qtbot, page):
    show_unknown_face(page)
    dialog = open_keypad(qtbot, page)
    dialog.id_pad.type_pin(PERSON["user_id"])
    tap(qtbot, dialog.pin_pad, "1357")
    assert dialog.isVisible() and dialog.pin_pad.isVisible()
    assert f"{MAX_TRIES - 1} tries left" in dialog.message.text()
    for _ in range(MAX_TRIES - 1):
        tap(qtbot, dialog.pin_pad, "1357")
    assert "Too many wrong PINs" in dialog.message.text() and dialog.id_pad.isVisible()
    # Even the right PIN is refused now, also from a new dialog: the lockout is in the database.
    dialog.reject()
    dialog = open_keypad(qtbot, page)
    dialog.id_pad.type_pin(PERSON["user_id"])
    tap(qtbot, dialog.pin_pad, "2580")
    assert dialog.isVisible() and "Too many wrong PINs" in dialog.message.text()
    assert page.service.db.attendance(date.today(), date.today()) == []


def test_cancel_and_back(qtbot, page):
    show_unknown_face(page)
    dialog = open_keypad(qtbot, page)
    tap(qtbot, dialog.id_pad, "42")
    assert dialog.pin_pad.isVisible()
    qtbot.mouseClick(dialog.back, Qt.MouseButton.LeftButton)
    assert dialog.id_pad.isVisible() and dialog.id_pad.pin == ""
    dialog.reject()
    assert not dialog.isVisible() and page.service.db.attendance(date.today(), date.today()) == []
