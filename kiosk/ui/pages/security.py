"""Security for the administrator: the HR and admin PINs, how biometric data is protected at
rest, and the retention policy in force (with a purge now)."""
from __future__ import annotations

from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from kiosk.ui.dialogs.pin_dialog import PinDialog
from kiosk.ui.pages.common import breakable, page_layout, say
from kiosk.ui.screen_fit import form
from kiosk.ui.widgets.flow import FlowLayout


class SecurityPage(QWidget):
    def __init__(self, service, guard, parent: QWidget | None = None):
        super().__init__(parent)
        self.service = service
        self.guard = guard
        layout, _ = page_layout(self, "Security", "PINs, encryption at rest and how long records are kept")
        self.hr_pin = QPushButton("Set HR PIN…")
        self.admin_pin = QPushButton("Change admin PIN…")
        self.purge_button = QPushButton("Purge now")
        self.hr_pin.clicked.connect(lambda: self.change_pin("hr"))
        self.admin_pin.clicked.connect(lambda: self.change_pin("admin"))
        self.recovery = QPushButton("New recovery code…")
        self.recovery.clicked.connect(lambda: self.new_recovery_code())
        self.purge_button.clicked.connect(lambda: self.purge())
        pins = FlowLayout()
        pins.addWidget(self.hr_pin)
        pins.addWidget(self.admin_pin)
        pins.addWidget(self.recovery)
        self.pin_state = QLabel(objectName="muted", wordWrap=True)
        self.encryption = QLabel(wordWrap=True)
        self.retention = QLabel(wordWrap=True)
        layout.addLayout(form([("PINs", self.pin_state), ("", pins), ("Templates and photos", self.encryption),
                               ("Retention", self.retention), ("", self.purge_button)], spacing=14))
        layout.addStretch(1)
        self.message = QLabel(objectName="muted", wordWrap=True)
        layout.addWidget(self.message)
        self.dialog = None

    def refresh(self) -> None:
        hr = "set" if self.guard.has_role_pin("hr") else "not set (only the administrator can open the HR screens)"
        self.pin_state.setText(f"Admin PIN set; HR PIN {hr}.")
        cipher = self.service.store.cipher
        if cipher is None:
            self.encryption.setText("Stored in the plain seed layout (encryption = \"off\" in kiosk.toml).")
        else:
            self.encryption.setText(breakable(f"Encrypted with AES-256-GCM; the key is held by {cipher.key_store_where}."))
        policy = self.service.retention.describe()
        self.retention.setText(breakable(f"unknown-face log {policy['unknown_days']}, other access log "
                               f"{policy['access_days']}, attendance {policy['attendance_days']}, stored photos "
                               f"{policy['photos_days']}. Applied every day; set in kiosk.toml "
                               f"(retention_unknown_days, ...)."))

    def change_pin(self, role: str):
        self.dialog = PinDialog(self.guard, self.window(), set_role=role)
        if self.dialog.exec():
            say(self.message, f"✓ The {'HR' if role == 'hr' else 'admin'} PIN was changed.")
            self.refresh()
        return self.dialog

    def new_recovery_code(self):
        """A new recovery code for the admin PIN, shown once; the earlier one stops working."""
        from kiosk.app.first_run import new_recovery_code
        from kiosk.ui.first_run import CodeDialog

        self.dialog = CodeDialog(new_recovery_code(self.service.settings, audit=self.service.audit_event), self.window())
        self.dialog.exec()
        say(self.message, "✓ A new recovery code was made; the earlier one no longer works.")
        return self.dialog

    def purge(self):
        report = self.service.purge()
        say(self.message, f"✓ Removed {report.total} records older than the retention settings allow "
                          f"({report.unknown_rows} unknown-face log rows, {report.access_rows} other log rows, "
                          f"{report.attendance_rows} check-ins, {report.photos} photos, {report.review_frames} PIN "
                          f"check-in frames, {report.learned_crops} learned masks).")
        return report
