"""CSV exports for HR: the check-in list and the first-seen / last-seen summary, written by
kiosk.attendance.spreadsheet (BOM, formula-looking text defused, atomic)."""
from __future__ import annotations

import os
from datetime import date

from kiosk.attendance.db import AttendanceDB
from kiosk.attendance.spreadsheet import spreadsheet_text, write_csv

# "method" (face / pin) and "direction" (in / out / break_out / break_in) came last, after the
# original columns: readers of the old header keep working.
ATTENDANCE_COLUMNS = ("date", "time", "employee_id", "name", "status", "score", "masked",
                      "kiosk_id", "method", "direction")
SUMMARY_COLUMNS = ("date", "employee_id", "name", "first_in", "last_out", "check_ins")


def export_attendance_csv(db: AttendanceDB, out_path: str | os.PathLike, start: date,
                          end: date, employee_id: str | None = None) -> int:
    """One row per punch between two dates (inclusive; voided ones left out). Returns the rows written."""
    rows = [(r["timestamp"][:10], r["timestamp"][11:], spreadsheet_text(r["employee_id"]), spreadsheet_text(r["name"]),
             spreadsheet_text(r["status"]), "" if r["score"] is None else f"{r['score']:.3f}",
             _yes_no(r["masked"]), spreadsheet_text(r["kiosk_id"]), spreadsheet_text(r["method"]),
             r["direction"] or "")
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
