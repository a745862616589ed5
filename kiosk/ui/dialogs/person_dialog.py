"""HR edits an employee's name, department, mobile and shift (the Employees page's "Edit details"):
the same as `kiosk person edit` (KioskService.edit_person, audited). No new photos: the face
templates stay as they are."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialog, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from kiosk.ui.widgets.form_dialog import REFUSALS, cancel_and_action, say_refused


class PersonDialog(QDialog):
    def __init__(self, service, user_id: str, current: dict, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit details"))
        self.service, self.user_id = service, user_id
        self.current = {k: current.get(k) or "" for k in ("name", "department", "mobile")}
        self.row = None
        self.fields = {k: QLineEdit(self.current[k]) for k in self.current}
        self.fields["mobile"].setInputMethodHints(Qt.InputMethodHint.ImhDialableCharactersOnly)
        for field in self.fields.values():
            field.returnPressed.connect(self.save)
        # The shift: the person's own, or "" for their department's or the site's default.
        self.current_shift = current.get("shift") or ""
        self.shift = QComboBox()
        self.shift.addItem(self.tr("Department's or default shift"), "")
        for name in service.timesheet.shift_names():
            self.shift.addItem(name, name)
        if self.current_shift and self.shift.findData(self.current_shift) < 0:
            self.shift.addItem(
                self.tr("{shift} (no longer defined)").format(shift=self.current_shift), self.current_shift
            )
        self.shift.setCurrentIndex(max(0, self.shift.findData(self.current_shift)))
        self.message = QLabel(
            self.tr("Their photos and face templates stay as they are."), objectName="muted", wordWrap=True
        )
        buttons, self.save_button = cancel_and_action(self, self.tr("Save"), self.save)
        form = QFormLayout()
        for label, key in ((self.tr("Name"), "name"), (self.tr("Department"), "department"),
                           (self.tr("Mobile"), "mobile")):
            form.addRow(label, self.fields[key])
        form.addRow(self.tr("Shift"), self.shift)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 20)
        layout.setSpacing(14)
        layout.addWidget(
            QLabel(
                self.tr("Details of {name} ({worker_id})").format(name=self.current["name"], worker_id=user_id),
                objectName="dialogTitle",
                wordWrap=True,
            )
        )
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addLayout(buttons)

    def save(self) -> bool:
        """Only the fields HR changed are sent (an unchanged legacy mobile is not re-checked)."""
        changes = {k: f.text() for k, f in self.fields.items() if f.text().strip() != self.current[k]}
        if self.shift.currentData() != self.current_shift:
            changes["shift"] = self.shift.currentData()
        try:
            self.row = self.service.edit_person(self.user_id, **changes)
        except REFUSALS as exc:
            say_refused(self.message, self.service, self.tr("Not saved"), exc)
            return False
        self.accept()
        return True
