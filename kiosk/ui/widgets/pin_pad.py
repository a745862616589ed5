"""A touch PIN pad: big keys, masked dots, no keyboard needed on the entrance screen."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

MAX_DIGITS = 8


class PinPad(QWidget):
    submitted = Signal(str)

    def __init__(self, parent: QWidget | None = None, masked: bool = True, max_length: int = MAX_DIGITS,
                 letters: bool = False):
        """`masked`: dots instead of the digits (a PIN; a worker ID is shown); `letters`: a
        keyboard's letters are accepted too (worker IDs are letters and digits)."""
        super().__init__(parent)
        self.masked = masked
        self.max_length = max_length
        self.letters = letters
        self._digits = ""
        self.display = QLabel()
        self.display.setObjectName("pinDisplay")
        self.display.setAlignment(Qt.AlignmentFlag.AlignCenter)
        grid = QGridLayout()
        grid.setSpacing(12)
        keys = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "⌫", "0", "OK"]
        self.buttons: dict[str, QPushButton] = {}
        for i, key in enumerate(keys):
            button = QPushButton(key)
            button.setObjectName("pinKey" if key not in ("OK", "⌫") else ("pinOk" if key == "OK" else "pinBack"))
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setMinimumSize(96, 80)
            button.clicked.connect(lambda _=False, k=key: self.press(k))
            grid.addWidget(button, i // 3, i % 3)
            self.buttons[key] = button
        layout = QVBoxLayout(self)
        layout.setSpacing(16)
        layout.addWidget(self.display)
        layout.addLayout(grid)
        self._refresh()

    @property
    def pin(self) -> str:
        return self._digits

    def clear(self) -> None:
        self._digits = ""
        self._refresh()

    def press(self, key: str) -> None:
        if key == "OK":
            if self._digits:
                self.submitted.emit(self._digits)
        elif key == "⌫":
            self._digits = self._digits[:-1]
        elif self._accepts(key) and len(self._digits) < self.max_length:
            self._digits += key
        self._refresh()

    def _accepts(self, key: str) -> bool:
        return len(key) == 1 and (key.isdigit() or (self.letters and key.isascii() and key.isalpha()))

    def type_pin(self, pin: str) -> None:
        """Press each digit then OK (tests, and a hardware keypad through keyPressEvent)."""
        for key in pin:
            self.press(key)
        self.press("OK")

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt name
        text = event.text()
        if self._accepts(text):
            self.press(text)
        elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.press("OK")
        elif event.key() == Qt.Key.Key_Backspace:
            self.press("⌫")
        else:
            super().keyPressEvent(event)

    def _refresh(self) -> None:
        shown = " ".join("●" for _ in self._digits) if self.masked else self._digits
        self.display.setText(shown or " ")
