"""One of the three enrollment photos: thumbnail, state (empty / checking / ok / rejected), and
what the quality check said, in words HR can act on."""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.ui import theme
from kiosk.ui.i18n import number
from kiosk.ui.widgets.imaging import FaceBox, annotated_pixmap

THUMB = 130


class PhotoSlot(QFrame):
    remove_requested = Signal()

    def __init__(self, number: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("photoSlot")
        self.number = number
        self.checked = None  # kiosk.enrollment.templates.CheckedPhoto once accepted
        self.state = "empty"
        self.image_label = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        self.image_label.setFixedSize(THUMB, THUMB)
        self.caption = QLabel(alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
        self.caption.setObjectName("muted")
        self.caption.setMinimumHeight(44)
        self.remove = QPushButton(self.tr("Remove"))
        self.remove.clicked.connect(self.remove_requested)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 10, 10, 10)
        layout.setSpacing(6)
        layout.addWidget(self.image_label, alignment=Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.caption)
        layout.addWidget(self.remove)
        self.clear()

    def _set_state(self, state: str) -> None:
        self.state = state
        self.setProperty("state", state)
        self.style().unpolish(self)
        self.style().polish(self)

    def clear(self, message: str = "") -> None:
        self.checked = None
        self.image_label.setPixmap(annotated_pixmap(_blank(), [], THUMB))
        self.image_label.setText(self.tr("Photo {number}").format(number=self.number))
        self.caption.setText(message or self.tr("Take a photo or choose a file"))
        self.remove.setVisible(False)
        self._set_state("bad" if message else "empty")

    def busy(self, image) -> None:
        self.image_label.setPixmap(annotated_pixmap(image, [], THUMB))
        self.caption.setText(self.tr("Checking the photo…"))
        self.remove.setVisible(False)
        self._set_state("busy")

    def accept(self, checked) -> None:
        self.checked = checked
        q = checked.quality
        box = checked.face.xywh()
        self.image_label.setPixmap(annotated_pixmap(checked.image, [FaceBox(box, "", colour=theme.SUCCESS)], THUMB))
        self.caption.setText(self.tr("✓ Good · sharpness {sharpness}\nface {width} px wide").format(
            sharpness=number(round(q.sharpness)), width=number(round(q.face_width))))
        self.remove.setVisible(True)
        self._set_state("ok")


def _blank():
    return np.full((THUMB, THUMB, 3), (59, 41, 30), np.uint8)  # the surface colour, in BGR
