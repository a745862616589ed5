"""Export for HR and payroll: a date range, optionally one employee, the report (every punch, the
daily attendance or the monthly summary) and the format (CSV or XLSX). The writing is
service.timesheet.export (the same as `kiosk report`, audited); this dialog only asks."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QButtonGroup,
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

from kiosk.ui import theme
from kiosk.ui.engine_text import refusal_text
from kiosk.ui.export_wording import sheet_wording
from kiosk.ui.pages.common import say
from kiosk.ui.screen_fit import Body, scrolling
from kiosk.ui.screen_fit import form as screen_form
from kiosk.ui.widgets.flow import FlowLayout
from kiosk.ui.widgets.pickers import date_edit, employee_combo

# (kind, the choice's text, the file name's stem)
KINDS = (
    ("punches", QT_TRANSLATE_NOOP("ExportDialog", "Every punch (in, out, corrections)"), "punches"),
    ("daily", QT_TRANSLATE_NOOP("ExportDialog", "Daily attendance (one row per person and day)"), "attendance_daily"),
    ("monthly", QT_TRANSLATE_NOOP("ExportDialog", "Monthly summary (one row per person)"), "attendance_monthly"),
)
FORMATS = (
    ("csv", QT_TRANSLATE_NOOP("ExportDialog", "CSV")),
    ("xlsx", QT_TRANSLATE_NOOP("ExportDialog", "Excel (XLSX)")),
)


class ExportDialog(QDialog):
    """`kind` "punches", "daily" or "monthly" (`summary=True`, the attendance page's daily view,
    means "daily"); `fmt` "csv" or "xlsx"."""

    def __init__(self, service, start: date, end: date, employee_id: str | None = None,
                 summary: bool = False, parent: QWidget | None = None, kind: str | None = None,
                 fmt: str = "csv"):
        super().__init__(parent)

        self.service = service
        self.setWindowTitle(self.tr("Export attendance"))
        self.start = date_edit(start)
        self.end = date_edit(end)
        self.employee = employee_combo(service)
        self.employee.setCurrentIndex(max(0, self.employee.findData(employee_id)))
        kind = kind or ("daily" if summary else "punches")
        kinds, formats = QVBoxLayout(), FlowLayout(spacing=24)
        self.kind_group, self.kinds = self._choices([(k, text) for k, text, _ in KINDS], kind, kinds)
        self.format_group, self.formats = self._choices(FORMATS, fmt, formats)
        self.path = QLineEdit(str(self._default_path()))
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self.browse)
        where = QHBoxLayout()
        where.addWidget(self.path, 1)
        where.addWidget(browse)
        form = screen_form(
            [
                (self.tr("From"), self.start),
                (self.tr("To"), self.end),
                (self.tr("Employee"), self.employee),
                (self.tr("Report"), kinds),
                (self.tr("Format"), formats),
                (self.tr("Save as"), where),
            ],
            spacing=14,
        )
        self.message = QLabel(objectName="muted", wordWrap=True)
        self.export_button = QPushButton(self.tr("Export"), objectName="primary")
        self.export_button.setMinimumWidth(160)
        self.export_button.clicked.connect(lambda: self.export())
        close = QPushButton(self.tr("Close"))
        close.setMinimumWidth(140)
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(close)
        buttons.addWidget(self.export_button)
        body = Body()  # scrolls on a short screen (larger text), the buttons stay in view
        content = QVBoxLayout(body)
        content.setContentsMargins(0, 0, 0, 0)
        content.setSpacing(18)
        content.addWidget(QLabel(self.tr("Export attendance"), objectName="dialogTitle", wordWrap=True))
        content.addLayout(form)
        content.addWidget(self.message)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 28, 32, 24)
        layout.setSpacing(18)
        layout.addWidget(scrolling(body, sideways=False), 1)
        layout.addLayout(buttons)
        self.resize(theme.font_px(760), self.sizeHint().height())  # screen_fit keeps it on a smaller screen
        self.export_button.setFocus()
        self.written: int | None = None

    @property
    def kind(self) -> str:
        return next(k for k, b in self.kinds.items() if b.isChecked())

    @property
    def fmt(self) -> str:
        return next(k for k, b in self.formats.items() if b.isChecked())

    def choose(self, kind: str | None = None, fmt: str | None = None) -> None:
        if kind is not None:
            self.kinds[kind].setChecked(True)
        if fmt is not None:
            self.formats[fmt].setChecked(True)

    def _default_path(self) -> Path:
        stem = next(s for k, _, s in KINDS if k == self.kind)
        start, end = self.start.date().toPython(), self.end.date().toPython()
        return Path.home() / f"{stem}_{start}_{end}.{self.fmt}"

    def _follow_choice(self, checked: bool = True) -> None:
        """The file name follows the report and the format (a name typed by hand keeps its folder)."""
        if not checked or not hasattr(self, "path"):
            return
        current = Path(self.path.text().strip()).expanduser()
        folder = current.parent if self.path.text().strip() else Path.home()
        self.path.setText(str(folder / self._default_path().name))

    def _choices(self, options, chosen: str, layout) -> tuple[QButtonGroup, dict[str, QRadioButton]]:
        """One exclusive radio button per (key, text), `chosen` checked, in `layout`."""
        group, buttons = QButtonGroup(self), {}
        for key, text in options:
            button = QRadioButton(self.tr(text))
            button.setChecked(key == chosen)
            button.toggled.connect(self._follow_choice)
            group.addButton(button)
            buttons[key] = button
            layout.addWidget(button)
        return group, buttons

    def browse(self) -> None:
        fmt = self.fmt
        wanted = self.tr("Excel files") + " (*.xlsx)" if fmt == "xlsx" else self.tr("CSV files") + " (*.csv)"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save as"), self.path.text(), wanted)
        if path:
            self.path.setText(path if path.lower().endswith("." + fmt) else path + "." + fmt)

    def export(self, path: str | Path | None = None) -> int | None:
        """Write the report (to `path`, or the path field). Returns the rows written, or None."""
        if path is not None:
            self.path.setText(str(path))
        target = Path(self.path.text().strip()).expanduser()
        start, end = self.start.date().toPython(), self.end.date().toPython()
        if end < start:
            self._say(self.tr("The end date is before the start date."), error=True)
            return None
        if not self.path.text().strip() or not target.name:
            self._say(self.tr("Choose where to save the file."), error=True)
            return None
        try:
            count = self.service.timesheet.export(self.kind, target, start, end, self.fmt,
                                                  employee_id=self.employee.currentData(),
                                                  wording=sheet_wording(self.kind, start, end))
        except (OSError, ValueError) as exc:
            self._say(self.tr("Could not export: {reason}").format(reason=refusal_text(exc)), error=True)
            return None
        self.written = count
        self._say(self.tr("✓ Wrote %Ln row(s) to {target}", None, count).format(target=target))
        return count

    def _say(self, text: str, error: bool = False) -> None:
        say(self.message, text, error)
