"""HR gives an employee a new worker ID (the Employees page's "Change worker ID"): the same as
`kiosk rename-id OLD NEW` (KioskService.rename_id, audited), which moves everything keyed by the
ID: the gallery folder, check-ins, the access log, the PIN and the PIN check-in frames. Used to
part two people whose IDs differ only in case (`kiosk doctor` lists them), or to fix a typo."""
from __future__ import annotations

from PySide6.QtCore import QRegularExpression, Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QVBoxLayout, QWidget

from kiosk.common import worker_id
from kiosk.ui.widgets.form_dialog import REFUSALS, cancel_and_action, say_refused


class RenameIdDialog(QDialog):
    def __init__(self, service, user_id: str, name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Change worker ID"))
        self.service, self.user_id, self.name = service, user_id, name
        self.report = None
        self.new_id = QLineEdit(placeholderText=f"e.g. {user_id.upper()}-2")
        self.new_id.setValidator(QRegularExpressionValidator(QRegularExpression(worker_id.PATTERN)))
        self.new_id.setInputMethodHints(Qt.InputMethodHint.ImhPreferUppercase | Qt.InputMethodHint.ImhNoPredictiveText)
        self.new_id.returnPressed.connect(self.change)
        self.message = QLabel(objectName="muted", wordWrap=True)
        self.message.setText(f"{worker_id.RULE_TEXT[0].upper()}{worker_id.RULE_TEXT[1:]}. Their check-ins, "
                             f"PIN and photos move to the new ID.")
        buttons, self.change_button = cancel_and_action(self, self.tr("Change"), self.change)
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
        except REFUSALS as exc:
            say_refused(self.message, self.service, self.tr("Not changed"), exc)
            return False
        self.accept()
        return True
