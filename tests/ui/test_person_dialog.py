"""The Employees page's "Edit details" and "Mark as left" / "Re-activate" on real widgets,
models and database: no new photos, a refused edit said in the dialog, the status column."""
from __future__ import annotations

from PySide6.QtCore import Qt

from kiosk.ui.pages.admin import AdminPage
from tests.ui.conftest import PERSON


def column(page, header: str) -> str:
    headers = [page.table.horizontalHeaderItem(i).text() for i in range(page.table.columnCount())]
    return page.table.item(0, headers.index(header)).text()


def test_edit_details_and_mark_as_left_from_the_employees_page(qtbot, make_service, enrolled_gallery):
    service = make_service(enrolled=True, gallery=enrolled_gallery)
    uid = PERSON["user_id"]
    admin = AdminPage(service, None)
    qtbot.addWidget(admin)
    page = admin.open("employees")
    assert not page.edit_button.isEnabled() and not page.leave_button.isEnabled()
    page.select(uid)
    qtbot.mouseClick(page.edit_button, Qt.MouseButton.LeftButton)
    dialog = page.edit_dialog
    assert dialog.isVisible() and dialog.fields["name"].text() == PERSON["name"]
    dialog.fields["mobile"].setText("12ab")
    qtbot.keyClick(dialog.fields["mobile"], Qt.Key.Key_Return)
    assert dialog.isVisible() and "Not saved: Mobile number '12ab' is invalid" in dialog.message.text()
    dialog.fields["mobile"].setText(PERSON["mobile"])
    dialog.fields["department"].setText("Warehouse")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible() and page.selected_id() == uid
    assert column(page, "Department") == "Warehouse" and column(page, "Status") == "active"

    page.confirm = lambda title, text: True
    assert page.leave_button.text() == "Mark as left"
    qtbot.mouseClick(page.leave_button, Qt.MouseButton.LeftButton)
    assert column(page, "Status") == "left" and page.leave_button.text() == "Re-activate"
    assert len(service.matcher) == 0 and "marked as left" in page.message.text()
    qtbot.mouseClick(page.leave_button, Qt.MouseButton.LeftButton)
    assert column(page, "Status") == "active" and len(service.matcher) == 1
    assert [r["action"] for r in service.audit.rows(subject=uid)][-3:] == [
        "person_edit", "person_left", "person_reactivated"]


def test_edit_details_sets_the_persons_shift(qtbot, make_service, enrolled_gallery):
    service = make_service(enrolled=True, gallery=enrolled_gallery)
    service.timesheet.save_attendance_settings(
        shifts={"day": {"start": "09:00", "end": "17:00"}, "night": {"start": "22:00", "end": "06:00", "overnight": True}})
    uid = PERSON["user_id"]
    admin = AdminPage(service, None)
    qtbot.addWidget(admin)
    page = admin.open("employees")
    page.select(uid)
    dialog = page.open_edit_dialog()
    assert [dialog.shift.itemData(i) for i in range(dialog.shift.count())] == ["", "day", "night"]
    assert dialog.shift.currentData() == ""
    dialog.shift.setCurrentIndex(dialog.shift.findData("night"))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible() and service.db.get_employee(uid)["shift"] == "night"
    again = page.open_edit_dialog()
    assert again.shift.currentData() == "night"  # shown as stored
