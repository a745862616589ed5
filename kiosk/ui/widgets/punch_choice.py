"""The entrance's IN / OUT / Break / Back-from-break keys ("choose" punch mode): shown on the
welcome banner for a few seconds after a punch, the recorded direction preselected, as the
terminals' punch-state keys. Large enough for a finger (theme.touch), and the keyboard works too:
I = in, O = out, B = break, R = back from break (return). Saying what a tap changes is the
live page's job; this widget only offers the choice and says which key was taken."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QButtonGroup, QPushButton, QSizePolicy, QWidget

from kiosk.ui import theme
from kiosk.ui.widgets.flow import FlowLayout

# (direction, label, key): the punch directions of kiosk.attendance.punches, in the order shown.
CHOICES = (("in", QT_TRANSLATE_NOOP("PunchChoice", "IN"), "I"), ("out", QT_TRANSLATE_NOOP("PunchChoice", "OUT"), "O"),
           ("break_out", QT_TRANSLATE_NOOP("PunchChoice", "Break"), "B"),
           ("break_in", QT_TRANSLATE_NOOP("PunchChoice", "Back from break"), "R"))
DIRECTION_WORDS = {direction: label for direction, label, _ in CHOICES}  # the screens' words for directions (marked:
# translated where shown: direction_word)


def direction_word(direction: str | None) -> str:
    """A punch direction in the screen's language ("" for none)."""
    word = DIRECTION_WORDS.get(direction or "")
    return QCoreApplication.translate("PunchChoice", word) if word else ""


class PunchChoice(QWidget):
    chosen = Signal(str)  # the direction tapped (or typed)
    expired = Signal()  # the seconds ran out (or the next person came): the keys are gone

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("punchChoice")
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.buttons: dict[str, QPushButton] = {}
        layout = FlowLayout(self, spacing=12, align=Qt.AlignmentFlag.AlignHCenter)
        layout.setContentsMargins(0, 8, 0, 0)
        for direction, label, key in CHOICES:
            button = QPushButton(self.tr(label), objectName="punchKey")
            button.setCheckable(True)
            button.setAutoDefault(False)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys go to the shortcuts, not a focused button
            button.setToolTip(self.tr("{label} (key {key})").format(label=self.tr(label), key=key))
            button.setMinimumSize(theme.touch(2.6), theme.touch(1.3))
            button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
            button.clicked.connect(lambda _=False, d=direction: self.choose(d))
            self.group.addButton(button)
            layout.addWidget(button)
            self.buttons[direction] = button
            shortcut = QShortcut(QKeySequence(key), self, context=Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(lambda d=direction: self.choose(d) if self.isVisible() else None)
        self.punch_id: int | None = None
        self._timer = QTimer(self, singleShot=True, timeout=self.withdraw)
        self.hide()

    def offer(self, punch_id: int, direction: str | None, seconds: float) -> None:
        """Show the keys for `seconds`, the recorded `direction` preselected."""
        self.punch_id = punch_id
        self.select(direction)
        self.show()
        self._timer.start(int(seconds * 1000))

    def select(self, direction: str | None) -> None:
        for key, button in self.buttons.items():
            button.setChecked(key == direction)

    def selected(self) -> str | None:
        return next((key for key, button in self.buttons.items() if button.isChecked()), None)

    def choose(self, direction: str) -> None:
        if self.punch_id is not None and self.isVisible():
            self.chosen.emit(direction)

    def withdraw(self) -> None:
        """The keys vanish (time up, or the next person); a tap after this changes nothing."""
        self._timer.stop()
        was_offered = self.punch_id is not None
        self.punch_id = None
        self.hide()
        if was_offered:
            self.expired.emit()

    def seconds_left(self) -> float:
        return max(0.0, self._timer.remainingTime() / 1000) if self._timer.isActive() else 0.0
