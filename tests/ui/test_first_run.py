"""The first-run set-up screen and the admin PIN's recovery, on real Qt windows (kiosk.ui.first_run):
a new kiosk is set up by its administrator before it opens (the admin PIN twice, the kiosk's
settings checked and written once, the recovery code shown once); a forgotten admin PIN is reset
with the code from the PIN prompt; on the Security page the administrator resets HR's PIN and
makes a new recovery code."""
from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog

from kiosk.app.service import KioskService
from kiosk.app.settings import load_settings
from kiosk.app.types import verify_pin
from kiosk.security.recovery_code import verify_code
from kiosk.ui.dialogs.pin_dialog import PinDialog
from kiosk.ui.first_run import SETUP_TITLE, CodeDialog, FirstRunDialog, run_first_run
from kiosk.ui.pin import PinGuard

ADMIN_PIN, HR_PIN, NEW_PIN = "2580", "1397", "9731"


def shown(qtbot, widget):
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def set_up(qtbot, dialog: FirstRunDialog, kiosk_id: str = "front-door", zone: str = "Europe/Paris") -> str:
    """The administrator's walk through the set-up screen; returns the code it showed."""
    dialog.pin_page.pad.type_pin(ADMIN_PIN)
    dialog.pin_page.pad.type_pin(ADMIN_PIN)
    dialog.kiosk_id.setText(kiosk_id)
    dialog.time_zone.setCurrentText(zone)
    dialog.camera.setText("0")
    assert dialog.save_settings()
    code = dialog.code_page.code.text()
    dialog.code_page.written.setChecked(True)
    dialog.code_page.done.click()
    return code


def test_the_setup_screen_checks_everything_then_writes_it_once(qtbot, tmp_path):
    service = KioskService(load_settings(tmp_path))
    dialog = shown(qtbot, FirstRunDialog(service))
    assert dialog.windowTitle() == SETUP_TITLE and dialog.stack.currentIndex() == dialog.PIN
    pad = dialog.pin_page.pad
    pad.type_pin("1111")
    assert "repeated" in dialog.pin_page.message.text()
    pad.type_pin(ADMIN_PIN)
    assert "Repeat" in dialog.pin_page.title.text()
    pad.type_pin("2581")
    assert "differ" in dialog.pin_page.message.text() and dialog.stack.currentIndex() == dialog.PIN
    pad.type_pin(ADMIN_PIN)
    pad.type_pin(ADMIN_PIN)
    assert dialog.stack.currentIndex() == dialog.SETTINGS and not service.settings.settings_path.exists()

    dialog.kiosk_id.setText("front door!")
    dialog.time_zone.setCurrentText("Mars/Olympus")
    dialog.camera.setText(str(tmp_path / "no-such-video.mp4"))
    assert not dialog.save_settings()
    assert all(label.isVisible() and label.text() for label in dialog.errors.values())
    assert not service.settings.settings_path.exists()  # nothing written while anything is wrong
    dialog.kiosk_id.setText("front-door")
    dialog.time_zone.setCurrentText("Asia/Kolkata")
    dialog.camera.setText("0")
    assert dialog.save_settings() and not any(label.isVisible() for label in dialog.errors.values())

    code = dialog.code_page.code.text()
    stored = load_settings(tmp_path)
    assert (stored.kiosk_id, stored.time_zone, stored.camera) == ("front-door", "Asia/Kolkata", "0")
    assert verify_pin(ADMIN_PIN, stored.admin_pin_hash) and verify_code(code, stored.recovery_code_hash)
    assert code not in stored.settings_path.read_text()
    assert not dialog.code_page.done.isEnabled()
    dialog.reject()  # Esc: the code must be acknowledged first
    assert dialog.isVisible()
    dialog.code_page.written.setChecked(True)
    dialog.code_page.done.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert {r["action"] for r in service.audit.rows()} >= {"pin_change", "recovery_code"}
    assert {r["role"] for r in service.audit.rows()} == {"admin"}
    service.close()


def test_at_the_door_the_setup_screen_cannot_be_skipped(qtbot, tmp_path):
    service = KioskService(load_settings(tmp_path))
    dialog = shown(qtbot, FirstRunDialog(service, kiosk_mode=True))
    dialog.reject()
    assert dialog.isVisible()
    desk = shown(qtbot, FirstRunDialog(service))  # at a desk it may be closed, with nothing written
    desk.reject()
    assert not desk.isVisible() and not service.settings.settings_path.exists()
    service.close()


def test_a_new_kiosk_opens_on_the_setup_screen_before_anything_else(qtbot, tmp_path):
    service = KioskService(load_settings(tmp_path))
    seen = []

    def administrator():
        dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, FirstRunDialog) and w.isVisible())
        seen.append(set_up(qtbot, dialog))

    QTimer.singleShot(300, administrator)
    assert run_first_run(service) and seen
    assert run_first_run(service)  # set up: straight on, no screen
    assert verify_code(seen[0], load_settings(tmp_path).recovery_code_hash)
    service.close()


def test_a_forgotten_admin_pin_is_reset_with_the_recovery_code(qtbot, tmp_path, monkeypatch):
    service = KioskService(load_settings(tmp_path))
    code = set_up(qtbot, shown(qtbot, FirstRunDialog(service)))
    guard = PinGuard(service.settings)
    guard.audit = service.audit_event
    prompt = shown(qtbot, PinDialog(guard))
    assert prompt.forgot.isVisible()
    answers = iter(["not a code", "ABCDE-FGHJK-MNPQR-STVWX", code])

    def recovery_exec(dialog):
        qtbot.addWidget(dialog)
        dialog.show()
        for typed in answers:
            dialog.code.setText(typed)
            if not dialog.take_code():
                assert "20 letters" in dialog.message.text()
                continue
            dialog.pin_page.pad.type_pin(NEW_PIN)
            dialog.pin_page.pad.type_pin(NEW_PIN)
            if dialog.stack.currentIndex() == dialog.CODE_ENTRY:
                assert dialog.message.text() == "Wrong recovery code. 2 tries left."
                continue
            assert dialog.stack.currentIndex() == dialog.NEXT_CODE
            dialog.reject()  # not before the new code is acknowledged
            assert dialog.isVisible()
            dialog.code_page.written.setChecked(True)
            dialog.code_page.done.click()
        return dialog.result()

    from kiosk.ui.first_run import RecoveryDialog

    monkeypatch.setattr(RecoveryDialog, "exec", recovery_exec)  # the administrator at the dialog
    recovery = prompt.recover()
    assert recovery.result() == QDialog.DialogCode.Accepted and "reset" in prompt.message.text()
    stored = load_settings(tmp_path)
    assert verify_pin(NEW_PIN, stored.admin_pin_hash) and not verify_code(code, stored.recovery_code_hash)
    assert verify_code(recovery.next_code, stored.recovery_code_hash)
    prompt.pad.type_pin(NEW_PIN)
    assert prompt.result() == QDialog.DialogCode.Accepted
    assert [r["detail"] for r in service.audit.rows(action="pin_change")][-1].get("recovered") is True
    service.close()


def test_the_administrator_resets_hr_pin_and_makes_a_new_code_on_the_security_page(qtbot, tmp_path, monkeypatch):
    from kiosk.ui.pages.security import SecurityPage

    service = KioskService(load_settings(tmp_path))
    first_code = set_up(qtbot, shown(qtbot, FirstRunDialog(service)))
    guard = PinGuard(service.settings)
    guard.set_pin("4682", "hr")
    page = shown(qtbot, SecurityPage(service, guard))
    page.refresh()

    def type_twice(dialog):
        dialog.pad.type_pin(HR_PIN)
        dialog.pad.type_pin(HR_PIN)
        return dialog.result()

    monkeypatch.setattr(PinDialog, "exec", type_twice)
    page.change_pin("hr")  # HR forgot theirs: the administrator sets a new one, no old PIN needed
    assert guard.check(HR_PIN, ("hr",))[0] and not guard.check("4682", ("hr",))[0]
    assert "HR PIN was changed" in page.message.text()

    def acknowledge(dialog):
        dialog.page.written.setChecked(True)
        dialog.page.done.click()
        return dialog.result()

    monkeypatch.setattr(CodeDialog, "exec", acknowledge)
    dialog = page.new_recovery_code()
    new_code = dialog.page.code.text()
    stored = load_settings(tmp_path)
    assert verify_code(new_code, stored.recovery_code_hash) and not verify_code(first_code, stored.recovery_code_hash)
    assert "no longer works" in page.message.text()
    service.close()


def test_every_page_of_the_setup_screen_fits_the_door_screen(qtbot, tmp_path):
    """Full screen at the door, each page passes the layout audit (kiosk.ui.layout_audit: nothing
    cut or off screen, touch targets of 9 mm on this panel)."""
    from kiosk.ui import theme
    from kiosk.ui.layout_audit import audit
    from kiosk.ui.screen_fit import present

    app = QApplication.instance()
    style, font = app.styleSheet(), app.font()
    theme.apply(app)  # the kiosk's style (touch sizes), for this test only
    try:
        service = KioskService(load_settings(tmp_path))
        dialog = FirstRunDialog(service, kiosk_mode=True)
        qtbot.addWidget(dialog)
        present(dialog, True)
        qtbot.waitExposed(dialog)
        reports = [audit(dialog)]
        dialog.pin_page.pad.type_pin(ADMIN_PIN)
        dialog.pin_page.pad.type_pin(ADMIN_PIN)
        dialog.kiosk_id.setText("front door!")  # the page with its problems said
        dialog.save_settings()
        reports.append(audit(dialog))
        dialog.kiosk_id.setText("front-door")
        dialog.save_settings()
        reports.append(audit(dialog))
    finally:
        app.setStyleSheet(style)
        app.setFont(font)
    problems = [str(p) for report in reports for p in report.problems]
    assert not problems, "\n".join(problems)
    assert all(report.controls for report in reports)
    service.close()
