"""HR sets an employee's personal check-in PIN: typed twice on the touch pad, 4-6 digits."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.app.types import PERSONAL_PIN_MAX_DIGITS
from kiosk.ui.engine_text import refusal_text
from kiosk.ui.widgets.pin_pad import PadKeys, PinPad


class SetPinDialog(PadKeys, QDialog):
    def __init__(self, service, user_id: str, name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Check-in PIN"))
        self.service, self.user_id = service, user_id
        self._first = ""
        self.title = QLabel(objectName="dialogTitle", alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
        self.message = QLabel(objectName="muted", alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
        self.pad = PinPad(max_length=PERSONAL_PIN_MAX_DIGITS)
        self.pad.submitted.connect(self.submit)
        cancel = QPushButton(self.tr("Cancel"))
        cancel.setMinimumHeight(60)
        cancel.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 28, 32, 24)
        layout.addWidget(self.title)
        layout.addWidget(self.message)
        layout.addWidget(self.pad)
        layout.addWidget(cancel)
        self.name = name
        self._prompt()
        self.keys_to_pad()  # typed digits, Enter = OK, Esc = cancel, wherever the focus is

    def active_pad(self) -> PinPad:
        return self.pad

    def _prompt(self, message: str = "", error: bool = False) -> None:
        self.title.setText(self.tr("New check-in PIN for {name}").format(name=self.name) if not self._first
                           else self.tr("Repeat the new PIN"))
        self.message.setObjectName("error" if error else "muted")
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
        self.message.setText(message or self.tr("4 to 6 digits. The employee types it after their worker ID."))
        self.pad.clear()

    def submit(self, pin: str) -> None:
        if not self._first:
            problem = self.service.personal_pin_problem(pin)
            if problem:
                said = refusal_text(problem)
                self._prompt(said[:1].upper() + said[1:] + ".", error=True)
                return
            self._first = pin
            self._prompt()
            return
        if pin != self._first:
            self._first = ""
            self._prompt(self.tr("The two PINs differ. Start again."), error=True)
            return
        try:
            self.service.set_pin(self.user_id, pin)
        except (ValueError, KeyError, OSError) as exc:
            self._first = ""
            self._prompt(self.tr("Not set: {reason}").format(reason=refusal_text(exc)), error=True)
            return
        self.accept()
