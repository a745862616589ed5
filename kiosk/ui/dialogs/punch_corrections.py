"""HR's corrections on the Attendance page: "Add missing punch" (person, date, time, direction,
reason) and "Void punch" (reason). Both go through KioskService.timesheet (audited: who and why;
the original punch is kept, a voided one stays marked). A reason is required; whatever the
service refuses (no reason, a time in the future, a punch too close to another, a departed
person) is said in the dialog in red and nothing changes."""
from __future__ import annotations

from datetime import date, datetime, time

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QRegularExpression, Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QComboBox, QDialog, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from kiosk.ui.widgets.form_dialog import REFUSALS, cancel_and_action, say_refused
from kiosk.ui.widgets.pickers import date_edit, employee_combo, to_date
from kiosk.ui.widgets.punch_choice import DIRECTION_WORDS, direction_word

DIALOG_WIDTH = 600  # px: room for a long name; screen_fit keeps a dialog on a narrower screen
METHOD_WORDS = {
    "face": QT_TRANSLATE_NOOP("PunchMethod", "face"),
    "pin": QT_TRANSLATE_NOOP("PunchMethod", "worker ID + PIN"),
    "correction": QT_TRANSLATE_NOOP("PunchMethod", "added by HR"),
}


def method_word(method: str | None) -> str:
    """How a punch was made, in the screen's language."""
    word = METHOD_WORDS.get(method or "")
    return QCoreApplication.translate("PunchMethod", word) if word else (method or "")


def punch_summary(punch: dict) -> str:
    """'Dana Lee (W001), 2026-12-07 08:57, IN by face' (what a dialog is about)."""
    stamp = str(punch.get("timestamp") or "")
    return QCoreApplication.translate(
        "VoidPunchDialog", "{name} ({worker_id}), {day} {time}, {direction} by {method}"
    ).format(
        name=punch.get("name") or "",
        worker_id=punch.get("employee_id"),
        day=stamp[:10],
        time=stamp[11:16],
        direction=direction_word(punch.get("direction")) or punch.get("direction") or "?",
        method=method_word(punch.get("method")) or "?",
    )


def clock_time(text: str) -> time:
    """"17:30" (or "1730", "9:05") as a time; a ValueError a person understands otherwise."""
    digits = text.strip().replace(":", "")
    if text.count(":") <= 1 and digits.isdigit() and len(digits) in (3, 4):
        hours, minutes = int(digits[:-2]), int(digits[-2:])
        if hours < 24 and minutes < 60:
            return time(hours, minutes)
    raise ValueError(
        QCoreApplication.translate(
            "AddPunchDialog", "type the time as hours and minutes, such as 17:30 (got {text})"
        ).format(text=repr(text.strip()) if text.strip() else QCoreApplication.translate("AddPunchDialog", "nothing"))
    )


def _title(text: str) -> QLabel:
    return QLabel(text, objectName="dialogTitle", wordWrap=True)


def _layout(dialog: QDialog, title: str, form: QFormLayout, message: QLabel, buttons) -> None:
    dialog.setMinimumWidth(DIALOG_WIDTH)
    layout = QVBoxLayout(dialog)
    layout.setContentsMargins(28, 24, 28, 20)
    layout.setSpacing(14)
    layout.addWidget(_title(title))
    layout.addLayout(form)
    layout.addWidget(message)
    layout.addLayout(buttons)


class AddPunchDialog(QDialog):
    """A punch the kiosk never saw (a forgotten check-out, a dead camera): added with a reason."""

    def __init__(self, service, employee_id: str | None, day: date, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add missing punch"))
        self.service = service
        self.row = None
        self.person = employee_combo(service, with_all=self.tr("Choose a person"))
        index = self.person.findData(employee_id) if employee_id else -1
        self.person.setCurrentIndex(max(index, 0))
        self.day = date_edit(day)
        self.time = QLineEdit(
            placeholderText=self.tr("HH:MM, e.g. 17:30")
        )  # typed (spin arrows are too small to touch)
        self.time.setValidator(QRegularExpressionValidator(QRegularExpression(r"[0-2]?[0-9]:?[0-5]?[0-9]?")))
        self.time.setInputMethodHints(Qt.InputMethodHint.ImhPreferNumbers)
        self.time.returnPressed.connect(self.save)
        self.direction = QComboBox()
        for key, words in DIRECTION_WORDS.items():
            self.direction.addItem(direction_word(key), key)
        self.reason = QLineEdit(placeholderText=self.tr("Why: e.g. forgot to check out, confirmed by the manager"))
        self.reason.returnPressed.connect(self.save)
        self.message = QLabel(self.tr("The punch is marked as added by HR; the reason goes to the audit trail."),
                              objectName="muted", wordWrap=True)
        buttons, self.save_button = cancel_and_action(self, self.tr("Add punch"), self.save)
        form = QFormLayout()
        for label, field in ((self.tr("Person"), self.person), (self.tr("Date"), self.day),
                             (self.tr("Time"), self.time),
                             (self.tr("Direction"), self.direction), (self.tr("Reason"), self.reason)):
            form.addRow(label, field)
        _layout(self, self.tr("Add a missing punch"), form, self.message, buttons)

    def save(self) -> bool:
        employee_id = self.person.currentData()
        if not employee_id:
            say_refused(
                self.message,
                self.service,
                self.tr("Not added"),
                ValueError(self.tr("choose the person the punch is for")),
            )
            return False
        try:
            when = datetime.combine(to_date(self.day), clock_time(self.time.text()))
            self.row = self.service.timesheet.add_punch(employee_id, when, self.direction.currentData(),
                                                        self.reason.text())
        except REFUSALS as exc:
            say_refused(self.message, self.service, self.tr("Not added"), exc)
            return False
        self.accept()
        return True


class VoidPunchDialog(QDialog):
    """A wrong punch made void with a reason: kept and shown as void, left out of every report."""

    def __init__(self, service, punch: dict, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Void punch"))
        self.service, self.punch = service, punch
        self.row = None
        self.reason = QLineEdit(placeholderText=self.tr("Why: e.g. a colleague walked past the camera"))
        self.reason.returnPressed.connect(self.save)
        self.message = QLabel(self.tr("The punch is kept, marked void; the reason goes to the audit trail."),
                              objectName="muted", wordWrap=True)
        buttons, self.save_button = cancel_and_action(self, self.tr("Void punch"), self.save)
        form = QFormLayout()
        self.summary = QLabel(punch_summary(punch), wordWrap=True)
        form.addRow(self.tr("Punch"), self.summary)
        form.addRow(self.tr("Reason"), self.reason)
        _layout(self, self.tr("Void a punch"), form, self.message, buttons)

    def save(self) -> bool:
        try:
            self.row = self.service.timesheet.void_punch(self.punch["id"], self.reason.text())
        except REFUSALS as exc:
            say_refused(self.message, self.service, self.tr("Not voided"), exc)
            return False
        self.accept()
        return True
