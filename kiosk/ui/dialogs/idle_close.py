"""An entrance overlay that closes itself when nobody touches it: the screen is shared, and the
next person at the door must find the camera, not someone else's week or an open help page."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QHBoxLayout, QPushButton, QWidget

from kiosk.ui import theme

ACTIVITY = (QEvent.Type.MouseButtonPress, QEvent.Type.KeyPress, QEvent.Type.TouchBegin, QEvent.Type.Wheel)


class IdleClosingDialog(QDialog):
    """Rejected after `idle_ms` without a touch, click, key or scroll inside it (its `idle` timer
    starts when it is shown); centred on its screen at the size `place` is given."""

    def __init__(self, idle_ms: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.idle = QTimer(self, singleShot=True, interval=idle_ms, timeout=self.reject)
        self._watching = False

    def close_row(self, description: str) -> QHBoxLayout:
        """A large Close key (`self.close_button`), centred in a row of its own; `description`
        says what it closes for screen readers."""
        self.close_button = QPushButton(QCoreApplication.translate("IdleClosingDialog", "Close"), objectName="primary")
        self.close_button.setProperty("touch", "large")
        self.close_button.setMinimumSize(220, max(64, theme.touch()))  # a finger's size whatever the style
        self.close_button.setAutoDefault(False)
        self.close_button.setAccessibleDescription(description)
        self.close_button.clicked.connect(self.accept)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.close_button)
        row.addStretch(1)
        return row

    def place(self, width: int, height: int) -> None:
        """This size, centred on the screen; the idle timer starts (call from showEvent)."""
        screen = (self.parentWidget() or self).screen().availableGeometry()
        self.resize(width, height)
        frame = self.frameGeometry()
        frame.moveCenter(screen.center())
        self.move(frame.topLeft())
        if not self._watching:
            QApplication.instance().installEventFilter(self)
            self._watching = True
        self.idle.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt name
        """Any activity inside this dialog keeps it open for another interval."""
        if event.type() in ACTIVITY and isinstance(watched, QWidget) and \
                (watched is self or self.isAncestorOf(watched)):
            self.idle.start()
        return False

    def done(self, result: int) -> None:
        self.idle.stop()
        if self._watching:
            QApplication.instance().removeEventFilter(self)
            self._watching = False
        super().done(result)
