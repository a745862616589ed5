"""HR's XLSX sheets in the kiosk's language (issue 26): the headings, a day's status and the dates
as the export dialog writes them in French; the CSV for payroll imports keeps its English column
names (keys other programs read), whatever the language."""
from __future__ import annotations

import csv
from datetime import date, datetime, timedelta

from openpyxl import load_workbook

from kiosk.ui import i18n
from kiosk.ui.dialogs.export_dialog import ExportDialog
from kiosk.ui.export_wording import excel_date_format


def test_the_monthly_and_daily_sheets_speak_french_and_the_csv_keeps_its_keys(qapp, qtbot, make_service, tmp_path):
    service = make_service(liveness=False)
    service.db.upsert_employee("W002", "Ali Khan", "+15550102")
    last_month_end = date.today().replace(day=1) - timedelta(days=1)
    start = last_month_end.replace(day=1)
    morning = datetime.combine(start + timedelta(days=2), datetime.min.time()).replace(hour=8, minute=55)
    service.db.record_recognition("W002", "Ali Khan", 0.74, masked=False, now=morning)
    try:
        i18n.install(qapp, "fr")
        dialog = ExportDialog(service, start, last_month_end, kind="monthly", fmt="xlsx")
        qtbot.addWidget(dialog)
        assert dialog.export(tmp_path / "month.xlsx") == 1
        sheet = load_workbook(tmp_path / "month.xlsx").active
        headings = [c.value for c in sheet[1]]
        assert headings[:2] == ["Matricule", "Nom"] and "Employee ID" not in headings
        assert sheet.title == f"Mensuel {i18n.month_name(start.month, start.year)}"
        assert [c.value for c in sheet[2]][:2] == ["W002", "Ali Khan"]

        dialog.choose(kind="daily")
        assert dialog.export(tmp_path / "days.xlsx")
        sheet = load_workbook(tmp_path / "days.xlsx").active
        headings = [c.value for c in sheet[1]]
        assert headings[0] == "Date" and "Statut" in headings
        day = sheet.cell(row=2, column=1)
        assert day.is_date and day.number_format == "dd/mm/yyyy" == excel_date_format("dd/MM/yyyy")
        statuses = {r[headings.index("Statut")].value for r in sheet.iter_rows(min_row=2)}
        assert statuses and not statuses & {"Present", "Late", "Day off", "Missing check-out"}, statuses

        dialog.choose(kind="monthly", fmt="csv")
        assert dialog.export(tmp_path / "month.csv") == 1
        with open(tmp_path / "month.csv", encoding="utf-8-sig", newline="") as handle:
            assert next(csv.reader(handle))[:3] == ["Employee ID", "Name", "Department"]
    finally:
        i18n.install(qapp, "en")


def test_excel_date_formats_follow_qlocale_formats():
    assert excel_date_format("dd/MM/yyyy") == "dd/mm/yyyy"
    assert excel_date_format("d.M.yy") == "d.m.yy"
    assert excel_date_format("d\u200f/M\u200f/yyyy") == "d\\\u200f/m\\\u200f/yyyy"  # Arabic's marks kept as text
