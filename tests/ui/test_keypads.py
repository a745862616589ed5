"""Every PIN pad and keypad takes the physical keyboard (issue 21), on the real X server: digits,
letters where worker IDs have them, Backspace, Enter and the keypad's Enter = OK, Esc = cancel,
wherever the focus is in the dialog, and no button is a default that Enter would press. Key
events go through Qt (pytest-qt) and, once, through the X server itself (xdotool). The worker-ID
keypad has every character of an ID, keys of at least 9 mm, and fits 1024x768 and 800x1280."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton

from kiosk.app.settings import load_settings
from kiosk.common import worker_id
from kiosk.ui.dialogs.pin_dialog import PinDialog
from kiosk.ui.dialogs.set_pin_dialog import SetPinDialog
from kiosk.ui.dialogs.worker_checkin import ID_STEP, PIN_STEP, WorkerCheckinDialog
from kiosk.ui.pin import PinGuard
from kiosk.ui.widgets.pin_pad import TOUCH_MM
from tests.ui.conftest import PERSON, REPO

ON_X = os.environ.get("QT_QPA_PLATFORM") == "xcb" and bool(os.environ.get("DISPLAY"))
needs_x = pytest.mark.skipif(not ON_X, reason="needs the real X server of the test command (QT_QPA_PLATFORM=xcb)")


def shown(qtbot, dialog):
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=5000)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=5000)
    return dialog


def focused():
    return QApplication.focusWidget()


def type_keys(qtbot, text: str, enter=Qt.Key.Key_Return, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    """Keys to whatever has the focus, as a keyboard would send them."""
    qtbot.keyClicks(focused(), text)
    if enter is not None:
        qtbot.keyClick(focused(), enter, modifier)


def assert_no_default_buttons(dialog) -> None:
    buttons = dialog.findChildren(QPushButton)
    assert buttons and not [b.text() for b in buttons if b.autoDefault() or b.isDefault()]


@pytest.fixture
def guard(tmp_path):
    guard = PinGuard(load_settings(tmp_path))
    guard.set_pin("4826")
    return guard


def test_pin_dialog_takes_the_keyboard_and_enter_is_ok_not_cancel(qtbot, guard):
    dialog = shown(qtbot, PinDialog(guard))
    assert_no_default_buttons(dialog)
    assert focused() is dialog.pad
    type_keys(qtbot, "1357")
    assert dialog.isVisible() and "Wrong" in dialog.message.text()
    type_keys(qtbot, "4x8+2\b26", enter=None)  # other keys are ignored, Backspace takes one back
    assert dialog.pad.pin == "4826"
    cancel = next(b for b in dialog.findChildren(QPushButton) if b.text() == "Cancel")
    cancel.setFocus()  # Enter on the focused Cancel button is still OK
    qtbot.keyClick(focused(), Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)
    assert dialog.result() == PinDialog.DialogCode.Accepted and guard.role == "admin"


def test_esc_cancels_wherever_the_focus_is(qtbot, guard):
    dialog = shown(qtbot, PinDialog(guard))
    type_keys(qtbot, "48", enter=None)
    qtbot.keyClick(focused(), Qt.Key.Key_Escape)
    assert not dialog.isVisible() and dialog.result() == PinDialog.DialogCode.Rejected


def test_set_pin_dialog_by_keyboard(qtbot, make_service, enrolled_gallery):
    service = make_service(enrolled=True, gallery=enrolled_gallery)
    dialog = shown(qtbot, SetPinDialog(service, PERSON["user_id"], PERSON["name"]))
    assert_no_default_buttons(dialog)
    type_keys(qtbot, "2580", enter=Qt.Key.Key_Enter, modifier=Qt.KeyboardModifier.KeypadModifier)
    assert "Repeat" in dialog.title.text()
    type_keys(qtbot, "2580")
    assert dialog.result() == SetPinDialog.DialogCode.Accepted and service.pins.has_pin(PERSON["user_id"])


def test_worker_checkin_by_keyboard_letters_hyphen_and_any_case(qtbot, make_service, enrolled_gallery):
    service = make_service(enrolled=True, gallery=enrolled_gallery)
    service.rename_id(PERSON["user_id"], "W-001")
    service.set_pin("W-001", "2580")
    dialog = shown(qtbot, WorkerCheckinDialog(service))
    assert_no_default_buttons(dialog)
    assert dialog.step == ID_STEP and focused() is dialog.id_pad
    type_keys(qtbot, "-w-0X\b01", enter=None)  # an ID starts with a letter or digit: the first '-' is not typed
    assert dialog.id_pad.pin == "w-001"
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    assert dialog.step == PIN_STEP and focused() is dialog.pin_pad and "w-001" in dialog.title.text()
    dialog.back.setFocus()  # Enter on the focused Back button does not go back: it is the pad's OK
    type_keys(qtbot, "25a80")  # no letters in a PIN
    assert not dialog.isVisible() and dialog.result.accepted  # (`result`: the check-in's)
    assert [(r["employee_id"], r["method"]) for r in service.db.attendance(date.today(), date.today())] == \
        [("W-001", "pin")]


def test_the_worker_id_pad_has_every_character_of_an_id_and_the_pin_pad_only_digits(qtbot, make_service):
    dialog = shown(qtbot, WorkerCheckinDialog(make_service()))
    keys = set(dialog.id_pad.buttons) - {"OK", "⌫"}
    assert keys == set(worker_id.KEYS) and set(dialog.pin_pad.buttons) - {"OK", "⌫"} == set("0123456789")
    for key in "E042-a_":
        qtbot.mouseClick(dialog.id_pad.buttons[key.upper()], Qt.MouseButton.LeftButton)
    assert dialog.id_pad.pin == "E042-A_"


@needs_x
def test_real_x_key_events_reach_the_keypad(qtbot, make_service, enrolled_gallery):
    """xdotool types into the real window through the X server (XTEST): the whole path a USB
    keyboard's keys take, from the server to Qt to the pad."""
    if shutil.which("xdotool") is None:
        pytest.skip("xdotool is not installed (installer/screen.sh --virtual)")
    service = make_service(enrolled=True, gallery=enrolled_gallery)
    service.set_pin(PERSON["user_id"], "2580")
    dialog = shown(qtbot, WorkerCheckinDialog(service))
    centre = dialog.mapToGlobal(dialog.rect().center())

    def xdotool(*args: str) -> None:
        subprocess.run(["xdotool", *args], check=True, timeout=20)

    xdotool("mousemove", str(centre.x()), str(centre.y()))
    xdotool("type", "--delay", "40", PERSON["user_id"].lower())
    xdotool("key", "Return")
    qtbot.waitUntil(lambda: dialog.step == PIN_STEP, timeout=5000)
    xdotool("type", "--delay", "40", "2580")
    xdotool("key", "KP_Enter")
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    assert dialog.result.accepted
    assert [r["employee_id"] for r in service.db.attendance(date.today(), date.today())] == [PERSON["user_id"]]
    dialog = shown(qtbot, PinDialog(PinGuard(service.settings)))  # first use: a new admin PIN, twice
    xdotool("type", "--delay", "40", "4826")
    xdotool("key", "KP_Enter")
    qtbot.waitUntil(lambda: "Repeat" in dialog.title.text(), timeout=5000)
    xdotool("key", "Escape")
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    assert dialog.result() == PinDialog.DialogCode.Rejected


MEASURE = """
import json, sys
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
from kiosk.app.settings import load_settings
from kiosk.app.service import KioskService
from kiosk.ui import screen_fit, theme
from kiosk.ui.dialogs.worker_checkin import WorkerCheckinDialog
theme.apply(app)
screen_fit.install(app)
dialog = WorkerCheckinDialog(KioskService(load_settings(sys.argv[1])))
dialog.show()
app.processEvents()
screen = dialog.screen()
frame, avail = dialog.frameGeometry(), screen.availableGeometry()
keys = [(b.width(), b.height()) for b in dialog.id_pad.buttons.values()]
print(json.dumps({"dpi": screen.physicalDotsPerInch(), "screen": [avail.width(), avail.height()],
                  "dialog": [frame.width(), frame.height()], "smallest": [min(w for w, _ in keys), min(h for _, h in keys)]}))
"""


@needs_x
@pytest.mark.parametrize("width, height, dpi", [(1024, 768, 123), (800, 1280, 189), (1280, 800, 149)])
def test_the_worker_id_keypad_fits_the_screen_with_keys_of_9_mm(tmp_path, width, height, dpi):
    from kiosk.ui.xserver import XServer

    with XServer(width, height, dpi=dpi) as x:
        result = subprocess.run([sys.executable, "-c", MEASURE, str(tmp_path)], env={**os.environ, **x.env},
                                cwd=REPO, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    m = json.loads(result.stdout.strip().splitlines()[-1])
    assert m["dialog"][0] <= m["screen"][0] and m["dialog"][1] <= m["screen"][1], m
    # Millimetres at the screen's own density: Xvfb's RandR tells Qt 96 dpi whatever -dpi says
    # (QScreen.physicalDotsPerInch), so the keys must not rely on Qt knowing the panel's size.
    mm = [px / dpi * 25.4 for px in m["smallest"]]
    assert min(mm) >= TOUCH_MM, (mm, m)
