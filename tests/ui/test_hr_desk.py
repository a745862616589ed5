"""The HR desk (`python main.py --hr`): a real window on a real data folder, HR PIN sign-in,
the wizard enrolling a real person from files with no camera and no recognition thread, and a
kiosk on the same folder recognising them; with a camera chosen, the wizard takes its photo."""
from __future__ import annotations

from PySide6.QtCore import Qt, QThread
from PySide6.QtWidgets import QWizard

from kiosk.app.service import KioskService
from kiosk.app.settings import load_settings
from kiosk.ui.app import main, parse_args
from kiosk.ui.dialogs.pin_dialog import PinDialog
from kiosk.ui.hr_window import HrWindow
from kiosk.ui.pin import PinGuard
from kiosk.vision.image_io import load_image
from tests.ui.conftest import ENROLL_PHOTOS, HELD_OUT, PERSON, make_video, photo
from tests.ui.test_enroll_wizard import click, fill_details

NEXT = QWizard.WizardButton.NextButton
FINISH = QWizard.WizardButton.FinishButton


def _desk(qtbot, service, monkeypatch, camera=None, pin="1397"):
    guard = PinGuard(service.settings)
    guard.set_pin("2580")
    guard.set_pin("1397", "hr")
    window = HrWindow(service, camera, pin_guard=guard)
    qtbot.addWidget(window)
    window.show()
    window.start()

    def typed(dialog):  # the PIN dialog, answered on its real keypad
        dialog.pad.type_pin(pin)
        return dialog.result()

    monkeypatch.setattr(PinDialog, "exec", typed)
    return window


def test_hr_desk_enrolls_from_files_without_a_camera(qtbot, make_service, monkeypatch, faces_dir):
    import kiosk.ui.dialogs.enroll_wizard as wiz

    monkeypatch.setattr(wiz, "masks_available", lambda: False)  # originals only: the masks are tested in test_enroll_wizard
    service = make_service()
    window = _desk(qtbot, service, monkeypatch)
    try:
        assert "HR desk" in window.windowTitle() and str(service.settings.data_dir) in window.where.text()
        assert window.capture is None and window.hub is None and not window.findChildren(QThread)
        assert not hasattr(window, "live") and window.stack.currentWidget() is window.sign_in_page
        assert not window.store_status.isVisible()  # a single kiosk, nothing waiting

        qtbot.mouseClick(window.sign_in_button, Qt.MouseButton.LeftButton)  # HR's PIN
        admin = window.admin
        assert window.stack.currentWidget() is admin and admin.role == "hr"
        assert admin.back_button.text() == "Sign out" and not admin.nav_buttons["audit"].isVisibleTo(admin)
        assert window.signed_in.text() == "Signed in: HR"

        wizard = admin.employees.open_wizard()
        qtbot.waitUntil(wizard.isVisible)
        assert wizard.hub is None
        fill_details(qtbot, wizard, PERSON["user_id"], PERSON["name"], PERSON["mobile"])
        click(qtbot, wizard, NEXT)
        assert not wizard.photos.take.isEnabled() and wizard.photos.preview.placeholder == "No camera"
        for name in ENROLL_PHOTOS:
            assert wizard.photos.add_photo_from_file(photo(name))
        click(qtbot, wizard, NEXT)
        qtbot.waitUntil(lambda: wizard.duplicate_page.done, timeout=20000)
        click(qtbot, wizard, NEXT)
        qtbot.waitUntil(lambda: wizard.currentPage() is wizard.summary, timeout=60000)
        assert not wizard.process.error.isVisible(), wizard.process.error.text()
        qtbot.waitUntil(lambda: wizard.summary.preview_done, timeout=30000)
        assert window.sign_out() is False  # the wizard is still open: no signing out under HR's hands
        click(qtbot, wizard, FINISH)
        assert admin.employees.table.rowCount() == 1 and not window.findChildren(QThread)

        # A kiosk process on the same data folder knows the person from a photo never enrolled.
        kiosk = KioskService(load_settings(service.settings.data_dir), pipeline=service.pipeline)
        found = kiosk.recognize(load_image(photo(HELD_OUT[0])), record=False)
        assert [r.match.user_id for r in found] == [PERSON["user_id"]]

        assert window.sign_out() and window.stack.currentWidget() is window.sign_in_page
        trail = [(r["role"], r["action"], r["detail"].get("where")) for r in service.audit.rows()]
        assert ("hr", "sign_in", "HR desk") in trail and ("hr", "enroll", None) in trail
        assert ("hr", "sign_out", "HR desk") in trail and service.actor.role == "system"
    finally:
        window.shutdown()


def test_hr_desk_takes_the_wizard_photo_from_a_chosen_camera(qtbot, tmp_path, make_service, monkeypatch, faces_dir):
    video = make_video(tmp_path / "usb.avi", [photo(HELD_OUT[1])], seconds_each=30.0, fps=5)
    service = make_service()
    window = _desk(qtbot, service, monkeypatch, camera=str(video), pin="2580")
    try:
        assert window.request_sign_in() and window.admin.role == "admin"
        wizard = window.admin.employees.open_wizard()
        fill_details(qtbot, wizard, "W002", "Sam Park", "+15550102")
        click(qtbot, wizard, NEXT)
        page = wizard.photos
        qtbot.waitUntil(lambda: window.hub.latest is not None, timeout=10000)
        assert page.take.isEnabled() and page.take_photo()
        # best of the last second is chosen on a worker thread, then checked on another
        qtbot.waitUntil(lambda: not page._choosing and page.pending == 0 and page.slots[0].state != "empty",
                        timeout=30000)
        assert page.slots[0].state == "ok", page.error.text()
        wizard.reject()
        assert not service.store.exists("W002")  # nothing saved before the processing step
    finally:
        window.shutdown()


def test_hr_desk_command_line(tmp_path):
    assert parse_args(["--hr"]).hr and parse_args(["--hr"]).camera is None
    assert main(["--hr", "--kiosk", "--data-dir", str(tmp_path)]) == 2  # one or the other
