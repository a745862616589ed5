"""Pieces every HR page shares: the page header, a read-only table, confirmation hooks."""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractItemView, QFrame, QHBoxLayout, QHeaderView, QLabel, QMessageBox,
                               QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)


def page_layout(page: QWidget, title: str, subtitle: str = "") -> tuple[QVBoxLayout, QHBoxLayout]:
    """The page's layout and the header row (title left, actions added on the right)."""
    layout = QVBoxLayout(page)
    layout.setContentsMargins(36, 28, 36, 24)
    layout.setSpacing(16)
    header = QHBoxLayout()
    titles = QVBoxLayout()
    titles.setSpacing(2)
    titles.addWidget(QLabel(title, objectName="pageTitle"))
    if subtitle:
        titles.addWidget(QLabel(subtitle, objectName="pageSubtitle"))
    header.addLayout(titles, 1)
    layout.addLayout(header)
    return layout, header


def make_table(columns: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(columns))
    table.setHorizontalHeaderLabels(columns)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(52)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    table.setShowGrid(False)
    table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return table


def fill_table(table: QTableWidget, rows: list[list[object]], keys: list[object] | None = None) -> None:
    """Rows of display values; `keys[i]` is kept as the first cell's UserRole (e.g. a user id)."""
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            item = QTableWidgetItem("" if value is None else str(value))
            if isinstance(value, (int, float)):
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if c == 0 and keys is not None:
                item.setData(Qt.ItemDataRole.UserRole, keys[r])
            table.setItem(r, c, item)


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
    layout.addWidget(QLabel(label, objectName="cardLabel"))
    return frame, value_label
