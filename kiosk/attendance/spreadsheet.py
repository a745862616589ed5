"""Tables for HR and payroll as CSV or XLSX (issue 23): one writer for every report, so a daily
sheet, a monthly sheet and the check-in list look alike in both formats.

Why it looks like this: cells keep their types (numbers stay numbers, dates real dates) so a
spreadsheet can sum hours and sort by day; text from people is defused, because a name starting
with "=" would otherwise run as a formula; a file is written atomically (an export that fails
leaves the previous file, never half of a new one); CSV is UTF-8 with a BOM, so Excel shows
accents right. A stream (`--out -`, stdout) is written as it is: text for CSV, bytes for XLSX."""
from __future__ import annotations

import csv
import io
import os
import re
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import IO, Any

from kiosk.common.fsutil import atomic_write_bytes
from kiosk.common.refusals import Sentence

FORMATS = ("csv", "xlsx")
# Spreadsheets run a cell starting with these as a formula.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
# XML 1.0 cannot hold these (openpyxl refuses them): dropped from XLSX text.
_ILLEGAL_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_SHEET_NAME_BAD = re.compile(r"[\[\]:*?/\\]")
MARK_FILL = "FFF2CC"  # a pale yellow: corrected days, visible on screen and on a greyscale print
MIN_WIDTH, MAX_WIDTH = 6, 60


@dataclass(frozen=True)
class Column:
    """A column's header, and for floats how many decimals to show (hours: 2, scores: 3)."""

    header: str
    decimals: int = 2


def _as_is(text: str) -> str:
    return text


@dataclass(frozen=True)
class SheetWording:
    """An XLSX sheet in its reader's language, worded by the screens (the engine never translates):
    `heading(label)` a column's heading from its English label, `word(text)` a fixed word in a cell
    (a day's status, "yes", a flag), `title` the sheet's name, `date_format` Excel's number format of
    the date cells ("dd/mm/yyyy"). The CSV for payroll imports never takes one: its English column
    names are keys other programs read (docs/attendance.md)."""

    heading: Callable[[str], str] = _as_is
    word: Callable[[str], str] = _as_is
    title: str | None = None
    date_format: str = "yyyy-mm-dd"


def spreadsheet_text(value: str | None) -> str:
    """Free text from people: prefix an apostrophe when a spreadsheet would run it."""
    if value is None:
        return ""
    return "'" + value if value.startswith(FORMULA_PREFIXES) else value


def _column(spec: str | Column) -> Column:
    return spec if isinstance(spec, Column) else Column(str(spec))


def _check_value(value: Any, where: str) -> None:
    if isinstance(value, datetime) and value.tzinfo is not None:
        raise ValueError(f"{where} is a time with a zone ({value.isoformat()}): give the local wall time")
    if isinstance(value, time) and value.tzinfo is not None:
        raise ValueError(f"{where} is a time with a zone ({value.isoformat()}): give the local wall time")
    if value is not None and not isinstance(value, (str, int, float, date, time)):
        raise ValueError(f"{where} is a {type(value).__name__}, which a spreadsheet cell cannot hold")


def _text(value: Any, column: Column) -> str:
    """A cell as CSV text."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return f"{value:.{column.decimals}f}"
    if isinstance(value, datetime):
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, (date, time)):
        return value.isoformat()
    return spreadsheet_text(str(value))


def _checked_rows(columns: Sequence[Column], rows: Iterable[Sequence[Any]]) -> list[Sequence[Any]]:
    """Every row checked before anything is written: bad input changes nothing."""
    checked = []
    for index, row in enumerate(rows):
        if len(row) != len(columns):
            raise ValueError(f"row {index + 1} has {len(row)} cells for {len(columns)} columns")
        for column, value in zip(columns, row):
            _check_value(value, f"row {index + 1}, column {column.header!r}")
        checked.append(row)
    return checked


def write_csv(out: str | os.PathLike | IO, header: Sequence[str | Column], rows: Iterable[Sequence[object]]) -> int:
    """CSV of `rows` under `header` to a path (atomic, with a BOM) or a stream; returns the rows
    written. Values are written as `_text` renders them (strings defused)."""
    columns = [_column(c) for c in header]
    buffer = io.StringIO()
    writer = csv.writer(buffer)  # "\r\n" line ends, as Excel expects
    writer.writerow([c.header for c in columns])
    count = 0
    for row in rows:
        # strings as given (callers defuse their own text); other values rendered by _text
        writer.writerow([v if isinstance(v, str) else _text(v, c) for c, v in zip(columns, row)])
        count += 1
    text = buffer.getvalue()
    if not isinstance(out, (str, os.PathLike)):  # a stream (`kiosk export --out -`: stdout), as it is
        if isinstance(out, (io.RawIOBase, io.BufferedIOBase)):
            out.write(text.encode("utf-8-sig"))
        else:
            out.write(text)
        out.flush()
        return count
    _write_file(out, text.encode("utf-8-sig"), "CSV")
    return count


def _write_file(path: str | os.PathLike, data: bytes, kind: str) -> None:
    try:
        atomic_write_bytes(path, data)
    except OSError as exc:  # same subclass (PermissionError...), but naming the target file
        raise OSError(exc.errno, Sentence("export.cannot_write", kind=kind, reason=str(exc.strerror or exc)),
                      os.fspath(path)) from exc


def write_table(out: str | os.PathLike | IO, columns: Sequence[str | Column], rows: Iterable[Sequence[Any]],
                fmt: str = "csv", *, title: str | None = None, marked: Collection[int] | None = None,
                wording: SheetWording | None = None) -> int:
    """Write a table to `out` (a path, or a stream: text for CSV, binary for XLSX) and return the
    rows written. Cells may be str (defused), int, float (shown with the column's decimals), bool
    (yes/no), date, time, naive datetime or None. `marked`: indexes into `rows` to highlight in
    XLSX (corrected days); `title` names the XLSX sheet; `wording` (XLSX only) its headings, title
    and dates in the reader's language."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}: choose csv or xlsx")
    specs = [_column(c) for c in columns]
    checked = _checked_rows(specs, rows)
    if fmt == "csv":
        return write_csv(out, specs, [[_text(v, c) for c, v in zip(specs, row)] for row in checked])
    if wording is not None:
        specs = [Column(wording.heading(c.header), c.decimals) for c in specs]
        title = wording.title or title
    data = xlsx_bytes(specs, checked, title=title, marked=marked,
                      date_format=wording.date_format if wording else "yyyy-mm-dd")
    if isinstance(out, (str, os.PathLike)):
        _write_file(out, data, "XLSX")
    else:
        stream = out if not isinstance(out, io.TextIOBase) else getattr(out, "buffer", None)
        if stream is None:
            raise ValueError("an XLSX export needs a binary stream (or a file), not a text one")
        stream.write(data)
        stream.flush()
    return len(checked)


def _xlsx_value(value: Any, date_format: str = "yyyy-mm-dd") -> tuple[Any, str | None]:
    """(cell value, number format) of one cell."""
    if isinstance(value, bool):
        return ("yes" if value else "no"), None
    if isinstance(value, int):
        return value, "0"
    if isinstance(value, float):
        return value, None  # the column's decimals
    if isinstance(value, datetime):
        return value, f"{date_format} hh:mm:ss"
    if isinstance(value, date):
        return value, date_format
    if isinstance(value, time):
        return value, "hh:mm:ss"
    if value is None:
        return None, None
    return _ILLEGAL_XML.sub("", spreadsheet_text(str(value))), None


def _sheet_name(title: str | None) -> str:
    name = _SHEET_NAME_BAD.sub(" ", title or "").strip().strip("'")[:31].strip()
    return name or "Sheet1"


def xlsx_bytes(columns: Sequence[Column], rows: Sequence[Sequence[Any]], *, title: str | None = None,
               marked: Collection[int] | None = None, date_format: str = "yyyy-mm-dd") -> bytes:
    """The XLSX file of a checked table: header bold and frozen, columns as wide as their text,
    date cells shown in `date_format` (Excel's number format)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    book = Workbook()
    sheet = book.active
    sheet.title = _sheet_name(title)
    sheet.append([c.header for c in columns])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    widths = [len(c.header) for c in columns]
    fill = PatternFill(fill_type="solid", start_color=MARK_FILL, end_color=MARK_FILL)
    highlighted = set(marked or ())
    for index, row in enumerate(rows):
        r = index + 2
        for j, (column, value) in enumerate(zip(columns, row)):
            cell_value, number_format = _xlsx_value(value, date_format)
            cell = sheet.cell(row=r, column=j + 1)
            cell.value = cell_value
            if isinstance(cell_value, str):
                cell.data_type = "s"  # never a formula, whatever the text
            if isinstance(value, float):
                number_format = "0" if column.decimals == 0 else "0." + "0" * column.decimals
            if number_format:
                cell.number_format = number_format
            if index in highlighted:
                cell.fill = fill
            widths[j] = max(widths[j], len(_text(value, column)))
    for j, width in enumerate(widths):
        sheet.column_dimensions[get_column_letter(j + 1)].width = min(MAX_WIDTH, max(MIN_WIDTH, width + 2))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
