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
        self.new_id = QLineEdit(placeholderText=self.tr("e.g. {example}").format(example=f"{user_id.upper()}-2"))
        self.new_id.setValidator(QRegularExpressionValidator(QRegularExpression(worker_id.PATTERN)))
        self.new_id.setInputMethodHints(Qt.InputMethodHint.ImhPreferUppercase | Qt.InputMethodHint.ImhNoPredictiveText)
        self.new_id.returnPressed.connect(self.change)
        self.message = QLabel(objectName="muted", wordWrap=True)
        self.message.setText(self.tr("{rule}. Their check-ins, PIN and photos move to the new ID.").format(
            rule=self.tr("1-{max} letters, digits, hyphens (-) and underscores (_), starting with a letter or a digit")
            .format(max=worker_id.MAX_LENGTH)))
        buttons, self.change_button = cancel_and_action(self, self.tr("Change"), self.change)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 20)
        layout.setSpacing(14)
        layout.addWidget(
            QLabel(
                self.tr("New worker ID for {name} ({worker_id})").format(name=name, worker_id=user_id),
                objectName="dialogTitle",
                wordWrap=True,
            )
        )
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
