"""A card over the entrance's video: what is wrong and what to do (camera lost, video ended...)."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout, QWidget


class Notice(QFrame):
    """A card over the video: what is wrong and what to do (camera lost, video ended...)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("notice")
        self.title = QLabel(objectName="noticeTitle", alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
        self.body = QLabel(objectName="noticeBody", alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
        self.button = QPushButton(self.tr("Retry now"), objectName="primary")
        self.button.setMinimumWidth(220)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(36, 28, 36, 28)
        layout.setSpacing(14)
        layout.addWidget(self.title)
        layout.addWidget(self.body)
        layout.addWidget(self.button, alignment=Qt.AlignmentFlag.AlignCenter)
        self.setMaximumWidth(720)
        self.hide()

    def show_notice(self, title: str, body: str, button: str | None = None) -> None:
        self.title.setText(title)
        self.body.setText(body)
        self.button.setVisible(button is not None)
        if button:
            self.button.setText(button)
        self.show()
