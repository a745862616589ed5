"""HR's XLSX sheets in the kiosk's language: the headings, the fixed words in the cells (a day's
status, "yes", a flag), the sheet's name and its date cells, worded here and handed to the engine
as a SheetWording (kiosk.app.types), which never translates. The CSV keeps its English column names:
payroll imports read them as keys (docs/attendance.md, docs/languages.md)."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale

from kiosk.app.types import SheetWording
from kiosk.ui.engine_text import FLAG_WORDS, column_label, flag_word
from kiosk.ui.i18n import month_name

# The punch export's headings (kiosk.app.timesheet PUNCH_EXPORT_COLUMNS) not already among the
# report columns (kiosk.ui.engine_text REPORT_COLUMNS).
PUNCH_COLUMNS = (
    QT_TRANSLATE_NOOP("ReportColumn", "Time"), QT_TRANSLATE_NOOP("ReportColumn", "Direction"),
    QT_TRANSLATE_NOOP("ReportColumn", "How"), QT_TRANSLATE_NOOP("ReportColumn", "Kiosk"),
    QT_TRANSLATE_NOOP("ReportColumn", "UTC"), QT_TRANSLATE_NOOP("ReportColumn", "Time zone"),
    QT_TRANSLATE_NOOP("ReportColumn", "UTC offset (min)"), QT_TRANSLATE_NOOP("ReportColumn", "Reason"),
    QT_TRANSLATE_NOOP("ReportColumn", "Added by"), QT_TRANSLATE_NOOP("ReportColumn", "Voided at"),
    QT_TRANSLATE_NOOP("ReportColumn", "Void reason"), QT_TRANSLATE_NOOP("ReportColumn", "Voided by"),
)
# The daily sheet's words (kiosk.attendance.reports STATUS_LABELS, and "yes").
CELL_WORDS = (
    QT_TRANSLATE_NOOP("SheetWord", "Present"), QT_TRANSLATE_NOOP("SheetWord", "Late"),
    QT_TRANSLATE_NOOP("SheetWord", "Half day"), QT_TRANSLATE_NOOP("SheetWord", "Absent"),
    QT_TRANSLATE_NOOP("SheetWord", "Day off"), QT_TRANSLATE_NOOP("SheetWord", "Holiday"),
    QT_TRANSLATE_NOOP("SheetWord", "Missing check-out"), QT_TRANSLATE_NOOP("SheetWord", "In"),
    QT_TRANSLATE_NOOP("SheetWord", "Not yet arrived"), QT_TRANSLATE_NOOP("SheetWord", "yes"),
)
REPORT_NAMES = {
    "punches": QT_TRANSLATE_NOOP("SheetWord", "Punches"),
    "daily": QT_TRANSLATE_NOOP("SheetWord", "Daily"),
    "monthly": QT_TRANSLATE_NOOP("SheetWord", "Monthly"),
}


def cell_word(text: str) -> str:
    """A fixed word of a sheet's cell in the kiosk's language (a flag by its code)."""
    if text in FLAG_WORDS:
        return flag_word(text)
    return QCoreApplication.translate("SheetWord", text)


def excel_date_format(qt_format: str) -> str:
    """Excel's number format for a QLocale date format ("dd/MM/yyyy" -> "dd/mm/yyyy"): d, M, y
    become Excel's d, m, y; Qt's quoted text and every other sign are kept as literal text."""
    out, quoted = [], False
    for char in qt_format:
        if char == "'":
            quoted = not quoted
        elif not quoted and char in "dMy":
            out.append(char.lower())
        elif char in "/-. ,":
            out.append(char)
        else:
            out.append("\\" + char)
    return "".join(out)


def sheet_title(kind: str, start: date, end: date) -> str:
    """The sheet's name: "Mensuel décembre 2026" for a whole month, else the two dates (Excel
    refuses "/" in a sheet's name: the dates are written with dots)."""
    report = QCoreApplication.translate("SheetWord", REPORT_NAMES.get(kind, kind))
    following = date(end.year + end.month // 12, end.month % 12 + 1, 1)
    if start.day == 1 and (start.year, start.month) == (end.year, end.month) and (following - end).days == 1:
        return QCoreApplication.translate("SheetWord", "{report} {month}").format(
            report=report, month=month_name(start.month, start.year))
    locale = QLocale()

    def day(d: date) -> str:
        return locale.toString(d, "dd.MM.yyyy")

    return QCoreApplication.translate("SheetWord", "{report} {start} to {end}").format(
        report=report, start=day(start), end=day(end))


def sheet_wording(kind: str, start: date, end: date) -> SheetWording:
    """How HR's XLSX sheet speaks, in the language installed now."""
    return SheetWording(heading=column_label, word=cell_word, title=sheet_title(kind, start, end),
                        date_format=excel_date_format(QLocale().dateFormat(QLocale.FormatType.ShortFormat)))
