"""The live picture with a box, name and similarity per face. Paints only: the frame and the
faces are handed in by the live page; nothing here waits for the camera or the models."""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget

from kiosk.ui import theme
from kiosk.ui.widgets.imaging import FaceBox, draw_faces, fit_rect, to_qimage


class VideoView(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("videoView")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(320, 240)
        self._image: QImage | None = None
        self._size = (0, 0)
        self._faces: list[FaceBox] = []
        self.placeholder = "Starting camera…"
        self.frames_drawn = 0  # distinct camera frames painted (the screen's real fps)
        self.paints = 0
        self._serial = 0
        self._painted_serial = 0

    def set_frame(self, image_bgr: np.ndarray) -> None:
        self._image = to_qimage(image_bgr)
        self._size = (image_bgr.shape[1], image_bgr.shape[0])
        self._serial += 1
        self.update()

    def set_faces(self, faces: list[FaceBox]) -> None:
        self._faces = faces
        self.update()

    def clear(self, placeholder: str | None = None) -> None:
        self._image = None
        self._faces = []
        if placeholder is not None:
            self.placeholder = placeholder
        self.update()

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt name
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#020617"))
        if self._image is None:
            font = QFont(self.font())
            font.setPixelSize(26)
            painter.setFont(font)
            painter.setPen(QColor(theme.MUTED))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.placeholder)
            return
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        target = fit_rect(*self._size, QRectF(self.rect()))
        painter.drawImage(target, self._image)
        font_px = max(14, int(target.height() / 28))
        draw_faces(painter, target, *self._size, self._faces, font_px=font_px)
        painter.end()
        self.paints += 1
        if self._painted_serial != self._serial:
            self._painted_serial = self._serial
            self.frames_drawn += 1
