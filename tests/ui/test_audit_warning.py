"""A broken audit chain shows on the HR screens (issue 27): the kiosk walks the chain at start-up
and daily, and the admin area carries a warning over every page while it is broken. Real windows,
a real attendance.db edited behind the kiosk's back."""
from __future__ import annotations

import sqlite3

from kiosk.app.types import PIN_CHANGE
from kiosk.ui.pin import PinGuard


def _edit_a_row(db_path) -> None:
    conn = sqlite3.connect(db_path)
    conn.execute("DROP TRIGGER audit_log_no_update")
    conn.execute("UPDATE audit_log SET actor = 'nobody' WHERE id = 1")
    conn.commit()
    conn.close()


def test_the_admin_screen_warns_when_the_audit_chain_is_broken(qtbot, tmp_path, make_service):
    from kiosk.ui.main_window import MainWindow

    service = make_service()
    guard = PinGuard(service.settings)
    guard.set_pin("2580")
    service.audit_event(PIN_CHANGE, role="admin")
    window = MainWindow(service, str(tmp_path / "none.avi"), backoff=(5.0,), pin_guard=guard)
    qtbot.addWidget(window)
    window.show()
    assert window.check_audit().ok
    window.show_admin("admin")
    assert window.admin.audit_banner.isHidden()

    _edit_a_row(service.settings.db_path)
    check = window.check_audit()  # what the daily timer runs: the open admin screen is told at once
    assert not check.ok and "row 1 was changed" in check.problem
    banner = window.admin.audit_banner
    qtbot.waitUntil(banner.isVisible)
    assert banner.text().startswith("The audit trail is broken: row 1 was changed") and banner.height() > 0
    for page in ("audit", "security", "employees"):  # over every page, not only the audit trail
        window.admin.open(page)
        assert banner.isVisible()
    window.show_live()
    window.show_admin("admin")  # and again when the admin comes back
    assert banner.isVisible()
    window.shutdown()


def test_the_hr_desk_walks_the_chain_at_start_and_warns_after_sign_in(qtbot, make_service):
    from kiosk.ui.hr_window import AUDIT_EVERY_MS, HrWindow

    service = make_service()
    guard = PinGuard(service.settings)
    guard.set_pin("2580")
    service.audit_event(PIN_CHANGE, role="admin")
    _edit_a_row(service.settings.db_path)
    window = HrWindow(service, None, pin_guard=guard)
    qtbot.addWidget(window)
    window.show()
    window.start()
    assert window._audit_timer.isActive() and window._audit_timer.interval() == AUDIT_EVERY_MS  # daily
    qtbot.waitUntil(lambda: service.audit_check is not None, timeout=5000)  # walked at start-up
    assert not service.audit_check.ok
    window.show_admin("admin")
    qtbot.waitUntil(window.admin.audit_banner.isVisible)
    assert window.admin.audit_banner.text().startswith("The audit trail is broken")
