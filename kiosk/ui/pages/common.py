"""Pieces every HR page shares: the page header, a read-only table, confirmation hooks.

A page never asks for more room than a small screen has: its content scrolls when the window is
too short or too narrow for it (kiosk.ui.screen_fit.scrolling), its header's action buttons wrap
under the title when there is no room beside it, and its tables size their columns to their
content, cutting a long cell with "…" (its tooltip has the whole text) and scrolling sideways."""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHeaderView,
    QLabel,
    QMessageBox,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kiosk.ui import theme
from kiosk.ui.i18n import plain_number
from kiosk.ui.screen_fit import Body, scrolling
from kiosk.ui.widgets.flow import FlowLayout

TABLE_ROWS_SHOWN = 3  # a table is never squeezed below this many rows (the page scrolls instead)
NARROWEST_COLUMN = 4.0  # touch sizes: a long column is cut with "…" down to this, then the table scrolls


def page_layout(page: QWidget, title: str, subtitle: str = "") -> tuple[QVBoxLayout, FlowLayout]:
    """The page's layout (inside a scroll area filling the page) and the header row: the title,
    then the actions added to it, which wrap below the title when the page is narrow."""
    body = Body(objectName="pageBody")
    outer = QVBoxLayout(page)
    outer.setContentsMargins(0, 0, 0, 0)
    outer.addWidget(scrolling(body))
    layout = QVBoxLayout(body)
    layout.setContentsMargins(36, 28, 36, 24)
    layout.setSpacing(16)
    header = FlowLayout(spacing=12)
    heading = QLabel(title, objectName="pageTitle")
    heading.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    header.addWidget(heading)
    layout.addLayout(header)
    if subtitle:
        layout.addWidget(QLabel(subtitle, objectName="pageSubtitle", wordWrap=True))
    return layout, header


class Table(QTableWidget):
    """A read-only table whose columns take their content's width, share any room left over,
    and scroll sideways when the table is narrower than its content."""

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt name
        super().resizeEvent(event)
        self.fit_columns()

    def fit_columns(self) -> None:
        """Each column its content's width; with room to spare, the spare shared out; without,
        the widest columns cut down (cells cut with "…", their tooltip has the text) to no less
        than NARROWEST_COLUMN, and past that the table scrolls sideways."""
        header = self.horizontalHeader()
        columns = range(self.columnCount())
        room = self.viewport().width()
        if not columns or room <= 0:
            return
        wanted = [max(self.sizeHintForColumn(c), header.sectionSizeHint(c)) for c in columns]
        if sum(wanted) <= room:
            spare = room - sum(wanted)
            widths = [w + spare // len(wanted) + (1 if c < spare % len(wanted) else 0) for c, w in enumerate(wanted)]
        else:
            floor = [min(w, max(header.sectionSizeHint(c), theme.touch(NARROWEST_COLUMN))) for c, w in enumerate(wanted)]
            cap = max(wanted)  # lowered until the columns fit (or hit their floor)
            while cap > 0 and sum(max(f, min(w, cap)) for f, w in zip(floor, wanted)) > room:
                cap -= 4
            widths = [max(f, min(w, cap)) for f, w in zip(floor, wanted)]
        for column, width in zip(columns, widths):
            if header.sectionSize(column) != width:
                header.resizeSection(column, width)


def make_table(columns: list[str]) -> Table:
    table = Table(0, len(columns))
    table.setHorizontalHeaderLabels(columns)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.verticalHeader().setVisible(False)
    row = theme.touch()
    table.verticalHeader().setDefaultSectionSize(row)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.horizontalHeader().setStretchLastSection(False)
    table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    table.setMinimumHeight(row * (TABLE_ROWS_SHOWN + 1) + 8)
    table.setShowGrid(False)
    table.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # Tab to it, arrows choose a row (keyboard use),
    table.setTabKeyNavigation(False)  # and Tab leaves it (not from cell to cell: a trap)
    return table


def fill_table(table: QTableWidget, rows: list[list[object]], keys: list[object] | None = None) -> None:
    """Rows of display values; `keys[i]` is kept as the first cell's UserRole (e.g. a user id).
    Numbers in the language's digits (kiosk.ui.i18n.plain_number). Every cell's tooltip is its text
    (a cell cut with "…" is read there)."""
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            shown = plain_number(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else value
            item = QTableWidgetItem("" if shown is None else str(shown))
            item.setToolTip(item.text())
            if isinstance(value, (int, float)):
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if c == 0 and keys is not None:
                item.setData(Qt.ItemDataRole.UserRole, keys[r])
            table.setItem(r, c, item)
    if isinstance(table, Table):
        table.fit_columns()


def selected_key(table: QTableWidget) -> object | None:
    """The key (fill_table's `keys`) of the selected row, or None."""
    model = table.selectionModel()
    rows = model.selectedRows() if model is not None else []
    return table.item(rows[0].row(), 0).data(Qt.ItemDataRole.UserRole) if rows else None


def select_key(table: QTableWidget, key: object) -> bool:
    """Select the row whose key is `key`; False when no row has it."""
    for r in range(table.rowCount()):
        if table.item(r, 0).data(Qt.ItemDataRole.UserRole) == key:
            select_row(table, r)
            return True
    return False


def breakable(text: str) -> str:
    """`text` with a zero-width space after each / and _, where a wrapped label may break a long
    path or setting name (larger text on a narrow screen) instead of being cut."""
    return text.replace("/", "/\u200b").replace("_", "_\u200b")


def select_row(table: QTableWidget, row: int) -> None:
    """Select a whole row through the selection model. QTableView.selectRow picks the row's
    columns from what is on screen, and right to left (Arabic) on a table not laid out yet it
    found none and selected nothing."""
    flags = QItemSelectionModel.SelectionFlag
    index = table.model().index(row, 0)
    table.selectionModel().setCurrentIndex(index, flags.ClearAndSelect | flags.Rows)


def say(label: QLabel, text: str, error: bool = False) -> None:
    """A status line in the theme's ok or error colour."""
    label.setObjectName("error" if error else "ok")
    label.style().unpolish(label)
    label.style().polish(label)
    label.setText(text)


def ask(parent: QWidget, title: str, text: str) -> bool:
    """A yes/no question; pages hold it as `self.confirm` so tests can answer without a dialog."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text,
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, parent)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    return box.exec() == QMessageBox.StandardButton.Yes


Confirm = Callable[[str, str], bool]


def card(value: str, label: str) -> tuple[QFrame, QLabel]:
    frame = QFrame(objectName="card")
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(24, 18, 24, 18)
    value_label = QLabel(value, objectName="cardValue")
    layout.addWidget(value_label)
    layout.addWidget(QLabel(label, objectName="cardLabel", wordWrap=True))
    return frame, value_label
