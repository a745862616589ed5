"""The first-run set-up screen and the admin PIN's recovery (engine: kiosk.app.first_run).

A kiosk without an admin PIN opens on FirstRunDialog instead of the entrance (kiosk.ui.app), so
the administrator, not the first person to tap the HR button, chooses it: the admin PIN typed
twice, then the kiosk's name, time zone and camera (checked, then written once with the PIN and
a new recovery code), then the recovery code, shown this once until "I have written it down".
RecoveryDialog resets a forgotten admin PIN with that code (from the PIN prompt) and shows the
next code the same way; CodeDialog shows a new code the administrator asked for (Security page)."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.app.first_run import (
    InitialSettings,
    code_problem,
    complete_setup,
    needs_setup,
    pin_problem,
    reset_admin_pin,
    time_zones,
)
from kiosk.app.types import Actor
from kiosk.ui.engine_text import pin_refusal, refusal_text
from kiosk.ui.pin import ROLE_ADMIN
from kiosk.ui.widgets.pin_pad import PadKeys, PinPad

SETUP_TITLE = QT_TRANSLATE_NOOP("FirstRunDialog", "Kiosk - first-run set-up")


def _sentence(text: str | BaseException) -> str:
    text = refusal_text(text).strip()
    return text[:1].upper() + text[1:] + ("" if text.endswith(".") else ".")


def _show(label: QLabel, text: str, error: bool = False) -> None:
    label.setObjectName("error" if error else "muted")
    label.style().unpolish(label)
    label.style().polish(label)
    label.setText(text)


class CodePage(QWidget):
    """A recovery code, shown once: the page's button is enabled only when the box is ticked."""

    def __init__(self, done_text: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.title = QLabel(self.tr("Your recovery code"), objectName="dialogTitle", alignment=Qt.AlignmentFlag.AlignCenter,
                            wordWrap=True)
        self.text = QLabel(self.tr("It resets the admin PIN if it is ever forgotten, here (\"Forgot the admin PIN?\") "
                                   "or with `kiosk reset-admin-pin`. It is shown this once and works once: write it "
                                   "down and keep it away from the kiosk."), objectName="muted", wordWrap=True,
                           alignment=Qt.AlignmentFlag.AlignCenter)
        self.code = QLabel("", objectName="dialogTitle", alignment=Qt.AlignmentFlag.AlignCenter,
                           textInteractionFlags=Qt.TextInteractionFlag.TextSelectableByMouse)
        self.code.setStyleSheet("font-family: monospace; letter-spacing: 2px;")  # the theme's title size
        self.code.setAccessibleName(self.tr("Recovery code"))
        self.written = QCheckBox(self.tr("I have written the recovery code down"))
        self.done = QPushButton(done_text, objectName="primary")
        self.done.setMinimumHeight(60)
        self.done.setEnabled(False)
        self.written.toggled.connect(self.done.setEnabled)
        layout = QVBoxLayout(self)
        layout.setSpacing(16)
        for widget in (self.title, self.text, self.code, self.written, self.done):
            layout.addWidget(widget)
        layout.addStretch(1)

    def show_code(self, code: str) -> None:
        self.code.setText(code)
        self.written.setChecked(False)


class PinTwice(QWidget):
    """A new admin PIN on the touch pad, typed twice; `chosen(pin)` is called with a valid pair."""

    def __init__(self, title: str, text: str, chosen, parent: QWidget | None = None):
        super().__init__(parent)
        self.chosen, self.title_text, self.text = chosen, title, text
        self._first = ""
        self.title = QLabel(objectName="dialogTitle", alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
        self.message = QLabel(objectName="muted", alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
        self.pad = PinPad()
        self.pad.submitted.connect(self.submit)
        layout = QVBoxLayout(self)
        layout.setSpacing(16)
        layout.addWidget(self.title)
        layout.addWidget(self.message)
        layout.addWidget(self.pad)
        self.prompt()

    def prompt(self, message: str = "", error: bool = False) -> None:
        self.title.setText(self.title_text if not self._first else self.tr("Repeat the new admin PIN"))
        _show(self.message, message or (self.text if not self._first else self.tr("Type the same PIN again.")), error)
        self.pad.clear()

    def restart(self, message: str = "") -> None:
        self._first = ""
        self.prompt(message, error=bool(message))

    def submit(self, pin: str) -> None:
        if not self._first:
            problem = pin_problem(pin)
            if problem:
                self.prompt(_sentence(problem), error=True)
                return
            self._first = pin
            self.prompt()
            return
        if pin != self._first:
            self.restart(self.tr("The two PINs differ. Start again."))
            return
        self._first = ""
        self.pad.clear()
        self.chosen(pin)


class FirstRunDialog(PadKeys, QDialog):
    """The set-up screen of a kiosk without an admin PIN. Accepted once the settings are written
    and the recovery code acknowledged; nothing is written before the settings page's Save."""

    PIN, SETTINGS, CODE = range(3)

    def __init__(self, service, parent: QWidget | None = None, kiosk_mode: bool = False):
        super().__init__(parent)
        self.setWindowTitle(self.tr(SETUP_TITLE))
        self.setModal(True)
        self.service, self.kiosk_mode = service, kiosk_mode
        self.pin = ""
        self.recovery_code = ""  # for the tests; gone with the dialog
        self.stack = QStackedWidget()
        self.pin_page = PinTwice(self.tr("Welcome: choose the administrator's PIN"),
                                 self.tr("This kiosk is new. Its administrator chooses a PIN of 4-8 digits: it opens "
                                         "everything (employees, settings, the audit trail, leaving kiosk mode). HR "
                                         "gets its own PIN later, on the Security page."), self._pin_chosen)
        self.stack.addWidget(self.pin_page)
        self.stack.addWidget(self._settings_page())
        self.code_page = CodePage(self.tr("Finish: open the kiosk"))
        self.code_page.done.clicked.connect(self.accept)
        self.stack.addWidget(self.code_page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 28, 32, 24)
        layout.addWidget(self.stack)
        self.setMinimumWidth(520)
        self.keys_to_pad()

    def _settings_page(self) -> QWidget:
        page = QWidget()
        initial = InitialSettings.of(self.service.settings)
        title = QLabel(self.tr("This kiosk"), objectName="dialogTitle", alignment=Qt.AlignmentFlag.AlignCenter)
        text = QLabel(self.tr("Checked, then saved together with the admin PIN. Each can be changed later in "
                              "kiosk.toml."),
                      objectName="muted", wordWrap=True, alignment=Qt.AlignmentFlag.AlignCenter)
        self.kiosk_id = QLineEdit(initial.kiosk_id)
        self.time_zone = QComboBox(editable=True)
        self.time_zone.addItems(time_zones())
        self.time_zone.setCurrentText(initial.time_zone or self.time_zone.itemText(0))
        self.camera = QLineEdit(initial.camera)
        self.errors = {name: QLabel("", objectName="error", wordWrap=True) for name in ("kiosk_id", "time_zone",
                                                                                         "camera")}
        grid = QGridLayout()
        grid.setVerticalSpacing(6)
        rows = ((self.tr("Kiosk name"), self.kiosk_id, "kiosk_id"), (self.tr("Time zone"), self.time_zone, "time_zone"),
                (self.tr("Camera (0 = the first)"), self.camera, "camera"))
        for row, (label, field, name) in enumerate(rows):
            field.setAccessibleName(label)
            grid.addWidget(QLabel(label), 2 * row, 0)
            grid.addWidget(field, 2 * row, 1)
            grid.addWidget(self.errors[name], 2 * row + 1, 1)
            self.errors[name].hide()
        self.save_message = QLabel("", objectName="error", wordWrap=True)
        self.save_message.hide()
        back, self.save = QPushButton(self.tr("Back")), QPushButton(self.tr("Save"), objectName="primary")
        for button in (back, self.save):
            button.setMinimumHeight(60)
        back.clicked.connect(self._back)
        self.save.clicked.connect(self.save_settings)
        buttons = QHBoxLayout()
        buttons.addWidget(back)
        buttons.addStretch(1)
        buttons.addWidget(self.save)
        layout = QVBoxLayout(page)
        layout.setSpacing(14)
        layout.addWidget(title)
        layout.addWidget(text)
        layout.addLayout(grid)
        layout.addWidget(self.save_message)
        layout.addStretch(1)
        layout.addLayout(buttons)
        return page

    def active_pad(self) -> PinPad | None:
        return self.pin_page.pad if self.stack.currentIndex() == self.PIN else None

    def _pin_chosen(self, pin: str) -> None:
        self.pin = pin
        self.stack.setCurrentIndex(self.SETTINGS)
        self.kiosk_id.setFocus()

    def _back(self) -> None:
        self.pin = ""
        self.pin_page.restart()
        self.stack.setCurrentIndex(self.PIN)
        self.focus_pad()

    def initial(self) -> InitialSettings:
        return InitialSettings(self.kiosk_id.text(), self.time_zone.currentText(), self.camera.text())

    def save_settings(self) -> bool:
        """Check every field (each problem under its field), then write everything once."""
        initial = self.initial()
        problems = initial.problems()
        for name, label in self.errors.items():
            label.setText(refusal_text(problems[name]) if name in problems else "")
            label.setVisible(name in problems)
        if problems:
            return False
        self.service.actor = Actor(ROLE_ADMIN, "Administrator")  # whoever set it up is the administrator
        try:
            self.recovery_code = complete_setup(self.service.settings, self.pin, initial,
                                                audit=self.service.audit_event)
        except (ValueError, OSError) as exc:
            self.save_message.setText(self.tr("Not saved: {reason}").format(reason=refusal_text(exc)))
            self.save_message.show()
            return False
        self.pin = ""
        self.code_page.show_code(self.recovery_code)
        self.stack.setCurrentIndex(self.CODE)
        return True

    def reject(self) -> None:
        """Esc or closing: never once the code is shown (it must be acknowledged), nor in kiosk
        mode (the door stays on this screen until the kiosk is set up)."""
        if self.kiosk_mode or self.stack.currentIndex() == self.CODE:
            return
        super().reject()


class RecoveryDialog(PadKeys, QDialog):
    """A forgotten admin PIN: the recovery code, a new admin PIN twice, then the next code once.
    `guard` is the screens' PinGuard (its settings and lockout); `audit(action, **detail)` records it."""

    CODE_ENTRY, NEW_PIN, NEXT_CODE = range(3)

    def __init__(self, guard, parent: QWidget | None = None, audit=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Reset the admin PIN"))
        self.setModal(True)
        self.guard, self.audit = guard, audit
        self.next_code = ""
        self.stack = QStackedWidget()
        entry = QWidget()
        title = QLabel(self.tr("Reset the admin PIN"), objectName="dialogTitle", alignment=Qt.AlignmentFlag.AlignCenter)
        self.message = QLabel(self.tr("Type the recovery code shown when the kiosk was set up (or the admin PIN "
                                      "was last reset)."), objectName="muted", wordWrap=True, alignment=Qt.AlignmentFlag.AlignCenter)
        self.code = QLineEdit(placeholderText="XXXXX-XXXXX-XXXXX-XXXXX")
        self.code.setAccessibleName(self.tr("Recovery code"))
        self.code.returnPressed.connect(self.take_code)
        cancel, go_on = QPushButton(self.tr("Cancel")), QPushButton(self.tr("Next"), objectName="primary")
        for button in (cancel, go_on):
            button.setMinimumHeight(60)
        cancel.clicked.connect(self.reject)
        go_on.clicked.connect(self.take_code)
        buttons = QHBoxLayout()
        buttons.addWidget(cancel)
        buttons.addStretch(1)
        buttons.addWidget(go_on)
        layout = QVBoxLayout(entry)
        layout.setSpacing(16)
        for widget in (title, self.message, self.code):
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.stack.addWidget(entry)
        self.pin_page = PinTwice(self.tr("Choose the new admin PIN"), self.tr("4-8 digits."), self._reset)
        self.stack.addWidget(self.pin_page)
        self.code_page = CodePage(self.tr("Done"))
        self.code_page.title.setText(self.tr("The admin PIN is reset: your new recovery code"))
        self.code_page.done.clicked.connect(self.accept)
        self.stack.addWidget(self.code_page)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(32, 28, 32, 24)
        outer.addWidget(self.stack)
        self.setMinimumWidth(520)
        self.keys_to_pad()

    def active_pad(self) -> PinPad | None:
        return self.pin_page.pad if self.stack.currentIndex() == self.NEW_PIN else None

    def take_code(self) -> bool:
        problem = code_problem(self.code.text())
        if problem:  # a typo costs no try
            _show(self.message, _sentence(problem), error=True)
            return False
        self.stack.setCurrentIndex(self.NEW_PIN)
        self.focus_pad()
        return True

    def _reset(self, pin: str) -> None:
        try:
            result, code = reset_admin_pin(self.guard.settings, self.code.text(), pin, audit=self.audit)
        except ValueError as exc:
            self.pin_page.restart(_sentence(exc))
            return
        if not result.ok:  # a wrong code: counted towards the lockout, asked again
            self.code.clear()
            _show(self.message, pin_refusal(result), error=True)
            self.stack.setCurrentIndex(self.CODE_ENTRY)
            self.code.setFocus()
            return
        self.next_code = code
        self.code_page.show_code(code)
        self.stack.setCurrentIndex(self.NEXT_CODE)

    def reject(self) -> None:
        if self.stack.currentIndex() == self.NEXT_CODE:  # the new code must be acknowledged
            return
        super().reject()


class CodeDialog(QDialog):
    """A new recovery code the administrator asked for, shown once (kiosk.app.first_run.new_recovery_code)."""

    def __init__(self, code: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("New recovery code"))
        self.setModal(True)
        self.page = CodePage(self.tr("Done"))
        self.page.title.setText(self.tr("New recovery code: the earlier one no longer works"))
        self.page.show_code(code)
        self.page.done.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 28, 32, 24)
        layout.addWidget(self.page)

    def reject(self) -> None:  # acknowledged with the box ticked, not dismissed
        return


def run_first_run(service, kiosk_mode: bool = False) -> bool:
    """Before the kiosk opens: the set-up screen when the kiosk has no admin PIN (full screen at
    the door). True when the kiosk is set up (already, or now)."""
    if not needs_setup(service.settings):
        return True
    from kiosk.ui.screen_fit import present

    dialog = FirstRunDialog(service, kiosk_mode=kiosk_mode)
    present(dialog, kiosk_mode)
    dialog.exec()
    return not needs_setup(service.settings)
