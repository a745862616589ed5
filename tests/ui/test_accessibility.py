"""Accessibility and the entrance's words (issue 26), on real windows and a real data folder: the
entrance speaks to employees only (the technical details are on the Expert page), one greeting,
sounds for a check-in and for a face not recognised at the set volume, the Accessibility page
applying high contrast and larger text live, accessible names, and an HR flow done with the
keyboard alone (QTest key events only)."""
from __future__ import annotations

import wave

import numpy as np
import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QFormLayout, QLabel, QPushButton, QToolButton, QWidget

from kiosk.ui import accessibility, theme
from kiosk.ui.capture import Frame
from kiosk.ui.hr_window import HrWindow
from kiosk.ui.pages.admin import AdminPage
from kiosk.ui.pages.live import LIVE, LivePage, greeting
from kiosk.ui.pin import PinGuard
from kiosk.ui.sounds import CHECKED_IN, NOT_RECOGNISED, TONES, sound_files
from kiosk.ui.worker import LiveResult
from tests.ui.conftest import FACES, PERSON, letterbox

ADMIN_PIN = "2580"
MODEL = "scrfd:det_2.5g.onnx + mobilefacenet-arcface"


@pytest.fixture
def normal_look(qapp):
    """Every test here leaves the application's style sheet, font and look as it found them."""
    sheet, font = qapp.styleSheet(), qapp.font()
    look = (theme.Look.high_contrast, theme.Look.text_scale)
    yield
    qapp.setStyleSheet(sheet)
    qapp.setFont(font)
    theme.Look.high_contrast, theme.Look.text_scale = look


@pytest.fixture
def live(qtbot, make_service, enrolled_gallery):
    service = make_service(enrolled=True, gallery=enrolled_gallery)
    page = LivePage(service)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    return page


def test_entrance_speaks_to_employees_only(live):
    live.on_models_ready(MODEL)
    live.on_capture_state(LIVE, "camera 0 live")
    live.recognition_fps, live.camera_fps = 9.6, 30.0
    live._refresh_status()
    status = live.status.text()
    assert "Camera on" in status and "Face recognition ready" in status
    for jargon in ("scrfd", "onnx", "fps", "enrolled", "liveness", "model", "calibrate"):
        assert jargon not in status.lower(), status
    # the controls that show no words of their own are named and described
    assert accessibility.accessible_name(live.admin_button) == "HR screens"
    assert "PIN" in accessibility.accessible_description(live.admin_button)
    assert accessibility.accessible_name(live.video) == "Camera picture"
    technical = dict(live.technical_status())  # what moved to the Expert page
    assert technical["Face models"] == MODEL and "9.6" in technical["Recognition"]

    live.on_models_failed("FileNotFoundError: det_2.5g.onnx is missing")
    words = live.info.text() + live.status.text() + live.hint.text()
    assert "worker ID" in words
    for jargon in ("onnx", "kiosk models", "FileNotFoundError", "`"):
        assert jargon not in words, words
    assert "det_2.5g.onnx is missing" in dict(live.technical_status())["Face models"]


def test_technical_details_are_on_the_expert_page(qtbot, live):
    live.on_models_ready(MODEL)
    admin = AdminPage(live.service, None)
    qtbot.addWidget(admin)
    admin.expert.status_source = live.technical_status  # as MainWindow.show_admin connects them
    expert = admin.open("expert")
    assert f"Face models: {MODEL}" in expert.technical.text()
    assert "People enrolled: 1" in expert.technical.text()
    assert "kiosk calibrate" in expert.selfcheck.text()
    stats = admin.open("stats")
    assert "kiosk calibrate" not in " ".join(w.text() for w in stats.findChildren(QLabel))
    assert accessibility.accessible_name(stats.chart) == "Check-ins per day"  # the bars, said in words:
    assert accessibility.accessible_description(stats.chart).count(":") == len(stats.chart.data) == 14


def test_one_greeting_by_time_of_day(live):
    assert [greeting(h) for h in (6, 11, 12, 17, 18, 23, 2)] == [
        "Good morning", "Good morning", "Good afternoon", "Good afternoon", "Good evening", "Good evening",
        "Good evening"]
    arrival = live.service.db.record_recognition(PERSON["user_id"], PERSON["name"], 0.91)
    live.show_checkin(arrival)
    banner = f"{live.banner.title.text()} {live.banner.detail.text()}".lower()
    assert "checked in" in banner
    for other in ("good day", "good morning", "good afternoon", "good evening", "hello"):
        assert other not in banner, banner  # the header's greeting is the only one


def test_the_two_sounds_differ_and_are_real_wav_files(tmp_path):
    files = sound_files(tmp_path)
    pitch = {}
    for kind, path in files.items():
        with wave.open(str(path)) as wav:
            assert (wav.getnchannels(), wav.getsampwidth()) == (1, 2)
            samples = np.frombuffer(wav.readframes(wav.getnframes()), "<i2").astype(float)
            seconds = wav.getnframes() / wav.getframerate()
        assert abs(seconds - sum(s for _, s in TONES[kind])) < 0.01
        assert np.abs(samples).max() > 10000 and abs(samples[0]) < 500 and abs(samples[-1]) < 500  # no click
        spectrum = np.abs(np.fft.rfft(samples))
        pitch[kind] = np.argmax(spectrum) * wav.getframerate() / len(samples)
    assert pitch[CHECKED_IN] > 800 and pitch[NOT_RECOGNISED] < 450  # bright up, low down: told apart by ear


def test_checkin_sound_at_the_set_volume(live):
    sounds = live.sounds
    live.service.display.save(sound_volume=40)
    live.show_checkin(live.service.db.record_recognition(PERSON["user_id"], PERSON["name"], 0.91))
    assert sounds.last == (CHECKED_IN, 0.4)
    assert sounds.effects[CHECKED_IN].volume() == pytest.approx(0.4, abs=0.01)
    live.service.display.save(sound_volume=0)  # silent: chosen, never played
    assert sounds.play(CHECKED_IN) is False and sounds.last == (CHECKED_IN, 0.0)


def test_not_recognised_sound_once_per_face(live):
    service = live.service
    stranger = letterbox(service.load_image(FACES / "identities" / "obama" / "obama3.jpg"))
    recognizer = service.live_recognizer(source="camera", record=False)
    live.sounds.last = None
    for i in range(service.settings.confirm_frames * 2):
        decision = recognizer.process(stranger, now=100.0 + i / 10)
        live.on_frame(Frame(stranger, i, 100.0 + i / 10))
        live.on_result(LiveResult(i, 100.0 + i / 10, 100.0 + i / 10, decision, 9.6, 0))
        if i == service.settings.confirm_frames - 2:
            assert live.sounds.last is None  # not before the vote has had its frames
    assert live.sounds.last == (NOT_RECOGNISED, 0.7)
    assert len(live._unknown_told) == 1  # one face: said once, not every frame


def test_accessibility_page_applies_contrast_and_text_size_live(qtbot, make_service, normal_look):
    service = make_service()
    admin = AdminPage(service, None)
    qtbot.addWidget(admin)
    admin.resize(1280, 800)
    admin.show()
    page = admin.open("accessibility")
    title = admin.employees.findChild(QLabel, "pageTitle")
    normal_px = title.fontInfo().pixelSize()
    page.high_contrast.click()
    assert service.settings.high_contrast and theme.Look.high_contrast
    assert "#0f172a" not in QApplication.instance().styleSheet()  # the dark blue became black
    assert title.palette().window().color().name() != "#0f172a"
    page.size_buttons[1.5].click()
    assert service.settings.text_scale == 1.5
    qtbot.waitUntil(lambda: title.fontInfo().pixelSize() >= normal_px * 1.45)
    page.volume.setValue(30)
    assert service.display.values() == {"high_contrast": True, "text_scale": 1.5, "sound_volume": 30}
    page.refresh()  # what is saved is what the page shows
    assert page.high_contrast.isChecked() and page.size_buttons[1.5].isChecked() and page.volume.value() == 30


def test_unnamed_controls_are_found_and_labels_name_their_fields(qtbot):
    window = QWidget()
    form = QFormLayout(window)
    shift = QComboBox()
    shift.addItems(["day", "night"])
    form.addRow("Shift", shift)
    icon_only = QToolButton()
    form.addRow(icon_only)
    back = QPushButton("⌫")
    form.addRow(back)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert shift.accessibleName() == ""
    found = accessibility.problems(window)
    assert [p.split(":")[0] for p in found] == ["QToolButton", 'QPushButton "⌫"'], found
    icon_only.setToolTip("Search")
    accessibility.name_tree(window)
    assert shift.accessibleName() == "Shift"  # (on Linux Qt says the choice, the label by relation)
    assert accessibility.accessible_name(icon_only) == "Search"
    assert accessibility.accessible_name(back) == "Delete the last character"
    assert accessibility.problems(window) == []


# -- the keyboard alone ----------------------------------------------------------------------------
def focused(window: QWidget) -> QWidget | None:
    """The widget with the keyboard focus in `window`'s active dialog, or in `window`."""
    return QApplication.focusWidget() or (QApplication.activeModalWidget() or window).focusWidget()


def tab_to(window: QWidget, target: QWidget, limit: int = 60) -> None:
    """Tab (as a person would) until `target` has the keyboard focus; fails when it never does."""
    for _ in range(limit):
        if focused(window) is target:
            return
        QTest.keyClick(focused(window) or window, Qt.Key.Key_Tab)
    raise AssertionError(f"{accessibility.describe(target)} is not reachable with Tab")


def test_an_hr_flow_by_keyboard_only(qtbot, make_service, enrolled_gallery, normal_look):
    accessibility.install(QApplication.instance())  # as kiosk.ui.app does: dialogs take the keyboard
    service = make_service(enrolled=True, gallery=enrolled_gallery)
    guard = PinGuard(service.settings)
    guard.set_pin(ADMIN_PIN)
    window = HrWindow(service, pin_guard=guard)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()  # the keyboard's window (the X server has no window manager to do it)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)

    def type_pin() -> None:  # into the PIN dialog, which runs modally
        dialog = QApplication.activeModalWidget()
        QTest.keyClicks(dialog, ADMIN_PIN)
        QTest.keyClick(dialog, Qt.Key.Key_Return)

    tab_to(window, window.sign_in_button)
    QTimer.singleShot(200, type_pin)
    QTest.keyClick(window.sign_in_button, Qt.Key.Key_Space)
    assert window.role == "admin" and window.stack.currentWidget() is window.admin
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)  # the keyboard is back in the window
    admin = window.admin

    # Employees: choose the person (Space on the table's row), edit their department, save with Enter.
    employees = admin.employees
    tab_to(window, employees.table)
    QTest.keyClick(employees.table, Qt.Key.Key_Space)  # the row Tab brought the focus to (the first)
    assert employees.selected_id() == PERSON["user_id"]
    tab_to(window, employees.edit_button)
    QTest.keyClick(employees.edit_button, Qt.Key.Key_Space)
    dialog = employees.edit_dialog
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)  # the dialog has the keyboard
    tab_to(dialog, dialog.fields["department"])
    QTest.keyClicks(dialog.fields["department"], "Assembly")
    QTest.keyClick(dialog.fields["department"], Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert service.db.get_employee(PERSON["user_id"])["department"] == "Assembly"

    # Another dialog, closed with Escape: nothing changes.
    tab_to(window, employees.edit_button)
    QTest.keyClick(employees.edit_button, Qt.Key.Key_Space)
    dialog = employees.edit_dialog
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    QTest.keyClicks(dialog.fields["name"], "xyz")
    QTest.keyClick(dialog.fields["name"], Qt.Key.Key_Escape)  # where the typing went
    assert not dialog.isVisible()
    assert service.people()[0].name == PERSON["name"]

    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)  # the keyboard is back

    # The sidebar: Tab reaches the page's button, the arrows go from page to page; then the text size.
    tab_to(window, admin.nav_buttons["employees"])
    for key, button in list(admin.nav_buttons.items())[1:]:
        QTest.keyClick(focused(window), Qt.Key.Key_Down)
        assert focused(window) is button and admin.pages.currentWidget() is admin.page(key), key
    QTest.keyClick(focused(window), Qt.Key.Key_Up)  # from Help, the last page, back up to Accessibility
    assert admin.pages.currentWidget() is admin.accessibility
    page = admin.accessibility
    tab_to(window, page.size_buttons[1.0])
    QTest.keyClick(page.size_buttons[1.0], Qt.Key.Key_Right)  # arrows move between the choices
    assert service.settings.text_scale == 1.25

    tab_to(window, admin.back_button)  # "Sign out"
    QTest.keyClick(admin.back_button, Qt.Key.Key_Space)
    assert window.role is None and window.stack.currentWidget() is window.sign_in_page
