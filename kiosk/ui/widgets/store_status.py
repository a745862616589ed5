"""The store's connection state on screen (KioskService.site_status): nothing for a single kiosk
whose writes go through; "Database busy - N waiting" when check-ins wait in the outbox; for a
site, "Online" or "Offline - check-ins are kept..." in a calm amber, never an alarm: the kiosk
keeps working either way."""
from __future__ import annotations

import logging

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QWidget

from kiosk.ui.engine_text import refusal_text

log = logging.getLogger(__name__)

POLL_MS = 2000  # site_status() is a folder listing: cheap enough for every 2 s


class StoreStatusLabel(QLabel):
    def __init__(self, service, parent: QWidget | None = None):
        super().__init__(parent, objectName="storeStatus", wordWrap=True)
        self.service = service
        self.status = None  # the last StoreStatus (None: nothing to say)
        self._timer = QTimer(self, interval=POLL_MS, timeout=self.poll)
        self._timer.start()
        self.hide()
        self.poll()

    def poll(self) -> None:
        try:
            status = self.service.site_status()
        except Exception:  # the status line must never take the screen down
            log.exception("store status unavailable")
            return
        self.status = status
        if status is None:
            self.hide()
            return
        kind = "offline" if status.offline else "queued" if status.queued else "online"
        self.setText(("● " if kind == "online" else "◐ ") + refusal_text(status.text))  # in the screen's language
        if self.property("kind") != kind:
            self.setProperty("kind", kind)
            self.style().unpolish(self)
            self.style().polish(self)
        self.show()
