"""A one-line label that never makes its window wider: when its text does not fit, it is drawn
cut with "…" and the whole text becomes its tooltip (a long status line, a data-folder path).
`text()` stays the whole text. The layout audit (kiosk.ui.layout_audit) knows it by the
`elides` property."""
from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy, QWidget


class ElidedLabel(QLabel):
    def __init__(self, text: str = "", parent: QWidget | None = None, *,
                 mode: Qt.TextElideMode = Qt.TextElideMode.ElideRight, **kwargs):
        super().__init__(text, parent, **kwargs)
        self.mode = mode
        self.setProperty("elides", True)
        self.setWordWrap(False)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._update_tip()

    def setText(self, text: str) -> None:  # noqa: N802 - Qt name
        super().setText(text)
        self._update_tip()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt name
        hint = super().minimumSizeHint()
        return QSize(self.fontMetrics().horizontalAdvance("…") * 4, hint.height())

    def _room(self) -> int:
        return self.contentsRect().width() - 2 * self.margin()

    def elided(self) -> bool:
        return self.fontMetrics().horizontalAdvance(self.text()) > self._room()

    def _update_tip(self) -> None:
        tip = self.text() if self.elided() else ""
        if self.toolTip() != tip:
            self.setToolTip(tip)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt name
        super().resizeEvent(event)
        self._update_tip()

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt name
        QFrame.paintEvent(self, event)  # the style sheet's background and border
        painter = QPainter(self)
        box = self.contentsRect().adjusted(self.margin(), self.margin(), -self.margin(), -self.margin())
        shown = self.fontMetrics().elidedText(self.text(), self.mode, box.width())
        self.style().drawItemText(painter, box, int(self.alignment()), self.palette(), self.isEnabled(), shown,
                                  self.foregroundRole())
        painter.end()
