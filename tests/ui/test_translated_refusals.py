"""The engine's refusals as the screens show them (issue 26): real refusals triggered through the
real dialogs (a PIN of the wrong shape, a kiosk name or camera refused at set-up, a name with a control character, an unreadable photo, a
correction without a reason, an export to a folder that cannot be), under the pseudo-language of
tests/ui/test_translations.py: a word of the shown sentence that did not go through Qt's
translation fails and is named. And once in French, as a person reads it."""
from __future__ import annotations

import errno
import os
import re
from datetime import date, timedelta

from PySide6.QtCore import QTranslator

from kiosk.ui import i18n
from kiosk.ui.dialogs.enroll_wizard import EnrollWizard
from kiosk.ui.dialogs.export_dialog import ExportDialog
from kiosk.ui.dialogs.punch_corrections import AddPunchDialog
from kiosk.ui.dialogs.set_pin_dialog import SetPinDialog
from kiosk.ui.first_run import FirstRunDialog
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


def refusals_shown(qtbot, service, tmp_path) -> list[tuple[str, object, str]]:
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
    assert not setup.save_settings()
    keep("set-up: a kiosk name refused", setup, setup.errors["kiosk_id"])
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
    return shown


def test_refusals_on_the_screens_go_through_translation(qapp, qtbot, make_service, tmp_path):
    service = make_service(liveness=False)
    service.db.upsert_employee(*WORKER)
    reference = QTranslator(qapp)
    assert reference.load(str(i18n.build("fr")))
    pseudo = ValuesOutside(reference, qapp)
    qapp.installTranslator(pseudo)
    problems: list[str] = []
    try:
        # Data, shown as given: the files' names and paths, and the system's own error words.
        known = data_words(service) | words_of(str(tmp_path)) | {"photo_7", "photo_8", "photo_9", "photo_10",
                                                                 "jpg", "img_3", "img_3'", "a_file", "month", "xlsx",
                                                                 "no", "such", "camera9'", "door"}
        known |= words_of(os.strerror(errno.EEXIST)) | {"xlsx"}  # the system's own words for a failed write
        for what, window, text in refusals_shown(qtbot, service, tmp_path):
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
    finally:
        i18n.install(qapp, "en")
