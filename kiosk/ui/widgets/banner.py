"""The large welcome banner: what a person reads from a metre away while walking past."""
from __future__ import annotations

import time

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

KINDS = ("welcome", "cooldown", "warning")


class Banner(QFrame):
    shown = Signal(str)  # the text, when a message appears

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("banner")
        self.title = QLabel()
        self.title.setObjectName("bannerTitle")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title.setWordWrap(True)
        self.detail = QLabel()
        self.detail.setObjectName("bannerDetail")
        self.detail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.detail.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.setSpacing(4)
        layout.addWidget(self.title)
        layout.addWidget(self.detail)
        self._timer = QTimer(self, singleShot=True, timeout=self.hide)
        self.shown_at = 0.0
        self.hide()

    def show_message(self, title: str, detail: str = "", kind: str = "welcome", seconds: float = 4.0) -> None:
        self.setProperty("kind", kind if kind in KINDS else "welcome")
        self.style().unpolish(self)
        self.style().polish(self)
        self.title.setText(title)
        self.detail.setText(detail)
        self.detail.setVisible(bool(detail))
        self.show()
        self.raise_()
        self.shown_at = time.monotonic()
        self._timer.start(int(seconds * 1000))
        self.shown.emit(title)

    def add_below(self, widget: QWidget) -> None:
        """A widget under the texts (the punch keys of "choose" mode); it hides with the banner."""
        self.layout().addWidget(widget)

    def update_text(self, title: str, detail: str = "") -> None:
        """New words on the banner already shown, its time left unchanged (a punch key tapped)."""
        self.title.setText(title)
        self.detail.setText(detail)
        self.detail.setVisible(bool(detail))

    def text(self) -> str:
        return self.title.text() if self.isVisible() else ""
