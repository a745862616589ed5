"""Monthly sheet: one row per person for a month (service.timesheet.monthly: days present, late,
half days, absences, days off, holidays, hours, late and early-leave minutes, missing check-outs,
corrected days), the month chosen with previous / next; choosing a person shows their days
(service.timesheet.daily) with corrected days marked. The column headers are the exports' own
(DAILY_COLUMNS / MONTHLY_COLUMNS), and the export buttons open the export dialog on this month."""
from __future__ import annotations

from datetime import date, datetime, timedelta

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QDateTime, QLocale, QTime
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from kiosk.app.timesheet import DAILY_COLUMNS, MONTHLY_COLUMNS
from kiosk.ui.dialogs.export_dialog import ExportDialog
from kiosk.ui.engine_text import column_label, flag_word
from kiosk.ui.i18n import date_text, month_name, time_text
from kiosk.ui.pages.common import fill_table, make_table, page_layout, select_key, selected_key
from kiosk.ui.widgets.flow import FlowLayout

CORRECTED_MARK = QColor("#3a2c0b")  # the theme's warning background: a corrected day stands out
STATUS_TEXT = {
    "present": QT_TRANSLATE_NOOP("MonthlyPage", "Present"),
    "late": QT_TRANSLATE_NOOP("MonthlyPage", "Late"),
    "absent": QT_TRANSLATE_NOOP("MonthlyPage", "Absent"),
    "holiday": QT_TRANSLATE_NOOP("MonthlyPage", "Holiday"),
    "half_day": QT_TRANSLATE_NOOP("MonthlyPage", "Half day"),
    "day_off": QT_TRANSLATE_NOOP("MonthlyPage", "Day off"),
    "missing_out": QT_TRANSLATE_NOOP("MonthlyPage", "Missing check-out"),
    "not_yet": QT_TRANSLATE_NOOP("MonthlyPage", "Not yet arrived"),
    "in": QT_TRANSLATE_NOOP("MonthlyPage", "In"),
}


def month_range(year: int, month: int) -> tuple[date, date]:
    first = date(year, month, 1)
    following = date(year + month // 12, month % 12 + 1, 1)
    return first, following - timedelta(days=1)


def shifted(year: int, month: int, by: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + by
    return index // 12, index % 12 + 1


def cell(row: object, key: str) -> object:
    """One column's value of a DayRecord or a month row, as the sheet shows it (the exports'
    keys: worked_hours in hours with two decimals, times as HH:MM, yes/no flags as "yes")."""
    if key == "worked_hours":
        return round(getattr(row, "worked_minutes", 0) / 60, 2)
    value = getattr(row, key, "")
    if key == "status":
        word = STATUS_TEXT.get(str(value))
        return QCoreApplication.translate("MonthlyPage", word) if word else str(value).replace("_", " ").capitalize()
    if key == "flags":
        return ", ".join(flag_word(f) for f in value if f != "corrected")
    if isinstance(value, datetime):
        day = getattr(row, "day", None)
        return time_text(value) if day is None or value.date() == day else \
            QLocale().toString(QDateTime(QDate(value.year, value.month, value.day),
                                         QTime(value.hour, value.minute)), "dd MMM HH:mm")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return QCoreApplication.translate("MonthlyPage", "yes") if value else ""
    return "" if value is None else value


class MonthlyPage(QWidget):
    def __init__(self, service, parent: QWidget | None = None):
        super().__init__(parent)
        self.service = service
        self.export_dialog = None
        layout, header = page_layout(
            self, self.tr("Monthly sheet"), self.tr("Each person's month: days, hours, lates and absences")
        )
        self.export_month = QPushButton(self.tr("Export month…"), objectName="primary")
        self.export_days = QPushButton(self.tr("Export days…"))
        self.export_month.clicked.connect(lambda: self.open_export("monthly"))
        self.export_days.clicked.connect(lambda: self.open_export("daily"))
        header.addWidget(self.export_days)
        header.addWidget(self.export_month)
        today = date.today()
        self.year, self.month = today.year, today.month
        self.previous = QPushButton(self.tr("◀ Previous"))
        self.next = QPushButton(self.tr("Next ▶"))
        self.previous.clicked.connect(lambda: self.go(-1))
        self.next.clicked.connect(lambda: self.go(1))
        self.title = QLabel("", objectName="sectionTitle")
        picker = FlowLayout(spacing=16)
        picker.addWidget(self.previous)
        picker.addWidget(self.title)
        picker.addWidget(self.next)
        layout.addLayout(picker)
        self.table = make_table([column_label(c.label) for c in MONTHLY_COLUMNS])
        self.table.itemSelectionChanged.connect(self.show_person)
        layout.addWidget(self.table, 1)
        self.person_title = QLabel(self.tr("Choose a person to see their days."), objectName="muted", wordWrap=True)
        layout.addWidget(self.person_title)
        self.days = make_table([column_label(c.label) for c in DAILY_COLUMNS])
        layout.addWidget(self.days, 1)
        self.message = QLabel(objectName="muted", wordWrap=True)
        layout.addWidget(self.message)
        self.rows: list = []
        self.records: list = []

    # -- the month ------------------------------------------------------------------------------
    @property
    def bounds(self) -> tuple[date, date]:
        return month_range(self.year, self.month)

    def set_month(self, year: int, month: int) -> None:
        self.year, self.month = year, month
        self.reload()

    def go(self, by: int) -> None:
        self.set_month(*shifted(self.year, self.month, by))

    def refresh(self) -> None:
        self.reload()

    def reload(self) -> None:
        selected = self.selected()
        self.title.setText(month_name(self.month, self.year))
        self.rows = self.service.timesheet.monthly(self.year, self.month)
        self.table.blockSignals(True)
        fill_table(self.table, [[cell(r, c.key) for c in MONTHLY_COLUMNS] for r in self.rows],
                   keys=[r.employee_id for r in self.rows])
        self.table.clearSelection()
        self.table.blockSignals(False)
        self.message.setText(self.tr("%Ln person(s), {start} to {end}", None, len(self.rows)).format(
            start=date_text(self.bounds[0]), end=date_text(self.bounds[1])))
        if selected is not None and selected in [r.employee_id for r in self.rows]:
            self.select(selected)
        else:
            self.show_person()

    # -- one person's days ------------------------------------------------------------------------
    def selected(self) -> str | None:
        return selected_key(self.table)  # type: ignore[return-value]

    def select(self, employee_id: str) -> None:
        if not select_key(self.table, employee_id):
            raise LookupError(f"{employee_id} is not on the {self.title.text()} sheet")

    def show_person(self) -> None:
        employee_id = self.selected()
        if employee_id is None:
            self.records = []
            self.person_title.setText(self.tr("Choose a person to see their days."))
            fill_table(self.days, [])
            return
        start, end = self.bounds
        self.records = self.service.timesheet.daily(start, end, employee_id)
        corrected = sum(1 for r in self.records if r.corrected)
        name = self.records[0].name if self.records else employee_id
        self.person_title.setText(self.tr("{name} ({worker_id}), {month}: %Ln day(s)", None, len(self.records)).format(
            name=name, worker_id=employee_id, month=self.title.text())
            + (self.tr(", %Ln corrected (marked)", None, corrected) if corrected else ""))
        fill_table(self.days, [[cell(r, c.key) for c in DAILY_COLUMNS] for r in self.records])
        for r, record in enumerate(self.records):
            if record.corrected:
                for c in range(self.days.columnCount()):
                    item = self.days.item(r, c)
                    item.setBackground(QBrush(CORRECTED_MARK))
                    item.setToolTip(item.text() + (self.tr(" - corrected by HR") if c == 0 else ""))

    def corrected_rows(self) -> list[int]:
        """The rows of the person's days marked as corrected."""
        return [r for r in range(self.days.rowCount())
                if self.days.item(r, 0).background().color() == CORRECTED_MARK]

    # -- exports -------------------------------------------------------------------------------
    def open_export(self, kind: str):
        start, end = self.bounds
        person = self.selected() if kind == "daily" else None  # the month: everyone's
        self.export_dialog = ExportDialog(self.service, start, end, person, kind=kind, parent=self.window())
        self.export_dialog.open()
        return self.export_dialog
