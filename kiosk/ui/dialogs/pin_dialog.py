"""The PIN prompt of the HR and admin screens. On first use it asks for a new admin PIN twice
and stores its hash; `set_role` asks for a new PIN of that role (the admin setting HR's PIN);
`roles` limits whose PIN opens it (leaving kiosk mode takes the admin PIN).

On a screen too short for the title, the message and the pad one above the other (a 768-pixel
screen, larger text), the texts go beside the pad instead of being squeezed and clipped."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QBoxLayout, QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.ui.engine_text import pin_refusal, refusal_text
from kiosk.ui.widgets.pin_pad import PadKeys, PinPad

TEXT_WIDTH = 376  # px: the texts' narrowest (above the pad: the dialog 440 px wide with its margins)


class PinDialog(PadKeys, QDialog):
    def __init__(self, guard, parent: QWidget | None = None, *, set_role: str | None = None,
                 roles: tuple[str, ...] = ("admin", "hr")):
        super().__init__(parent)
        self.setWindowTitle(self.tr("HR access"))
        self.setModal(True)
        self.guard = guard
        self.roles = roles
        self._first = ""  # the first entry of a new PIN
        self.setting_up = set_role is not None or not guard.has_pin
        self.set_role = set_role or "admin"
        self.first_use = not guard.has_pin
        self.title = QLabel(objectName="dialogTitle", alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
        self.message = QLabel(objectName="muted", alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
        self.pad = PinPad()
        self.pad.submitted.connect(self.submit)
        cancel = QPushButton(self.tr("Cancel"))
        cancel.setMinimumHeight(60)
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        self.forgot = QPushButton(self.tr("Forgot the admin PIN?"))  # the recovery code (kiosk.ui.first_run)
        self.forgot.setMinimumHeight(60)
        self.forgot.clicked.connect(lambda: self.recover())
        self.forgot.setVisible(not self.setting_up and "admin" in roles and guard.pins.has_recovery_code())
        buttons.addWidget(self.forgot)
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        texts = QVBoxLayout()
        texts.setSpacing(16)
        texts.addWidget(self.title)
        texts.addWidget(self.message)
        texts.addStretch(0)
        self.body = QBoxLayout(QBoxLayout.Direction.TopToBottom)
        self.body.setSpacing(16)
        self.body.addLayout(texts)
        self.body.addWidget(self.pad)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 28, 32, 24)
        layout.setSpacing(16)
        layout.addLayout(self.body)
        layout.addLayout(buttons)
        self._prompt()
        self.keys_to_pad()  # typed digits, Enter = OK, Esc = cancel, wherever the focus is

    def active_pad(self) -> PinPad:
        return self.pad

    def _prompt(self, message: str = "", error: bool = False) -> None:
        if self.setting_up:
            hr = self.set_role == "hr"
            choose = self.tr("Choose the HR PIN") if hr else self.tr("Choose the administrator PIN")
            self.title.setText(choose if not self._first else self.tr("Repeat the new PIN"))
            default = (self.tr("A PIN of 4-8 digits for HR: employees, attendance and exports.")
                       if hr else
                       self.tr("First use: choose the administrator's PIN (4-8 digits). It opens everything, "
                               "including settings, the audit trail and leaving kiosk mode; the administrator "
                               "gives HR its own PIN later.") if not self.guard.has_pin else
                       self.tr("The administrator's PIN opens everything."))
        elif self.roles == ("admin",):
            self.title.setText(self.tr("Enter the admin PIN"))
            default = self.tr("Only the administrator can do this.")
        else:
            self.title.setText(self.tr("Enter HR or admin PIN"))
            default = self.tr("The HR screens are protected.")
        self.message.setObjectName("error" if error else "muted")
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
        self.message.setText(message or default)
        self.pad.clear()
        self.fit_screen()

    def fit_screen(self) -> None:
        """Texts above the pad, or beside it when the screen is too short for that."""
        screen = (self.parentWidget() or self).screen() or QGuiApplication.primaryScreen()
        room = screen.availableGeometry().height() if screen is not None else 10_000
        across = self.body.direction() == QBoxLayout.Direction.LeftToRight
        self.body.setDirection(QBoxLayout.Direction.TopToBottom)
        self.title.setMinimumWidth(TEXT_WIDTH)  # the layout's minimum, not the dialog's (that would
        self.message.setMinimumWidth(TEXT_WIDTH)  # stop the dialog growing when the texts go beside the pad)
        need = self.layout().totalHeightForWidth(self.layout().totalMinimumSize().width())
        if need > room:
            self.body.setDirection(QBoxLayout.Direction.LeftToRight)
            side = self.pad.sizeHint().width()  # the texts as wide as the pad beside them
            self.title.setMinimumWidth(side)
            self.message.setMinimumWidth(side)
        self.layout().activate()
        if self.isVisible() or across:
            self.resize(self.size().expandedTo(self.minimumSizeHint()))

    def recover(self):
        """The recovery code resets the admin PIN; then the new PIN is asked for here as usual."""
        from kiosk.ui.first_run import RecoveryDialog

        self.recovery = RecoveryDialog(self.guard, self, audit=getattr(self.guard, "audit", None))
        if self.recovery.exec():
            self._prompt(self.tr("The admin PIN is reset. Enter the new admin PIN."))
        return self.recovery

    def submit(self, pin: str) -> None:
        if self.setting_up:
            if not self._first:
                from kiosk.ui.pin import pin_problem

                problem = pin_problem(pin)
                if problem:
                    self._prompt(_sentence(problem), error=True)
                    return
                self._first = pin
                self._prompt()
                return
            if pin != self._first:
                self._first = ""
                self._prompt(self.tr("The two PINs differ. Start again."), error=True)
                return
            try:
                self.guard.set_pin(pin, self.set_role)
            except ValueError as exc:
                self._first = ""
                self._prompt(_sentence(exc), error=True)
                return
            if self.first_use:
                self.guard.role = "admin"  # whoever set the first PIN is the administrator, signed in
            self.accept()
            return
        ok, message = self.guard.check(pin, self.roles)
        if ok:
            self.accept()
        else:
            self._prompt(pin_refusal(message), error=True)


def _sentence(problem: str | BaseException) -> str:
    """An engine's refusal as a sentence of the screen's language: a capital, a full stop."""
    said = refusal_text(problem)
    return said[:1].upper() + said[1:] + ("" if said.endswith(".") else ".")
