"""The Employees page's "Change worker ID" on real widgets, models and database: a typed new ID
(Enter in the field changes it, never cancels), a refused one said in the dialog."""
from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import Qt

from kiosk.ui.pages.admin import AdminPage
from tests.ui.conftest import PERSON


def test_change_worker_id_from_the_employees_page(qtbot, make_service, enrolled_gallery):
    service = make_service(enrolled=True, gallery=enrolled_gallery)
    service.db.record_recognition(PERSON["user_id"], PERSON["name"], 0.8, now=datetime.now().replace(hour=8))
    service.db.upsert_employee("w-900", "Ali Khan", "+15550102")  # someone else (deleted) holds w-900
    service.db.delete_employee("w-900")
    admin = AdminPage(service, None)
    qtbot.addWidget(admin)
    page = admin.open("employees")
    assert not page.rename_button.isEnabled()
    page.select(PERSON["user_id"])
    qtbot.mouseClick(page.rename_button, Qt.MouseButton.LeftButton)
    dialog = page.rename_dialog
    assert dialog.isVisible() and PERSON["name"] in dialog.findChild(type(dialog.message), "dialogTitle").text()
    qtbot.keyClicks(dialog.new_id, "-W 900")  # the field takes the rule: no leading '-', no space
    assert dialog.new_id.text() == "W900"
    qtbot.keyClicks(dialog.new_id, "\b\b\b-900")
    qtbot.keyClick(dialog.new_id, Qt.Key.Key_Return)
    assert dialog.isVisible() and "taken: w-900 (Ali Khan, deleted) has it already" in dialog.message.text()
    dialog.new_id.setText("OPS_1")
    qtbot.keyClick(dialog.new_id, Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)
    assert not dialog.isVisible() and page.selected_id() == "OPS_1"
    assert f"{PERSON['user_id']} is now OPS_1: 1 check-in, 1 access-log row" in page.message.text()
    assert [r.user_id for r in service.people()] == ["OPS_1"]
    assert [r["employee_id"] for r in service.db.attendance(date.today(), date.today())] == ["OPS_1"]
