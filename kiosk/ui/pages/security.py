"""Security for the administrator: the HR and admin PINs, how biometric data is protected at
rest, and the retention policy in force (with a purge now)."""
from __future__ import annotations

from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from kiosk.ui.dialogs.pin_dialog import PinDialog
from kiosk.ui.pages.common import page_layout, say
from kiosk.ui.screen_fit import form
from kiosk.ui.widgets.flow import FlowLayout


class SecurityPage(QWidget):
    def __init__(self, service, guard, parent: QWidget | None = None):
        super().__init__(parent)
        self.service = service
        self.guard = guard
        layout, _ = page_layout(self, self.tr("Security"), self.tr("PINs, encryption at rest and how long records are kept"))
        self.hr_pin = QPushButton(self.tr("Set HR PIN…"))
        self.admin_pin = QPushButton(self.tr("Change admin PIN…"))
        self.purge_button = QPushButton(self.tr("Purge now"))
        self.hr_pin.clicked.connect(lambda: self.change_pin("hr"))
        self.admin_pin.clicked.connect(lambda: self.change_pin("admin"))
        self.purge_button.clicked.connect(lambda: self.purge())
        pins = FlowLayout()
        pins.addWidget(self.hr_pin)
        pins.addWidget(self.admin_pin)
        self.pin_state = QLabel(objectName="muted", wordWrap=True)
        self.encryption = QLabel(wordWrap=True)
        self.retention = QLabel(wordWrap=True)
        layout.addLayout(form([(self.tr("PINs"), self.pin_state), ("", pins), (self.tr("Templates and photos"), self.encryption),
                               (self.tr("Retention"), self.retention), ("", self.purge_button)], spacing=14))
        layout.addStretch(1)
        self.message = QLabel(objectName="muted", wordWrap=True)
        layout.addWidget(self.message)
        self.dialog = None

    def refresh(self) -> None:
        hr = "set" if self.guard.has_role_pin("hr") else "not set (only the administrator can open the HR screens)"
        self.pin_state.setText(f"Admin PIN set; HR PIN {hr}.")
        cipher = self.service.store.cipher
        if cipher is None:
            self.encryption.setText(self.tr("Stored in the plain seed layout (encryption = \"off\" in kiosk.toml)."))
        else:
            self.encryption.setText(f"Encrypted with AES-256-GCM; the key is held by {cipher.key_store_where}.")
        policy = self.service.retention.describe()
        self.retention.setText(f"unknown-face log {policy['unknown_days']}, other access log "
                               f"{policy['access_days']}, attendance {policy['attendance_days']}, stored photos "
                               f"{policy['photos_days']}. Applied every day; set in kiosk.toml "
                               f"(retention_unknown_days, ...).")

    def change_pin(self, role: str):
        self.dialog = PinDialog(self.guard, self.window(), set_role=role)
        if self.dialog.exec():
            say(self.message, f"✓ The {'HR' if role == 'hr' else 'admin'} PIN was changed.")
            self.refresh()
        return self.dialog

    def purge(self):
        report = self.service.purge()
        say(self.message, f"✓ Removed {report.total} records older than the retention settings allow "
                          f"({report.unknown_rows} unknown-face log rows, {report.access_rows} other log rows, "
                          f"{report.attendance_rows} check-ins, {report.photos} photos, {report.review_frames} PIN "
                          f"check-in frames, {report.learned_crops} learned masks).")
        return report
