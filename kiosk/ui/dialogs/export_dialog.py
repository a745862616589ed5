"""CSV export for HR: date range, optional employee, check-ins or daily summary. The writing is
KioskService.export_attendance (the same as `kiosk export`, audited); this dialog only asks."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.ui.pages.common import say
from kiosk.ui.screen_fit import form as screen_form
from kiosk.ui.widgets.pickers import date_edit, employee_combo


class ExportDialog(QDialog):
    def __init__(self, service, start: date, end: date, employee_id: str | None = None,
                 summary: bool = False, parent: QWidget | None = None):
        super().__init__(parent)

        self.service = service
        self.setWindowTitle("Export attendance")
        self.start = date_edit(start)
        self.end = date_edit(end)
        self.employee = employee_combo(service)
        self.employee.setCurrentIndex(max(0, self.employee.findData(employee_id)))
        self.events = QRadioButton("One row per check-in")
        self.summary = QRadioButton("Daily summary (first in, last seen)")
        (self.summary if summary else self.events).setChecked(True)
        default = Path.home() / f"attendance_{start}_{end}.csv"
        self.path = QLineEdit(str(default))
        browse = QPushButton("Browse…")
        browse.clicked.connect(self.browse)
        where = QHBoxLayout()
        where.addWidget(self.path, 1)
        where.addWidget(browse)
        kinds = QVBoxLayout()
        kinds.addWidget(self.events)
        kinds.addWidget(self.summary)
        form = screen_form([("From", self.start), ("To", self.end), ("Employee", self.employee), ("Rows", kinds),
                            ("Save as", where)], spacing=14)
        self.message = QLabel(objectName="muted", wordWrap=True)
        self.export_button = QPushButton("Export", objectName="primary")
        self.export_button.setMinimumWidth(160)
        self.export_button.clicked.connect(lambda: self.export())
        close = QPushButton("Close")
        close.setMinimumWidth(140)
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(close)
        buttons.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 28, 32, 24)
        layout.setSpacing(18)
        layout.addWidget(QLabel("Export attendance to CSV", objectName="dialogTitle", wordWrap=True))
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.resize(720, self.sizeHint().height())  # screen_fit keeps it on a smaller screen
        self.export_button.setFocus()
        self.written: int | None = None

    def browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Save CSV", self.path.text(), "CSV files (*.csv)")
        if path:
            self.path.setText(path if path.lower().endswith(".csv") else path + ".csv")

    def export(self, path: str | Path | None = None) -> int | None:
        """Write the CSV (to `path`, or the path field). Returns the rows written, or None."""
        if path is not None:
            self.path.setText(str(path))
        target = Path(self.path.text().strip()).expanduser()
        start, end = self.start.date().toPython(), self.end.date().toPython()
        if end < start:
            self._say("The end date is before the start date.", error=True)
            return None
        if not target.name:
            self._say("Choose where to save the file.", error=True)
            return None
        try:
            count = self.service.export_attendance(target, start, end, employee_id=self.employee.currentData(),
                                                   summary=self.summary.isChecked())
        except (OSError, ValueError) as exc:
            self._say(f"Could not export: {exc}", error=True)
            return None
        self.written = count
        self._say(f"✓ Wrote {count} row{'s' if count != 1 else ''} to {target}")
        return count

    def _say(self, text: str, error: bool = False) -> None:
        say(self.message, text, error)
