"""Touch keypads for the entrance screen: the PIN pad (digits, masked dots) and the worker-ID pad
(digits, A-Z, hyphen and underscore: kiosk.common.worker_id). Both take a physical keyboard as well:
digits, letters where IDs have them, Backspace, Enter or the keypad's Enter = OK. The dialogs
that hold a pad (PadKeys) send it every key pressed anywhere in them, Esc cancels, and none of
their buttons is a default that Enter would press instead. Keys are at least TOUCH_MM on the
screen they are shown on, and the worker-ID pad (10 keys a row) fits a portrait 800 px screen."""
from __future__ import annotations

import math
import string

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.common import worker_id
from kiosk.ui import theme

MAX_DIGITS = 8
TOUCH_MM = 9.0  # the smallest key a finger hits reliably (issue 21)
BACK, OK = "⌫", "OK"
KEY_NAMES = {BACK: QT_TRANSLATE_NOOP("PinPad", "Delete the last character"), OK: QT_TRANSLATE_NOOP("PinPad", "OK"),
             "-": QT_TRANSLATE_NOOP("PinPad", "Hyphen"),
             "_": QT_TRANSLATE_NOOP("PinPad", "Underscore")}
DIGIT_ROWS = [["1", "2", "3"], ["4", "5", "6"], ["7", "8", "9"], [BACK, "0", OK]]
ID_ROWS = [list("1234567890"), list("QWERTYUIOP"), list("ASDFGHJKL-"), [*"ZXCVBNM_", BACK, OK]]
assert {k for row in ID_ROWS for k in row} - {BACK, OK} == set(worker_id.KEYS)
# The worker-ID pad's own look: the theme's key style, without its minimum sizes (the keys are
# squares of a size the dialog chooses for its screen: set_key_size).
ID_KEY_STYLE = """
QPushButton#idKey {{ font-size: {font}px; background: #1e293b; border: 2px solid #334155; }}
QPushButton#idKey:pressed {{ background: #334155; }}
QPushButton#idKey {{ border-color: {border}; }}
QPushButton#idKey, QPushButton#pinBack, QPushButton#pinOk {{
    padding: 0; min-width: 0; min-height: 0; font-size: {font}px; }}
"""
ID_KEY_MAX = 88  # px: square keys grow with the screen's width up to this


def touch_px(widget: QWidget | None = None, mm: float = TOUCH_MM) -> int:
    """`mm` in pixels on the widget's screen (the primary one before it is shown)."""
    screen = (widget.screen() if widget is not None else None) or QGuiApplication.primaryScreen()
    dpi = screen.physicalDotsPerInch() if screen is not None else 96.0
    return math.ceil(mm / 25.4 * (dpi if dpi > 1 else 96.0))


class PinPad(QWidget):
    submitted = Signal(str)

    def __init__(self, parent: QWidget | None = None, masked: bool = True, max_length: int = MAX_DIGITS,
                 worker_ids: bool = False):
        """`masked`: dots instead of what was typed (a PIN; a worker ID is shown); `worker_ids`:
        the worker-ID pad (kiosk.common.worker_id's characters), else digits only."""
        super().__init__(parent)
        self.masked = masked
        self.max_length = max_length
        self.worker_ids = worker_ids
        self._digits = ""
        self.display = QLabel()
        self.display.setObjectName("pinDisplay")
        self.display.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.grid = grid = QGridLayout()
        grid.setSpacing(6 if worker_ids else 12)
        side = touch_px(parent)
        self.buttons: dict[str, QPushButton] = {}
        for r, row in enumerate(ID_ROWS if worker_ids else DIGIT_ROWS):
            for c, key in enumerate(row):
                button = QPushButton(key)
                button.setObjectName("pinOk" if key == OK else "pinBack" if key == BACK else
                                     "idKey" if worker_ids else "pinKey")
                button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
                button.setAutoDefault(False)
                button.setAccessibleName(self.tr(KEY_NAMES[key]) if key in KEY_NAMES else key)
                if not worker_ids:
                    button.setMinimumSize(max(side, 96, theme.font_px(76)), max(side, theme.font_px(80)))  # larger text
                button.clicked.connect(lambda _=False, k=key: self.press(k))
                grid.addWidget(button, r, c)
                self.buttons[key] = button
        self.key_side = 0
        if worker_ids:
            self.set_key_size(side)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(16)
        layout.addWidget(self.display)
        layout.addLayout(grid)
        # The pad holds the keyboard focus in its dialog, so typing goes to it (its keys never do).
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setProperty("accessibleGraphic", True)  # kiosk.ui.accessibility: it needs a name
        self.setAccessibleName(self.tr("Worker ID keypad") if worker_ids else self.tr("PIN keypad") if masked
                               else self.tr("Number keypad"))
        self.setAccessibleDescription(self.tr("Type on the keyboard or tap the keys; Enter or OK to confirm, "
                                              "Backspace to delete, Escape to cancel."))
        self.display.setAccessibleName(self.tr("Entered so far"))
        self._refresh()

    def set_key_size(self, side: int) -> None:
        """The worker-ID pad's keys: `side` px square (never under TOUCH_MM on this screen)."""
        self.key_side = max(int(side), touch_px(self))
        border = "#ffffff" if theme.Look.high_contrast else "#334155"  # outlined in high contrast
        style = ID_KEY_STYLE.format(font=max(18, min(30, self.key_side * 2 // 5)), border=border)
        self.setStyleSheet(theme.themed(style, text_scale=1.0))  # the font fits the key already
        for button in self.buttons.values():
            button.setFixedSize(self.key_side, self.key_side)

    def fit_width(self, width: int) -> None:
        """Square worker-ID keys as large as `width` px of pad allows (ten a row), up to ID_KEY_MAX."""
        columns = len(ID_ROWS[0])
        self.set_key_size(min(ID_KEY_MAX, (width - (columns - 1) * self.grid.spacing()) // columns))

    @property
    def pin(self) -> str:
        return self._digits

    def clear(self) -> None:
        self._digits = ""
        self._refresh()

    def press(self, key: str) -> None:
        if key == OK:
            if self._digits:
                self.submitted.emit(self._digits)
        elif key == BACK:
            self._digits = self._digits[:-1]
        elif self.accepts(key) and len(self._digits) < self.max_length:
            self._digits += key
        self._refresh()

    def accepts(self, key: str) -> bool:
        """Whether `key` may be typed next: a digit; on the worker-ID pad also a letter, and a
        hyphen or underscore after the first character (an ID starts with a letter or digit)."""
        if len(key) != 1 or not key.isascii():
            return False
        if key in string.digits:
            return True
        return self.worker_ids and key.upper() in worker_id.KEYS and (key.isalnum() or bool(self._digits))

    def type_pin(self, pin: str) -> None:
        """Press each key then OK (tests)."""
        for key in pin:
            self.press(key)
        self.press(OK)

    def handle_key(self, event: QKeyEvent) -> bool:
        """A physical key: True when the pad used it (Esc and the rest are left to the dialog)."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.press(OK)
        elif event.key() == Qt.Key.Key_Backspace:
            self.press(BACK)
        elif self.accepts(event.text()):
            self.press(event.text())
        else:
            return False
        return True

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt name
        if not self.handle_key(event):
            super().keyPressEvent(event)

    def _refresh(self) -> None:
        shown = " ".join("●" for _ in self._digits) if self.masked else self._digits
        self.display.setText(shown or " ")
        # a screen reader hears how many digits of a PIN were typed, never the digits
        self.display.setAccessibleDescription(f"{len(self._digits)} typed" if self.masked else self._digits)


class PadKeys:
    """Mixed into a QDialog that holds pads (before QDialog in the bases): the visible pad gets
    the focus when the dialog shows, every key pressed anywhere in the dialog goes to it, Esc
    cancels (QDialog's own), and no button is a default or auto-default that Enter would press.
    Subclasses say which pad is active (`active_pad`) and call `keys_to_pad()` at the end of
    their __init__."""

    def active_pad(self) -> PinPad | None:
        raise NotImplementedError

    def keys_to_pad(self) -> None:
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
            button.setDefault(False)

    def focus_pad(self) -> None:
        pad = self.active_pad()
        if pad is not None:
            pad.setFocus(Qt.FocusReason.OtherFocusReason)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt name
        super().showEvent(event)
        self.focus_pad()

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt name
        pad = self.active_pad()
        if pad is not None and pad.isVisible() and pad.handle_key(event):
            return
        super().keyPressEvent(event)
