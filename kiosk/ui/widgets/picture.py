"""A still picture that scales to its space, keeping its aspect ratio (QLabel only crops)."""
from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPixmap
from PySide6.QtWidgets import QSizePolicy, QWidget

from kiosk.ui import theme
from kiosk.ui.widgets.imaging import fit_rect


class Picture(QWidget):
    def __init__(self, placeholder: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.placeholder = placeholder
        self._pixmap: QPixmap | None = None
        self.setProperty("accessibleGraphic", True)  # kiosk.ui.accessibility: it needs a name
        self.setAccessibleName(self.tr("Picture"))
        self.setAccessibleDescription(placeholder)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_pixmap(self, pixmap: QPixmap | None) -> None:
        self._pixmap = pixmap
        self.update()

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt name
        painter = QPainter(self)
        if self._pixmap is None or self._pixmap.isNull():
            painter.setPen(QColor(theme.MUTED))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.placeholder)
            return
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.drawPixmap(fit_rect(self._pixmap.width(), self._pixmap.height(), QRectF(self.rect())),
                           self._pixmap, QRectF(self._pixmap.rect()))
        painter.end()
