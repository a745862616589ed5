"""Attendance log: the punches (or the daily summary) between two dates, optionally for one
employee, and the CSV export of exactly that. HR (and the administrator) correct punches here:
add a missing one, void a wrong one, each with a reason (kiosk.ui.dialogs.punch_corrections);
voided and added punches stay in the list, marked."""
from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QPushButton, QRadioButton, QWidget

from kiosk.ui import theme
from kiosk.ui.dialogs.export_dialog import ExportDialog
from kiosk.ui.dialogs.punch_corrections import AddPunchDialog, VoidPunchDialog, method_word
from kiosk.ui.i18n import date_text, number
from kiosk.ui.pages.common import fill_table, make_table, page_layout, select_row
from kiosk.ui.widgets.flow import FlowLayout
from kiosk.ui.widgets.pickers import date_edit, date_range, employee_combo, to_date
from kiosk.ui.widgets.punch_choice import direction_word

PUNCH_COLUMNS = [
    QT_TRANSLATE_NOOP("AttendancePage", "Date"),
    QT_TRANSLATE_NOOP("AttendancePage", "Time"),
    QT_TRANSLATE_NOOP("AttendancePage", "Direction"),
    QT_TRANSLATE_NOOP("AttendancePage", "Worker ID"),
    QT_TRANSLATE_NOOP("AttendancePage", "Name"),
    QT_TRANSLATE_NOOP("AttendancePage", "Method"),
    QT_TRANSLATE_NOOP("AttendancePage", "Similarity"),
    QT_TRANSLATE_NOOP("AttendancePage", "Mask"),
    QT_TRANSLATE_NOOP("AttendancePage", "Note"),
]


def punch_note(row: dict) -> str:
    """What HR did to a punch: voided (by whom, why), added (by whom, why), or nothing."""
    if row.get("voided_at"):
        return QCoreApplication.translate("AttendancePage", "VOID ({who}): {reason}").format(
            who=row.get("voided_by") or "?", reason=row.get("void_reason") or "")
    if row.get("method") == "correction":
        return QCoreApplication.translate("AttendancePage", "Added ({who}): {reason}").format(
            who=row.get("added_by") or "?", reason=row.get("reason") or "")
    return QCoreApplication.translate("AttendancePage", "direction chosen at the kiosk") \
        if row.get("direction_source") == "chosen" else ""


class AttendancePage(QWidget):
    def __init__(self, service, parent: QWidget | None = None):
        super().__init__(parent)
        self.service = service
        self.export_dialog = None
        self.correction_dialog = None
        self.punch_rows: list[dict] = []
        layout, header = page_layout(
            self, self.tr("Attendance"), self.tr("Punches recorded at the kiosk, and HR's corrections")
        )
        self.export_button = QPushButton(self.tr("Export CSV…"), objectName="primary")
        self.export_button.clicked.connect(lambda: self.open_export())
        header.addWidget(self.export_button)
        self.add_button = QPushButton(self.tr("Add missing punch…"))
        self.add_button.clicked.connect(lambda: self.open_add_punch())
        self.void_button = QPushButton(self.tr("Void punch…"))
        self.void_button.clicked.connect(lambda: self.open_void_punch())
        header.addWidget(self.add_button)
        header.addWidget(self.void_button)
        today = date.today()
        self.start = date_edit(today - timedelta(days=6))
        self.end = date_edit(today)
        self.employee = employee_combo(service)
        self.events = QRadioButton(self.tr("Punches"))
        self.summary = QRadioButton(self.tr("Daily summary"))
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
        # Wraps: "125 punches from 24/11/2026 to 07/12/2026" on one line made the page wider than a
        # portrait screen's window with text at 150%.
        self.message = QLabel(objectName="muted", wordWrap=True)
        layout.addWidget(self.message)
        for edit in (self.start, self.end):
            edit.dateChanged.connect(self.reload)
        self.employee.currentIndexChanged.connect(self.reload)
        self.events.toggled.connect(self.reload)
        self.table.itemSelectionChanged.connect(self._enable)
        self._enable()

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
        self._reload()
        self._enable()

    def _reload(self) -> None:
        start, end, emp = to_date(self.start), to_date(self.end), self.employee.currentData()
        if end < start:
            self.message.setText(self.tr("The end date is before the start date."))
            self.table.setRowCount(0)
            return
        db = self.service.db
        if self.events.isChecked():
            rows = self.punch_rows = self.service.timesheet.punches(start, end, emp, include_voided=True)
            self.table.setColumnCount(len(PUNCH_COLUMNS))
            self.table.setHorizontalHeaderLabels([self.tr(c) for c in PUNCH_COLUMNS])
            fill_table(
                self.table,
                [
                    [
                        r["timestamp"][:10],
                        r["timestamp"][11:],
                        direction_word(r["direction"]),
                        r["employee_id"],
                        r["name"],
                        method_word(r["method"]),
                        "" if r["score"] is None else number(r["score"], 2),
                        {None: "", 0: self.tr("no"), 1: self.tr("yes")}.get(r["masked"], ""),
                        punch_note(r),
                    ]
                    for r in rows
                ],
                keys=[r["id"] for r in rows],
            )
            for index, row in enumerate(rows):  # a voided punch: greyed, kept in the list
                if row["voided_at"]:
                    for column in range(self.table.columnCount()):
                        self.table.item(index, column).setForeground(QColor(theme.MUTED))
            voided = sum(1 for r in rows if r["voided_at"])
            valid = len(rows) - voided
            counted = self.tr("%Ln punch(es)", None, valid) + (
                self.tr(" (and %Ln voided)", None, voided) if voided else ""
            )
            self.message.setText(self.tr("{punches} from {start} to {end}").format(
                punches=counted, start=date_text(start), end=date_text(end)))
        else:
            rows = db.daily_summary(start, end, emp)
            self.table.setColumnCount(6)
            self.table.setHorizontalHeaderLabels(
                [
                    self.tr("Date"),
                    self.tr("Worker ID"),
                    self.tr("Name"),
                    self.tr("First in"),
                    self.tr("Last seen"),
                    self.tr("Check-ins"),
                ]
            )
            fill_table(self.table, [[r["date"], r["employee_id"], r["name"], r["first_in"], r["last_out"],
                                     r["check_ins"]] for r in rows])
            self.message.setText(self.tr("%Ln person-day(s) from {start} to {end}", None, len(rows)).format(
                start=date_text(start), end=date_text(end)))

    def _enable(self) -> None:
        """Void needs one punch, not voided yet, selected in the punch list."""
        punch = self.selected_punch()
        self.void_button.setEnabled(punch is not None and not punch["voided_at"])
        self.add_button.setEnabled(self.events.isChecked())

    def selected_punch(self) -> dict | None:
        if not self.events.isChecked():
            return None
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows:
            return None
        punch_id = self.table.item(rows[0].row(), 0).data(Qt.ItemDataRole.UserRole)
        return next((p for p in self.punch_rows if p["id"] == punch_id), None)

    def select_punch(self, punch_id) -> None:
        for row in range(self.table.rowCount()):
            if self.table.item(row, 0).data(Qt.ItemDataRole.UserRole) == punch_id:
                select_row(self.table, row)
                return

    def open_add_punch(self):
        self.correction_dialog = AddPunchDialog(self.service, self.employee.currentData(), to_date(self.end),
                                                parent=self.window())
        self.correction_dialog.accepted.connect(lambda d=self.correction_dialog: self._corrected(d.row, "added"))
        self.correction_dialog.open()
        return self.correction_dialog

    def open_void_punch(self):
        punch = self.selected_punch()
        if punch is None:
            return None
        self.correction_dialog = VoidPunchDialog(self.service, punch, parent=self.window())
        self.correction_dialog.accepted.connect(lambda d=self.correction_dialog: self._corrected(d.row, "voided"))
        self.correction_dialog.open()
        return self.correction_dialog

    def _corrected(self, row: dict, what: str) -> None:
        self.reload()
        self.select_punch(row["id"])
        day = str(row.get("timestamp") or "")[:16].replace("T", " ")
        said = self.tr("Punch added: {who}, {day}. ") if what == "added" else self.tr("Punch voided: {who}, {day}. ")
        self.message.setText(said.format(who=row.get("name") or row.get("employee_id"), day=day) + self.message.text())

    def open_export(self):

        self.export_dialog = ExportDialog(self.service, to_date(self.start), to_date(self.end),
                                          self.employee.currentData(), summary=self.summary.isChecked(),
                                          parent=self.window())
        self.export_dialog.open()
        return self.export_dialog
