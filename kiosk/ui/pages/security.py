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
        layout, _ = page_layout(
            self, self.tr("Security"), self.tr("PINs, encryption at rest and how long records are kept")
        )
        self.hr_pin = QPushButton(self.tr("Set HR PIN…"))
        self.admin_pin = QPushButton(self.tr("Change admin PIN…"))
        self.purge_button = QPushButton(self.tr("Purge now"))
        self.hr_pin.clicked.connect(lambda: self.change_pin("hr"))
        self.admin_pin.clicked.connect(lambda: self.change_pin("admin"))
        self.recovery = QPushButton(self.tr("New recovery code…"))
        self.recovery.clicked.connect(lambda: self.new_recovery_code())
        self.purge_button.clicked.connect(lambda: self.purge())
        pins = FlowLayout()
        pins.addWidget(self.hr_pin)
        pins.addWidget(self.admin_pin)
        pins.addWidget(self.recovery)
        self.pin_state = QLabel(objectName="muted", wordWrap=True)
        self.encryption = QLabel(wordWrap=True)
        self.retention = QLabel(wordWrap=True)
        layout.addLayout(
            form(
                [
                    (self.tr("PINs"), self.pin_state),
                    ("", pins),
                    (self.tr("Templates and photos"), self.encryption),
                    (self.tr("Retention"), self.retention),
                    ("", self.purge_button),
                ],
                spacing=14,
            )
        )
        layout.addStretch(1)
        self.message = QLabel(objectName="muted", wordWrap=True)
        layout.addWidget(self.message)
        self.dialog = None

    def refresh(self) -> None:
        self.pin_state.setText(
            self.tr("Admin PIN set; HR PIN set.")
            if self.guard.has_role_pin("hr")
            else self.tr("Admin PIN set; HR PIN not set (only the administrator can open the HR screens).")
        )
        cipher = self.service.store.cipher
        if cipher is None:
            self.encryption.setText(self.tr("Stored in the plain seed layout (encryption = \"off\" in kiosk.toml)."))
        else:
            self.encryption.setText(breakable(self.tr("Encrypted with AES-256-GCM; the key is held by {where}.").format(
                where=cipher.key_store_where)))
        policy = self.service.retention.describe()
        self.retention.setText(breakable(self.tr("unknown-face log {unknown}, other access log {access}, attendance "
                                                 "{attendance}, stored photos {photos}. Applied every day; set in "
                                                 "kiosk.toml (retention_unknown_days, ...).").format(
            unknown=policy["unknown_days"], access=policy["access_days"], attendance=policy["attendance_days"],
            photos=policy["photos_days"])))

    def change_pin(self, role: str):
        self.dialog = PinDialog(self.guard, self.window(), set_role=role)
        if self.dialog.exec():
            say(
                self.message,
                self.tr("✓ The HR PIN was changed.") if role == "hr" else self.tr("✓ The admin PIN was changed."),
            )
            self.refresh()
        return self.dialog

    def new_recovery_code(self):
        """A new recovery code for the admin PIN, shown once; the earlier one stops working."""
        from kiosk.app.first_run import new_recovery_code
        from kiosk.ui.first_run import CodeDialog

        self.dialog = CodeDialog(new_recovery_code(self.service.settings, audit=self.service.audit_event), self.window())
        self.dialog.exec()
        say(self.message, self.tr("✓ A new recovery code was made; the earlier one no longer works."))
        return self.dialog

    def purge(self):
        report = self.service.purge()
        say(self.message, self.tr("✓ Removed {total} records older than the retention settings allow "
                                  "({unknown} unknown-face log rows, {access} other log rows, {attendance} check-ins, "
                                  "{photos} photos, {frames} PIN check-in frames, {masks} learned masks).").format(
            total=report.total, unknown=report.unknown_rows, access=report.access_rows,
            attendance=report.attendance_rows, photos=report.photos, frames=report.review_frames,
            masks=report.learned_crops))
        return report
