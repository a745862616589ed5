"""A layout that places its items in rows and starts a new row when the width runs out, so a row
of cards or buttons wraps on a narrow screen instead of making the window wider than the screen.

Its height depends on its width (heightForWidth), which QScrollArea and the box layouts honour.
Options: `align` right-aligns (action buttons) or centres each row; `uniform` gives every item the widest
item's width and spreads each full row over the whole width (a grid of cards that reflows).
In a row with room to spare, items whose horizontal size policy expands share the spare room.
Right to left (the widget's layout direction, e.g. Arabic), each row starts at the right and the
alignment is mirrored, as in Qt's own box layouts."""
from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QSizePolicy, QWidget

GROWS = (QSizePolicy.Policy.Expanding, QSizePolicy.Policy.MinimumExpanding)


class FlowLayout(QLayout):
    def __init__(self, parent: QWidget | None = None, *, spacing: int = 12, line_spacing: int | None = None,
                 align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft, uniform: bool = False):
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self._line_spacing = spacing if line_spacing is None else line_spacing
        self._align = align
        self.uniform = uniform
        if parent is None:
            self.setContentsMargins(0, 0, 0, 0)

    # -- the QLayout interface ------------------------------------------------------------------
    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 - Qt name
        self._items.append(item)
        self.invalidate()

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt name
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt name
        if 0 <= index < len(self._items):
            item = self._items.pop(index)
            self.invalidate()
            return item
        return None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802 - Qt name
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt name
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt name
        return self._place(QRect(0, 0, width, 0), apply=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802 - Qt name
        super().setGeometry(rect)
        self._place(rect, apply=True)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt name
        """Everything on one row."""
        shown = self._shown()
        width = sum(self._width(i) for i in shown) + self._spacing * max(0, len(shown) - 1)
        height = max((self._height(i, self._width(i)) for i in shown), default=0)
        m = self.contentsMargins()
        return QSize(width + m.left() + m.right(), height + m.top() + m.bottom())

    def minimumSize(self) -> QSize:  # noqa: N802 - Qt name
        """As narrow as the widest item alone on its row, as low as one row: the height the
        rows really need at a width is heightForWidth (asked by the layouts around it)."""
        shown = self._shown()
        widest = max(((self._width(i) if self.uniform else i.minimumSize().width()) for i in shown), default=0)
        height = max((i.minimumSize().height() for i in shown), default=0)
        m = self.contentsMargins()
        return QSize(widest + m.left() + m.right(), height + m.top() + m.bottom())

    # -- placing --------------------------------------------------------------------------------
    def _shown(self) -> list[QLayoutItem]:
        return [i for i in self._items if not i.isEmpty()]

    @staticmethod
    def _width(item: QLayoutItem) -> int:
        return max(item.sizeHint().width(), item.minimumSize().width())

    @staticmethod
    def _height(item: QLayoutItem, width: int) -> int:
        if item.hasHeightForWidth():
            return max(item.heightForWidth(width), item.minimumSize().height())
        return max(item.sizeHint().height(), item.minimumSize().height())

    def _rows(self, items: list[QLayoutItem], width: int) -> list[list[tuple[QLayoutItem, int]]]:
        """Items with their widths, row by row."""
        if self.uniform and items:
            cell = min(width, max(self._width(i) for i in items))
            columns = max(1, min(len(items), (width + self._spacing) // (cell + self._spacing)))
            each = (width - self._spacing * (columns - 1)) // columns
            return [[(i, each) for i in items[r:r + columns]] for r in range(0, len(items), columns)]
        rows: list[list[tuple[QLayoutItem, int]]] = []
        used = 0
        for item in items:
            w = min(self._width(item), width)
            if rows and rows[-1] and used + self._spacing + w <= width:
                rows[-1].append((item, w))
                used += self._spacing + w
            else:
                rows.append([(item, w)])
                used = w
        return rows

    def _place(self, rect: QRect, apply: bool) -> int:
        m = self.contentsMargins()
        area = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        owner = self.parentWidget()
        mirrored = owner is not None and owner.isRightToLeft()
        y = area.y()
        for n, row in enumerate(self._rows(self._shown(), max(1, area.width()))):
            spare = area.width() - sum(w for _, w in row) - self._spacing * (len(row) - 1)
            growing = [i for i, _ in row if i.widget() is not None and i.widget().sizePolicy().horizontalPolicy() in GROWS]
            if spare > 0 and growing and not self.uniform:
                share = spare // len(growing)
                row = [(i, w + share if i in growing else w) for i, w in row]
                spare = 0
            offset = spare if self._align & Qt.AlignmentFlag.AlignRight else \
                spare // 2 if self._align & Qt.AlignmentFlag.AlignHCenter else 0
            x = area.x() + max(0, offset)
            height = max(self._height(i, w) for i, w in row)
            if n:
                y += self._line_spacing
            for item, w in row:
                h = height if self.uniform else self._height(item, w)  # cards of a row: one height
                if apply:
                    cell = QRect(QPoint(x, y + (height - h) // 2), QSize(w, h))
                    if mirrored:  # right to left (Arabic): the rows mirrored, as Qt's box layouts are
                        cell.moveLeft(area.left() + area.right() - cell.right())
                    item.setGeometry(cell)
                x += w + self._spacing
            y += height
        return y - area.y() + m.top() + m.bottom()
