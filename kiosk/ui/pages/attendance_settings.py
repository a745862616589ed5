"""Attendance settings for the administrator: the site's time zone, how a punch gets its direction
(automatic, by a time of day, or the person's tap), the duplicate window, forgotten check-outs, the
longest session, the shifts (a table edited through kiosk.ui.dialogs.shift_dialog), which shift
each department works and the holidays.

Save sends what changed to service.timesheet.save_attendance_settings, which validates it all
first: a refusal (a shift ending before it starts, an unknown zone...) is said above the form and
nothing is saved; kiosk.toml stays the file underneath."""
from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDoubleSpinBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.app.types import STORE_ERRORS
from kiosk.ui.dialogs.shift_dialog import WEEKDAYS, ShiftDialog, time_edit, weekday_word
from kiosk.ui.engine_text import refusal_text
from kiosk.ui.i18n import number
from kiosk.ui.pages.common import fill_table, make_table, page_layout, say, select_key, selected_key
from kiosk.ui.screen_fit import form
from kiosk.ui.widgets.flow import FlowLayout
from kiosk.ui.widgets.pickers import date_edit, to_date

# The screen's words are marked here (context "AttendanceSettingsPage") and translated where shown.
MODES = (
    ("auto", QT_TRANSLATE_NOOP("AttendanceSettingsPage", "Automatic: first punch of the day IN, then alternating")),
    ("window", QT_TRANSLATE_NOOP("AttendanceSettingsPage", "By time of day: IN before a time, OUT after it")),
    ("choose", QT_TRANSLATE_NOOP("AttendanceSettingsPage", "The person taps IN / OUT / Break after the punch")),
)
MACHINE_ZONE = QT_TRANSLATE_NOOP("AttendanceSettingsPage", "This machine's zone")
SECTIONS = (("punches", QT_TRANSLATE_NOOP("AttendanceSettingsPage", "Punches")),
            ("checkouts", QT_TRANSLATE_NOOP("AttendanceSettingsPage", "Check-outs")),
            ("shifts", QT_TRANSLATE_NOOP("AttendanceSettingsPage", "Shifts")),
            ("departments", QT_TRANSLATE_NOOP("AttendanceSettingsPage", "Departments")),
            ("holidays", QT_TRANSLATE_NOOP("AttendanceSettingsPage", "Holidays")))
SHIFT_COLUMNS = [
    QT_TRANSLATE_NOOP("AttendanceSettingsPage", "Shift"),
    QT_TRANSLATE_NOOP("AttendanceSettingsPage", "Hours"),
    QT_TRANSLATE_NOOP("AttendanceSettingsPage", "Late / early grace"),
    QT_TRANSLATE_NOOP("AttendanceSettingsPage", "Full / half day"),
    QT_TRANSLATE_NOOP("AttendanceSettingsPage", "Hours counted"),
    QT_TRANSLATE_NOOP("AttendanceSettingsPage", "Days off"),
]


def shift_table(shift: Any) -> dict[str, Any]:
    """A policy's shift (the built-in one when kiosk.toml has none) as a [shifts.NAME] table."""
    return {"start": shift.start.strftime("%H:%M"), "end": shift.end.strftime("%H:%M"),
            "overnight": bool(shift.overnight), "late_grace_minutes": int(shift.late_grace_minutes),
            "early_grace_minutes": int(shift.early_grace_minutes),
            "earliest_in_minutes": int(shift.earliest_in_minutes), "latest_out_minutes": int(shift.latest_out_minutes),
            "full_day_hours": float(shift.full_day_hours), "half_day_hours": float(shift.half_day_hours),
            "hours": shift.hours, "days_off": list(shift.days_off_names())}


def holiday_item(item: Any) -> dict[str, str]:
    if isinstance(item, dict):
        return {"date": str(item.get("date", "")), "name": str(item.get("name", "") or "")}
    return {"date": str(item), "name": ""}


def controls_row(*widgets: QWidget) -> FlowLayout:
    """Controls side by side, wrapping on a narrow screen."""
    row = FlowLayout(spacing=12, line_spacing=12)
    for widget in widgets:
        row.addWidget(widget)
    return row


class AttendanceSettingsPage(QWidget):
    def __init__(self, service, parent: QWidget | None = None):
        super().__init__(parent)
        self.service = service
        self.dialog: ShiftDialog | None = None
        layout, header = page_layout(self, self.tr("Attendance settings"),
                                     self.tr("Time zone, punches, shifts and holidays (saved in kiosk.toml)"))
        self.save_button = QPushButton(self.tr("Save"), objectName="primary")
        self.save_button.setMinimumWidth(160)
        self.save_button.clicked.connect(lambda: self.save())
        header.addWidget(self.save_button)
        self.message = QLabel("", objectName="muted", wordWrap=True)
        self.message.hide()
        layout.addWidget(self.message)

        # -- punches and the day --------------------------------------------------------------
        self.zone = QComboBox()
        self.zone.setEditable(True)
        self.zone.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.zone.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.zone.setMinimumContentsLength(18)
        self.zone.addItem(self.tr(MACHINE_ZONE), "")
        for name in service.timesheet.time_zones():
            self.zone.addItem(name, name)
        completer = QCompleter(self.zone.model(), self.zone)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.zone.setCompleter(completer)
        self.mode = QComboBox()
        for key, text in MODES:
            self.mode.addItem(self.tr(text), key)
        self.mode.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.mode.setMinimumContentsLength(18)
        self.mode.currentIndexChanged.connect(self._follow_mode)
        self.out_after = time_edit("12:00")
        self.choice_seconds = QSpinBox(suffix=self.tr(" s"))
        self.choice_seconds.setRange(0, 600)
        self.cooldown = QSpinBox(suffix=self.tr(" s"))
        self.cooldown.setRange(0, 24 * 3600)
        self.auto_close = QCheckBox(self.tr("Close them automatically"))
        self.auto_close.toggled.connect(self._follow_mode)
        self.auto_close_minutes = QSpinBox(suffix=self.tr(" min after the shift ends"))
        self.auto_close_minutes.setRange(0, 24 * 60)
        self.max_session = QDoubleSpinBox(suffix=self.tr(" h"))
        self.max_session.setRange(0, 168)
        self.max_session.setDecimals(1)
        self.default_shift = QComboBox()
        self.general = form(
            [
                (self.tr("Time zone"), self.zone),
                (self.tr("Punch direction"), self.mode),
                (self.tr("Check-outs from"), self.out_after),
                (self.tr("Buttons shown for"), self.choice_seconds),
                (self.tr("Duplicate window"), self.cooldown),
            ],
            spacing=14,
        )
        self.checkouts = form(
            [
                (self.tr("Forgotten check-outs"), self.auto_close),
                (self.tr("Closed at"), self.auto_close_minutes),
                (self.tr("Flag sessions longer than"), self.max_session),
            ],
            spacing=14,
        )
        self.sections = QStackedWidget()
        self.section_buttons: dict[str, QPushButton] = {}
        picker = FlowLayout(spacing=10)
        group = QButtonGroup(self)
        for key, title in SECTIONS:
            button = QPushButton(self.tr(title), objectName="section", checkable=True)
            button.clicked.connect(lambda _=False, k=key: self.show_section(k))
            group.addButton(button)
            picker.addWidget(button)
            self.section_buttons[key] = button
        layout.addLayout(picker)
        layout.addWidget(self.sections, 1)
        for rows in (self.general, self.checkouts):
            page = self._section()
            page.addLayout(rows)
            page.addStretch(1)

        # -- shifts ---------------------------------------------------------------------------
        layout = self._section()
        layout.addLayout(form([(self.tr("Default shift"), self.default_shift)], spacing=14))
        self.shift_list = make_table([self.tr(c) for c in SHIFT_COLUMNS])
        self.add_shift_button = QPushButton(self.tr("Add shift…"))
        self.edit_shift_button = QPushButton(self.tr("Edit shift…"))
        self.remove_shift_button = QPushButton(self.tr("Remove shift"))
        self.add_shift_button.clicked.connect(lambda: self.open_shift_dialog())
        self.edit_shift_button.clicked.connect(lambda: self.open_shift_dialog(self.selected(self.shift_list)))
        self.remove_shift_button.clicked.connect(lambda: self.remove_shift(self.selected(self.shift_list)))
        layout.addLayout(controls_row(self.add_shift_button, self.edit_shift_button, self.remove_shift_button))
        layout.addWidget(self.shift_list)

        # -- departments ------------------------------------------------------------------------
        layout = self._section()
        layout.addWidget(QLabel(self.tr("A person works their own shift if one is set (Employees), else their "
                                "department's, else the default shift."), objectName="muted", wordWrap=True))
        self.department_list = make_table([self.tr("Department"), self.tr("Shift")])
        self.department = QComboBox()
        self.department.setEditable(True)
        self.department.setMinimumContentsLength(14)
        self.department.lineEdit().setPlaceholderText(self.tr("Department"))
        self.department_shift = QComboBox()
        self.set_department_button = QPushButton(self.tr("Set shift"))
        self.remove_department_button = QPushButton(self.tr("Remove"))
        self.set_department_button.clicked.connect(lambda: self.set_department())
        self.remove_department_button.clicked.connect(
            lambda: self.remove_department(self.selected(self.department_list)))
        layout.addLayout(controls_row(self.department, self.department_shift, self.set_department_button,
                                      self.remove_department_button))
        layout.addWidget(self.department_list)

        # -- holidays ---------------------------------------------------------------------------
        layout = self._section()
        self.holiday_list = make_table([self.tr("Date"), self.tr("Name")])
        self.holiday_date = date_edit(date.today())
        self.holiday_name = QLineEdit()
        self.holiday_name.setPlaceholderText(self.tr("Name, e.g. New Year's Day"))
        self.holiday_name.setMinimumWidth(260)
        self.add_holiday_button = QPushButton(self.tr("Add holiday"))
        self.remove_holiday_button = QPushButton(self.tr("Remove"))
        self.add_holiday_button.clicked.connect(lambda: self.add_holiday())
        self.remove_holiday_button.clicked.connect(lambda: self.remove_holiday(self.selected(self.holiday_list)))
        layout.addLayout(controls_row(self.holiday_date, self.holiday_name, self.add_holiday_button,
                                      self.remove_holiday_button))
        layout.addWidget(self.holiday_list)
        self.show_section(SECTIONS[0][0])

        self.shifts: dict[str, dict] = {}
        self.department_shifts: dict[str, str] = {}
        self.holidays: list[dict[str, str]] = []
        self.original: dict[str, Any] = {}

    def _section(self) -> QVBoxLayout:
        """A new section's layout (the sections are shown one at a time: short enough that no
        field of theirs sits below a screen's fold)."""
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.setSpacing(14)
        self.sections.addWidget(page)
        return layout

    def show_section(self, key: str) -> None:
        index = [k for k, _ in SECTIONS].index(key)
        self.section_buttons[key].setChecked(True)
        self.sections.setCurrentIndex(index)

    # -- loading and showing ----------------------------------------------------------------------
    def refresh(self) -> None:
        """The settings in force (unsaved edits are dropped)."""
        timesheet = self.service.timesheet
        values = timesheet.attendance_settings()
        zone = str(values["time_zone"] or "")
        self.zone.setCurrentIndex(max(0, self.zone.findData(zone)))
        if zone and self.zone.findData(zone) < 0:
            self.zone.setEditText(zone)
        self.mode.setCurrentIndex(max(0, self.mode.findData(values["punch_mode"])))
        self.out_after.setTime(time_edit(values["punch_out_after"]).time())
        self.choice_seconds.setValue(int(values["punch_choice_seconds"]))
        self.cooldown.setValue(int(values["cooldown_seconds"]))
        self.auto_close.setChecked(bool(values["auto_close_out"]))
        self.auto_close_minutes.setValue(int(values["auto_close_after_minutes"]))
        self.max_session.setValue(float(values["max_session_hours"]))
        # kiosk.toml without shifts works the built-in day shift: shown, and kept unless edited
        self.shifts = {name: dict(table) for name, table in values["shifts"].items()} or \
            {name: shift_table(shift) for name, shift in timesheet.policy.shifts.items()}
        self.department_shifts = dict(values["department_shifts"])
        self.holidays = [holiday_item(h) for h in values["holidays"]]
        self._show_lists(default=str(values["default_shift"]))
        self.original = self.values()  # what Save compares with: only changes are sent
        self._follow_mode()
        try:
            departments = sorted({str(e.get("department") or "") for e in
                                  self.service.db.list_employees(include_inactive=True)} - {""})
        except STORE_ERRORS:
            departments = []
        typed = self.department.currentText()
        self.department.clear()
        self.department.addItems(departments)
        self.department.setEditText(typed)

    def _show_lists(self, default: str | None = None) -> None:
        names = sorted(self.shifts)
        default = self.default_shift.currentText() if default is None else default
        for combo, keep in ((self.default_shift, default), (self.department_shift, self.department_shift.currentText())):
            combo.clear()
            combo.addItems(names)
            combo.setCurrentIndex(max(0, combo.findText(keep)))
        rows = []
        for name in names:
            s = self.shifts[name]
            days = ", ".join(weekday_word(key) for key, _ in WEEKDAYS
                             if key in {str(d).lower()[:3] for d in s.get("days_off", [])})
            rows.append([name, f"{s['start']}-{s['end']}" + (self.tr(" (next day)") if s.get("overnight") else ""),
                         self.tr("{late} / {early} min").format(late=number(s.get("late_grace_minutes", 10)),
                                                                early=number(s.get("early_grace_minutes", 10))),
                         self.tr("{full} / {half} h").format(full=number(s.get("full_day_hours", 8.0), 1),
                                                             half=number(s.get("half_day_hours", 4.0), 1)),
                         self.tr("in/out pairs") if s.get("hours") == "pairs" else self.tr("first in to last out"),
                         days or self.tr("none")])
        fill_table(self.shift_list, rows, keys=names)
        departments = sorted(self.department_shifts)
        fill_table(self.department_list, [[d, self.department_shifts[d]] for d in departments], keys=departments)
        self.holidays.sort(key=lambda h: h["date"])
        fill_table(self.holiday_list, [[h["date"], h["name"]] for h in self.holidays],
                   keys=[h["date"] for h in self.holidays])

    def _follow_mode(self, *_: object) -> None:
        """The out-after time only in window mode, the buttons' seconds only in choose mode, the
        auto-close minutes only when closing automatically."""
        mode = self.mode.currentData()
        self.general.setRowVisible(self.out_after, mode == "window")
        self.general.setRowVisible(self.choice_seconds, mode == "choose")
        self.checkouts.setRowVisible(self.auto_close_minutes, self.auto_close.isChecked())

    @staticmethod
    def selected(table) -> str | None:
        return selected_key(table)  # type: ignore[return-value]

    @staticmethod
    def select(table, key: str) -> None:
        if not select_key(table, key):
            raise LookupError(key)

    # -- editing the lists ----------------------------------------------------------------------------
    def open_shift_dialog(self, name: str | None = None) -> ShiftDialog:
        """Add a shift (name None) or edit one; the dialog's result lands in the table on accept."""
        self.dialog = ShiftDialog(name, self.shifts.get(name) if name else None, tuple(self.shifts), self.window())
        self.dialog.accepted.connect(lambda dialog=self.dialog, old=name: self._shift_done(dialog, old))
        self.dialog.open()
        return self.dialog

    def _shift_done(self, dialog: ShiftDialog, old: str | None) -> None:
        name = dialog.result_name()
        if old and old != name:  # renamed: whoever worked it works it under the new name
            self.shifts.pop(old, None)
            self.department_shifts = {d: (name if s == old else s) for d, s in self.department_shifts.items()}
            if self.default_shift.currentText() == old:
                self.default_shift.addItem(name)
                self.default_shift.setCurrentText(name)
        self.shifts[name] = dialog.table()
        self._show_lists()
        self._unsaved((self.tr("Shift {name} changed: Save to keep it.") if old
                      else self.tr("Shift {name} added: Save to keep it.")).format(name=name))

    def remove_shift(self, name: str | None) -> None:
        if name is None:
            return self._unsaved(self.tr("Choose a shift in the list first."), error=True)
        self.shifts.pop(name, None)
        self._show_lists()
        self._unsaved(self.tr("Shift {name} removed: Save to keep the change.").format(name=name))

    def set_department(self) -> None:
        department, shift = self.department.currentText().strip(), self.department_shift.currentText()
        if not department or not shift:
            return self._unsaved(self.tr("Type or choose a department and its shift."), error=True)
        self.department_shifts[department] = shift
        self._show_lists()
        self._unsaved(
            self.tr("{department} works the {shift} shift: Save to keep it.").format(department=department, shift=shift)
        )

    def remove_department(self, department: str | None) -> None:
        if department is None:
            return self._unsaved(self.tr("Choose a department in the list first."), error=True)
        self.department_shifts.pop(department, None)
        self._show_lists()
        self._unsaved(
            self.tr("{department} works the default shift again: Save to keep it.").format(department=department)
        )

    def add_holiday(self) -> None:
        day = to_date(self.holiday_date).isoformat()
        self.holidays = [h for h in self.holidays if h["date"] != day]
        self.holidays.append({"date": day, "name": self.holiday_name.text().strip()})
        self.holiday_name.clear()
        self._show_lists()
        self._unsaved(self.tr("Holiday {day} added: Save to keep it.").format(day=day))

    def remove_holiday(self, day: str | None) -> None:
        if day is None:
            return self._unsaved(self.tr("Choose a holiday in the list first."), error=True)
        self.holidays = [h for h in self.holidays if h["date"] != day]
        self._show_lists()
        self._unsaved(self.tr("Holiday {day} removed: Save to keep the change.").format(day=day))

    def _unsaved(self, text: str, error: bool = False) -> None:
        say(self.message, text, error)
        self.message.show()

    # -- saving --------------------------------------------------------------------------------------
    def zone_value(self) -> str:
        text = self.zone.currentText().strip()
        return "" if text in ("", MACHINE_ZONE, self.tr(MACHINE_ZONE)) else text

    def values(self) -> dict[str, Any]:
        """The form as save_attendance_settings' keyword arguments."""
        return {"time_zone": self.zone_value(), "punch_mode": self.mode.currentData(),
                "punch_out_after": self.out_after.time().toString("HH:mm"),
                "punch_choice_seconds": self.choice_seconds.value(), "cooldown_seconds": self.cooldown.value(),
                "auto_close_out": self.auto_close.isChecked(),
                "auto_close_after_minutes": self.auto_close_minutes.value(),
                "max_session_hours": round(self.max_session.value(), 1),
                "default_shift": self.default_shift.currentText(),
                "shifts": {name: dict(table) for name, table in self.shifts.items()},
                "department_shifts": dict(self.department_shifts),
                "holidays": [{"date": h["date"], "name": h["name"]} if h["name"] else h["date"]
                             for h in self.holidays]}

    def save(self) -> bool:
        """Save what changed; a refusal is shown and nothing is saved."""
        values = self.values()
        changed = {k: v for k, v in values.items() if v != self.original.get(k)}
        if not changed:
            self._unsaved(self.tr("Nothing to save: the settings are as they were."))
            return True
        try:
            self.service.timesheet.save_attendance_settings(**changed)
        except ValueError as exc:
            self._unsaved(self.tr("Not saved: {reason}").format(reason=refusal_text(exc)), error=True)
            return False
        except OSError as exc:
            self._unsaved(
                self.tr("Not saved: kiosk.toml could not be written ({reason}).").format(reason=refusal_text(exc)),
                error=True
            )
            return False
        self.original = values
        where = self.service.settings.settings_path
        self._unsaved(
            self.tr("✓ Saved to {where}; punches and reports follow the new settings now.").format(where=where)
        )
        return True
