"""The on-screen keyboard of kiosk mode: Qt Virtual Keyboard (PySide6-Addons), for every text
field of the kiosk (the Employees search, the enrollment wizard, the export dialog, ...).

Why this one: it types into any QLineEdit, also inside a window-modal dialog such as the wizard
(not into an application-modal one: Qt blocks its window there; no dialog with text fields is
application-modal), with keys of ~17 mm on a 10" panel, and costs nothing until a field is
first tapped. It must be chosen before the QApplication exists (QT_IM_MODULE), so `prepare()`
runs first and `install()` after. It needs Debian's libpulse0 (its key sounds link QtMultimedia):
without it the keyboard would silently never appear, so `prepare()` loads its libraries itself
and says loudly why it is off. `kiosk.toml`: on_screen_keyboard = "auto" (on in --kiosk mode),
"on" or "off".

The keyboard covers the bottom of the screen. `KeyboardDodger` keeps the focused field above it:
a field in a scroll area is scrolled up; a window that can move (a dialog) moves up, and when it
cannot move far enough (or is full screen) its content is shrunk to the space above the
keyboard; all is put back when the keyboard hides."""
from __future__ import annotations

import ctypes
import logging
import os
from dataclasses import dataclass
from pathlib import Path

import shiboken6
from PySide6.QtCore import QLibraryInfo, QMargins, QObject, QPoint, QRect, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QScrollArea, QWidget

log = logging.getLogger(__name__)

SETTINGS = ("auto", "on", "off")
IM_MODULE = "qtvirtualkeyboard"
GAP = 12  # px kept between the focused field and the keyboard's top
KEYBOARD_WINDOW = "QtVirtualKeyboard::InputView"  # the keyboard's own window (a QQuickView)
INSTALL_HINT = "install Debian's libpulse0 (installer/screen.sh does it)"


@dataclass(frozen=True)
class KeyboardChoice:
    enabled: bool
    reason: str  # one line for the log and for `--kiosk` start-up


def _libraries() -> list[Path]:
    """The shared objects Qt loads for the keyboard: its input-context plugin and its QML
    components (which link QtMultimedia, and so libpulse)."""
    plugins = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath))
    qml = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.QmlImportsPath))
    return [plugins / "platforminputcontexts" / "libqtvirtualkeyboardplugin.so",
            qml / "QtQuick" / "VirtualKeyboard" / "Components" / "libqtvkbcomponentsplugin.so"]


def load_problem() -> str | None:
    """Why Qt Virtual Keyboard cannot load here (a missing file or library), or None. Loads
    its libraries as Qt would, so a missing libpulse.so.0 is found now, not at the first tap."""
    for library in _libraries():
        if not library.is_file():
            return (f"{library.name} is not installed: the full PySide6 package (with PySide6-Addons) "
                    f"provides it")
        try:
            ctypes.CDLL(os.fspath(library), mode=os.RTLD_NOW | os.RTLD_LOCAL)
        except OSError as exc:
            hint = f": {INSTALL_HINT}" if "pulse" in str(exc) else ""
            return f"{library.name} cannot be loaded ({exc}){hint}"
    return None


def choose(setting: str, kiosk_mode: bool) -> bool:
    """Whether the keyboard is wanted: "on", "off", or "auto" (on in kiosk mode)."""
    setting = (setting or "auto").strip().lower()
    if setting not in SETTINGS:
        raise ValueError(f"on_screen_keyboard = {setting!r}: use \"auto\", \"on\" or \"off\"")
    return setting == "on" or (setting == "auto" and kiosk_mode)


def prepare(setting: str, kiosk_mode: bool) -> KeyboardChoice:
    """Before the QApplication: switch Qt Virtual Keyboard on when it is wanted and can load.
    When it is wanted but cannot load, the reason is logged as an error (the caller prints it)."""
    if not choose(setting, kiosk_mode):
        return KeyboardChoice(False, f"on-screen keyboard off (on_screen_keyboard = {setting or 'auto'}"
                                     f"{', not in kiosk mode' if not kiosk_mode else ''})")
    problem = load_problem()
    if problem is not None:
        reason = f"ON-SCREEN KEYBOARD UNAVAILABLE: {problem}. Text fields need a USB keyboard until then."
        log.error(reason)
        return KeyboardChoice(False, reason)
    os.environ["QT_IM_MODULE"] = IM_MODULE
    return KeyboardChoice(True, "on-screen keyboard on (Qt Virtual Keyboard)")


def install(app) -> KeyboardDodger | None:
    """After the QApplication: keep focused fields above the keyboard (when it is on)."""
    if os.environ.get("QT_IM_MODULE") != IM_MODULE:
        return None
    dodger = KeyboardDodger(app)
    app._keyboard_dodger = dodger  # lives as long as the application
    return dodger


class KeyboardDodger(QObject):
    """Moves what must move so the focused text field is not under the on-screen keyboard."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._saved: dict[QWidget, tuple[QRect, QMargins]] = {}
        self._pending = QTimer(self, singleShot=True, interval=0, timeout=self.update)
        method = QGuiApplication.inputMethod()
        method.visibleChanged.connect(self._pending.start)
        method.keyboardRectangleChanged.connect(self._pending.start)
        QApplication.instance().focusChanged.connect(lambda *_: self._pending.start())

    @staticmethod
    def keyboard_rect() -> QRect:
        """The keyboard on the screen (global coordinates), empty while it is hidden."""
        method = QGuiApplication.inputMethod()
        return method.keyboardRectangle().toRect() if method.isVisible() else QRect()

    def update(self) -> None:
        if QGuiApplication.mouseButtons() != Qt.MouseButton.NoButton:
            # A finger is down (on a button that took the focus, which hides the keyboard): the
            # window moves once it is lifted, or the tap would end somewhere else and not click.
            self._pending.start(50)
            return
        self._pending.setInterval(0)
        field = QApplication.focusWidget()
        keyboard = self.keyboard_rect()
        if field is not None and not field.testAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled):
            field = None  # a button or a keypad: the keyboard is going away
        window = field.window() if field is not None else None
        for moved in list(self._saved):  # from where it was: another field may need less (or none)
            self._restore(moved)
        if keyboard.isEmpty() or field is None:
            return
        self._raise_keyboard()
        covered = self._covered(field, keyboard)
        if covered <= 0:
            return
        if self._scroll(field, covered):
            return
        self._lift(window, field, covered)
        QTimer.singleShot(0, lambda: self._scroll(field, self._covered(field, keyboard)))

    @staticmethod
    def _raise_keyboard() -> None:
        """The keyboard above every window: it asks to stay on top, but without a window manager
        a dialog opened after it (the wizard) would cover it."""
        for window in QGuiApplication.allWindows():
            if window.isVisible() and window.metaObject().className() == KEYBOARD_WINDOW:
                window.raise_()

    @staticmethod
    def _covered(field: QWidget, keyboard: QRect) -> int:
        """How many px of the field (and the gap under it) the keyboard hides."""
        bottom = field.mapToGlobal(QPoint(0, field.height())).y()
        return bottom + GAP - keyboard.top()

    @staticmethod
    def _scroll(field: QWidget, covered: int) -> bool:
        """Scroll the nearest scroll area holding `field` up by `covered` px, when it can."""
        if covered <= 0:
            return True
        parent = field.parentWidget()
        while parent is not None and not isinstance(parent, QAbstractScrollArea):
            parent = parent.parentWidget()
        if not isinstance(parent, QScrollArea):
            return False
        bar = parent.verticalScrollBar()
        if bar.value() + covered > bar.maximum():
            return False
        bar.setValue(bar.value() + covered)
        return True

    def _lift(self, window: QWidget, field: QWidget, covered: int) -> None:
        """Move the window up (a dialog: its top may leave the screen, as long as the field
        does not), then shrink what still lies under the keyboard (a full-screen window)."""
        self._saved[window] = (window.geometry(), window.contentsMargins())
        screen = (window.screen() or QGuiApplication.primaryScreen()).availableGeometry()
        if not (window.isFullScreen() or window.isMaximized()):
            up = min(covered, field.mapToGlobal(QPoint(0, 0)).y() - screen.top() - GAP)
            if up > 0:
                window.move(window.x(), window.y() - up)
                covered -= up
        if covered > 0:  # what is left lies under the keyboard: the content ends above it
            margins = window.contentsMargins()
            margins.setBottom(margins.bottom() + covered)
            window.setContentsMargins(margins)

    def _restore(self, window: QWidget) -> None:
        geometry, margins = self._saved.pop(window)
        if not shiboken6.isValid(window):  # closed and gone meanwhile
            return
        if window.isVisible() and not (window.isFullScreen() or window.isMaximized()):
            window.move(geometry.topLeft())
        window.setContentsMargins(margins)
