"""HR and admin roles on real Qt screens: who sees what, PIN changes and sign-ins on the audit
trail, and kiosk mode that only the admin PIN can leave."""

from kiosk.app.settings import load_settings
from kiosk.ui.dialogs.pin_dialog import PinDialog
from kiosk.ui.pin import PinGuard


def test_admin_and_hr_pins_open_their_own_role(tmp_path):
    settings = load_settings(tmp_path)
    guard = PinGuard(settings)
    guard.set_pin("2580")
    guard.set_pin("1397", "hr")
    stored = load_settings(tmp_path)
    assert stored.admin_pin_hash and stored.hr_pin_hash and stored.admin_pin_hash != stored.hr_pin_hash
    assert guard.check("1397") == (True, "") and guard.role == "hr"
    assert guard.check("2580") == (True, "") and guard.role == "admin"
    assert guard.check("1397", ("admin",))[0] is False  # leaving kiosk mode: HR's PIN does not do
    try:
        guard.set_pin("2580", "hr")
        raise AssertionError("the HR PIN may not equal the admin PIN")
    except ValueError as exc:
        assert "differ" in str(exc)


def _window(qtbot, tmp_path, make_service, **kwargs):
    from kiosk.ui.main_window import MainWindow

    service = make_service()
    guard = PinGuard(service.settings)
    guard.set_pin("2580")
    guard.set_pin("1397", "hr")
    window = MainWindow(service, str(tmp_path / "none.avi"), backoff=(5.0,), pin_guard=guard, **kwargs)
    qtbot.addWidget(window)
    return window, service


def _enter(monkeypatch, pin):
    """The PIN dialog, answered by typing `pin` on its real keypad."""
    def run(dialog):
        dialog.pad.type_pin(pin)
        return dialog.result()
    monkeypatch.setattr(PinDialog, "exec", run)


def test_hr_sees_its_pages_and_the_admin_sees_audit_and_security(qtbot, tmp_path, make_service, monkeypatch):
    window, service = _window(qtbot, tmp_path, make_service)
    _enter(monkeypatch, "1397")
    assert window.request_admin()
    admin = window.admin
    assert admin.role == "hr" and not admin.nav_buttons["audit"].isVisibleTo(admin)
    assert not admin.nav_buttons["security"].isVisibleTo(admin)
    try:
        admin.open("audit")
        raise AssertionError("HR opened the audit trail")
    except PermissionError:
        pass
    window.show_live()
    _enter(monkeypatch, "2580")
    assert window.request_admin() and admin.role == "admin"
    assert admin.nav_buttons["audit"].isVisibleTo(admin) and not admin.exit_button.isVisibleTo(admin)
    page = admin.open("audit")
    roles = [(r["role"], r["action"]) for r in page.rows]
    assert ("hr", "sign_in") in roles and ("admin", "sign_in") in roles
    assert page.verify().ok
    out = tmp_path / "audit.csv"
    shown = len(page.rows)
    assert page.export(out) == shown and out.is_file() and len(page.rows) == shown + 1  # the export itself
    assert service.audit.rows(action="audit_export")[-1]["role"] == "admin"
    security = admin.open("security")
    assert "AES-256-GCM" in security.encryption.text() and "30 days" in security.retention.text()
    monkeypatch.setattr(PinDialog, "exec", lambda d: (d.pad.type_pin("4826"), d.pad.type_pin("4826"),
                                                      d.result())[-1])
    security.change_pin("hr")
    assert PinGuard(load_settings(service.settings.data_dir)).check("4826") == (True, "")
    assert [r["detail"]["role"] for r in service.audit.rows(action="pin_change")] == ["hr"]
    window.shutdown()


def test_kiosk_mode_closes_only_with_the_admin_pin(qtbot, tmp_path, make_service, monkeypatch):
    window, service = _window(qtbot, tmp_path, make_service, kiosk_mode=True)
    window.show()
    _enter(monkeypatch, "1397")  # HR's PIN
    assert not window.request_exit() and window.isVisible()
    window.close()  # Alt+F4: refused, the admin PIN is asked for instead
    assert window.isVisible()
    _enter(monkeypatch, "2580")
    assert window.request_exit() and not window.isVisible()
    assert service.audit.rows(action="kiosk_exit")[-1]["role"] == "admin"


def test_the_kiosk_applies_retention_itself(qtbot, tmp_path, make_service):
    from datetime import datetime, timedelta

    window, service = _window(qtbot, tmp_path, make_service)
    service.db.record_recognition(None, "", 0.2, now=datetime.now() - timedelta(days=40))  # unknown face
    service.db.record_recognition(None, "", 0.2)
    report = window.run_purge()
    assert report.unknown_rows == 1 and len(service.db.access_log(datetime(2020, 1, 1), datetime.now())) == 1
    assert service.audit.rows(action="purge")[-1]["role"] == "system"
    window.shutdown()
