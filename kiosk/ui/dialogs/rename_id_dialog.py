"""HR gives an employee a new worker ID (the Employees page's "Change worker ID"): the same as
`kiosk rename-id OLD NEW` (KioskService.rename_id, audited), which moves everything keyed by the
ID: the gallery folder, check-ins, the access log, the PIN and the PIN check-in frames. Used to
part two people whose IDs differ only in case (`kiosk doctor` lists them), or to fix a typo."""
from __future__ import annotations

import sqlite3

from PySide6.QtCore import QRegularExpression, Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from kiosk.common import worker_id


class RenameIdDialog(QDialog):
    def __init__(self, service, user_id: str, name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Change worker ID")
        self.service, self.user_id, self.name = service, user_id, name
        self.report = None
        self.new_id = QLineEdit(placeholderText=f"e.g. {user_id.upper()}-2")
        self.new_id.setValidator(QRegularExpressionValidator(QRegularExpression(worker_id.PATTERN)))
        self.new_id.setInputMethodHints(Qt.InputMethodHint.ImhPreferUppercase | Qt.InputMethodHint.ImhNoPredictiveText)
        self.new_id.returnPressed.connect(self.change)
        self.message = QLabel(objectName="muted", wordWrap=True)
        self.message.setText(f"{worker_id.RULE_TEXT[0].upper()}{worker_id.RULE_TEXT[1:]}. Their check-ins, "
                             f"PIN and photos move to the new ID.")
        cancel = QPushButton("Cancel")
        cancel.clicked.connect(self.reject)
        self.change_button = QPushButton("Change", objectName="primary")
        self.change_button.clicked.connect(self.change)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (cancel, self.change_button):
            button.setMinimumSize(150, 60)
            button.setAutoDefault(False)  # Enter in the field changes (returnPressed), never cancels
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 20)
        layout.setSpacing(14)
        layout.addWidget(QLabel(f"New worker ID for {name} ({user_id})", objectName="dialogTitle", wordWrap=True))
        layout.addWidget(self.new_id)
        layout.addWidget(self.message)
        layout.addLayout(buttons)

    def change(self) -> bool:
        new = self.new_id.text().strip()
        try:
            self.report = self.service.rename_id(self.user_id, new)
        except (ValueError, LookupError, OSError, sqlite3.Error, RuntimeError) as exc:
            reason = self.service.explain(exc, self.service.db_label) if isinstance(exc, sqlite3.Error) else \
                (exc.args[0] if isinstance(exc, KeyError) and exc.args else exc)
            self.message.setObjectName("error")
            self.message.style().unpolish(self.message)
            self.message.style().polish(self.message)
            self.message.setText(f"Not changed: {reason}")
            return False
        self.accept()
        return True
