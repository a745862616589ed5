"""Attendance log: check-ins (or the daily summary) between two dates, optionally for one
employee, and the CSV export of exactly that."""
from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtWidgets import QLabel, QPushButton, QRadioButton, QWidget

from kiosk.ui.dialogs.export_dialog import ExportDialog
from kiosk.ui.pages.common import fill_table, make_table, page_layout
from kiosk.ui.widgets.flow import FlowLayout
from kiosk.ui.widgets.pickers import date_edit, date_range, employee_combo, to_date


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

        self.export_dialog = ExportDialog(self.service, to_date(self.start), to_date(self.end),
                                          self.employee.currentData(), summary=self.summary.isChecked(),
                                          parent=self.window())
        self.export_dialog.open()
        return self.export_dialog
