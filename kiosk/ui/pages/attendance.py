"""Attendance log: check-ins (or the daily summary) between two dates, optionally for one
employee, and the CSV export of exactly that."""
from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (QComboBox, QDateEdit, QHBoxLayout, QLabel, QPushButton, QRadioButton, QSizePolicy,
                               QWidget)

from kiosk.attendance.errors import STORE_ERRORS
from kiosk.ui.pages.common import fill_table, make_table, page_layout
from kiosk.ui.widgets.flow import FlowLayout


def to_date(edit: QDateEdit) -> date:
    return edit.date().toPython()


def date_edit(value: date) -> QDateEdit:
    edit = QDateEdit(QDate(value.year, value.month, value.day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setMinimumWidth(180)
    return edit


def date_range(start: QDateEdit, end: QDateEdit) -> QWidget:
    """"From [date] to [date]" as one piece (a narrow screen wraps around it, never inside)."""
    box = QWidget()
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    row.setSpacing(12)
    row.addWidget(QLabel("From"))
    row.addWidget(start)
    row.addWidget(QLabel("to"))
    row.addWidget(end)
    return box


def employee_combo(service, with_all: str = "Everyone") -> QComboBox:
    """Everyone's name and worker ID; as wide as the room it gets (a long name is shown cut,
    whole in its list and its tooltip), never wider."""
    combo = QComboBox()
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(14)
    combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    combo.currentTextChanged.connect(combo.setToolTip)
    combo.addItem(with_all, None)
    try:
        rows = service.db.list_employees(include_inactive=True)
    except STORE_ERRORS:  # the HR area says why (AdminPage.problem); the page still opens
        rows = []
    for row in rows:
        combo.addItem(f"{row['name']} ({row['id']})" + ("" if row["active"] else " - deleted"), row["id"])
    return combo


class AttendancePage(QWidget):
    def __init__(self, service, parent: QWidget | None = None):
        super().__init__(parent)
        self.service = service
        self.export_dialog = None
        layout, header = page_layout(self, "Attendance", "Check-ins recorded at the kiosk")
        self.export_button = QPushButton("Export CSV…", objectName="primary")
        self.export_button.clicked.connect(lambda: self.open_export())
        header.addWidget(self.export_button)
        today = date.today()
        self.start = date_edit(today - timedelta(days=6))
        self.end = date_edit(today)
        self.employee = employee_combo(service)
        self.events = QRadioButton("Check-ins")
        self.summary = QRadioButton("Daily summary")
        self.events.setChecked(True)
        filters = FlowLayout(spacing=24, line_spacing=12)
        filters.addWidget(date_range(self.start, self.end))
        filters.addWidget(self.employee)
        kinds = FlowLayout(spacing=24)
        kinds.addWidget(self.events)
        kinds.addWidget(self.summary)
        layout.addLayout(filters)
        layout.addLayout(kinds)
        self.table = make_table([])
        layout.addWidget(self.table, 1)
        self.message = QLabel(objectName="muted")
        layout.addWidget(self.message)
        for edit in (self.start, self.end):
            edit.dateChanged.connect(self.reload)
        self.employee.currentIndexChanged.connect(self.reload)
        self.events.toggled.connect(self.reload)

    def refresh(self) -> None:
        current = self.employee.currentData()
        fresh = employee_combo(self.service)
        self.employee.blockSignals(True)
        self.employee.clear()
        for i in range(fresh.count()):
            self.employee.addItem(fresh.itemText(i), fresh.itemData(i))
        index = self.employee.findData(current)
        self.employee.setCurrentIndex(max(index, 0))
        self.employee.blockSignals(False)
        self.reload()

    def reload(self) -> None:
        start, end, emp = to_date(self.start), to_date(self.end), self.employee.currentData()
        if end < start:
            self.message.setText("The end date is before the start date.")
            self.table.setRowCount(0)
            return
        db = self.service.db
        if self.events.isChecked():
            rows = db.attendance(start, end, emp)
            self.table.setColumnCount(7)
            self.table.setHorizontalHeaderLabels(["Date", "Time", "Worker ID", "Name", "Similarity", "Mask",
                                                  "Method"])
            fill_table(self.table, [[r["timestamp"][:10], r["timestamp"][11:], r["employee_id"], r["name"],
                                     "" if r["score"] is None else f"{r['score']:.2f}",
                                     {None: "", 0: "no", 1: "yes"}.get(r["masked"], ""),
                                     {"pin": "worker ID + PIN"}.get(r["method"], r["method"] or "")]
                                    for r in rows])
            self.message.setText(f"{len(rows)} check-in{'s' if len(rows) != 1 else ''} from {start} to {end}")
        else:
            rows = db.daily_summary(start, end, emp)
            self.table.setColumnCount(6)
            self.table.setHorizontalHeaderLabels(["Date", "Worker ID", "Name", "First in", "Last seen", "Check-ins"])
            fill_table(self.table, [[r["date"], r["employee_id"], r["name"], r["first_in"], r["last_out"],
                                     r["check_ins"]] for r in rows])
            self.message.setText(f"{len(rows)} person-day{'s' if len(rows) != 1 else ''} from {start} to {end}")

    def open_export(self):
        from kiosk.ui.dialogs.export_dialog import ExportDialog

        self.export_dialog = ExportDialog(self.service, to_date(self.start), to_date(self.end),
                                          self.employee.currentData(), summary=self.summary.isChecked(),
                                          parent=self.window())
        self.export_dialog.open()
        return self.export_dialog
