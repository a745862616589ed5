"""A large title that gives way in a crowded row: its words step down to a smaller size when they
do not fit the room its layout leaves, instead of pushing the buttons beside it under their size.

Why: the entrance header holds the greeting, the clock, the language and HR buttons. On a
portrait 800 px screen at 150% text, "Good afternoon" (or a longer word in another language)
squeezed the buttons until their text was cut, so the header fitted at one hour and not at
another. The smaller size is a style rule (`QLabel#liveTitle[fit="small"]` in style.qss), so the
text scale and high contrast apply to it like to every other font."""
from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QLabel, QSizePolicy

SMALL_RATIO = 30 / 40  # style.qss: the small title's font-size over the title's
SLACK_PX = 6  # font hinting makes sizes not quite proportional


class FittingTitle(QLabel):
    """A word-wrapped title whose width is what its row leaves (never more than its words need)."""

    def __init__(self, text: str, object_name: str) -> None:
        super().__init__(text, objectName=object_name, wordWrap=True)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setProperty("fit", "normal")

    def minimumSizeHint(self) -> QSize:
        return QSize(0, super().minimumSizeHint().height())

    def setText(self, text: str) -> None:  # noqa: N802 (Qt's name)
        if text != self.text():
            super().setText(text)
            self._fit()

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._fit()

    def _widest_word(self) -> int:
        metrics = QFontMetrics(self.font())
        return max((metrics.horizontalAdvance(word) for word in self.text().split()), default=0)

    def _fit(self) -> None:
        """Small when the widest word does not fit at the normal size; normal again once it would."""
        room = self.contentsRect().width() - 2 * self.margin()
        if self.property("fit") == "small":  # back to normal only with room to spare: no flicker
            wanted = "normal" if self._widest_word() / SMALL_RATIO + SLACK_PX <= room else "small"
        else:
            wanted = "small" if self._widest_word() > room else "normal"
        if wanted != self.property("fit"):
            self.setProperty("fit", wanted)
            self.style().unpolish(self)
            self.style().polish(self)
            self.updateGeometry()
