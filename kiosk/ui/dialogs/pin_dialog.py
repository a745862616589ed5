"""The admin PIN prompt. On first use it asks for a new PIN twice and stores its hash."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.ui.widgets.pin_pad import PinPad


class PinDialog(QDialog):
    def __init__(self, guard, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("HR access")
        self.setModal(True)
        self.guard = guard
        self._first = ""  # the first entry of a new PIN
        self.setting_up = not guard.has_pin
        self.title = QLabel(objectName="dialogTitle", alignment=Qt.AlignmentFlag.AlignCenter)
        self.message = QLabel(objectName="muted", alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
        self.pad = PinPad()
        self.pad.submitted.connect(self.submit)
        cancel = QPushButton("Cancel")
        cancel.setMinimumHeight(60)
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 28, 32, 24)
        layout.setSpacing(16)
        layout.addWidget(self.title)
        layout.addWidget(self.message)
        layout.addWidget(self.pad)
        layout.addLayout(buttons)
        self.setMinimumWidth(440)
        self._prompt()

    def _prompt(self, message: str = "", error: bool = False) -> None:
        if self.setting_up:
            self.title.setText("Choose an HR PIN" if not self._first else "Repeat the new PIN")
            default = "First use: choose a PIN of 4-8 digits for the HR screens."
        else:
            self.title.setText("Enter HR PIN")
            default = "The HR screens are protected."
        self.message.setObjectName("error" if error else "muted")
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
        self.message.setText(message or default)
        self.pad.clear()

    def submit(self, pin: str) -> None:
        if self.setting_up:
            if not self._first:
                from kiosk.ui.pin import pin_problem

                problem = pin_problem(pin)
                if problem:
                    self._prompt(problem[0].upper() + problem[1:] + ".", error=True)
                    return
                self._first = pin
                self._prompt()
                return
            if pin != self._first:
                self._first = ""
                self._prompt("The two PINs differ. Start again.", error=True)
                return
            self.guard.set_pin(pin)
            self.accept()
            return
        ok, message = self.guard.check(pin)
        if ok:
            self.accept()
        else:
            self._prompt(message, error=True)
