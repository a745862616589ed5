"""What the kiosk's small form dialogs (Change worker ID, Edit details) share: the Cancel / action
row, touch-sized with the action on the right and no default button (Enter in a field does the
action through returnPressed and never cancels), and a refusal said in the dialog in red."""
from __future__ import annotations

import sqlite3

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton

from kiosk.ui.engine_text import refusal_text

# What the service refuses a change with: bad input, an unknown person, the disk or the database.
REFUSALS = (ValueError, LookupError, OSError, sqlite3.Error, RuntimeError)


def cancel_and_action(dialog: QDialog, action: str, on_action) -> tuple[QHBoxLayout, QPushButton]:
    """(the row, the action button); Cancel rejects `dialog`, the action calls `on_action`."""
    cancel = QPushButton(QCoreApplication.translate("form_dialog", "Cancel"))
    cancel.clicked.connect(dialog.reject)
    button = QPushButton(action, objectName="primary")
    button.clicked.connect(on_action)
    row = QHBoxLayout()
    row.addStretch(1)
    for each in (cancel, button):
        each.setMinimumSize(150, 60)
        each.setAutoDefault(False)
        row.addWidget(each)
    return row, button


def say_refused(label: QLabel, service, what: str, exc: BaseException) -> None:
    """`label` turns red and says why (a database error as the service explains it for people)."""
    if isinstance(exc, sqlite3.Error):
        reason = refusal_text(service.explain(exc, service.db_label))
    else:
        reason = refusal_text(exc)  # a KeyError's own message, a keyed refusal in the screen's language
    label.setObjectName("error")
    label.style().unpolish(label)
    label.style().polish(label)
    label.setText(QCoreApplication.translate("form_dialog", "{what}: {reason}").format(what=what, reason=reason))
