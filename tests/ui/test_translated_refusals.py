"""The engine's refusals as the screens show them (issue 26): real refusals triggered through the
real dialogs (a PIN of the wrong shape, a kiosk name, time zone or camera refused at set-up, a name with a
control character, an unreadable photo, a photo whose checks fail, a correction without a reason, an export
to a folder that cannot be, a time zone and display settings kiosk.toml refuses), what moved with a changed
worker ID and the store's status line, under the pseudo-language of
tests/ui/test_translations.py: a word of the shown sentence that did not go through Qt's
translation fails and is named. And once in French, as a person reads it."""
from __future__ import annotations

import errno
import os
import re
from datetime import date, datetime, timedelta

import cv2
from PySide6.QtCore import QTranslator

from kiosk.ui import i18n
from kiosk.ui.dialogs.enroll_wizard import EnrollWizard
from kiosk.ui.dialogs.export_dialog import ExportDialog
from kiosk.ui.dialogs.punch_corrections import AddPunchDialog
from kiosk.ui.dialogs.set_pin_dialog import SetPinDialog
from kiosk.ui.first_run import FirstRunDialog
from kiosk.ui.pages.admin import AdminPage
from kiosk.ui.widgets.store_status import StoreStatusLabel
from tests.ui.conftest import PERSON
from tests.ui.test_translations import MARK_CLOSE, MARK_OPEN, PseudoLanguage, data_words, untranslated, visible_texts

WORKER = ("W002", "Ali Khan", "+15550102")


class ValuesOutside(PseudoLanguage):
    """The pseudo-language with each {placeholder} left outside the marks: an engine sentence put
    into a translated lead-in ("Not added: {reason}") must be translated itself, not merely sit
    inside a translated sentence."""

    def translate(self, context, source, disambiguation=None, n=-1):  # noqa: D401 - Qt's signature
        marked = super().translate(context, source, disambiguation, n)
        return re.sub(r"\{[a-z_]+\}", lambda m: MARK_CLOSE + m.group(0) + MARK_OPEN, marked)


def words_of(text: str) -> set[str]:
    return {w.casefold() for w in re.findall(r"[^\W\d_][\w'’-]*", text)}


def refusals_shown(qtbot, service, tmp_path, faces_dir) -> list[tuple[str, object, str]]:
    """(what was tried, the window, the label's text) for each refusal, through the real screens."""
    shown = []

    def keep(what, window, label):
        window.show()
        qtbot.waitExposed(window)
        assert label.isVisible() and label.text(), f"{what}: no refusal shown"
        shown.append((what, window, label.text()))

    setup = FirstRunDialog(service)
    qtbot.addWidget(setup)
    setup.pin_page.submit("1111")
    keep("set-up: a repeated PIN", setup, setup.pin_page.message)

    setup.stack.setCurrentIndex(setup.SETTINGS)
    setup.kiosk_id.setText("front door!")
    setup.camera.setText("/no/such/camera9")
    setup.time_zone.setCurrentText("Mars/Olympus_Mons")
    assert not setup.save_settings()
    keep("set-up: a kiosk name refused", setup, setup.errors["kiosk_id"])
    keep("set-up: a time zone nobody knows", setup, setup.errors["time_zone"])
    keep("set-up: a camera that is not there", setup, setup.errors["camera"])

    pin = SetPinDialog(service, WORKER[0], WORKER[1])
    qtbot.addWidget(pin)
    pin.submit("1234")
    keep("check-in PIN: a sequence", pin, pin.message)

    wizard = EnrollWizard(service)
    qtbot.addWidget(wizard)
    details = wizard.details
    details.name.setText("Ada\x07 Lovelace")
    details.worker_id.setText("img_3")
    details.mobile.setText("12")
    details.pin.setText("1111")
    details.consent.setChecked(True)
    wizard.show()
    assert not details.validatePage()
    keep("wizard: a name, an ID, a mobile and a PIN refused", wizard, details.error)

    wizard = EnrollWizard(service)  # details a new person may have: on to the photos
    qtbot.addWidget(wizard)
    wizard.details.name.setText("Grace Hopper")
    wizard.details.worker_id.setText("W0042")
    wizard.details.mobile.setText("+15550103")
    wizard.details.consent.setChecked(True)
    wizard.show()
    wizard.next()
    photos = wizard.photos
    assert wizard.currentPage() is photos
    for name, make in (("photo_7.jpg", lambda p: p.write_bytes(b"")), ("photo_8.jpg", None),
                       ("photo_9.jpg", lambda p: p.mkdir()), ("photo_10.jpg", lambda p: p.write_bytes(b"GIF89 x"))):
        path = tmp_path / name
        if make:
            make(path)
        assert not photos.add_photo_from_file(path)
        keep(f"wizard: {name}", wizard, photos.error)
    # Two blurred faces side by side: the checks' combined list ("photo 5 (...): 2 faces found...; too blurry...").
    blurred = cv2.GaussianBlur(cv2.imread(str(faces_dir / "identities" / "obama" / "obama.jpg")), (0, 0), 8)
    cv2.imwrite(str(tmp_path / "p_42.jpg"), cv2.hconcat([blurred, blurred]))
    assert photos.add_photo_from_file(tmp_path / "p_42.jpg")
    qtbot.waitUntil(lambda: photos.pending == 0, timeout=30000)
    assert photos.error.text().count(";") >= 1, photos.error.text()  # more than one check failed
    keep("wizard: a photo's checks", wizard, photos.error)

    punch = AddPunchDialog(service, WORKER[0], date.today())
    qtbot.addWidget(punch)
    punch.time.setText("08:00")
    assert not punch.save()  # no reason given
    keep("correction: no reason", punch, punch.message)
    punch.reason.setText("forgot to check in")
    punch.day.setDate(date.today() + timedelta(days=2))
    assert not punch.save()
    keep("correction: in the future", punch, punch.message)

    export = ExportDialog(service, date.today() - timedelta(days=3), date.today(), kind="monthly", fmt="xlsx")
    qtbot.addWidget(export)
    blocker = tmp_path / "a_file"
    blocker.write_text("")
    assert export.export(blocker / "month.xlsx") is None  # a file where a folder should be
    keep("export: cannot write", export, export.message)

    admin = AdminPage(service, None)
    qtbot.addWidget(admin)
    settings = admin.open("attendance_settings")
    settings.zone.setEditText("Mars/Olympus_Mons")
    assert not settings.save()
    keep("attendance settings: a time zone nobody knows", admin, settings.message)
    settings.zone.setEditText("Europe/London")
    shift = settings.open_shift_dialog()
    shift.name.setText("evening")
    shift.start.setTime(shift.start.time().fromString("18:00", "HH:mm"))
    shift.end.setTime(shift.end.time().fromString("10:00", "HH:mm"))
    shift.accept()
    assert not settings.save()
    keep("attendance settings: a shift ending before it starts", admin, settings.message)
    display = admin.open("accessibility")
    assert not display.save(text_scale=2.0)
    keep("accessibility: a text size kiosk.toml refuses", admin, display.message)
    assert not display.save(high_contrast="maybe")
    keep("accessibility: a switch that is neither on nor off", admin, display.message)

    service.outbox.put("recognition", now=datetime.now(), employee_id=WORKER[0], name=WORKER[1])  # a write waiting
    status = StoreStatusLabel(service)
    qtbot.addWidget(status)
    keep("status line: a record waiting", status, status)

    employees = admin.open("employees")  # last: the enrolled person's ID changes
    employees.select(PERSON["user_id"])
    rename = employees.open_rename_dialog()
    rename.new_id.setText("W002-B")
    assert rename.change()
    keep("employees: what moved with a changed worker ID", admin, employees.message)
    return shown


def test_refusals_on_the_screens_go_through_translation(qapp, qtbot, make_service, tmp_path, faces_dir,
                                                       enrolled_gallery):
    service = make_service(enrolled=True, gallery=enrolled_gallery, liveness=False)
    service.db.upsert_employee(*WORKER)
    reference = QTranslator(qapp)
    assert reference.load(str(i18n.build("fr")))
    pseudo = ValuesOutside(reference, qapp)
    qapp.installTranslator(pseudo)
    problems: list[str] = []
    try:
        # Data, shown as given: the files' names and paths, and the system's own error words.
        known = data_words(service) | words_of(PERSON["name"]) | words_of(str(tmp_path)) | {"photo_7", "photo_8", "photo_9", "photo_10",
                                                                 "jpg", "img_3", "img_3'", "a_file", "month", "xlsx",
                                                                 "no", "such", "camera9'", "door", "p_42",
                                                                 "mars", "olympus_mons'", "w002-b", "evening'", "high_contrast",
                                                                 "maybe'"}
        known |= words_of(os.strerror(errno.EEXIST)) | {"xlsx"}  # the system's own words for a failed write
        for what, window, text in refusals_shown(qtbot, service, tmp_path, faces_dir):
            words = untranslated(text, known)
            if words:
                problems.append(f"{what}: {text!r} ({', '.join(words)})")
            for where, other in visible_texts(window):
                words = untranslated(other, known)
                if words:
                    problems.append(f"{what}, {where}: {other!r} ({', '.join(words)})")
    finally:
        qapp.removeTranslator(pseudo)
    assert not problems, "refusals shown with words Qt's translation never saw:\n" + "\n".join(problems)


def test_a_refusal_reads_in_french(qapp, qtbot, make_service):
    service = make_service(liveness=False)
    service.db.upsert_employee(*WORKER)
    try:
        i18n.install(qapp, "fr")
        pin = SetPinDialog(service, WORKER[0], WORKER[1])
        qtbot.addWidget(pin)
        pin.submit("12345678")
        assert pin.message.text() == "Le code doit compter de 4 à 6 chiffres."
        punch = AddPunchDialog(service, WORKER[0], date.today())
        qtbot.addWidget(punch)
        punch.time.setText("08:00")
        punch.save()
        assert punch.message.text() == ("Non ajouté : une correction demande un motif (il est gardé dans le "
                                        "journal d'audit)")
        service.outbox.put("recognition", now=datetime.now(), employee_id=WORKER[0], name=WORKER[1])
        service.outbox.put("recognition", now=datetime.now(), employee_id=WORKER[0], name=WORKER[1])
        status = StoreStatusLabel(service)
        qtbot.addWidget(status)
        assert status.text() == ("◐ Base de données occupée - 2 enregistrements en attente ; enregistrement dès "
                                 "qu'elle sera libre")
        setup = FirstRunDialog(service)
        qtbot.addWidget(setup)
        setup.time_zone.setCurrentText("Mars/Olympus_Mons")
        assert not setup.save_settings()
        assert setup.errors["time_zone"].text() == ("Fuseau horaire inconnu 'Mars/Olympus_Mons' : utilisez un nom "
                                                    "IANA comme Europe/Paris, America/New_York ou Asia/Kolkata")
    finally:
        i18n.install(qapp, "en")
