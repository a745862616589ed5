"""The monthly sheet on a real service: its numbers are service.timesheet.monthly's for the month
shown, a person's days are service.timesheet.daily's with the corrected days marked, and its
export buttons write real CSV / XLSX files through the export dialog."""
from __future__ import annotations

import csv
from datetime import date

from openpyxl import load_workbook

from kiosk.app.timesheet import DAILY_COLUMNS, MONTHLY_COLUMNS
from kiosk.ui.pages.admin import AdminPage
from tests.ui.timesheet_site import at, make_site, punch

NOVEMBER = [date(2026, 11, d) for d in range(1, 31)]
WORKDAYS = [d for d in NOVEMBER if d.weekday() < 5]


def november(make_service):
    """Ada works every weekday of November 2026: late on the 10th, no check-out on the 12th nor
    on the 17th (HR adds it), and a wrong punch on the 30th evening that HR voids. Ben never comes."""
    service, db = make_site(make_service)
    for day in WORKDAYS:
        punch(db, "A1", at(9, 20, day) if day == date(2026, 11, 10) else at(8, 55, day))
        if day not in (date(2026, 11, 12), date(2026, 11, 17)):
            punch(db, "A1", at(17, 5, day))
    service.timesheet.add_punch("A1", at(17, 0, date(2026, 11, 17)), "out", "forgot to check out, confirmed")
    wrong = punch(db, "A1", at(19, 30, date(2026, 11, 30)))
    service.timesheet.void_punch(wrong.punch_id, "walked past the camera after work")
    return service


def texts(table, row: int) -> list[str]:
    return [table.item(row, c).text() for c in range(table.columnCount())]


def test_the_sheet_shows_the_services_month(qtbot, make_service):
    service = november(make_service)
    admin = AdminPage(service, None)
    qtbot.addWidget(admin)
    page = admin.open("monthly")
    page.set_month(2026, 12)
    page.go(-1)
    assert (page.year, page.month) == (2026, 11) and page.title.text() == "November 2026"
    assert [page.table.horizontalHeaderItem(c).text() for c in range(page.table.columnCount())] == \
        [c.label for c in MONTHLY_COLUMNS]
    rows = service.timesheet.monthly(2026, 11)
    assert page.table.rowCount() == len(rows) == 7
    for r, row in enumerate(rows):
        shown = dict(zip([c.key for c in MONTHLY_COLUMNS], texts(page.table, r)))
        assert shown["employee_id"] == row.employee_id and shown["name"] == row.name
        for key in ("days_present", "days_late", "half_days", "absences", "days_off", "holidays", "late_minutes",
                    "early_leave_minutes", "missing_out", "corrected_days"):
            assert shown[key] == str(getattr(row, key)), (row.employee_id, key)
        assert float(shown["worked_hours"]) == round(row.worked_minutes / 60, 2)
    ada = next(r for r in rows if r.employee_id == "A1")
    ben = next(r for r in rows if r.employee_id == "B2")
    assert ada.days_late == 1 and ada.missing_out == 1 and ada.corrected_days == 2
    assert ben.absences == len(WORKDAYS) and ben.days_off == len(NOVEMBER) - len(WORKDAYS)

    # Ada's days: the service's daily records, the corrected ones marked.
    page.select("A1")
    days = service.timesheet.daily(date(2026, 11, 1), date(2026, 11, 30), "A1")
    assert page.days.rowCount() == len(days) == 30
    assert [page.days.horizontalHeaderItem(c).text() for c in range(page.days.columnCount())] == \
        [c.label for c in DAILY_COLUMNS]
    corrected = [i for i, d in enumerate(days) if d.corrected]
    assert [days[i].day for i in corrected] == [date(2026, 11, 17), date(2026, 11, 30)]
    assert page.corrected_rows() == corrected
    assert "2 corrected" in page.person_title.text()
    tenth = dict(zip([c.key for c in DAILY_COLUMNS], texts(page.days, 9)))
    assert tenth["day"] == "2026-11-10" and tenth["first_in"] == "09:20" and tenth["late_minutes"] == "20"

    # Another month keeps the person chosen when they are on it.
    page.go(1)
    assert page.title.text() == "December 2026" and page.selected() == "A1"
    assert page.days.rowCount() == 31


def test_the_sheets_exports_write_real_files(qtbot, make_service, tmp_path):
    service = november(make_service)
    admin = AdminPage(service, None)
    qtbot.addWidget(admin)
    page = admin.open("monthly")
    page.set_month(2026, 11)

    dialog = page.open_export("monthly")
    assert dialog.kind == "monthly" and dialog.employee.currentData() is None
    dialog.choose(fmt="xlsx")
    assert dialog.path.text().endswith("attendance_monthly_2026-11-01_2026-11-30.xlsx")
    out = tmp_path / "november.xlsx"
    assert dialog.export(out) == 7
    sheet = load_workbook(out).active
    values = list(sheet.iter_rows(values_only=True))
    assert list(values[0]) == [c.label for c in MONTHLY_COLUMNS]
    by_id = {row[0]: dict(zip([c.key for c in MONTHLY_COLUMNS], row)) for row in values[1:]}
    for row in service.timesheet.monthly(2026, 11):
        assert by_id[row.employee_id]["days_present"] == row.days_present
        assert by_id[row.employee_id]["absences"] == row.absences
    dialog.close()

    page.select("A1")
    dialog = page.open_export("daily")
    assert dialog.kind == "daily" and dialog.employee.currentData() == "A1" and dialog.fmt == "csv"
    out = tmp_path / "ada.csv"
    assert dialog.export(out) == 30
    with open(out, encoding="utf-8-sig", newline="") as fh:
        written = list(csv.reader(fh))
    assert written[0] == [c.label for c in DAILY_COLUMNS] and len(written) == 31
    corrected = written[0].index("Corrected")
    assert [r[0] for r in written[1:] if r[corrected] == "yes"] == ["2026-11-17", "2026-11-30"]
    assert "Wrote 30 rows" in dialog.message.text()

    # Every punch, as XLSX: the voided one is kept (and marked) in the file.
    dialog.choose(kind="punches", fmt="xlsx")
    out = tmp_path / "punches.xlsx"
    punches = service.timesheet.punches(date(2026, 11, 1), date(2026, 11, 30), "A1", include_voided=True)
    assert dialog.export(out) == len(punches) == 2 * len(WORKDAYS) - 2 + 1 + 1  # two outs missing, one added, one voided
    rows = list(load_workbook(out).active.iter_rows(values_only=True))
    assert len(rows) == len(punches) + 1 and "Void reason" in rows[0]
    assert any("walked past" in str(v) for row in rows for v in row)

    # A range ending before it starts is refused in the dialog, and nothing is written.
    dialog.end.setDate(dialog.start.date().addDays(-1))
    assert dialog.export(tmp_path / "none.csv") is None and "before" in dialog.message.text()
    assert not (tmp_path / "none.csv").exists()
