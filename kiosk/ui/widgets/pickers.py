"""Pickers the attendance, audit and export screens share: a date, a range of dates, an employee."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLabel, QSizePolicy, QWidget

from kiosk.app.types import STORE_ERRORS
from kiosk.ui.widgets.flow import FlowLayout


def to_date(edit: QDateEdit) -> date:
    return edit.date().toPython()


def date_edit(value: date) -> QDateEdit:
    edit = QDateEdit(QDate(value.year, value.month, value.day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setMinimumWidth(180)
    return edit


def date_range(start: QDateEdit, end: QDateEdit) -> QWidget:
    """"From [date] to [date]": on one row where there is room, else "to [date]" under "From
    [date]" (a narrow window with larger text), never a word away from its date."""
    box = QWidget()
    rows = FlowLayout(box, spacing=12)
    rows.setContentsMargins(0, 0, 0, 0)
    for text, edit, name in ((QCoreApplication.translate("pickers", "From"), start,
                              QCoreApplication.translate("pickers", "From date")),
                             (QCoreApplication.translate("pickers", "to"), end,
                              QCoreApplication.translate("pickers", "To date"))):
        piece = QWidget()
        row = QHBoxLayout(piece)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(12)
        label = QLabel(text)
        label.setBuddy(edit)
        edit.setAccessibleName(name)  # what a screen reader says (kiosk.ui.accessibility)
        row.addWidget(label)
        row.addWidget(edit)
        rows.addWidget(piece)
    return box


def employee_combo(service, with_all: str | None = None) -> QComboBox:
    """Everyone's name and worker ID; as wide as the room it gets (a long name is shown cut,
    whole in its list and its tooltip), never wider."""
    combo = QComboBox()
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(14)
    combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    combo.currentTextChanged.connect(combo.setToolTip)
    combo.setAccessibleName(QCoreApplication.translate("pickers", "Employee"))
    combo.addItem(QCoreApplication.translate("pickers", "Everyone") if with_all is None else with_all, None)
    try:
        rows = service.db.list_employees(include_inactive=True)
    except STORE_ERRORS:  # the HR area says why (AdminPage.problem); the page still opens
        rows = []
    for row in rows:
        combo.addItem(
            f"{row['name']} ({row['id']})"
            + ("" if row["active"] else QCoreApplication.translate("pickers", " - deleted")),
            row["id"],
        )
    return combo
