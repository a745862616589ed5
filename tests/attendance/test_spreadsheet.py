"""kiosk.attendance.spreadsheet: tables written as CSV and XLSX, read back with csv and openpyxl."""
from __future__ import annotations

import csv
import io
import os
from datetime import date, datetime, time, timezone

import pytest
from openpyxl import load_workbook

from kiosk.attendance.spreadsheet import MARK_FILL, Column, write_table

COLUMNS = ("date", "employee_id", "name", "in", "out", "hours", "late_minutes", Column("score", decimals=3))
ROWS = [
    (date(2026, 3, 2), "E1", "Zoë Müller", time(8, 57), datetime(2026, 3, 2, 17, 32, 5), 8.583333, 0, 0.91234),
    (date(2026, 3, 3), "E2", "=HYPERLINK(\"http://x\")", None, None, 0.0, 12, None),
    (date(2026, 3, 4), "E3", "+1 555\x01", time(9, 30), None, 4.25, 30, 0.5),
]


def read_csv(path) -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs for accents
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))


def test_csv_renders_each_type_and_defuses_formulas(tmp_path):
    out = tmp_path / "daily.csv"
    assert write_table(out, COLUMNS, ROWS, "csv") == 3
    header, first, second, third = read_csv(out)
    assert header == ["date", "employee_id", "name", "in", "out", "hours", "late_minutes", "score"]
    assert first == ["2026-03-02", "E1", "Zoë Müller", "08:57:00", "2026-03-02 17:32:05", "8.58", "0", "0.912"]
    assert second == ["2026-03-03", "E2", "'=HYPERLINK(\"http://x\")", "", "", "0.00", "12", ""]
    assert third[2].startswith("'+1 555")


def test_xlsx_keeps_types_formats_header_widths_and_marks(tmp_path):
    out = tmp_path / "daily.xlsx"
    assert write_table(out, COLUMNS, ROWS, "xlsx", title="Daily: March [2026]", marked={1}) == 3
    book = load_workbook(out)
    sheet = book.active
    assert sheet.title == "Daily  March  2026"
    assert [c.value for c in sheet[1]] == ["date", "employee_id", "name", "in", "out", "hours", "late_minutes",
                                           "score"]
    assert all(c.font.bold for c in sheet[1])
    assert sheet.freeze_panes == "A2"
    day, emp, name, t_in, t_out, hours, late, score = sheet[2]
    assert day.value == datetime(2026, 3, 2) and day.is_date and day.number_format == "yyyy-mm-dd"
    assert t_in.value == time(8, 57) and t_in.number_format == "hh:mm:ss"
    assert t_out.value == datetime(2026, 3, 2, 17, 32, 5) and t_out.number_format == "yyyy-mm-dd hh:mm:ss"
    assert hours.value == pytest.approx(8.583333) and hours.number_format == "0.00"
    assert late.value == 0 and isinstance(late.value, int)
    assert score.number_format == "0.000"
    assert name.value == "Zoë Müller" and emp.value == "E1"
    formula = sheet["C3"]
    assert formula.data_type == "s" and formula.value == "'=HYPERLINK(\"http://x\")"
    assert sheet["C4"].value == "'+1 555"  # a control character XML cannot hold is dropped
    assert sheet["D3"].value is None
    # only the marked row is highlighted
    assert {c.fill.start_color.rgb[-6:] for c in sheet[3]} == {MARK_FILL}
    assert all(c.fill.fill_type is None for c in sheet[2])
    assert all(c.fill.fill_type is None for c in sheet[4])
    # widths follow the longest text, within bounds
    widths = {k: v.width for k, v in sheet.column_dimensions.items()}
    assert widths["C"] > widths["G"] >= 6
    assert widths["B"] == len("employee_id") + 2


def test_streams_csv_as_text_and_xlsx_as_bytes():
    text = io.StringIO()
    assert write_table(text, ["a", "b"], [("x", 1)], "csv") == 1
    assert text.getvalue() == "a,b\r\nx,1\r\n"
    binary = io.BytesIO()
    write_table(binary, ["a"], [(1.5,)], "xlsx")
    binary.seek(0)
    assert load_workbook(binary).active["A2"].value == 1.5
    wrapped = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")  # sys.stdout's shape: xlsx goes to .buffer
    write_table(wrapped, ["a"], [(2,)], "xlsx")
    wrapped.buffer.seek(0)
    assert load_workbook(wrapped.buffer).active["A2"].value == 2
    with pytest.raises(ValueError, match="binary stream"):
        write_table(io.StringIO(), ["a"], [(1,)], "xlsx")


def test_bad_input_changes_nothing(tmp_path):
    out = tmp_path / "t.xlsx"
    write_table(out, ["a"], [(1,)], "xlsx")
    before = out.read_bytes()
    with pytest.raises(ValueError, match="unknown export format 'pdf'"):
        write_table(out, ["a"], [(1,)], "pdf")
    with pytest.raises(ValueError, match="row 2 has 2 cells for 1 columns"):
        write_table(out, ["a"], [(1,), (1, 2)], "xlsx")
    with pytest.raises(ValueError, match="row 1, column 'a' is a time with a zone"):
        write_table(out, ["a"], [(datetime(2026, 3, 1, tzinfo=timezone.utc),)], "xlsx")
    with pytest.raises(ValueError, match="row 1, column 'a' is a dict"):
        write_table(out, ["a"], [({},)], "csv")
    assert out.read_bytes() == before
    assert sorted(os.listdir(tmp_path)) == ["t.xlsx"]  # no temporary file left behind


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into a read-only folder")
@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_a_failed_write_names_the_target_and_keeps_the_old_file(tmp_path, fmt):
    folder = tmp_path / "ro"
    folder.mkdir()
    out = folder / f"report.{fmt}"
    out.write_bytes(b"old")
    folder.chmod(0o500)
    try:
        with pytest.raises(PermissionError) as caught:
            write_table(out, ["a"], [(1,)], fmt)
    finally:
        folder.chmod(0o700)
    assert caught.value.filename == str(out)
    assert f"cannot write the {fmt.upper()} export" in str(caught.value)
    assert out.read_bytes() == b"old"


def test_a_failed_write_into_a_missing_place_names_the_target(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    out = blocker / "report.xlsx"  # a folder that is a file
    with pytest.raises(OSError) as caught:
        write_table(out, ["a"], [(1,)], "xlsx")
    assert caught.value.filename == str(out)
    assert "cannot write the XLSX export" in str(caught.value)
