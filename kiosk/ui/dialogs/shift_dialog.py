"""Add or edit one shift for the attendance settings page: its name, start and end, overnight,
the grace minutes for a late entry and an early exit, how early a check-in and how late a
check-out still belong to the shift, the hours of a full and a half day, how hours are counted,
and the weekly days off. The dialog only collects a kiosk.toml [shifts.NAME] table; the service
validates it when the page saves (a shift ending before it starts is refused there, named)."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from kiosk.ui.screen_fit import Body, form, scrolling
from kiosk.ui.widgets.flow import FlowLayout
from kiosk.ui.widgets.form_dialog import cancel_and_action

WEEKDAYS = (("mon", "Mon"), ("tue", "Tue"), ("wed", "Wed"), ("thu", "Thu"), ("fri", "Fri"), ("sat", "Sat"),
            ("sun", "Sun"))  # the keys kiosk.toml uses; the screens say weekday_word(key)
HOURS_MODES = (("first_last", QT_TRANSLATE_NOOP("ShiftDialog", "First in to last out")),
               ("pairs", QT_TRANSLATE_NOOP("ShiftDialog", "Sum of in/out pairs (breaks excluded)")))


def weekday_word(key: str) -> str:
    """A weekday key ("mon") as the language's short day name (QLocale)."""
    index = [k for k, _ in WEEKDAYS].index(key)
    return QLocale().dayName(index + 1, QLocale.FormatType.ShortFormat)
# A new shift starts from the contract's defaults (TA_CONTRACT.md, kiosk.attendance.shifts).
NEW_SHIFT: dict[str, Any] = {"start": "09:00", "end": "17:00", "overnight": False, "late_grace_minutes": 10,
                             "early_grace_minutes": 10, "earliest_in_minutes": 120, "latest_out_minutes": 360,
                             "full_day_hours": 8.0, "half_day_hours": 4.0, "hours": "first_last",
                             "days_off": ["sat", "sun"]}


def time_edit(text: str) -> QTimeEdit:
    edit = QTimeEdit(QTime.fromString(str(text), "HH:mm"))
    edit.setDisplayFormat("HH:mm")
    edit.setMinimumWidth(140)
    return edit


def side_by_side(*widgets: QWidget) -> FlowLayout:
    row = FlowLayout(spacing=12, line_spacing=10)
    for widget in widgets:
        row.addWidget(widget)
    return row


def minutes_box(value: int, prefix: str = "") -> QSpinBox:
    box = QSpinBox(prefix=prefix)
    box.setRange(0, 24 * 60)
    box.setSuffix(QCoreApplication.translate("shift_dialog", " min"))
    box.setValue(int(value))
    return box


def hours_box(value: float, prefix: str = "") -> QDoubleSpinBox:
    box = QDoubleSpinBox(prefix=prefix)
    box.setRange(0, 24)
    box.setDecimals(2)
    box.setSingleStep(0.5)
    box.setSuffix(QCoreApplication.translate("shift_dialog", " h"))
    box.setValue(float(value))
    return box


class ShiftDialog(QDialog):
    """`name` and `table` to edit (None: a new shift); `taken` the other shifts' names."""

    def __init__(self, name: str | None = None, table: dict | None = None, taken: tuple[str, ...] = (),
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit shift") if name else self.tr("Add a shift"))
        self.taken = {t.casefold() for t in taken if t != name}
        values = {**NEW_SHIFT, **(table or {})}
        self.name = QLineEdit(name or "")
        self.name.setPlaceholderText(self.tr("e.g. night"))
        self.start = time_edit(values["start"])
        self.end = time_edit(values["end"])
        self.overnight = QCheckBox(self.tr("ends the next day"))
        self.overnight.setChecked(bool(values["overnight"]))
        self.late_grace = minutes_box(values["late_grace_minutes"], self.tr("late after start + "))
        self.early_grace = minutes_box(values["early_grace_minutes"], self.tr("early before end - "))
        self.earliest_in = minutes_box(values["earliest_in_minutes"], self.tr("from start - "))
        self.latest_out = minutes_box(values["latest_out_minutes"], self.tr("until end + "))
        self.full_day = hours_box(values["full_day_hours"], self.tr("full from "))
        self.half_day = hours_box(values["half_day_hours"], self.tr("half from "))
        self.hours = QComboBox()
        for key, text in HOURS_MODES:
            self.hours.addItem(self.tr(text), key)
        self.hours.setCurrentIndex(max(0, self.hours.findData(values["hours"])))
        self.days_off: dict[str, QCheckBox] = {}
        days = FlowLayout(spacing=14)
        off = {str(d).lower()[:3] for d in values["days_off"]}
        for key, _ in WEEKDAYS:
            box = QCheckBox(weekday_word(key))
            box.setChecked(key in off)
            self.days_off[key] = box
            days.addWidget(box)
        rows = form(
            [
                (self.tr("Name"), self.name),
                (self.tr("Hours"), side_by_side(self.start, QLabel(self.tr("to")), self.end, self.overnight)),
                (self.tr("Grace"), side_by_side(self.late_grace, self.early_grace)),
                (self.tr("Punches count"), side_by_side(self.earliest_in, self.latest_out)),
                (self.tr("Day"), side_by_side(self.full_day, self.half_day)),
                (self.tr("Hours counted"), self.hours),
                (self.tr("Days off"), days),
            ],
            spacing=12,
        )
        self.message = QLabel("", objectName="muted", wordWrap=True)
        self.message.hide()
        buttons, self.ok_button = cancel_and_action(
            self, self.tr("Save shift") if name else self.tr("Add shift"), self.accept
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 20)
        layout.setSpacing(14)
        layout.addWidget(QLabel(self.windowTitle(), objectName="dialogTitle", wordWrap=True))
        body = Body()
        body.setLayout(rows)
        rows.setContentsMargins(0, 0, 12, 0)  # room for the scroll bar beside the fields
        layout.addWidget(scrolling(body, sideways=False), 1)  # twelve rows: they scroll on a short screen
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.resize(780, body.sizeHint().height() + 260)  # screen_fit keeps it on a smaller screen

    def result_name(self) -> str:
        return self.name.text().strip()

    def table(self) -> dict[str, Any]:
        """The shift as a kiosk.toml [shifts.NAME] table."""
        return {"start": self.start.time().toString("HH:mm"), "end": self.end.time().toString("HH:mm"),
                "overnight": self.overnight.isChecked(), "late_grace_minutes": self.late_grace.value(),
                "early_grace_minutes": self.early_grace.value(), "earliest_in_minutes": self.earliest_in.value(),
                "latest_out_minutes": self.latest_out.value(), "full_day_hours": self.full_day.value(),
                "half_day_hours": self.half_day.value(), "hours": self.hours.currentData(),
                "days_off": [k for k, box in self.days_off.items() if box.isChecked()]}

    def accept(self) -> None:
        """A name is needed and must be new; everything else is the service's to judge on save."""
        name = self.result_name()
        problem = (self.tr("Give the shift a name.") if not name else
                   self.tr("There is already a shift called {name}.").format(name=name)
                   if name.casefold() in self.taken else "")
        if problem:
            self.message.setObjectName("error")
            self.message.style().unpolish(self.message)
            self.message.style().polish(self.message)
            self.message.setText(problem)
            self.message.show()
            return
        super().accept()
