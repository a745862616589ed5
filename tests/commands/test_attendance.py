"""`kiosk report` and `kiosk punch` on a real data folder: payroll's daily and monthly reports as
CSV, XLSX and stdout, and HR's corrections with their refusals."""
from __future__ import annotations

import csv
import io
import json
from datetime import datetime

import openpyxl
import pytest

from kiosk.app.from_settings import attendance_db
from kiosk.app.settings import load_settings
from tests.commands.conftest import run


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "kiosk.toml").write_text('time_zone = "Europe/Paris"\n\n[shifts.day]\nstart = "09:00"\n'
                                         'end = "17:00"\n', encoding="utf-8")
    with attendance_db(load_settings(tmp_path)) as db:
        db.upsert_employee("E1", "Ada Lovelace", enrolled_at=datetime(2026, 1, 5, 8, 0))
        db.upsert_employee("E2", "=HYPERLINK(\"x\")", enrolled_at=datetime(2026, 1, 5, 8, 0))
        for day in (2, 3):
            db.record_recognition("E1", "", 0.9, now=datetime(2026, 3, day, 8, 55))
            db.record_recognition("E1", "", 0.9, now=datetime(2026, 3, day, 17, 5))
        db.record_recognition("E2", "", 0.9, now=datetime(2026, 3, 2, 9, 40))
    return str(tmp_path)


def test_daily_report_on_the_terminal_and_as_csv_on_stdout(folder, capsys):
    code, out, _ = run(capsys, "--data-dir", folder, "report", "daily", "--from", "2026-03-02", "--to", "2026-03-02")
    assert code == 0 and "Ada Lovelace" in out and "Missing check-out" in out  # E2 never checked out
    code, out, err = run(capsys, "--data-dir", folder, "report", "daily", "--from", "2026-03-02",
                         "--to", "2026-03-03", "--out", "-")
    rows = list(csv.DictReader(io.StringIO(out.lstrip("\ufeff"))))
    assert code == 0 and "wrote 4 rows" in err
    ada = [r for r in rows if r["Employee ID"] == "E1"]
    assert [r["Worked hours"] for r in ada] == ["8.17", "8.17"]
    assert {r["Name"] for r in rows if r["Employee ID"] == "E2"} == {"'=HYPERLINK(\"x\")"}  # defused


def test_monthly_report_as_xlsx(folder, capsys, tmp_path):
    target = tmp_path / "march.xlsx"
    code, out, _ = run(capsys, "--data-dir", folder, "report", "monthly", "--month", "2026-03", "--out", str(target))
    assert code == 0 and "wrote 2 rows" in out
    sheet = openpyxl.load_workbook(target).active
    header = [c.value for c in sheet[1]]
    rows = [dict(zip(header, (c.value for c in row))) for row in sheet.iter_rows(min_row=2)]
    ada = next(r for r in rows if r["Employee ID"] == "E1")
    assert ada["Days present"] == 2 and ada["Late minutes"] == 0


def test_punch_add_void_and_list(folder, capsys):
    code, out, _ = run(capsys, "--data-dir", folder, "punch", "add", "--id", "e2", "--at", "2026-03-02 18:00",
                       "--direction", "out", "--reason", "forgot to check out", "--json")
    added = json.loads(out)
    assert code == 0 and (added["employee_id"], added["direction"], added["method"]) == ("E2", "out", "correction")
    code, out, _ = run(capsys, "--data-dir", folder, "punch", "void", str(added["id"]), "--reason", "typo")
    assert code == 0 and "it is kept, marked void" in out
    code, out, _ = run(capsys, "--data-dir", folder, "punch", "list", "--month", "2026-03", "--id", "E2")
    assert code == 0 and "VOID: typo" in out and "(forgot to check out)" in out
    code, out, _ = run(capsys, "--data-dir", folder, "audit", "list", "--json")
    assert [r["action"] for r in json.loads(out)][-2:] == ["punch_add", "punch_void"]


@pytest.mark.parametrize("argv, message", [
    (("punch", "add", "--id", "E1", "--at", "2026-03-02 12:00", "--direction", "out"), "needs --reason"),
    (("punch", "add", "--id", "E1", "--at", "2026-03-02 08:57", "--direction", "in", "--reason", "x"),
     "already has a punch"),
    (("punch", "add", "--id", "E9", "--at", "2026-03-02 12:00", "--direction", "in", "--reason", "x"), "E9"),
    (("punch", "void", "999", "--reason", "x"), "no punch with number 999"),
    (("report", "daily", "--month", "2026-03", "--from", "2026-03-01"), "not both"),
    (("report", "daily", "--from", "2026-03-05", "--to", "2026-03-01"), "before --from"),
])
def test_bad_requests_say_why_and_change_nothing(folder, capsys, argv, message):
    before = run(capsys, "--data-dir", folder, "punch", "list", "--month", "2026-03", "--json")[1]
    code, _, err = run(capsys, "--data-dir", folder, *argv)
    assert code != 0 and message in err
    assert run(capsys, "--data-dir", folder, "punch", "list", "--month", "2026-03", "--json")[1] == before
