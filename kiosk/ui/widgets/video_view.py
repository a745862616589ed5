"""The live picture with a box, name and similarity per face. Paints only: the frame and the
faces are handed in by the live page; nothing here waits for the camera or the models.

A name is drawn only on the frame it was computed for. Recognition is slower than the camera,
so by the time a result arrives newer frames have been shown, and after a cut or a second person
stepping in, an old name drawn over a new frame lands on someone else's face. So while a
result with faces is fresh the view holds that result's own frame (the video then moves at the
recognition rate) and newer camera frames wait; without faces, or once the result is older
than twice the usual time between results (HOLD_MIN_S to HOLD_MAX_S), camera frames are shown as
they come, with no boxes at all. So after a cut the old picture, with its own name, stays at
most that long: about 0.2 s at 10 recognitions a second."""
from __future__ import annotations

import time
from collections import deque

import numpy as np
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget

from kiosk.ui import theme
from kiosk.ui.widgets.imaging import FaceBox, draw_faces, fit_rect, to_qimage

# How long (camera time) a result's frame may be held while no newer result arrives: twice the
# usual time between results, within these bounds (a stalled recogniser must not freeze the
# picture; a fast one must not leave an old picture up).
HOLD_MIN_S, HOLD_MAX_S = 0.15, 0.6


class VideoView(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("videoView")
        self.setProperty("accessibleGraphic", True)  # kiosk.ui.accessibility: it needs a name
        self.setAccessibleName(self.tr("Camera picture"))
        self.setAccessibleDescription(self.tr("The live camera picture, with a box and a name around each face it sees."))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(320, 240)
        self._image: QImage | None = None
        self._size = (0, 0)
        self._faces: list[FaceBox] = []
        self.placeholder = self.tr("Starting camera…")
        self.frames_drawn = 0  # distinct camera frames painted (the screen's real fps)
        self.paints = 0
        self._serial = 0
        self._painted_serial = 0
        self.frame_index = -1  # the camera frame on screen
        self._captured_at = 0.0
        self._held_at: float | None = None  # capture time of the held result's frame
        self._last_result_at: float | None = None
        self._result_gap = HOLD_MAX_S / 2  # usual capture-time gap between results (moving average)
        # What was painted: (frame index, its capture time, [(name, box)] drawn, monotonic time of
        # the paint), for tests and the soak.
        self.paint_log: deque = deque(maxlen=2048)

    def set_frame(self, image_bgr: np.ndarray, index: int = -1, captured_at: float | None = None) -> None:
        """A camera frame: shown at once, unless a fresh result's frame is being held."""
        captured_at = time.monotonic() if captured_at is None else captured_at
        if self._held_at is not None and captured_at - self._held_at < self.hold_s:
            return
        self._held_at = None
        self._faces = []
        self._show(image_bgr, index, captured_at)

    def show_result(self, image_bgr: np.ndarray, index: int, faces: list[FaceBox], captured_at: float) -> None:
        """A recognition result drawn on its own frame; held while fresh when it has faces."""
        if self._last_result_at is not None and 0 < captured_at - self._last_result_at < HOLD_MAX_S:
            self._result_gap = 0.8 * self._result_gap + 0.2 * (captured_at - self._last_result_at)
        self._last_result_at = captured_at
        self._faces = faces
        self._held_at = captured_at if faces else None
        self._show(image_bgr, index, captured_at)

    def _show(self, image_bgr: np.ndarray, index: int, captured_at: float) -> None:
        self._image = to_qimage(image_bgr)
        self._size = (image_bgr.shape[1], image_bgr.shape[0])
        self.frame_index = index
        self._captured_at = captured_at
        self._serial += 1
        self.update()

    @property
    def hold_s(self) -> float:
        return min(HOLD_MAX_S, max(HOLD_MIN_S, 2 * self._result_gap))

    @property
    def faces(self) -> list[FaceBox]:
        return list(self._faces)

    def clear(self, placeholder: str | None = None) -> None:
        self._image = None
        self._faces = []
        self._held_at = None
        if placeholder is not None:
            self.placeholder = placeholder
        self.update()

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt name
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#020617"))
        if self._image is None:
            font = QFont(self.font())
            font.setPixelSize(theme.font_px(26))
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
        self.paint_log.append((self.frame_index, self._captured_at, [(f.title, f.box) for f in self._faces],
                               time.monotonic()))
        if self._painted_serial != self._serial:
            self._painted_serial = self._serial
            self.frames_drawn += 1
