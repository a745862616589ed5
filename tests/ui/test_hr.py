"""HR screens: PIN set/verify/lockout, employees (search, delete), attendance and CSV export,
statistics, expert recognition."""
from __future__ import annotations

import csv
from datetime import date, datetime, timedelta

import pytest
from PySide6.QtWidgets import QDialog

from kiosk.app.settings import load_settings
from kiosk.ui.dialogs.export_dialog import ExportDialog
from kiosk.ui.dialogs.pin_dialog import PinDialog
from kiosk.ui.pages.admin import AdminPage
from kiosk.ui.pin import PinGuard, hash_pin, verify_pin
from tests.ui.conftest import HELD_OUT, PERSON, photo

# -- PIN -----------------------------------------------------------------------------------------

def test_pin_hash_is_salted_and_verifies():
    a, b = hash_pin("4321"), hash_pin("4321")
    assert a != b and a.startswith("scrypt$") and "4321" not in a
    assert verify_pin("4321", a) and not verify_pin("4322", a)
    assert not verify_pin("4321", "garbage") and not verify_pin("4321", "")


def test_first_use_sets_the_pin_in_settings_then_checks_it(qtbot, tmp_path):
    settings = load_settings(tmp_path)
    dialog = PinDialog(PinGuard(settings))
    qtbot.addWidget(dialog)
    assert dialog.setting_up and "Choose" in dialog.title.text()
    dialog.pad.type_pin("1111")  # too simple
    assert "repeated" in dialog.message.text()
    dialog.pad.type_pin("2580")
    dialog.pad.type_pin("2581")  # mismatch: start again
    assert "differ" in dialog.message.text()
    dialog.pad.type_pin("2580")
    dialog.pad.type_pin("2580")
    assert dialog.result() == QDialog.DialogCode.Accepted
    stored = load_settings(tmp_path).admin_pin_hash  # saved to kiosk.toml via Settings.save()
    assert verify_pin("2580", stored)

    dialog = PinDialog(PinGuard(load_settings(tmp_path)))
    qtbot.addWidget(dialog)
    assert not dialog.setting_up
    dialog.pad.type_pin("2580")
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_wrong_pins_then_a_delay(tmp_path):
    settings = load_settings(tmp_path)
    now = [1000.0]
    guard = PinGuard(settings, max_tries=3, lockout_s=30, clock=lambda: now[0])
    guard.set_pin("2580")
    assert guard.check("0000") == (False, "Wrong PIN. 2 tries left.")
    assert guard.check("0000")[1] == "Wrong PIN. 1 try left."
    ok, message = guard.check("0000")
    assert not ok and "30 s" in message
    assert guard.check("2580")[0] is False  # the right PIN is refused during the delay
    now[0] += 31
    assert guard.check("2580") == (True, "")


def test_admin_button_asks_for_the_pin(qtbot, tmp_path, make_service, monkeypatch):
    from kiosk.ui.main_window import MainWindow

    service = make_service()
    window = MainWindow(service, str(tmp_path / "none.avi"), backoff=(5.0,))
    qtbot.addWidget(window)
    monkeypatch.setattr(PinDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    assert not window.request_admin()
    assert window.stack.currentWidget() is window.live
    monkeypatch.setattr(PinDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    assert window.request_admin()
    assert window.stack.currentWidget() is window.admin
    window.show_live()
    assert window.stack.currentWidget() is window.live
    window.shutdown()


# -- data for the HR pages ---------------------------------------------------------------------

@pytest.fixture
def hr_service(make_service, enrolled_gallery):
    """The enrolled person plus a second employee and a week of check-ins."""
    service = make_service(enrolled=True, gallery=enrolled_gallery)
    db = service.db
    db.upsert_employee(PERSON["user_id"], PERSON["name"], PERSON["mobile"])
    db.upsert_employee("W002", "Ali Khan", "+15550102")
    today = datetime.now().replace(hour=8, minute=55, second=0, microsecond=0)
    for days in range(5):
        day = today - timedelta(days=days)
        db.record_recognition(PERSON["user_id"], PERSON["name"], 0.81, masked=False, now=day)
        db.record_recognition(PERSON["user_id"], PERSON["name"], 0.79, masked=True, now=day + timedelta(hours=9))
        if days % 2 == 0:
            db.record_recognition("W002", "Ali Khan", 0.74, masked=False, now=day + timedelta(minutes=7))
    db.record_recognition(None, "Not in Database", 0.2, now=today)
    return service


def test_export_dialog_writes_a_csv_that_matches_the_db(qtbot, tmp_path, hr_service):
    start, end = date.today() - timedelta(days=3), date.today()
    dialog = ExportDialog(hr_service, start, end)
    qtbot.addWidget(dialog)
    assert dialog.kind == "punches" and dialog.fmt == "csv"
    out = tmp_path / "export" / "week.csv"
    out.parent.mkdir()
    rows = hr_service.timesheet.punches(start, end, include_voided=True)
    assert dialog.export(out) == len(rows) > 0
    with open(out, encoding="utf-8-sig", newline="") as fh:
        written = list(csv.DictReader(fh))
    assert [(r["Date"] + "T" + r["Time"], r["Employee ID"], r["Name"], r["Direction"]) for r in written] == \
        [(r["timestamp"], r["employee_id"], r["name"], r["direction"]) for r in rows]
    assert "Wrote" in dialog.message.text()

    # One employee, daily attendance: one row per day of the range.
    dialog.choose(kind="daily")
    dialog.employee.setCurrentIndex(dialog.employee.findData("W002"))
    days = hr_service.timesheet.daily(start, end, "W002")
    assert dialog.export(tmp_path / "w002.csv") == len(days) > 0
    with open(tmp_path / "w002.csv", encoding="utf-8-sig", newline="") as fh:
        written = list(csv.DictReader(fh))
    assert [(r["Date"], r["Employee ID"]) for r in written] == [(d.day.isoformat(), "W002") for d in days]

    # A bad range or an unwritable target is a message, not a crash.
    dialog.end.setDate(dialog.start.date().addDays(-1))
    assert dialog.export(tmp_path / "x.csv") is None and "before" in dialog.message.text()


def test_attendance_page_filters_by_date_and_employee(qtbot, hr_service):
    admin = AdminPage(hr_service, None)
    qtbot.addWidget(admin)
    page = admin.open("attendance")
    today = date.today()
    assert page.table.rowCount() == len(hr_service.db.attendance(today - timedelta(days=6), today))
    page.employee.setCurrentIndex(page.employee.findData("W002"))
    assert page.table.rowCount() == 3
    page.summary.setChecked(True)
    assert page.table.rowCount() == 3 and page.table.item(0, 1).text() == "W002"
    dialog = page.open_export()
    assert dialog.employee.currentData() == "W002" and dialog.kind == "daily"
    dialog.close()


def test_employees_search_and_delete_with_confirmation(qtbot, hr_service):
    admin = AdminPage(hr_service, None)
    qtbot.addWidget(admin)
    page = admin.open("employees")
    assert page.table.rowCount() == 1  # only the enrolled person has face templates
    page.search.setText("zzz")
    assert page.table.rowCount() == 0
    page.search.setText(PERSON["name"].split()[0].lower())
    assert page.table.rowCount() == 1
    page.select(PERSON["user_id"])
    answers = []
    page.confirm = lambda title, text: answers.append(text) or False
    assert not page.delete_selected()
    assert hr_service.store.exists(PERSON["user_id"])
    page.confirm = lambda title, text: True
    changed = []
    page.gallery_changed.connect(lambda: changed.append(1))
    assert page.delete_selected()
    assert not hr_service.store.exists(PERSON["user_id"])
    assert len(hr_service.matcher) == 0 and changed
    assert hr_service.db.attendance(date.today(), date.today(), PERSON["user_id"])  # history kept


def test_statistics_page(qtbot, hr_service):
    admin = AdminPage(hr_service, None)
    qtbot.addWidget(admin)
    page = admin.open("stats")
    assert page.values["enrolled"].text() == "1"
    assert page.values["present_today"].text() == "2"
    assert page.values["unknown_today"].text() == "1"
    assert len(page.chart.data) == 14 and page.chart.data[-1][1] == 3
    assert page.values["unsure_today"].text() == "0"
    # one person enrolled: the self-check has nobody to compare them with, and says so (on the
    # Expert page, with the kiosk's other technical details)
    expert = admin.open("expert")
    assert expert.selfcheck.text().startswith("Site self-check: fewer than 2 people")
    assert "People enrolled: 1" in expert.technical.text()


def test_expert_recognition_shows_top3_candidates(qtbot, hr_service, faces_dir):
    admin = AdminPage(hr_service, None)
    qtbot.addWidget(admin)
    page = admin.open("expert")
    logged = len(hr_service.db.access_log(date.today(), date.today()))
    assert page.open_path(photo(HELD_OUT[1]))
    qtbot.waitUntil(lambda: page.results is not None, timeout=20000)
    assert len(page.results) == 1
    match = page.results[0].match
    assert match.accepted and match.user_id == PERSON["user_id"]
    assert page.faces.count() >= 1
    assert len(hr_service.db.access_log(date.today(), date.today())) == logged  # looking is not recording
    assert not page.open_path(faces_dir / "nope.jpg")
    assert "no such file" in page.message.text()
