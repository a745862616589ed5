"""A small bar chart painted with QPainter (QtCharts is not in PySide6-Essentials)."""
from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from kiosk.ui import theme


class BarChart(QWidget):
    def __init__(self, title: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.title = title
        self.data: list[tuple[str, int]] = []
        self.setProperty("accessibleGraphic", True)  # kiosk.ui.accessibility: it needs a name
        self.setAccessibleName(title or self.tr("Chart"))
        self.setAccessibleDescription(self.tr("No data yet"))
        self.setMinimumHeight(240)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_data(self, data: list[tuple[str, int]]) -> None:
        self.data = list(data)
        # what the bars show, for a screen reader (which cannot see them)
        self.setAccessibleDescription("; ".join(f"{label}: {value}" for label, value in self.data)
                                      or self.tr("No data yet"))
        self.update()

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt name
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(self.rect()).adjusted(8, 8, -8, -8)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(theme.SURFACE))
        p.drawRoundedRect(rect, 14, 14)
        font = QFont(self.font())
        font.setPixelSize(theme.font_px(18))
        font.setBold(True)
        p.setFont(font)
        p.setPen(QColor(theme.TEXT))
        p.drawText(rect.adjusted(20, 12, -20, 0), Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft, self.title)
        plot = rect.adjusted(56, 52, -20, -40)
        if not self.data:
            p.setPen(QColor(theme.MUTED))
            p.drawText(plot, Qt.AlignmentFlag.AlignCenter, self.tr("No check-ins yet"))
            return
        top = max(1, max(v for _, v in self.data))
        step = max(1, -(-top // 4))
        top = step * 4
        small = QFont(self.font())
        small.setPixelSize(theme.font_px(13))
        p.setFont(small)
        for i in range(5):  # grid lines and their values
            y = plot.bottom() - plot.height() * i / 4
            p.setPen(QPen(QColor(theme.SURFACE_2), 1))
            p.drawLine(int(plot.left()), int(y), int(plot.right()), int(y))
            p.setPen(QColor(theme.MUTED))
            p.drawText(QRectF(rect.left(), y - 10, 48, 20), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                       str(step * i))
        n = len(self.data)
        slot = plot.width() / n
        bar_w = max(4.0, slot * 0.62)
        for i, (label, value) in enumerate(self.data):
            x = plot.left() + slot * i + (slot - bar_w) / 2
            h = plot.height() * value / top
            is_last = i == n - 1
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QColor(theme.SUCCESS if is_last else theme.PRIMARY))
            if h > 0:
                p.drawRoundedRect(QRectF(x, plot.bottom() - h, bar_w, h), 4, 4)
                p.setPen(QColor(theme.TEXT))
                p.drawText(
                    QRectF(x - 10, plot.bottom() - h - 20, bar_w + 20, 18), Qt.AlignmentFlag.AlignCenter, str(value)
                )
            if n <= 16 or i % 2 == n % 2:
                p.setPen(QColor(theme.MUTED))
                p.drawText(QRectF(x - 14, plot.bottom() + 6, bar_w + 28, 20), Qt.AlignmentFlag.AlignCenter, label)
        p.end()
