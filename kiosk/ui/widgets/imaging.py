"""numpy BGR frames to Qt images, and the face boxes every screen draws the same way."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPen, QPixmap

from kiosk.ui import theme


def to_qimage(image_bgr: np.ndarray) -> QImage:
    """A QImage sharing nothing with the array (safe after the frame is replaced)."""
    image = np.ascontiguousarray(image_bgr)
    h, w = image.shape[:2]
    return QImage(image.data, w, h, image.strides[0], QImage.Format.Format_BGR888).copy()


def to_pixmap(image_bgr: np.ndarray, max_side: int | None = None) -> QPixmap:
    pixmap = QPixmap.fromImage(to_qimage(image_bgr))
    if max_side and max(pixmap.width(), pixmap.height()) > max_side:
        pixmap = pixmap.scaled(max_side, max_side, Qt.AspectRatioMode.KeepAspectRatio,
                               Qt.TransformationMode.SmoothTransformation)
    return pixmap


@dataclass
class FaceBox:
    """One face to draw: box in image pixels (x, y, w, h) and what to write on it."""

    box: list[int]
    title: str
    detail: str = ""
    colour: str = theme.SUCCESS
    masked: bool = False


def fit_rect(image_w: int, image_h: int, area: QRectF) -> QRectF:
    """The largest rectangle of the image's aspect ratio centred in `area`."""
    if image_w <= 0 or image_h <= 0:
        return QRectF(area)
    scale = min(area.width() / image_w, area.height() / image_h)
    w, h = image_w * scale, image_h * scale
    return QRectF(area.x() + (area.width() - w) / 2, area.y() + (area.height() - h) / 2, w, h)


def draw_faces(painter: QPainter, target: QRectF, image_w: int, image_h: int,
               faces: list[FaceBox], font_px: int = 18) -> None:
    """Boxes with a name tag above (or inside, at the top edge) in image coordinates mapped to
    `target`, the rectangle the image was drawn into."""
    sx, sy = target.width() / max(image_w, 1), target.height() / max(image_h, 1)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    title_font = QFont(painter.font())
    title_font.setPixelSize(font_px)
    title_font.setBold(True)
    detail_font = QFont(painter.font())
    detail_font.setPixelSize(max(10, int(font_px * 0.75)))
    for face in faces:
        x, y, w, h = face.box
        rect = QRectF(target.x() + x * sx, target.y() + y * sy, w * sx, h * sy)
        colour = QColor(face.colour)
        painter.setPen(QPen(colour, max(2.0, font_px / 6)))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(rect, 6, 6)
        if not face.title:
            continue
        text = face.title + ("  [mask]" if face.masked else "")
        painter.setFont(title_font)
        tw = painter.fontMetrics().horizontalAdvance(text)
        painter.setFont(detail_font)
        dw = painter.fontMetrics().horizontalAdvance(face.detail) if face.detail else 0
        tag_h = font_px * 1.4 + (font_px * 0.95 if face.detail else 0)
        tag_w = max(tw, dw) + font_px
        top = rect.top() - tag_h - 4
        if top < target.top():
            top = rect.bottom() + 4
        tag = QRectF(rect.left() - 1, top, tag_w, tag_h)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(15, 23, 42, 215))
        painter.drawRoundedRect(tag, 6, 6)
        painter.setBrush(colour)
        painter.drawRoundedRect(QRectF(tag.left(), tag.top(), 6, tag.height()), 3, 3)
        painter.setPen(QColor(theme.TEXT))
        painter.setFont(title_font)
        painter.drawText(QRectF(tag.left() + font_px * 0.6, tag.top() + 2, tag_w, font_px * 1.4),
                         Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, text)
        if face.detail:
            painter.setPen(QColor(theme.MUTED))
            painter.setFont(detail_font)
            painter.drawText(QRectF(tag.left() + font_px * 0.6, tag.top() + font_px * 1.35, tag_w,
                                    font_px * 0.95), Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                             face.detail)
    painter.restore()


def annotated_pixmap(image_bgr: np.ndarray, faces: list[FaceBox], max_side: int = 900) -> QPixmap:
    """The image with its faces drawn in, scaled to at most `max_side` (photos, expert view)."""
    h, w = image_bgr.shape[:2]
    scale = min(1.0, max_side / max(h, w))
    pixmap = QPixmap(int(w * scale), int(h * scale))
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    target = QRectF(0, 0, pixmap.width(), pixmap.height())
    painter.drawImage(target, to_qimage(image_bgr))
    draw_faces(painter, target, w, h, faces, font_px=max(12, int(pixmap.width() / 40)))
    painter.end()
    return pixmap
