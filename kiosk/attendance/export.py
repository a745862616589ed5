"""CSV exports for HR. UTF-8 with a BOM so Excel shows accents right, formula-looking text is
defused (CSV injection), and the file is written atomically: an export that fails leaves the
previous file, never half of a new one."""
from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterable, Sequence
from datetime import date
from typing import TextIO

from kiosk.attendance.db import AttendanceDB
from kiosk.common.fsutil import atomic_write_bytes

# "method" (face / pin) came last, after the original columns: readers of the old header keep working.
ATTENDANCE_COLUMNS = ("date", "time", "employee_id", "name", "status", "score", "masked",
                      "kiosk_id", "method")
SUMMARY_COLUMNS = ("date", "employee_id", "name", "first_in", "last_out", "check_ins")
# Spreadsheets run a cell starting with these as a formula.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def export_attendance_csv(db: AttendanceDB, out_path: str | os.PathLike, start: date,
                          end: date, employee_id: str | None = None) -> int:
    """One row per check-in between two dates (inclusive). Returns the rows written."""
    rows = [(r["timestamp"][:10], r["timestamp"][11:], spreadsheet_text(r["employee_id"]), spreadsheet_text(r["name"]),
             spreadsheet_text(r["status"]), "" if r["score"] is None else f"{r['score']:.3f}",
             _yes_no(r["masked"]), spreadsheet_text(r["kiosk_id"]), spreadsheet_text(r["method"]))
            for r in db.attendance(start, end, employee_id)]
    return write_csv(out_path, ATTENDANCE_COLUMNS, rows)


def export_daily_summary_csv(db: AttendanceDB, out_path: str | os.PathLike, start: date,
                             end: date, employee_id: str | None = None) -> int:
    """One row per person per day: first in, last out, number of check-ins."""
    rows = [(r["date"], spreadsheet_text(r["employee_id"]), spreadsheet_text(r["name"]), r["first_in"], r["last_out"],
             r["check_ins"]) for r in db.daily_summary(start, end, employee_id)]
    return write_csv(out_path, SUMMARY_COLUMNS, rows)


def _yes_no(flag: int | None) -> str:
    return "" if flag is None else ("yes" if flag else "no")


def spreadsheet_text(value: str | None) -> str:
    """Free text from people: prefix an apostrophe when a spreadsheet would run it."""
    if value is None:
        return ""
    return "'" + value if value.startswith(FORMULA_PREFIXES) else value


def write_csv(out_path: str | os.PathLike | TextIO, header: Sequence[str], rows: Iterable[Sequence[object]]) -> int:
    buffer = io.StringIO()
    writer = csv.writer(buffer)  # "\r\n" line ends, as Excel expects
    writer.writerow(header)
    count = 0
    for row in rows:
        writer.writerow(row)
        count += 1
    if not isinstance(out_path, (str, os.PathLike)):  # a text stream (`kiosk export --out -`: stdout), as it is
        out_path.write(buffer.getvalue())
        out_path.flush()
        return count
    try:
        atomic_write_bytes(out_path, buffer.getvalue().encode("utf-8-sig"))
    except OSError as exc:  # same subclass (PermissionError...), but naming the target file
        raise OSError(exc.errno, f"cannot write the CSV export: {exc.strerror or exc}",
                      os.fspath(out_path)) from exc
    return count
