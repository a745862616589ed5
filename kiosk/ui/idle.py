"""Signing out by itself: a timer that any touch, click or key restarts, so HR screens left
alone (at the door or at a desk) close after a while."""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

_INPUT_EVENTS = {QEvent.Type.MouseButtonPress, QEvent.Type.KeyPress, QEvent.Type.TouchBegin}


class IdleWatch(QObject):
    """Calls `on_idle` after `interval_ms` without input, once started; `close()` before the
    owner goes (the filter is on the application)."""

    def __init__(self, interval_ms: int, on_idle: Callable[[], None], parent: QObject | None = None):
        super().__init__(parent)
        self.timer = QTimer(self, singleShot=True, interval=interval_ms, timeout=on_idle)
        QApplication.instance().installEventFilter(self)

    def start(self) -> None:
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def isActive(self) -> bool:  # noqa: N802 - as QTimer says it
        return self.timer.isActive()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt name
        if self.timer.isActive() and event.type() in _INPUT_EVENTS:
            self.timer.start()
        return False

    def close(self) -> None:
        self.timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
