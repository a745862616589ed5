"""A walk through every window, page and dialog of the kiosk in the states people see them in,
on real data (kiosk.ui.demo_data) and the real models: the live window (full screen and
windowed), the HR area for the administrator and for HR, the HR desk, the enrollment wizard step
by step (enrolling a person for real), and every dialog. At each stop a visitor is handed the
window on top (`visit(name, window)`): kiosk.ui.screenshots grabs the screen, the layout tests
audit it (kiosk.ui.layout_audit).

Each stop is independent: one that fails is recorded with its error and the walk goes on. The
entrance and the wizard are walked here, the HR area's pages and dialogs in kiosk.ui.tour_hr, and
what both use (waiting for the screen, camera-like frames) is in kiosk.ui.tour_support."""
from __future__ import annotations

import logging
import time
import traceback
from contextlib import contextmanager
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QCoreApplication, QThreadPool
from PySide6.QtWidgets import QApplication, QWidget

import kiosk.ui.dialogs.enroll_wizard as wizard_module
from kiosk.app.service import KioskService
from kiosk.app.settings import load_settings
from kiosk.ui import i18n
from kiosk.ui.capture import LIVE, LOST, Frame
from kiosk.ui.demo_data import PIN, PIN_PERSON
from kiosk.ui.dialogs.pin_dialog import PinDialog
from kiosk.ui.hr_window import HrWindow
from kiosk.ui.main_window import MainWindow
from kiosk.ui.pin import PinGuard
from kiosk.ui.screen_fit import present
from kiosk.ui.tour_hr import DESK_NAMES, HR_ROLE_NAMES, README_NAMES, WINDOWED_NAMES, HrAreaVisits
from kiosk.ui.tour_support import NEW_PERSON, camera_frame, load_image, settle, wait_until
from kiosk.ui.worker import LiveResult

log = logging.getLogger(__name__)

Visitor = Callable[[str, QWidget], None]

DUPLICATE_PHOTOS = ["img5.jpg", "img7.jpg", "img4.jpg"]  # the same person again, under another ID
PINS = {"admin": "2580", "hr": "1397"}
# Every stop of the walk, in order (the layout tests expect each of them at every size).
STOPS = ("live_no_camera", "wizard_1_details", "wizard_2_photos", "wizard_3_duplicate_check", "wizard_4_processing",
         "wizard_5_summary", "wizard_3b_duplicate_found", "live_checked_in", "live_punch_choice",
         "live_already_checked_in", "live_worker_id_keypad", "live_worker_pin", "live_my_hours_keypad",
         "live_my_hours_week", "live_help", "hr_pin_first_use", "hr_pin_enter", "admin_pin_exit",
         *README_NAMES.values(), "hr_attendance_summary", "admin_attendance_settings_checkouts",
         "admin_attendance_settings_shifts", "admin_attendance_settings_departments",
         "admin_attendance_settings_holidays", "hr_set_pin_dialog", "hr_edit_details_dialog", "hr_add_punch_dialog",
         "hr_void_punch_dialog", "hr_mark_left_confirm",
         "hr_delete_confirm",
         "hr_export_dialog", "hr_export_monthly_dialog", "admin_shift_dialog", "admin_set_hr_pin",
         "hr_open_image_dialog", *HR_ROLE_NAMES.values(), "live_not_sure",
         "windowed_live", *WINDOWED_NAMES.values(), "desk_sign_in", *DESK_NAMES.values(), "desk_admin_audit_trail",
         "desk_admin_security")


class Tour(HrAreaVisits):
    """`Tour(app, service, visit, work_dir).run()`; `masks` False enrolls without synthetic masks
    (faster, for tests); `results` maps each stop to None (visited) or its error."""

    def __init__(self, app: QApplication, service, visit: Visitor, work_dir: Path, *, masks: bool = True):
        self.app, self.service, self._visit, self.work = app, service, visit, Path(work_dir)
        self.masks = masks
        self.results: dict[str, str | None] = {}
        self.windows: list[QWidget] = []

    # -- plumbing ---------------------------------------------------------------------------
    def visit(self, name: str, window: QWidget) -> None:
        settle(self.app)
        self._visit(name, window)
        self.results[name] = None

    def stop(self, name: str, step: Callable[[], None]) -> None:
        """Run one group of stops; an error is recorded under `name` and the walk goes on."""
        try:
            step()
        except Exception:  # a broken screen must not hide the others
            log.exception("tour stop %s failed", name)
            self.results[name] = traceback.format_exc()
        finally:
            for widget in self.app.topLevelWidgets():  # dialogs left open by a failed stop
                if widget.isVisible() and widget not in self.windows and widget.isModal():
                    widget.close()
            settle(self.app, 0.05)

    def guard(self) -> PinGuard:
        guard = PinGuard(self.service.settings)
        if not guard.has_pin:
            guard.set_pin(PINS["admin"])
            guard.set_pin(PINS["hr"], "hr")
        return guard

    def main_window(self, kiosk_mode: bool, service=None) -> MainWindow:
        window = MainWindow(service or self.service, str(self.work / "no-camera.avi"), backoff=(5.0,),
                            pin_guard=self.guard(), kiosk_mode=kiosk_mode)
        self.windows.append(window)
        present(window, kiosk_mode)
        window.live.capture = None  # no camera runs here: the status line shows the frame rates set below
        window.live.on_models_ready(window.service.pipeline.description)
        window.live.on_capture_state(LIVE, "camera 0 live")
        return window

    def close(self, window) -> None:
        window.exit_allowed = True
        window.close()
        if window in self.windows:
            self.windows.remove(window)
        settle(self.app, 0.05)

    @contextmanager
    def answering(self, dialog_class, name: str):
        """While inside: a dialog of `dialog_class` that a page runs modally (exec) is shown,
        visited as `name` and answered No / Cancel."""
        def answer(dialog) -> int:
            dialog.open()
            self.visit(name, dialog)
            dialog.reject()
            return 0

        original = dialog_class.exec
        dialog_class.exec = answer
        try:
            yield
        finally:
            dialog_class.exec = original

    def run(self) -> dict[str, str | None]:
        window = self.main_window(kiosk_mode=True)
        self.stop("live_no_camera", lambda: self.live_no_camera(window))
        self.stop("wizard", lambda: self.wizard(window))
        self.stop("wizard_3b_duplicate_found", lambda: self.wizard_duplicate(window))
        self.stop("live", lambda: self.live(window))
        self.stop("live_help", lambda: self.live_help(window))
        self.stop("pin_dialogs", lambda: self.pin_dialogs(window))
        self.stop("hr_area_admin", lambda: self.hr_area(window, "admin", README_NAMES, summary=True))
        self.stop("hr_dialogs", lambda: self.hr_dialogs(window))
        self.stop("hr_area_hr", lambda: self.hr_area(window, "hr", HR_ROLE_NAMES))
        self.close(window)
        self.stop("live_not_sure", self.live_not_sure)

        window = self.main_window(kiosk_mode=False)
        self.stop("windowed", lambda: self.windowed(window))
        self.close(window)

        desk = HrWindow(self.service, pin_guard=self.guard())
        self.windows.append(desk)
        present(desk, False)
        self.stop("desk", lambda: self.desk(desk))
        desk.close()
        QThreadPool.globalInstance().waitForDone(10000)
        return self.results

    # -- the entrance screen ----------------------------------------------------------------
    def live_no_camera(self, window) -> None:
        said = QCoreApplication.translate  # the capture thread's own words (kiosk.ui.capture), in the screen's language
        source = said("CaptureThread", "camera {number}").format(number=0)
        window.live.on_capture_state(LOST, said("CaptureThread", "No picture from {source}. Retrying in {seconds} s "
                                                "(attempt {attempt}).").format(source=source, seconds=i18n.number(4),
                                                                               attempt=i18n.number(3)))
        self.visit("live_no_camera", window)
        window.live.on_capture_state(LIVE, "camera 0 live")

    def live(self, window) -> None:
        _, _, _, folder, _, held_out = NEW_PERSON
        live = window.live
        frame = camera_frame(load_image(folder / held_out))
        recognizer = self.service.live_recognizer(source="camera")

        def show(image) -> None:
            # The frames are stamped at the 9.6 recognitions a second the status line shows, not
            # by the wall clock: on a busy machine one recognition can take longer than the
            # tracker's gap, and the person would never be confirmed in the picture.
            start = time.monotonic()
            for i in range(self.service.settings.confirm_frames):
                t = start + i / 9.6
                decision = recognizer.process(image, now=t)
                live.on_frame(Frame(image, i, t))
                live.on_result(LiveResult(i, t, t, decision, 9.6, 0))
            live.recognition_fps, live.camera_fps = 9.6, 30.0
            live._refresh_status()

        show(frame)
        self.visit("live_checked_in", window)
        live.show_checkin(live.last_checkin, choice_seconds=60)  # "choose" mode's keys on the banner
        self.visit("live_punch_choice", window)
        live.punch_choice.withdraw()
        # The same person again within the cooldown, now wearing a mask.
        masked = self.service.mask_preview(frame, self.service.pipeline.detect(frame)[0], "surgical_green")
        recognizer.reset()
        show(masked)
        self.visit("live_already_checked_in", window)
        live.banner.hide()
        live.worker_button.show()
        keypad = live.open_worker_checkin()
        for key in PIN_PERSON:
            keypad.id_pad.press(key)
        self.visit("live_worker_id_keypad", keypad)
        keypad.id_pad.press("OK")
        self.visit("live_worker_pin", keypad)
        keypad.reject()
        hours = live.open_my_hours()
        for key in PIN_PERSON:
            hours.id_pad.press(key)
        self.visit("live_my_hours_keypad", hours)
        hours.id_pad.press("OK")
        hours.pin_pad.type_pin(PIN)  # the person's own PIN: their week
        self.visit("live_my_hours_week", live.week_dialog)
        live.week_dialog.reject()

    def live_help(self, window) -> None:
        """The "?" of the entrance's header: the help view over the whole screen."""
        view = window.live.open_help()
        settle(self.app)
        self.visit("live_help", view)
        view.reject()

    def live_not_sure(self) -> None:
        """A face the open-set rule is not sure of: asked to look again, nobody named (a site
        margin nobody can meet stands in for a look-alike colleague's near-tie)."""
        settings = load_settings(self.service.settings.data_dir, margin=0.99, masked_margin=0.99, liveness=False)
        unsure = KioskService(settings, pipeline=self.service.pipeline)
        window = self.main_window(kiosk_mode=True, service=unsure)
        try:
            _, _, _, folder, _, held_out = NEW_PERSON
            frame = camera_frame(load_image(folder / held_out))
            recognizer = unsure.live_recognizer(source="camera", record=False)
            for i in range(unsure.settings.confirm_frames):
                t = time.monotonic()
                decision = recognizer.process(frame)
                window.live.on_frame(Frame(frame, i, t))
                window.live.on_result(LiveResult(i, t, time.monotonic(), decision, 9.6, 0))
            window.live.recognition_fps, window.live.camera_fps = 9.6, 30.0
            window.live._refresh_status()
            self.visit("live_not_sure", window)
        finally:
            self.close(window)

    def pin_dialogs(self, window) -> None:
        first = PinDialog(PinGuard(load_settings(self.work / "fresh")), window)  # no PIN yet: first use
        first.pad.press("2")
        first.pad.press("5")
        first.open()
        self.visit("hr_pin_first_use", first)
        first.reject()
        enter = PinDialog(window.pin_guard, window)
        enter.open()
        self.visit("hr_pin_enter", enter)
        enter.reject()
        leave = PinDialog(window.pin_guard, window, roles=("admin",))
        leave.open()
        self.visit("admin_pin_exit", leave)
        leave.reject()

    # -- the enrollment wizard ----------------------------------------------------------------
    def _wizard(self, window):
        if not self.masks:
            wizard_module.masks_available = lambda: False
        window.show_admin("admin")
        settle(self.app)
        return window.admin.employees.open_wizard()

    def wizard(self, window) -> None:
        uid, name, mobile, folder, photos, held_out = NEW_PERSON
        wizard = self._wizard(window)
        details = wizard.details
        details.name.setText(name)
        details.worker_id.setText(uid)
        details.mobile.setText(mobile)
        details.consent.setChecked(True)
        self.visit("wizard_1_details", wizard)
        wizard.next()
        camera = camera_frame(load_image(folder / held_out), (960, 720))
        for path in photos:
            wizard.photos.add_photo_from_file(folder / path)
        window.hub.frame.emit(Frame(camera, 0, time.monotonic()))
        wait_until(self.app, lambda: wizard.photos.isComplete() and not wizard.photos._guidance_busy,
                   what="the photo checks")
        self.visit("wizard_2_photos", wizard)
        wizard.next()
        wait_until(self.app, lambda: wizard.duplicate_page.done, what="the duplicate check")
        self.visit("wizard_3_duplicate_check", wizard)
        wizard.next()
        if self.masks:  # long enough to show progress
            wait_until(self.app, lambda: wizard.process.progress.maximum() > 1 and wizard.process.progress.value() >= 10,
                       timeout=120, what="enrolling")
        self.visit("wizard_4_processing", wizard)
        wait_until(self.app, lambda: wizard.currentPage() is wizard.summary and wizard.summary.preview_done,
                   timeout=180, what="the summary")
        self.visit("wizard_5_summary", wizard)
        wizard.accept()
        window.show_live()

    def wizard_duplicate(self, window) -> None:
        _, _, _, folder, _, _ = NEW_PERSON
        wizard = self._wizard(window)
        wizard.details.name.setText("D. Lee")
        wizard.details.worker_id.setText("E9999")
        wizard.details.mobile.setText("+44 7700 900999")
        wizard.details.consent.setChecked(True)
        wizard.next()
        for path in DUPLICATE_PHOTOS:
            wizard.photos.add_photo_from_file(folder / path)
        wait_until(self.app, wizard.photos.isComplete, what="the photo checks")
        wizard.next()
        wait_until(self.app, lambda: wizard.duplicate_page.done, what="the duplicate check")
        self.visit("wizard_3b_duplicate_found", wizard)
        wizard.reject()
        window.show_live()

def run(app: QApplication, service, visit: Visitor, work_dir: Path, *, masks: bool = True) -> dict:
    """Walk every screen (see Tour); returns {stop: None or its error}."""
    tour = Tour(app, service, visit, work_dir, masks=masks)
    try:
        return tour.run()
    finally:
        for window in list(tour.windows):
            if hasattr(window, "exit_allowed"):
                window.exit_allowed = True
            if hasattr(window, "shutdown"):
                window.shutdown()
        QThreadPool.globalInstance().waitForDone(10000)
