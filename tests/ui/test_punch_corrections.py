"""HR's punch corrections on the Attendance page, real widgets on a real database (issue 23): the
punch list with direction, method and the corrected / voided marks; "Add missing punch" and
"Void punch" change the database, and what the service refuses is said in the dialog with
nothing changed."""
from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from PySide6.QtCore import Qt

from kiosk.ui.pages.admin import AdminPage

UID, NAME = "W001", "Dana Lee"
YESTERDAY = date.today() - timedelta(days=1)


@pytest.fixture
def page(qtbot, make_service):
    service = make_service()
    service.db.upsert_employee(UID, NAME)
    service.db.record_recognition(UID, NAME, 0.9, now=datetime.combine(YESTERDAY, time(8, 57)))
    admin = AdminPage(service, None)
    qtbot.addWidget(admin)
    admin.show()
    page = admin.open("attendance")
    page.employee.setCurrentIndex(page.employee.findData(UID))
    return page


def punches(page) -> list[dict]:
    return page.service.timesheet.punches(YESTERDAY, date.today(), UID, include_voided=True)


def column(page, row: int, header: str) -> str:
    headers = [page.table.horizontalHeaderItem(i).text() for i in range(page.table.columnCount())]
    return page.table.item(row, headers.index(header)).text()


def test_punch_list_shows_direction_and_method(page):
    assert page.events.isChecked() and page.table.rowCount() == 1
    assert (column(page, 0, "Time"), column(page, 0, "Direction"), column(page, 0, "Method")) == ("08:57:00", "IN",
                                                                                                  "face")
    assert not page.void_button.isEnabled() and page.add_button.isEnabled()
    page.window().set_role("hr")  # HR corrects as well as the administrator
    assert page.window().open("attendance") is page and page.add_button.isVisible() and page.add_button.isEnabled()
    page.summary.setChecked(True)  # the daily summary: nothing to correct there
    assert not page.add_button.isEnabled() and not page.void_button.isEnabled()


def test_add_missing_punch_needs_a_reason_and_obeys_the_service(qtbot, page):
    before = punches(page)
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    dialog = page.correction_dialog
    assert dialog.isVisible() and dialog.person.currentData() == UID
    dialog.day.setDate(YESTERDAY)
    dialog.time.setText("17:32")
    dialog.direction.setCurrentIndex(dialog.direction.findData("out"))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)  # no reason
    assert dialog.isVisible() and dialog.message.text().startswith("Not added:") and "reason" in dialog.message.text()
    assert punches(page) == before
    dialog.reason.setText("forgot to check out")
    dialog.time.setText("25:10")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "such as 17:30" in dialog.message.text() and punches(page) == before
    dialog.time.setText("8:58")  # a minute after the IN: inside the duplicate window
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    assert dialog.isVisible() and "Not added:" in dialog.message.text() and punches(page) == before
    dialog.time.setText("1732")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    added = [p for p in punches(page) if p["method"] == "correction"]
    assert [(p["timestamp"][11:16], p["direction"], p["reason"]) for p in added] == [("17:32", "out",
                                                                                     "forgot to check out")]
    assert page.table.rowCount() == 2 and column(page, 1, "Direction") == "OUT"
    assert column(page, 1, "Method") == "added by HR" and "forgot to check out" in column(page, 1, "Note")
    assert "Punch added" in page.message.text()


def test_void_punch_needs_a_reason_and_keeps_the_punch_marked(qtbot, page):
    page.table.selectRow(0)
    assert page.void_button.isEnabled()
    qtbot.mouseClick(page.void_button, Qt.MouseButton.LeftButton)
    dialog = page.correction_dialog
    assert dialog.isVisible() and NAME in dialog.summary.text()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "Not voided:" in dialog.message.text()
    assert punches(page)[0]["voided_at"] is None
    dialog.reason.setText("a colleague walked past the camera")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    row = punches(page)[0]
    assert row["voided_at"] and row["void_reason"] == "a colleague walked past the camera"
    assert page.service.timesheet.punches(YESTERDAY, date.today(), UID) == []  # reports leave it out
    assert page.table.rowCount() == 1 and column(page, 0, "Note").startswith("VOID")
    assert not page.void_button.isEnabled()  # already void: nothing more to void
    assert "1 voided" in page.message.text()
