"""`kiosk report` and `kiosk punch`: the attendance HR pays from, on the command line.

report daily|monthly|punches: one row per person and day (or per person, or per punch), CSV or
XLSX, to a file or stdout; with no --out, a readable table on the terminal. punch list|add|void:
HR's corrections, each with a reason and on the audit trail (service.timesheet)."""
from __future__ import annotations

import argparse
import sys
from datetime import date, datetime
from pathlib import Path

from kiosk.app.timesheet import EXPORT_KINDS
from kiosk.attendance.punches import DIRECTIONS
from kiosk.attendance.reports import DAILY_COLUMNS, MONTHLY_COLUMNS, daily_values, month_bounds, monthly_values
from kiosk.commands.common import emit, open_service, parse_date


def parse_month(value: str) -> tuple[int, int]:
    try:
        year, month = value.split("-")
        first = date(int(year), int(month), 1)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a month of the form YYYY-MM") from None
    return first.year, first.month


def parse_local_time(value: str) -> datetime:
    """"2026-03-02 17:30" (or with a T): the site's local time."""
    try:
        return datetime.fromisoformat(value.strip().replace(" ", "T"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a time of the form \"YYYY-MM-DD HH:MM\"") from None


def report_range(args) -> tuple[date, date]:
    if args.month:
        if args.date_from or args.date_to:
            raise ValueError("give either --month or --from/--to, not both")
        return month_bounds(*args.month)
    if not (args.date_from and args.date_to):
        raise ValueError("give --month YYYY-MM, or --from and --to")
    if args.date_to < args.date_from:
        raise ValueError(f"--to {args.date_to} is before --from {args.date_from}")
    return args.date_from, args.date_to


def cmd_report(args) -> int:
    start, end = report_range(args)
    service = open_service(args)
    employee_id = service.resolve_id(args.id) if args.id else None
    timesheet = service.timesheet
    if args.out:
        to_stdout = args.out == "-"
        fmt = args.format or ("xlsx" if str(args.out).lower().endswith(".xlsx") else "csv")
        if to_stdout:
            out = sys.stdout.buffer if fmt == "xlsx" else sys.stdout
        else:
            out = Path(args.out)
        count = timesheet.export(args.kind, out, start, end, fmt, employee_id)
        where = "stdout" if to_stdout else str(args.out)
        print(f"wrote {count} rows ({args.kind}, {start} to {end}, {fmt}) to {where}",
              file=sys.stderr if to_stdout else sys.stdout)
        return 0
    if args.kind == "monthly":
        values = [monthly_values(s) for s in timesheet.monthly_range(start, end, employee_id)]
        columns = MONTHLY_COLUMNS
    elif args.kind == "daily":
        values = [daily_values(r) for r in timesheet.daily(start, end, employee_id)]
        columns = DAILY_COLUMNS
    else:
        values = timesheet.punches(start, end, employee_id, include_voided=True)
        columns = None
    if args.json:
        emit(args, values, "")
        return 0
    print(format_table(values, columns))
    return 0


def format_table(values: list[dict], columns) -> str:
    """A plain-text table for the terminal (the files carry every column)."""
    if columns is None:
        keys = ["timestamp", "employee_id", "name", "direction", "method", "reason", "voided_at"]
        header = ["Time", "ID", "Name", "Direction", "How", "Reason", "Voided"]
    else:
        skip = {"worked_minutes", "long_session", "auto_closed", "flags"}
        keys = [c.key for c in columns if c.key not in skip]
        header = [c.label for c in columns if c.key not in skip]
    rows = [[_cell(v.get(k)) for k in keys] for v in values]
    if not rows:
        return "(nothing in that range)"
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(header)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(header, widths))]
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in rows]
    return "\n".join(lines)


def _cell(value) -> str:
    if value is None or value is False:
        return ""
    if value is True:
        return "yes"
    if isinstance(value, float):
        return f"{value:.2f}"
    return str(value)


def cmd_punch(args) -> int:
    service = open_service(args)
    timesheet = service.timesheet
    if args.action == "list":
        start, end = report_range(args)
        employee_id = service.resolve_id(args.id) if args.id else None
        rows = timesheet.punches(start, end, employee_id, include_voided=True)
        emit(args, rows, "\n".join(f"#{r['id']:<6} {r['timestamp'].replace('T', ' ')}  {r['employee_id']:<10} "
                                   f"{(r['direction'] or ''):<9} {r['method']:<10}"
                                   + (f" VOID: {r['void_reason']}" if r["voided_at"] else "")
                                   + (f" ({r['reason']})" if r["reason"] else "")
                                   for r in rows) or "(no punches in that range)")
        return 0
    if not args.reason:
        raise ValueError(f"punch {args.action} needs --reason (it is kept in the audit trail)")
    if args.action == "add":
        if not (args.id and args.at and args.direction):
            raise ValueError("punch add needs --id, --at \"YYYY-MM-DD HH:MM\" and --direction")
        row = timesheet.add_punch(args.id, args.at, args.direction, args.reason)
        text = (f"added punch #{row['id']}: {row['employee_id']} {row['direction']} at "
                f"{row['timestamp'].replace('T', ' ')} ({row['tz']})")
    else:
        if args.number is None:
            raise ValueError("punch void needs the punch's number (see `kiosk punch list`)")
        row = timesheet.void_punch(args.number, args.reason)
        text = (f"voided punch #{row['id']}: {row['employee_id']} {row['direction']} at "
                f"{row['timestamp'].replace('T', ' ')}; it is kept, marked void")
    emit(args, row, text)
    return 0


def add_parser(subparsers) -> argparse.ArgumentParser:
    p = subparsers.add_parser(
        "report", help="attendance HR pays from: daily (one row per person and day), monthly, or the punches",
        description="daily: in, out, worked hours, late and early-leave minutes, status (present, late, half day, "
                    "absent, day off, holiday, missing check-out) per person and day; monthly: the totals per "
                    "person; punches: every punch with its direction, UTC instant and corrections. Without --out, "
                    "a table on the terminal. Exports are audited.")
    p.add_argument("kind", choices=EXPORT_KINDS)
    p.add_argument("--month", type=parse_month, metavar="YYYY-MM")
    p.add_argument("--from", dest="date_from", type=parse_date, metavar="YYYY-MM-DD")
    p.add_argument("--to", dest="date_to", type=parse_date, metavar="YYYY-MM-DD")
    p.add_argument("--id", help="only this worker ID")
    p.add_argument("--out", metavar="FILE", help="write CSV or XLSX (by the file's extension or --format); - for stdout")
    p.add_argument("--format", choices=["csv", "xlsx"], help="the file format (default: from --out's extension)")
    p.add_argument("--json", action="store_true", help="print JSON (without --out)")
    p.set_defaults(func=cmd_report)

    p = subparsers.add_parser(
        "punch", help="list punches; HR's corrections: add a missing punch, void a wrong one (with a reason)",
        description="list: punches in a range (voided ones marked). add: a missing punch at a local time. "
                    "void N: mark punch N void (it is kept). Corrections need --reason and are audited.")
    p.add_argument("action", choices=["list", "add", "void"])
    p.add_argument("number", nargs="?", type=int, help="void: the punch's number (from punch list)")
    p.add_argument("--id", help="worker ID")
    p.add_argument("--at", type=parse_local_time, metavar="\"YYYY-MM-DD HH:MM\"", help="add: the local time")
    p.add_argument("--direction", choices=DIRECTIONS, help="add: in, out, break_out or break_in")
    p.add_argument("--reason", help="add / void: why (kept in the audit trail)")
    p.add_argument("--month", type=parse_month, metavar="YYYY-MM")
    p.add_argument("--from", dest="date_from", type=parse_date, metavar="YYYY-MM-DD")
    p.add_argument("--to", dest="date_to", type=parse_date, metavar="YYYY-MM-DD")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(func=cmd_punch)
    return p

