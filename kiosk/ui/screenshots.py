"""Render every screen offscreen into docs/screenshots/*.png (the README's illustrations).

    QT_QPA_PLATFORM=offscreen KIOSK_MODELS_DIR=../shared/models python -m kiosk.ui.screenshots

The screens are fed real data: a person is enrolled from ../shared/faces into a temporary data
folder through the wizard's own code, a held-out photo goes through LiveRecognizer (so the
banner is a real check-in), and the HR pages show a week of check-ins. Nothing is written to
the repository except the PNG files."""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parents[2]
FACES = REPO.parent / "shared" / "faces" / "identities"
OUT = REPO / "docs" / "screenshots"
SIZE = (1280, 800)
MAX_BYTES = 400_000

PERSON = ("E1024", "Dana Lee", "+44 7700 900123", "df01", ["img10.jpg", "img11.jpg", "img2.jpg"], "img6.jpg")
OTHERS = [("E2001", "Kit Harington", "+44 7700 900456", "kit_harington", ["john1.jpeg", "john2.jpeg", "johnsnow_test1.jpg"]),
          ("E2002", "Barack Obama", "+1 202 555 0100", "obama", ["obama.jpg", "obama1.jpg", "obama2.jpg"])]


def wait_until(app, predicate, timeout: float = 60.0) -> None:
    end = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > end:
            raise TimeoutError("a screen did not finish in time")
        app.processEvents()
        time.sleep(0.02)
    app.processEvents()


def save(widget, name: str, app) -> Path:
    """Grab the widget and write a PNG under the size limit (palette-quantised if needed)."""
    import io

    from PIL import Image
    from PySide6.QtCore import QBuffer, QIODevice

    app.processEvents()
    widget.repaint()
    app.processEvents()
    pixmap = widget.grab()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    pixmap.save(buffer, "PNG")
    image = Image.open(io.BytesIO(bytes(buffer.data()))).convert("RGB")
    path = OUT / f"{name}.png"
    image.save(path, optimize=True)
    if path.stat().st_size > MAX_BYTES:
        image.quantize(colors=256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.FLOYDSTEINBERG).save(path, optimize=True)
    shown = path.relative_to(REPO) if path.is_relative_to(REPO) else path
    print(f"{shown}  {path.stat().st_size // 1024} KB")
    return path


def camera_frame(image, size=(1280, 720)):
    """A photo placed in a camera-sized frame, as the entrance camera would see a person."""
    import cv2
    import numpy as np

    w, h = size
    scale = min(w / image.shape[1], h / image.shape[0]) * 0.92
    small = cv2.resize(image, (int(image.shape[1] * scale), int(image.shape[0] * scale)), interpolation=cv2.INTER_AREA)
    frame = np.full((h, w, 3), (52, 46, 40), np.uint8)
    y, x = (h - small.shape[0]) // 2, (w - small.shape[1]) // 2
    frame[y:y + small.shape[0], x:x + small.shape[1]] = small
    return frame


def side_by_side(images, height: int = 420):
    """Photos of several people as one picture (for the expert screen)."""
    import cv2
    import numpy as np

    scaled = [cv2.resize(im, (int(im.shape[1] * height / im.shape[0]), height), interpolation=cv2.INTER_AREA)
              for im in images]
    return np.hstack(scaled)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    globals()["OUT"] = args.out
    args.out.mkdir(parents=True, exist_ok=True)
    if not FACES.is_dir():
        print(f"error: the real photos are not at {FACES}", file=sys.stderr)
        return 1

    import cv2
    from PySide6.QtWidgets import QApplication

    from kiosk.config import load_settings
    from kiosk.live import LiveRecognizer
    from kiosk.service import KioskService
    from kiosk.ui import theme
    from kiosk.ui.capture import LOST, Frame
    from kiosk.ui.dialogs.enroll_wizard import EnrollWizard
    from kiosk.ui.dialogs.export_dialog import ExportDialog
    from kiosk.ui.dialogs.pin_dialog import PinDialog
    from kiosk.ui.pages.admin import AdminPage
    from kiosk.ui.pages.live import LivePage
    from kiosk.ui.pin import PinGuard
    from kiosk.ui.worker import LiveResult
    from kiosk.vision.image_io import load_image

    app = QApplication.instance() or QApplication(sys.argv[:1])
    theme.apply(app)
    tmp = Path(tempfile.mkdtemp(prefix="kiosk-shots-"))
    # The demo holds photos up to the live screen, which liveness rightly refuses: off here.
    service = KioskService(load_settings(tmp, liveness=False))
    pipeline = service.pipeline

    # -- the entrance screen with nobody enrolled, and with no camera --------------------------
    live = LivePage(service)
    live.resize(*SIZE)
    live.show()
    live.on_models_ready(pipeline.description)
    live.on_capture_state(LOST, "No picture from camera 0. Retrying in 4 s (attempt 3).")
    save(live, "live_no_camera", app)
    live.close()

    # -- the wizard, page by page, enrolling PERSON for real ------------------------------------
    class FakeHub:  # the wizard's camera preview, fed one real frame
        def __init__(self):
            from PySide6.QtCore import QObject, Signal

            class Hub(QObject):
                frame = Signal(object)

            self.obj = Hub()
            self.frame = self.obj.frame
            self.latest = None

    uid, name, mobile, folder, photos, held_out = PERSON
    hub = FakeHub()
    wizard = EnrollWizard(service, hub)
    wizard.resize(1180, 860)
    wizard.show()
    d = wizard.details
    d.name.setText(name)
    d.worker_id.setText(uid)
    d.mobile.setText(mobile)
    d.consent.setChecked(True)
    save(wizard, "wizard_1_details", app)
    wizard.next()
    camera = camera_frame(load_image(FACES / folder / held_out), (960, 720))
    hub.latest = Frame(camera, 0, time.monotonic())
    for p in photos:
        wizard.photos.add_photo_from_file(FACES / folder / p)
    hub.frame.emit(hub.latest)
    wait_until(app, lambda: wizard.photos.isComplete() and not wizard.photos._guidance_busy)
    save(wizard, "wizard_2_photos", app)
    wizard.next()
    wait_until(app, lambda: wizard.duplicate_page.done)
    save(wizard, "wizard_3_duplicate_check", app)
    wizard.next()
    wait_until(app, lambda: wizard.process.progress.maximum() > 1 and wizard.process.progress.value() >= 10)
    save(wizard, "wizard_4_processing", app)
    wait_until(app, lambda: wizard.currentPage() is wizard.summary and wizard.summary.preview_done, timeout=180)
    save(wizard, "wizard_5_summary", app)
    wizard.accept()

    # A duplicate: the same person again under another ID.
    wizard = EnrollWizard(service, None)
    wizard.resize(1180, 860)
    wizard.show()
    wizard.details.name.setText("D. Lee")
    wizard.details.worker_id.setText("E9999")
    wizard.details.mobile.setText("+44 7700 900999")
    wizard.details.consent.setChecked(True)
    wizard.next()
    for p in ["img5.jpg", "img7.jpg", "img4.jpg"]:
        wizard.photos.add_photo_from_file(FACES / folder / p)
    wait_until(app, wizard.photos.isComplete)
    wizard.next()
    wait_until(app, lambda: wizard.duplicate_page.done)
    save(wizard, "wizard_3b_duplicate_found", app)
    wizard.reject()

    # -- more people and a week of attendance for the HR screens ---------------------------------
    for o_uid, o_name, o_mobile, o_folder, o_photos in OTHERS:
        service.enroll(o_uid, o_name, o_mobile, [load_image(FACES / o_folder / p) for p in o_photos], masks=False)
    db = service.db
    now = datetime.now().replace(second=0, microsecond=0)
    for days in range(1, 14):
        day = (now - timedelta(days=days)).replace(hour=8, minute=40)
        if day.weekday() >= 5:
            continue
        for i, (person, score) in enumerate([(uid, 0.82), ("E2001", 0.77), ("E2002", 0.74)]):
            if (days + i) % 4 == 0:
                continue
            person_name = {uid: name, "E2001": "Kit Harington", "E2002": "Barack Obama"}[person]
            db.record_recognition(person, person_name, score - 0.01 * i, masked=(days + i) % 3 == 0,
                                  now=day + timedelta(minutes=7 * i + days))
            db.record_recognition(person, person_name, score, masked=False,
                                  now=day + timedelta(hours=9, minutes=3 * i))
    db.record_recognition("E2002", "Barack Obama", 0.76, masked=True, now=now - timedelta(minutes=50))
    db.record_recognition(None, "Not in Database", 0.21, now=now - timedelta(minutes=20))

    # -- the entrance screen recognising the enrolled person (a real check-in) --------------------
    live = LivePage(service)
    live.resize(*SIZE)
    live.show()
    live.on_models_ready(pipeline.description)
    live.on_capture_state("live", "camera 0 live")
    frame = camera_frame(load_image(FACES / folder / held_out))
    recognizer = LiveRecognizer(service, source="camera")
    for i in range(service.settings.confirm_frames):
        t = time.monotonic()
        decision = recognizer.process(frame)
        live.on_frame(Frame(frame, i, t))
        live.on_result(LiveResult(i, t, time.monotonic(), decision, 9.6, 0))
    live.recognition_fps = 9.6
    live.camera_fps = 30.0
    live._refresh_status()
    save(live, "live_checked_in", app)
    # The same person again within the cooldown, now wearing a mask.
    masked = service.mask_preview(frame, pipeline.detect(frame)[0], "surgical_green")
    recognizer.reset()
    for i in range(service.settings.confirm_frames):
        t = time.monotonic()
        decision = recognizer.process(masked)
        live.on_frame(Frame(masked, i, t))
        live.on_result(LiveResult(i, t, time.monotonic(), decision, 9.6, 0))
    save(live, "live_already_checked_in", app)
    live.close()

    # -- a face the open-set rule is not sure of: asked to look again, nobody named ---------------
    # (a site margin nobody can meet stands in for a look-alike colleague's near-tie)
    unsure = KioskService(load_settings(tmp, margin=0.99, masked_margin=0.99, liveness=False), pipeline=pipeline)
    live = LivePage(unsure)
    live.resize(*SIZE)
    live.show()
    live.on_models_ready(pipeline.description)
    live.on_capture_state("live", "camera 0 live")
    recognizer = LiveRecognizer(unsure, source="camera", record=False)
    for i in range(unsure.settings.confirm_frames):
        t = time.monotonic()
        decision = recognizer.process(frame)
        live.on_frame(Frame(frame, i, t))
        live.on_result(LiveResult(i, t, time.monotonic(), decision, 9.6, 0))
    live.recognition_fps = 9.6
    live.camera_fps = 30.0
    live._refresh_status()
    save(live, "live_not_sure", app)
    live.close()

    # -- the worker-ID check-in of someone the kiosk did not recognise -------------------------
    from kiosk.ui.dialogs.worker_checkin import WorkerCheckinDialog

    keypad = WorkerCheckinDialog(service)
    for key in uid:
        keypad.id_pad.press(key)
    keypad.show()
    save(keypad, "live_worker_id_keypad", app)
    keypad.close()

    # -- HR ------------------------------------------------------------------------------------
    pin = PinDialog(PinGuard(service.settings))
    pin.pad.press("2")
    pin.pad.press("5")
    pin.show()
    save(pin, "hr_pin_first_use", app)
    pin.close()

    admin = AdminPage(service, None)
    admin.resize(*SIZE)
    admin.show()
    admin.open("employees")
    admin.employees.select(uid)
    save(admin, "hr_employees", app)
    admin.open("attendance")
    save(admin, "hr_attendance", app)
    admin.attendance.summary.setChecked(True)
    save(admin, "hr_attendance_summary", app)
    admin.open("stats")
    save(admin, "hr_statistics", app)
    audit = admin.open("audit")  # the enrolments above are on the trail
    audit.verify()
    save(admin, "admin_audit_trail", app)
    admin.open("security")
    save(admin, "admin_security", app)
    expert = admin.open("expert")
    group = tmp / "group.jpg"  # two enrolled people (photos never enrolled) and a stranger
    cv2.imwrite(str(group), side_by_side([load_image(FACES / folder / "img5.jpg"), load_image(FACES / "obama" / "obama3.jpg"),
                                          load_image(FACES / "biden" / "biden2.jpg")]))
    expert.open_path(group)
    wait_until(app, lambda: expert.results is not None)
    save(admin, "hr_expert_recognition", app)
    export = ExportDialog(service, now.date() - timedelta(days=13), now.date())
    export.path.setText(str(Path.home() / "attendance_last_two_weeks.csv"))
    export.show()
    export.export(tmp / "attendance.csv")
    save(export, "hr_export_dialog", app)
    export.close()
    admin.close()
    from PySide6.QtCore import QThreadPool

    QThreadPool.globalInstance().waitForDone(10000)
    for widget in app.topLevelWidgets():
        widget.deleteLater()
    app.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
